import EventLog
import Foundation

/// How far the log is known to have come, from what the daemon keeps beside
/// it: the newest snapshot (which covers only durable events) and the
/// acknowledged seq (see ``AcknowledgedSeq``). A start passes it to
/// ``EventLog/open(directory:options:)`` as ``EventLog/Options/knownSeq``,
/// so that damage at the log's tail that would drop acknowledged batches
/// stops the start instead of being cut; `timelined verify` and
/// `timelined recover` compare the log with it too.
///
/// Snapshots are read by their headers alone (80 bytes at most), newest
/// first, and the first whose header is whole and agrees with its name
/// counts: a snapshot's body may be of another version or damaged, its
/// seq still shows the log held it.
struct KnownLogEnd: Sendable {
    /// The highest seq shown, and by what; nil when nothing shows any.
    var known: EventLog.KnownSeq?
    /// Evidence passed over (a snapshot header that does not read, an
    /// unusable acknowledged-seq file), for warnings.
    var passedOver: [String] = []

    /// Reads the snapshots' headers and the acknowledged seq of a state.
    init(folders: DataFolders) {
        let store = SnapshotStore(directory: URL(fileURLWithPath: folders.snapshots))
        do {
            for file in try store.files() {
                do {
                    let seq = try store.coveredSeq(of: file)
                    known = EventLog.KnownSeq(seq: seq, evidence: "snapshot \(file.name)")
                    break
                } catch let error as EventLogError {
                    passedOver.append("snapshot \(file.name): \(error.message)")
                }
            }
        } catch {
            passedOver.append("the snapshots in \(folders.snapshots) cannot be listed: \(error)")
        }
        switch AcknowledgedSeq.read(state: folders.state) {
        case .absent:
            break
        case .seq(let seq):
            if seq > known?.seq ?? 0 {
                known = EventLog.KnownSeq(seq: seq, evidence: "the acknowledged seq in \(folders.state)/\(AcknowledgedSeq.fileName)")
            }
        case .unusable(let reason):
            passedOver.append("\(folders.state)/\(AcknowledgedSeq.fileName): \(reason)")
        }
    }
}

import DurableFiles
import EventLog
import Foundation
import Logging
import Timeline

/// How much of the log a start checks before it serves, and the check that
/// completes it afterwards.
///
/// Without a snapshot, a start replays every record anyway, so opening the
/// log checks them all first (CRC, seq, hash chain, seals), and damage
/// stops the start. With a snapshot, that full check would be most of the
/// start (half a second per million events, the snapshot's load the
/// rest), for records the start does not otherwise read: opening then
/// checks every record of the last segment, where a crash can leave damage,
/// and the headers, seals and links of the sealed ones; what is served comes
/// from the snapshot, which is checked whole and tied to the log's chain
/// head. The sealed segments' records are checked right after, on a utility
/// queue, as EventStoreDB verifies its chunks in the background at start.
/// Damage found there stops the daemon with the same message a start would
/// give, and leaves a marker so that the next start checks every record
/// before serving, and refuses.
enum LogTrust {
    /// The marker a failed background check leaves, in the state folder.
    static let markerName = "log-check-failed"

    /// The check for opening the log: every record, unless a snapshot
    /// will spare the replay and no earlier check found damage.
    static func openCheck(snapshots: String, state: String) -> EventLog.OpenCheck {
        if FileSystem.exists(state + "/" + markerName) { return .everyRecord }
        let names = (try? FileSystem.list(snapshots)) ?? []
        return names.contains { $0.hasSuffix(".snap") } ? .sealsAndTail : .everyRecord
    }

    /// After a start that checked every record: the log is whole, so a
    /// marker left by an earlier finding (since repaired) goes.
    static func clearMarker(state: String, logger: Logger) {
        let marker = state + "/" + markerName
        guard FileSystem.exists(marker) else { return }
        do {
            try FileSystem.remove(marker)
            try FileSystem.syncDirectory(state)
        } catch {
            logger.error("cannot remove the marker of an earlier failed check", metadata: ["error": "\(error)"])
            return
        }
        logger.notice("every record of the log checks out again; the next start with a snapshot checks the sealed segments after it serves")
    }

    /// Checks every record of the log off the ingest loop and the store;
    /// on damage, logs it, leaves the marker and calls `damaged` with the
    /// reason (the daemon then stops).
    static func checkInBackground(
        _ log: EventLog, state: String, logger: Logger, damaged: @escaping @Sendable (String) -> Void
    ) -> Task<Void, Never> {
        Task {
            let started = ContinuousClock.now
            let report: TimelineInterface.VerifyReport
            do {
                report = try await LogVerification.run(log)
            } catch {
                logger.error("cannot check the log's sealed segments", metadata: ["error": "\(error)"])
                return
            }
            guard let fault = report.faults.first else {
                let elapsed = ContinuousClock.now - started
                logger.info("every record of the log checks out", metadata: [
                    "records": "\(report.records)", "segments": "\(report.segments)",
                    "seconds": "\(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)",
                ])
                return
            }
            var place: [String] = []
            if let segment = fault.segment { place.append("segment=\(segment)") }
            if let offset = fault.offset { place.append("offset=\(offset)") }
            if let seq = fault.seq { place.append("seq=\(seq)") }
            let reason = "the log cannot be trusted, stopping: \(fault.message) [code=\(fault.code) \(place.joined(separator: " "))]"
            do {
                try FileSystem.writeAtomically(Array((reason + "\n").utf8), to: state + "/" + markerName)
            } catch {
                // Without the marker the next start from a snapshot serves
                // before it checks again; it still finds the damage.
                logger.error("cannot leave the marker of the failed check", metadata: ["error": "\(error)"])
            }
            logger.critical("\(reason)")
            damaged(reason)
        }
    }
}

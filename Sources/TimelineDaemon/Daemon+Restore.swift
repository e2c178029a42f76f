import EventLog
import Foundation
import Logging
import Timeline

extension Daemon {
    /// The projections at the end of the log, and the seq of the snapshot
    /// they started from (0 for none).
    struct Restored {
        var projections: Projections
        var snapshotSeq: UInt64
    }

    /// Rebuilds the projections at start: from the newest snapshot that is
    /// whole, of this code's version and of this log's history, plus the
    /// events after it; or, without one, by replaying the whole log.
    ///
    /// A snapshot passed over is logged with the reason (damaged, another
    /// version, another history, a body this code cannot read), and the
    /// start goes on without it: a snapshot only saves time, the log is
    /// the truth.
    ///
    /// - Throws: ``StartupError`` when the log holds an event this code
    ///   cannot read; ``EventLogError`` when reading the log fails.
    func restore(_ log: EventLog, snapshots folder: String) throws -> Restored {
        let started = ContinuousClock.now
        var projections = Projections()
        var snapshotSeq: UInt64 = 0
        let store = SnapshotStore(directory: URL(fileURLWithPath: folder))
        do {
            let load = try store.loadNewest(version: Projections.snapshotVersion, matching: log)
            for skipped in load.skipped {
                logger.warning("snapshot ignored", metadata: ["file": "\(skipped.fileName)", "reason": "\(skipped.reason)"])
            }
            if let snapshot = load.snapshot {
                switch Self.projections(from: snapshot) {
                case .success(let loaded):
                    projections = loaded
                    snapshotSeq = snapshot.seq
                    logger.info("snapshot loaded", metadata: [
                        "file": "\(snapshot.fileName)", "seq": "\(snapshot.seq)", "bytes": "\(snapshot.body.count)",
                    ])
                case .failure(let reason):
                    logger.warning("snapshot ignored; replaying the whole log", metadata: [
                        "file": "\(snapshot.fileName)", "reason": "\(reason)",
                    ])
                }
            }
        } catch {
            logger.warning("cannot read the snapshots; replaying the whole log", metadata: [
                "folder": "\(folder)", "error": "\(error)",
            ])
        }

        let from = projections.lastSeq
        projections.reserveCapacity(forEvents: Int(log.lastSeq - from))
        do {
            try LogReplay.apply(log, after: from, to: &projections)
        } catch let error as EventDecodingError {
            throw StartupError("the log holds an event this timelined cannot read, refusing to start: \(error)")
        }
        let elapsed = ContinuousClock.now - started
        logger.info("projections restored", metadata: [
            "snapshot_seq": "\(snapshotSeq)", "replayed": "\(log.lastSeq - from)",
            "seconds": "\(String(format: "%.3f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))",
        ])
        return Restored(projections: projections, snapshotSeq: snapshotSeq)
    }

    /// The projections a snapshot holds, or why they cannot be used.
    private static func projections(from snapshot: Snapshot) -> Result<Projections, SnapshotUnusable> {
        do {
            let loaded = try Projections(snapshot: snapshot.body)
            guard loaded.lastSeq == snapshot.seq else {
                return .failure(SnapshotUnusable(description: "its body covers seq \(loaded.lastSeq) but its header says \(snapshot.seq)"))
            }
            return .success(loaded)
        } catch {
            return .failure(SnapshotUnusable(description: "its body cannot be read: \(error)"))
        }
    }
}

/// Why a snapshot that the store found whole was not used after all.
struct SnapshotUnusable: Error, CustomStringConvertible {
    var description: String
}

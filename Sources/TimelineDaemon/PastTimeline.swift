import EventLog
import Foundation
import Timeline

/// The projections as they stood at a point of the log's past, for the
/// views called with `asOf`.
///
/// An answer starts from the newest state at or before the point that is
/// at hand (the last answer's projections, kept, or the newest snapshot
/// at or before it) and replays the events from there to the point
/// (``PastProjections``), so it costs at most a replay of the log's prefix
/// and, with a snapshot near the point, the load of that snapshot and a
/// few events. The point's own seq is the projections the store holds now
/// when the log has not moved since. The work runs on a queue of its own,
/// one answer at a time, outside Swift concurrency's threads and off the
/// store's actor, so ingestion and other queries go on meanwhile.
actor PastTimeline {
    private let log: EventLog
    private let snapshots: SnapshotStore?
    private let queue = DispatchQueue(label: "timelined.as-of", qos: .utility)
    /// The last answer's projections: an analyst often asks several views,
    /// or a later point, of the same moment. One is kept, since a large
    /// timeline's projections take hundreds of megabytes.
    private var recent: Projections?

    /// - Parameters:
    ///   - log: the log to replay.
    ///   - snapshots: the daemon's snapshots, to start nearer the point; nil for none.
    init(log: EventLog, snapshots: SnapshotStore?) {
        self.log = log
        self.snapshots = snapshots
    }

    /// The projections as of `point` and the seq and time that is.
    ///
    /// - Parameters:
    ///   - point: the point asked for.
    ///   - current: the projections the store holds, when they stand at
    ///     the seq given. Asked only then: a copy held while the store
    ///     applies events would make it copy its indexes.
    /// - Throws: ``AsOfError`` when the log does not reach the point;
    ///   `EventLogError` or ``EventDecodingError`` when the log cannot be read.
    func projections(
        asOf point: AsOfPoint, current: @Sendable (UInt64) async -> Projections?
    ) async throws -> (AsOf, Projections) {
        let log = self.log
        let asOf = try await BlockingWork.run(on: queue) { try PastProjections.resolve(point, in: log) }
        if let current = await current(asOf.seq) { return (asOf, current) }
        if let recent, recent.lastSeq == asOf.seq { return (asOf, recent) }
        let start = recent.flatMap { $0.lastSeq < asOf.seq ? $0 : nil } ?? Projections()
        let snapshots = self.snapshots
        let projections = try await BlockingWork.run(on: queue) {
            let from = Self.snapshot(in: snapshots, through: asOf.seq, after: start.lastSeq, of: log) ?? start
            return try PastProjections.replay(from, through: asOf.seq, of: log)
        }
        recent = projections
        return (asOf, projections)
    }

    /// The projections of the newest snapshot covering a seq from `after`
    /// (excluded) to `last` that is whole, of this code's version and of
    /// this log's history; nil when there is none, or it cannot be read
    /// (the answer then replays from an earlier state: a snapshot only
    /// saves time).
    private static func snapshot(
        in store: SnapshotStore?, through last: UInt64, after: UInt64, of log: EventLog
    ) -> Projections? {
        guard let store,
              let snapshot = try? store.loadNewest(version: Projections.snapshotVersion, matching: log, through: last).snapshot,
              snapshot.seq > after,
              let projections = try? Projections(snapshot: snapshot.body),
              projections.lastSeq == snapshot.seq else { return nil }
        return projections
    }
}

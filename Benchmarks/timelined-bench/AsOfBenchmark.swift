import EventLog
import Foundation
import Timeline

/// `timelined-bench asof [EVENTS] [--log DIR]`: `latest` as of the middle
/// of a log, as the daemon answers it: the newest snapshot at or before
/// the point (the one the daemon's spread keeps there: about a third of
/// the way into a million events) loaded, the events from it to the point
/// replayed, the view read; and the same without a snapshot, from seq 0.
func asOfBenchmark(_ arguments: [String]) async throws {
    let benchmarkLog = try await BenchmarkLog(arguments, prefix: "timelined-bench-asof")
    defer { benchmarkLog.removeIfTemporary() }
    let log = try EventLog.open(directory: benchmarkLog.directory)
    defer { log.close() }
    let point = log.lastSeq / 2
    let snapshotSeq = log.lastSeq * 32 / 100
    let snapshots = SnapshotStore(directory: URL(fileURLWithPath: try BenchmarkFolder.make(prefix: "timelined-bench-asof-snapshots")))
    defer { try? FileManager.default.removeItem(at: snapshots.directory) }
    let atSnapshot = try PastProjections.replay(Projections(), through: snapshotSeq, of: log)
    try snapshots.write(
        atSnapshot.snapshotContent.encoded(), seq: snapshotSeq, chainHead: try log.chainHead(at: snapshotSeq),
        version: Projections.snapshotVersion)

    let start = ContinuousClock.now
    let asOf = try PastProjections.resolve(.seq(point), in: log)
    guard let snapshot = try snapshots.loadNewest(version: Projections.snapshotVersion, matching: log, through: point).snapshot
    else { throw BenchmarkFailure("the snapshot at seq \(snapshotSeq) was not loaded") }
    let loaded = try Projections(snapshot: snapshot.body)
    let loadedAt = ContinuousClock.now
    let past = try PastProjections.replay(loaded, through: asOf.seq, of: log)
    let rows = past.latest(matching: ClaimFilter()).count
    print("as-of: latest as of seq \(point) of \(log.lastSeq) in \(format(ContinuousClock.now - start)) "
        + "(snapshot at \(snapshotSeq) loaded in \(format(loadedAt - start)), \(point - snapshotSeq) events replayed; \(rows) rows)")

    let replayStart = ContinuousClock.now
    let replayed = try PastProjections.replay(Projections(), through: point, of: log)
    _ = replayed.latest(matching: ClaimFilter())
    print("as-of: the same without a snapshot in \(format(ContinuousClock.now - replayStart))")
    precondition(replayed == past, "the answer from the snapshot is not the replay of the prefix")
}

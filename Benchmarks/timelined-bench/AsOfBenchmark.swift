import EventLog
import Foundation
import Timeline

/// `timelined-bench asof [EVENTS] [--log DIR]`: `latest` as of the middle
/// of a log, as the daemon answers it: the newest snapshot at or before
/// the point (the one the daemon's spread keeps there: about a third of
/// the way into a million events) loaded, the events from it to the point
/// replayed, the view read; and the same without a snapshot, from seq 0.
///
/// The snapshot is written as the daemon writes it, and the log opened
/// again as a daemon with snapshots opens it: the sealed segments trusted
/// by their seals (checked in the background), so that no record of
/// theirs is indexed before the answer reads them.
func asOfBenchmark(_ arguments: [String]) async throws {
    let benchmarkLog = try await BenchmarkLog(arguments, prefix: "timelined-bench-asof")
    defer { benchmarkLog.removeIfTemporary() }
    let snapshots = SnapshotStore(directory: URL(fileURLWithPath: try BenchmarkFolder.make(prefix: "timelined-bench-asof-snapshots")))
    defer { try? FileManager.default.removeItem(at: snapshots.directory) }
    let snapshotSeq: UInt64
    do {
        let log = try EventLog.open(directory: benchmarkLog.directory)
        defer { log.close() }
        snapshotSeq = log.lastSeq * 32 / 100
        let atSnapshot = try PastProjections.replay(Projections(), through: snapshotSeq, of: log)
        try snapshots.write(
            atSnapshot.snapshotContent.encoded(), seq: snapshotSeq, chainHead: try log.chainHead(at: snapshotSeq),
            location: try log.location(of: snapshotSeq), version: Projections.snapshotVersion)
    }
    let log = try EventLog.open(directory: benchmarkLog.directory, options: EventLog.Options(openCheck: .sealsAndTail))
    defer { log.close() }
    let point = log.lastSeq / 2

    // The CPU time of the process (every thread) is printed beside the
    // wall time: the figure to compare between runs on a busy machine.
    let (start, startCPU) = (ContinuousClock.now, CPUTime.process())
    let asOf = try PastProjections.resolve(.seq(point), in: log)
    guard let snapshot = try snapshots.loadNewest(version: Projections.snapshotVersion, matching: log, through: point).snapshot
    else { throw BenchmarkFailure("the snapshot at seq \(snapshotSeq) was not loaded") }
    let loaded = try Projections(snapshot: snapshot.body)
    let (loadedAt, loadedCPU) = (ContinuousClock.now, CPUTime.process())
    let past = try PastProjections.replay(loaded, through: asOf.seq, of: log)
    let rows = past.latest(matching: ClaimFilter()).count
    print("as-of: latest as of seq \(point) of \(log.lastSeq) in \(format(ContinuousClock.now - start)), CPU \(format(CPUTime.process() - startCPU)) "
        + "(snapshot at \(snapshotSeq) loaded in \(format(loadedAt - start)), CPU \(format(loadedCPU - startCPU)); "
        + "\(point - snapshotSeq) events replayed; \(rows) rows)")

    let (replayStart, replayCPU) = (ContinuousClock.now, CPUTime.process())
    let replayed = try PastProjections.replay(Projections(), through: point, of: log)
    _ = replayed.latest(matching: ClaimFilter())
    print("as-of: the same without a snapshot in \(format(ContinuousClock.now - replayStart)), CPU \(format(CPUTime.process() - replayCPU))")
    precondition(replayed == past, "the answer from the snapshot is not the replay of the prefix")
}

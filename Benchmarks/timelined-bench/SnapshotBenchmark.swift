import EventLog
import Foundation
import Timeline

/// `timelined-bench snapshot [EVENTS] [--log DIR]`: the projections of a
/// replayed log encoded as a snapshot and decoded back, with the time and
/// CPU time of each and the body's size.
func snapshotBenchmark(_ arguments: [String]) async throws {
    let benchmarkLog = try await BenchmarkLog(arguments, prefix: "timelined-bench-snapshot")
    defer { benchmarkLog.removeIfTemporary() }
    let log = try EventLog.open(directory: benchmarkLog.directory)
    var projections = Projections()
    projections.reserveCapacity(forEvents: Int(log.lastSeq))
    try LogReplay.apply(log, after: 0, to: &projections)
    log.close()

    var start = ContinuousClock.now
    var cpu = CPUTime.process()
    let body = projections.snapshotContent.encoded()
    print("snapshot: \(projections.lastSeq) events encoded into \(body.count / 1_000_000) MB in \(format(ContinuousClock.now - start)) "
        + "(CPU \(format(CPUTime.process() - cpu)))")
    start = ContinuousClock.now
    cpu = CPUTime.process()
    let restored = try Projections(snapshot: body)
    print("snapshot: decoded in \(format(ContinuousClock.now - start)) (CPU \(format(CPUTime.process() - cpu))) "
        + "= \(Int(Double(restored.lastSeq) / (CPUTime.process() - cpu).seconds)) events/s of CPU")
    precondition(restored == projections, "the snapshot did not give back the projections")
}

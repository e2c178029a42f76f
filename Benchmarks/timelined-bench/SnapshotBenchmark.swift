import EventLog
import Foundation
import Timeline

/// `timelined-bench snapshot [EVENTS] [--log DIR]`: the projections of a
/// replayed log encoded as a snapshot and decoded back, with the time and
/// CPU time of each and the body's size.
func snapshotBenchmark(_ arguments: [String]) async throws {
    var arguments = arguments
    var kept: String?
    if let flag = arguments.firstIndex(of: "--log"), flag + 1 < arguments.count {
        kept = arguments[flag + 1]
        arguments.removeSubrange(flag...(flag + 1))
    }
    let count = Int(arguments.first ?? "") ?? 1_000_000
    let folder = try kept ?? BenchmarkFolder.make(prefix: "timelined-bench-snapshot")
    defer { if kept == nil { try? FileManager.default.removeItem(atPath: folder) } }
    if !FileManager.default.fileExists(atPath: folder + "/00000000000000000001.seg") {
        _ = try await SyntheticLog.write(events: count, to: URL(fileURLWithPath: folder))
    }
    let log = try EventLog.open(directory: URL(fileURLWithPath: folder))
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

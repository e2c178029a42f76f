import EventLog
import Foundation
import Timeline

/// `timelined-bench replay [EVENTS] [--log DIR]`: replay as the daemon does
/// it at start, from a cold open of the log: open (every record checked),
/// every record decoded into an event and applied to the projections.
///
/// With `--log DIR`, the log in DIR is replayed, and written there first
/// if DIR holds none (so that a profiler can watch the replay alone).
func replayBenchmark(_ arguments: [String]) async throws {
    let benchmarkLog = try await BenchmarkLog(arguments, prefix: "timelined-bench-replay")
    defer { benchmarkLog.removeIfTemporary() }
    let (folder, directory) = (benchmarkLog.folder, benchmarkLog.directory)
    let payloadBytes = benchmarkLog.written?.payloadBytes ?? 0
    BenchmarkCache.evict(folder)

    let start = ContinuousClock.now
    let cpuStart = CPUTime.process()
    let reopened = try EventLog.open(directory: directory)
    let opened = ContinuousClock.now
    let cpuOpened = CPUTime.process()
    var projections = Projections()
    projections.reserveCapacity(forEvents: Int(reopened.lastSeq))
    try LogReplay.apply(reopened, after: 0, to: &projections)
    let events = Int(projections.lastSeq)
    let end = ContinuousClock.now
    let cpuEnd = CPUTime.process()
    reopened.close()
    let total = (end - start).seconds
    let summary = projections.summary
    precondition(summary.lastSeq == events, "replay stopped at seq \(summary.lastSeq) of \(events)")
    let size = payloadBytes > 0 ? " (\(payloadBytes / max(events, 1)) bytes each)" : ""
    print("replay: \(events) events\(size), \(summary.documents) documents and \(summary.claims) claims: "
        + "opened and verified in \(format(opened - start)), decoded and applied in \(format(end - opened)) "
        + "(\(Int(Double(events) / (end - opened).seconds)) events/s): \(Int(Double(events) / total)) events/s "
        + "from a cold open (target ≥ 250,000/s); CPU time: open \(format(cpuOpened - cpuStart)), "
        + "decode and apply \(format(cpuEnd - cpuOpened)) = \(Int(Double(events) / (cpuEnd - cpuOpened).seconds)) events/s")
}

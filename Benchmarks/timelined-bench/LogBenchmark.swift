import EventLog
import Foundation
import Glibc

/// `timelined-bench log [replay-events]`: the event log's figures, in a
/// temporary folder, one line each:
///
/// - durable appends/s from one task, one fdatasync per event: the disk's
///   limit that group commit works around;
/// - durable appends/s with group commit, 8 tasks appending ~400-byte events
///   one at a time (target ≥ 50,000/s), with the sync time of the same run;
/// - the same on tmpfs, where a sync costs nothing: the log's own ceiling;
/// - replay: records/s from a cold open of ~1,000,000 events, the open's full
///   check included (target ≥ 250,000/s).
func logBenchmark(_ arguments: [String]) async throws {
    let replayEvents = arguments.first.flatMap(Int.init) ?? 1_000_000
    let root = FileManager.default.temporaryDirectory
        .appending(path: "timelined-bench-log-\(getpid())", directoryHint: .isDirectory)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }

    try await benchmarkOneSyncPerEvent(in: root.appending(path: "single"))
    try await benchmarkGroupCommit(in: root.appending(path: "group"), onTmpfs: false)
    try await benchmarkGroupCommit(in: root.appending(path: "documents"), onTmpfs: false, eventsPerAppend: 9)
    // The same on tmpfs, where a sync costs nothing: what the log itself
    // costs per append, apart from the disk (a shared virtual disk's sync
    // latency varies a hundredfold with its neighbours' writes).
    let memory = URL(filePath: "/dev/shm/timelined-bench-log-\(getpid())", directoryHint: .isDirectory)
    if (try? FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)) != nil {
        defer { try? FileManager.default.removeItem(at: memory) }
        try await benchmarkGroupCommit(in: memory, onTmpfs: true)
    }
    try await benchmarkReplay(in: root.appending(path: "replay"), events: replayEvents)
}

/// A ~400-byte JSON event, different for each `n`, like the daemon's `claim.extracted`.
private func benchmarkEvent(_ n: Int) -> [UInt8] {
    let head = #"{"seq":\#(n),"type":"claim.extracted","schema":1,"recorded_at":"2026-01-20T10:00:00Z","claim":{"side":"russia","population":"soldiers","metric":"killed_and_wounded","qualifier":"well_over","low":100000,"high":null,"speaker":"Mark Milley","stated_on":"2023-01-20","quote":""#
    let filler = String(repeating: "x", count: max(0, 400 - head.utf8.count - 4))
    return Array((head + filler + #""}}"#).utf8)
}

private func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

private func rate(_ count: Int, _ seconds: Double) -> String {
    String(format: "%.0f", Double(count) / seconds)
}

/// With one append in flight per writer a sync carries at most `writers`
/// appends, so the rate is bounded by `writers / sync time`: the line shows
/// the sync time measured in the same run (a shared virtual disk's varies
/// from tens of microseconds to milliseconds with its neighbours' writes).
/// Eight writers, each appending `eventsPerAppend` events at a time and
/// waiting until they are durable: one event, or a document's events
/// (document.received and its claims) as the daemon appends them.
private func benchmarkGroupCommit(in directory: URL, onTmpfs: Bool, eventsPerAppend: Int = 1) async throws {
    let writers = 8
    let appendsPerWriter = 10_000 / eventsPerAppend
    let log = try EventLog.open(directory: directory)
    defer { log.close() }
    let events = (0..<writers * appendsPerWriter * eventsPerAppend).map(benchmarkEvent)
    // Stop early on a slow disk, so the run stays short; the rate is what counts.
    let deadline = ContinuousClock.now + .seconds(10)
    let start = ContinuousClock.now
    let total = try await withThrowingTaskGroup(of: Int.self) { group in
        for writer in 0..<writers {
            group.addTask {
                var done = 0
                while done < appendsPerWriter && ContinuousClock.now < deadline {
                    let first = (writer * appendsPerWriter + done) * eventsPerAppend
                    _ = try await log.append(Array(events[first..<(first + eventsPerAppend)]))
                    done += 1
                }
                return done
            }
        }
        return try await group.reduce(0, +)
    }
    let elapsed = seconds(since: start)
    let statistics = log.statistics
    let shape = eventsPerAppend == 1 ? "" : ", \(eventsPerAppend) events per append"
    print(
        "log append, group commit, \(writers) writers\(shape)\(onTmpfs ? ", tmpfs (the log's own cost)" : ""): "
            + "\(rate(total * eventsPerAppend, elapsed)) \(onTmpfs ? "" : "durable ")events/s "
            + "(\(total) appends of \(eventsPerAppend) × \(events[0].count) B in \(String(format: "%.2f", elapsed)) s; "
            + "\(statistics.syncs) fdatasyncs, one per \(String(format: "%.0f", elapsed / Double(statistics.syncs) * 1e6)) µs, "
            + "carrying \(String(format: "%.1f", Double(total) / Double(statistics.syncs))) appends of at most \(writers))")
}

private func benchmarkOneSyncPerEvent(in directory: URL) async throws {
    let log = try EventLog.open(directory: directory)
    defer { log.close() }
    let deadline = ContinuousClock.now + .seconds(5)
    let start = ContinuousClock.now
    var appends = 0
    while appends < 3_000 && ContinuousClock.now < deadline {
        _ = try await log.append([benchmarkEvent(appends)])
        appends += 1
    }
    let elapsed = seconds(since: start)
    print(
        "log append, one fdatasync per event (1 writer): \(rate(appends, elapsed)) durable appends/s "
            + "(\(appends) appends, \(log.statistics.syncs) fdatasyncs, \(String(format: "%.0f", elapsed / Double(appends) * 1e6)) µs each)")
}

private func benchmarkReplay(in directory: URL, events: Int) async throws {
    let log = try EventLog.open(directory: directory)
    let batch = 1_000
    var written = 0
    while written < events {
        let count = min(batch, events - written)
        _ = try await log.append((written..<(written + count)).map(benchmarkEvent))
        written += count
    }
    log.close()

    // Cold: push the segments out of the page cache so the open reads the disk.
    var bytes = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
        let descriptor = Glibc.open(directory.appending(path: name).path, O_RDONLY)
        guard descriptor >= 0 else { continue }
        var status = stat()
        if fstat(descriptor, &status) == 0 { bytes += Int(status.st_size) }
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
        Glibc.close(descriptor)
    }

    let start = ContinuousClock.now
    let reopened = try EventLog.open(directory: directory)
    let opened = seconds(since: start)
    var count = 0
    var checksum = 0
    try reopened.forEachRecord(after: 0) { _, body in
        count += 1
        checksum &+= body.count
    }
    let total = seconds(since: start)
    reopened.close()
    precondition(count == events && checksum > 0, "replay read \(count) of \(events) records")
    print(
        "log replay, cold open: \(rate(count, total)) records/s "
            + "(\(count) records, \(bytes / 1_000_000) MB, \(String(format: "%.2f", total)) s: "
            + "open with full check \(String(format: "%.2f", opened)) s, read \(String(format: "%.2f", total - opened)) s "
            + "= \(rate(count, total - opened)) records/s)")
}

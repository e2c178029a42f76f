import Foundation
import Timeline
import Varlink
#if canImport(Glibc)
import Glibc
#endif

/// `timelined-bench startup [EVENTS] [--data DIR]`: the time from launching
/// the release `timelined` to its socket answering `Status`, with a log of
/// EVENTS events (1,000,000 by default; documents and claims as ingestion
/// writes them): without a snapshot (a full replay) and with one, each from
/// a cold page cache and a warm one.
///
/// With `--data DIR`, the data folder is kept there and its log reused.
func startupBenchmark(_ arguments: [String]) async throws {
    var arguments = arguments
    var kept: String?
    if let flag = arguments.firstIndex(of: "--data"), flag + 1 < arguments.count {
        kept = arguments[flag + 1]
        arguments.removeSubrange(flag...(flag + 1))
    }
    let count = Int(arguments.first ?? "") ?? 1_000_000
    let data = try kept ?? BenchmarkFolder.make(prefix: "timelined-bench-startup")
    defer { if kept == nil { try? FileManager.default.removeItem(atPath: data) } }
    let logFolder = data + "/state/log"
    if !FileManager.default.fileExists(atPath: logFolder + "/00000000000000000001.seg") {
        let started = ContinuousClock.now
        let written = try await SyntheticLog.write(events: count, to: URL(fileURLWithPath: logFolder))
        print("startup: wrote \(written.events) events (\(written.documents) documents, \(written.claims) claims, "
            + "\(written.payloadBytes / 1_000_000) MB) in \(format(ContinuousClock.now - started))")
    }
    let snapshots = data + "/state/snapshots"
    try? FileManager.default.removeItem(atPath: snapshots)

    // Without a snapshot: the daemon replays the whole log, then writes one
    // (at once, since the log holds more than snapshots.every_events), and
    // its stop waits for that write.
    let cold = try await launch(data: data, evict: true)
    print("startup without a snapshot, cold: ready in \(format(cold.ready)) (\(cold.detail))")
    let warm = try await launch(data: data, evict: false, keepSnapshots: false)
    print("startup without a snapshot, warm: ready in \(format(warm.ready)) (\(warm.detail))")
    let snapshot = try FileManager.default.contentsOfDirectory(atPath: snapshots).first { $0.hasSuffix(".snap") }
    guard let snapshot else { throw BenchmarkFailure("the daemon wrote no snapshot in \(snapshots)") }
    let size = (try FileManager.default.attributesOfItem(atPath: snapshots + "/" + snapshot)[.size] as? Int) ?? 0

    let coldSnapshot = try await launch(data: data, evict: true)
    print("startup with a snapshot (\(size / 1_000_000) MB), cold: ready in \(format(coldSnapshot.ready)) (\(coldSnapshot.detail)) (target < 1 s)")
    let warmSnapshot = try await launch(data: data, evict: false)
    print("startup with a snapshot (\(size / 1_000_000) MB), warm: ready in \(format(warmSnapshot.ready)) (\(warmSnapshot.detail)) (target < 1 s)")
}

private struct Launch {
    var ready: Duration
    var detail: String
}

/// Launches timelined on `data`, waits until `Status` answers, and stops it
/// (SIGTERM: it writes its last snapshot and exits).
private func launch(data: String, evict: Bool, keepSnapshots: Bool = true) async throws -> Launch {
    if !keepSnapshots { try? FileManager.default.removeItem(atPath: data + "/state/snapshots") }
    if evict { BenchmarkCache.evict(data + "/state") }
    let binaries = BenchmarkFolder.binaries
    let socket = data + "/run/io.timelined.Timeline"
    let daemon = Process()
    daemon.executableURL = URL(fileURLWithPath: binaries + "/timelined")
    daemon.arguments = ["--data", data, "--lexicon", "config/lexicon.yaml", "--log-level", "info"]
    let log = Pipe()
    daemon.standardError = log
    daemon.standardOutput = FileHandle.nullDevice
    let cpuBefore = CPUTime.children()
    let start = ContinuousClock.now
    try daemon.run()
    let lines = Task.detached { String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    var ready: Duration?
    var status: TimelineInterface.Status?
    while ready == nil {
        if let client = try? VarlinkClient(connectingTo: socket, timeout: .seconds(30)),
           let reply = try? client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self) {
            ready = ContinuousClock.now - start
            status = reply.status
            break
        }
        guard daemon.isRunning else { throw BenchmarkFailure("timelined exited with \(daemon.terminationStatus)") }
        guard ContinuousClock.now - start < .seconds(300) else { throw BenchmarkFailure("timelined did not answer on \(socket)") }
        usleep(2_000)
    }
    kill(daemon.processIdentifier, SIGTERM)
    daemon.waitUntilExit()
    let output = await lines.value
    let restored = output.split(separator: "\n").first { $0.contains("projections restored") }.map(String.init) ?? ""
    let seconds = restored.split(separator: " ").first { $0.hasPrefix("seconds=") }?.dropFirst(8) ?? "?"
    let replayed = restored.split(separator: " ").first { $0.hasPrefix("replayed=") }?.dropFirst(9) ?? "?"
    return Launch(
        ready: ready!,
        detail: "\(status?.log.lastSeq ?? 0) events, \(status?.claims ?? 0) claims; restore \(seconds) s, "
            + "\(replayed) events replayed; the daemon's CPU time start to stop \(format(CPUTime.children() - cpuBefore))")
}

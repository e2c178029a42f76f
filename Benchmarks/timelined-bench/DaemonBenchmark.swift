import Foundation
import Timeline
import Varlink
#if canImport(Glibc)
import Glibc
#endif

/// The daemon as a user meets it: the release `timelined` beside this
/// binary, in a temporary folder.
///
/// - ingest: 2,000 articles renamed into the inbox at once; the time until
///   all are processed, durable and queryable (`Status` counts them).
/// - latest: one client, one connection, 2,000 `Latest` calls; the latency
///   percentiles.
func daemonBenchmark(_ arguments: [String]) async throws {
    let articles = Int(arguments.first ?? "") ?? 2_000
    let binaries = BenchmarkFolder.binaries
    let data = try BenchmarkFolder.make(prefix: "timelined-bench-daemon")
    defer { try? FileManager.default.removeItem(atPath: data) }
    let socket = data + "/run/io.timelined.Timeline"

    let daemon = try startDaemon(binaries: binaries, data: data)
    defer { stop(daemon) }
    let client = try await connect(socket, daemon: daemon)

    // Stage the articles beside the inbox, then rename them in all at once.
    let texts = try BenchmarkCorpus.articles()
    let staging = data + "/staging"
    try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    var names: [String] = []
    for i in 0..<articles {
        let name = String(format: "article-%05d.txt", i)
        // A line of its own makes each article's bytes, and so its hash, unique.
        let text = texts[i % texts.count] + "\n\nArchive copy \(i).\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: staging + "/" + name))
        names.append(name)
    }
    let start = ContinuousClock.now
    for name in names {
        guard rename(staging + "/" + name, data + "/inbox/" + name) == 0 else {
            throw BenchmarkFailure("cannot move \(name) into the inbox: \(String(cString: strerror(errno)))")
        }
    }
    var status = try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status
    while status.documents < articles {
        guard ContinuousClock.now - start < .seconds(120) else {
            throw BenchmarkFailure("only \(status.documents) of \(articles) articles processed after 120 s")
        }
        try await Task.sleep(for: .milliseconds(5))
        status = try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status
    }
    let elapsed = ContinuousClock.now - start
    print("ingest: \(articles) articles processed, durable and queryable in \(format(elapsed)) "
        + "(\(Int(Double(articles) / elapsed.seconds)) articles/s, \(status.claims) claims, \(status.log.lastSeq) events; target < 10 s)")

    // Latest, one connection, sequential calls. The reply is read whole
    // but not decoded into claims: the figure is the daemon's answer, not
    // the client's JSON decoding.
    let calls = 2_000
    var latencies: [Duration] = []
    latencies.reserveCapacity(calls)
    for _ in 0..<calls {
        let t0 = ContinuousClock.now
        _ = try client.call(TimelineInterface.Method.latest, parameters: ClaimFilter())
        latencies.append(ContinuousClock.now - t0)
    }
    let answered = try client.call(
        TimelineInterface.Method.latest, parameters: ClaimFilter(), returning: TimelineInterface.LatestReply.self).claims.count
    latencies.sort()
    func percentile(_ p: Double) -> Duration { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    print("latest: \(calls) calls on one connection, \(answered) claims each: p50 \(format(percentile(0.5))), "
        + "p99 \(format(percentile(0.99))), max \(format(latencies.last!)) (target p99 < 1 ms)")
}

/// The `timelined` in `binaries`, started on `data` with `lexicon`, logging
/// warnings and worse.
func startDaemon(binaries: String, data: String, lexicon: String = "config/lexicon.yaml") throws -> Process {
    let daemon = Process()
    daemon.executableURL = URL(fileURLWithPath: binaries + "/timelined")
    daemon.arguments = ["--data", data, "--lexicon", lexicon, "--log-level", "warning"]
    try daemon.run()
    return daemon
}

/// Stops a daemon `startDaemon` started, and waits for it.
func stop(_ daemon: Process) {
    kill(daemon.processIdentifier, SIGTERM)
    daemon.waitUntilExit()
}

/// A client of the daemon's socket once the daemon answers `Status`,
/// within `timeout` (a start that replays a large log takes a while).
func connect(_ socket: String, daemon: Process, timeout: Duration = .seconds(30)) async throws -> VarlinkClient {
    let deadline = ContinuousClock.now + timeout
    while true {
        if let client = try? VarlinkClient(connectingTo: socket, timeout: .seconds(30)),
           (try? client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self)) != nil {
            return client
        }
        guard daemon.isRunning else { throw BenchmarkFailure("timelined exited with \(daemon.terminationStatus)") }
        guard ContinuousClock.now < deadline else { throw BenchmarkFailure("timelined did not answer on \(socket)") }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// A benchmark that could not produce its figure.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary folder.
enum BenchmarkFolder {
    /// The folder of this binary, where the release `timelined` and
    /// `timelinectl` it runs are built beside it.
    static var binaries: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    static func make(prefix: String) throws -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/\(prefix)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchmarkFailure("cannot create a temporary folder") }
        return String(cString: made)
    }
}

/// The articles benchmarks read: the corpus seeds beside the checkout.
enum BenchmarkCorpus {
    static let seeds = "../shared/corpus/seeds"

    static func articles(folder: String = seeds) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw BenchmarkFailure("no articles in \(folder)") }
        return try names.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }
}

func format(_ duration: Duration) -> String {
    let seconds = duration.seconds
    if seconds >= 1 { return String(format: "%.2f s", seconds) }
    if seconds >= 0.001 { return String(format: "%.2f ms", seconds * 1e3) }
    return String(format: "%.0f µs", seconds * 1e6)
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Pushes a folder's files out of the page cache, so that what reads them
/// next reads the disk: a cold start, as after a reboot.
enum BenchmarkCache {
    static func evict(_ folder: String) {
        guard let names = FileManager.default.enumerator(atPath: folder) else { return }
        for case let name as String in names {
            let descriptor = open(folder + "/" + name, O_RDONLY)
            guard descriptor >= 0 else { continue }
            _ = fdatasync(descriptor)
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(descriptor)
        }
    }
}

/// CPU time used, which a machine shared with other work does not inflate
/// the way it inflates the wall clock: the figure to compare between runs.
enum CPUTime {
    /// The CPU time of the whole process (every thread) so far.
    static func process() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    /// The CPU time of the running process `pid` so far, from
    /// /proc/PID/stat, where it is counted in clock ticks (a hundredth of
    /// a second, usually).
    /// - Throws: ``BenchmarkFailure`` when the process is gone.
    static func process(_ pid: Int32) throws -> Duration {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else {
            throw BenchmarkFailure("cannot read /proc/\(pid)/stat")
        }
        // After the command name in parentheses: state is field 3, utime
        // and stime fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
            throw BenchmarkFailure("cannot read the CPU time in /proc/\(pid)/stat")
        }
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return .microseconds((user + system) * 1_000_000 / ticks)
    }

    /// The CPU time of the children that have been waited for.
    static func children() -> Duration {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return .seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + .microseconds(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }
}

import ClaimExtraction
import Foundation
import Timeline
import Varlink
#if canImport(Glibc)
import Glibc
#endif

/// The analyst's views over a log of a million claims (SyntheticLog), the
/// release `timelined` and `timelinectl` beside this binary, once the
/// daemon is idle (its start's check of the log done, which would
/// otherwise share the two cores with the calls):
///
/// - latest, sources, statements: 200 calls each on one connection, over
///   the socket; the latency percentiles (target p99 < 5 ms) and the rows
///   each answers. Statements are asked three ways: the conflicts of the
///   whole log (`statements --conflicts`), one article's (what it reports,
///   with every report), and one speaker's figures of one quantity on one
///   day.
/// - chart: `timelinectl chart` of one quantity over 40 days, about 10,000
///   claims, into a file, as a user waits for it: the best and median of
///   five (target 200 ms).
/// - claims --csv: `timelinectl claims --csv` of every claim into
///   /dev/null; rows per second and the client's peak memory (target
///   100,000 rows/s, streamed).
///
/// `timelined-bench views [EVENTS] [--data DIR]` keeps the log in DIR for
/// the next run.
func viewsBenchmark(_ arguments: [String]) async throws {
    var arguments = arguments
    var kept: String?
    if let flag = arguments.firstIndex(of: "--data"), flag + 1 < arguments.count {
        kept = arguments[flag + 1]
        arguments.removeSubrange(flag...(flag + 1))
    }
    // Nine events a document: a million claims.
    let count = Int(arguments.first ?? "") ?? 1_125_000
    let data = try kept ?? BenchmarkFolder.make(prefix: "timelined-bench-views")
    defer { if kept == nil { try? FileManager.default.removeItem(atPath: data) } }
    let logFolder = data + "/state/log"
    if !FileManager.default.fileExists(atPath: logFolder + "/00000000000000000001.seg") {
        let written = try await SyntheticLog.write(events: count, to: URL(fileURLWithPath: logFolder))
        say("views: a log of \(written.claims) claims in \(written.documents) documents")
    }
    let binaries = BenchmarkFolder.binaries
    let socket = data + "/run/io.timelined.Timeline"
    let daemon = try startDaemon(binaries: binaries, data: data)
    defer { stop(daemon) }
    let client = try await connect(socket, daemon: daemon, timeout: .seconds(300))
    let settled = try await waitUntilIdle(daemon)
    say("views: the daemon answered, and was idle \(format(settled)) later")

    let day = PartialDate(year: 2023, month: 6, day: 15)
    let article = "article-\(count / (SyntheticLog.claimsPerDocument + 1) / 2).txt"
    typealias Reply = TimelineInterface
    let calls: [(name: String, method: String, parameters: any Encodable & Sendable, rows: () throws -> Int)] = [
        ("latest", Reply.Method.latest, ClaimFilter(), {
            try client.call(Reply.Method.latest, parameters: ClaimFilter(), returning: Reply.LatestReply.self).claims.count
        }),
        ("sources", Reply.Method.sources, ClaimFilter(), {
            try client.call(Reply.Method.sources, parameters: ClaimFilter(), returning: Reply.SourcesReply.self).sources.count
        }),
    ] + [
        ("statements --conflicts", Reply.StatementsParameters(conflicts: true)),
        ("statements --document \(article)", Reply.StatementsParameters(filter: ClaimFilter(document: article))),
        ("statements --speaker Milley --side russia --metric killed --since \(day.iso) --until \(day.iso)",
         Reply.StatementsParameters(filter: ClaimFilter(
            side: .russia, metric: .killed, speaker: "Milley", since: day, until: day))),
    ].map { name, parameters in
        (name, Reply.Method.statements, parameters, {
            try client.call(Reply.Method.statements, parameters: parameters, returning: Reply.StatementsReply.self)
                .statements.count
        })
    }
    for call in calls {
        var latencies: [Duration] = []
        for _ in 0..<200 {
            let t0 = ContinuousClock.now
            _ = try client.call(call.method, parameters: call.parameters)
            latencies.append(ContinuousClock.now - t0)
        }
        latencies.sort()
        func percentile(_ p: Double) -> Duration { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        say("\(call.name): 200 calls over a million claims, \(try call.rows()) rows each: p50 \(format(percentile(0.5))), "
            + "p99 \(format(percentile(0.99))), max \(format(latencies.last!)) (target p99 < 5 ms)")
    }

    // The chart as a user draws it: timelinectl, the daemon, the file.
    let svg = data + "/chart.svg"
    var charts: [Duration] = []
    for _ in 0..<5 {
        let ctl = Process()
        ctl.executableURL = URL(fileURLWithPath: binaries + "/timelinectl")
        ctl.arguments = ["chart", "--side", "russia", "--population", "military", "--metric", "killed",
                         "--since", "2023-01-01", "--until", "2023-02-12", "--output", svg, "--socket", socket]
        let start = ContinuousClock.now
        try ctl.run()
        ctl.waitUntilExit()
        charts.append(ContinuousClock.now - start)
        guard ctl.terminationStatus == 0 else { throw BenchmarkFailure("timelinectl chart exited with \(ctl.terminationStatus)") }
    }
    charts.sort()
    let drawn = try String(contentsOfFile: svg, encoding: .utf8)
    let marks = drawn.utf8.count - drawn.replacingOccurrences(of: "class=\"mark\"", with: "class=\"mark").utf8.count
    say("chart: timelinectl chart of \(marks) claims into a file (\(drawn.utf8.count / 1024) KiB): "
        + "best \(format(charts[0])), median \(format(charts[2])) of 5 (target 200 ms)")

    // Asked first: the export may outlast the connection's idle timeout.
    let claims = try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status.claims
    let ctl = Process()
    ctl.executableURL = URL(fileURLWithPath: binaries + "/timelinectl")
    ctl.arguments = ["claims", "--csv", "--socket", socket]
    ctl.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    let start = ContinuousClock.now
    try ctl.run()
    ctl.waitUntilExit()
    let elapsed = ContinuousClock.now - start
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    say("claims --csv: \(claims) rows in \(format(elapsed)) (\(Int(Double(claims) / elapsed.seconds)) rows/s, "
        + "exit \(ctl.terminationStatus), peak memory of timelinectl \(usage.ru_maxrss / 1024) MB; target 100,000 rows/s)")
}

/// Waits until `daemon` uses no more than 20 ms of processor time in a
/// quarter of a second, twice running, and returns how long that took.
/// - Throws: ``BenchmarkFailure`` when it is still busy after a minute.
func waitUntilIdle(_ daemon: Process) async throws -> Duration {
    let start = ContinuousClock.now
    var quiet = 0
    var used = try CPUTime.process(daemon.processIdentifier)
    while quiet < 2 {
        guard ContinuousClock.now - start < .seconds(60) else { throw BenchmarkFailure("timelined still busy after 60 s") }
        try await Task.sleep(for: .milliseconds(250))
        let now = try CPUTime.process(daemon.processIdentifier)
        quiet = now - used <= .milliseconds(20) ? quiet + 1 : 0
        used = now
    }
    return ContinuousClock.now - start
}

/// The drawing of a chart of 10,000 claims, in process: what the daemon's
/// `Chart` does once it has picked the claims (the views benchmark times
/// the whole of `timelinectl chart`, socket and all).
func chartBenchmark(_ arguments: [String]) async throws {
    let speakers = ["Mark Milley", "Ukrainian General Staff", "United Nations", "Russian Ministry of Defence"]
    let qualifiers: [Qualifier] = [.exact, .approximately, .atLeast, .range]
    let extractor = ExtractorInfo(version: ClaimExtractor.version, lexicon: "ab")
    let records = (0..<10_000).map { i -> ClaimRecord in
        let claim = Claim(
            side: .russia, population: .military, metric: .killed, qualifier: qualifiers[i % 4],
            low: 1_000 + i, high: i % 4 == 3 ? 2_000 + i : nil, speaker: speakers[i % 4],
            statedOn: PartialDate(year: 2022 + i % 3, month: 1 + i % 12, day: 1 + i % 28),
            quote: "Officials said that about \(i) soldiers had been killed since the start of the invasion.",
            span: ByteSpan(start: 0, end: 80))
        return ClaimRecord(
            id: String(format: "%016x", i), seq: UInt64(i), documentName: "article-\(i / 8).txt",
            documentSHA256: String(repeating: "0", count: 64), published: nil,
            recordedAt: Date(timeIntervalSince1970: 1_768_900_000), extractor: extractor, claim: claim)
    }
    var times: [Duration] = []
    var size = 0
    for _ in 0..<5 {
        let start = ContinuousClock.now
        size = SVGChart(title: "russia military killed").render(records).utf8.count
        times.append(ContinuousClock.now - start)
    }
    times.sort()
    say("chart: 10,000 claims drawn in \(format(times[0])) (best of 5; median \(format(times[2])); \(size / 1024) KiB of SVG)")
}

/// Writes a line at once (print is block-buffered into a file or a pipe),
/// so that a later step that fails or takes long leaves the earlier
/// figures in the output.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

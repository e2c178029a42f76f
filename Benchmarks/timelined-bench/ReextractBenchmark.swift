import Foundation
import Timeline
import Varlink
#if canImport(Glibc)
import Glibc
#endif

/// `timelined-bench reextract [DOCUMENTS]`: `timelinectl reextract --all`
/// as a user runs it, over 10,000 stored documents (or DOCUMENTS): the
/// release `timelined` and `timelinectl` beside this binary, in a temporary
/// folder, the daemon reading a copy of config/lexicon.yaml.
///
/// The documents are generated, three claims each (Milley's figure, the
/// General Staff's and the United Nations'), and taken in through the
/// inbox, so that the log and state/documents hold them as ingestion
/// writes them. Then two runs, each timed from the command's start to its
/// exit (target 1,000 documents/s):
///
/// - unchanged: the same extractor and lexicon, so every document is read,
///   extracted and compared with the claims in force, and nothing is
///   appended (the cost of reading alone);
/// - changed: after a lexicon change that names Milley otherwise (reloaded
///   with SIGHUP), so every document changes: one claim superseded, and a
///   `document.reextracted` and a `claim.extracted` appended for each.
///
/// Each line also gives the CPU time of the daemon and of `timelinectl`
/// during the run: the figures to compare between runs on a busy machine.
func reextractBenchmark(_ arguments: [String]) async throws {
    let count = Int(arguments.first ?? "") ?? 10_000
    let binaries = BenchmarkFolder.binaries
    let data = try BenchmarkFolder.make(prefix: "timelined-bench-reextract")
    defer { try? FileManager.default.removeItem(atPath: data) }
    let socket = data + "/run/io.timelined.Timeline"
    let lexicon = data + "/lexicon.yaml"
    try FileManager.default.copyItem(atPath: "config/lexicon.yaml", toPath: lexicon)

    let daemon = try startDaemon(binaries: binaries, data: data, lexicon: lexicon)
    defer { stop(daemon) }
    var client = try await connect(socket, daemon: daemon)

    // Staged beside the inbox, then renamed in all at once.
    let staging = data + "/staging"
    try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    var names: [String] = []
    for n in 0..<count {
        let name = String(format: "report-%05d.txt", n)
        try Data(reextractArticle(n).utf8).write(to: URL(fileURLWithPath: staging + "/" + name))
        names.append(name)
    }
    let ingestStart = ContinuousClock.now
    for name in names {
        guard rename(staging + "/" + name, data + "/inbox/" + name) == 0 else {
            throw BenchmarkFailure("cannot move \(name) into the inbox: \(String(cString: strerror(errno)))")
        }
    }
    var status = try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status
    while status.documents < count {
        guard ContinuousClock.now - ingestStart < .seconds(600) else {
            throw BenchmarkFailure("only \(status.documents) of \(count) documents taken in after 600 s")
        }
        try await Task.sleep(for: .milliseconds(20))
        status = try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status
    }
    say("reextract: \(count) documents (\(status.claims) claims, \(status.log.lastSeq) events) taken in through the inbox "
        + "in \(format(ContinuousClock.now - ingestStart))")

    let unchanged = try reextractAll(binaries: binaries, socket: socket, daemon: daemon)
    guard unchanged.summary == "0 of \(count) documents changed" else {
        throw BenchmarkFailure("the unchanged run said '\(unchanged.summary)'")
    }
    // The client may have been idle for longer than the daemon keeps it.
    client = try await connect(socket, daemon: daemon)
    let before = try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status
    guard before.log.lastSeq == status.log.lastSeq else {
        throw BenchmarkFailure("the unchanged run appended \(before.log.lastSeq - status.log.lastSeq) events")
    }
    say("reextract --all, unchanged: \(count) documents read, extracted and compared, nothing appended, in "
        + unchanged.figures(count))

    // Milley named otherwise: one claim of each document's three changes.
    let text = try String(contentsOfFile: lexicon, encoding: .utf8)
    let changedText = text.replacingOccurrences(of: "- name: Mark Milley\n", with: "- name: Gen. Mark Milley\n")
    guard changedText != text else { throw BenchmarkFailure("config/lexicon.yaml names no speaker Mark Milley") }
    try Data(changedText.utf8).write(to: URL(fileURLWithPath: lexicon))
    kill(daemon.processIdentifier, SIGHUP)
    let reloadStart = ContinuousClock.now
    while try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status.extractor
        == before.extractor
    {
        guard ContinuousClock.now - reloadStart < .seconds(30) else { throw BenchmarkFailure("the daemon did not reload its lexicon") }
        try await Task.sleep(for: .milliseconds(10))
    }

    let changed = try reextractAll(binaries: binaries, socket: socket, daemon: daemon)
    guard changed.summary == "\(count) of \(count) documents changed" else {
        throw BenchmarkFailure("the run after the lexicon change said '\(changed.summary)'")
    }
    client = try await connect(socket, daemon: daemon)
    let after = try client.call(TimelineInterface.Method.status, returning: TimelineInterface.StatusReply.self).status
    say("reextract --all, every document changed: \(count) documents read, extracted, compared and "
        + "\(after.log.lastSeq - before.log.lastSeq) events appended in " + changed.figures(count))
}

/// Document `n`: three claims, of which the lexicon change alters only
/// Milley's; the numbers make its bytes, and so its hash, its own.
private func reextractArticle(_ n: Int) -> String {
    "Report \(n). Mark Milley said that \(1_000 + n) Russian soldiers had been killed in the fighting near the river. "
        + "The Ukrainian General Staff said \(2_000 + n) Russian troops were wounded there. "
        + "The United Nations said \(300 + n % 100) civilians had been killed in the region.\n"
}

/// One `timelinectl reextract --all`, timed.
private struct ReextractRun {
    /// The command's last line: "N of TOTAL documents changed".
    var summary: String
    var wall: Duration
    var daemonCPU: Duration
    var clientCPU: Duration

    /// The rate and the CPU times, against the target.
    func figures(_ documents: Int) -> String {
        let rate = Int(Double(documents) / wall.seconds)
        return "\(format(wall)) = \(rate) documents/s (target ≥ 1,000/s: \(rate >= 1_000 ? "ok" : "below")); "
            + "CPU: timelined \(format(daemonCPU)), timelinectl \(format(clientCPU))"
    }
}

/// Runs the release `timelinectl reextract --all` against `socket` and
/// waits for it; its table of differences is read and thrown away.
private func reextractAll(binaries: String, socket: String, daemon: Process) throws -> ReextractRun {
    let ctl = Process()
    ctl.executableURL = URL(fileURLWithPath: binaries + "/timelinectl")
    ctl.arguments = ["reextract", "--all", "--socket", socket]
    let output = Pipe()
    let errors = Pipe()
    ctl.standardOutput = output
    ctl.standardError = errors
    let daemonBefore = try CPUTime.process(daemon.processIdentifier)
    let clientBefore = CPUTime.children()
    let start = ContinuousClock.now
    try ctl.run()
    // The last line is the summary; read as it comes, so that the pipe
    // never fills and holds the command up.
    var last = Data()
    while true {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        last.append(chunk)
        if last.count > 4_096 { last = last.suffix(1_024) }
    }
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    ctl.waitUntilExit()
    let wall = ContinuousClock.now - start
    guard ctl.terminationStatus == 0 else {
        throw BenchmarkFailure("timelinectl reextract exited with \(ctl.terminationStatus): " + String(decoding: stderr, as: UTF8.self))
    }
    let summary = String(decoding: last, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    return ReextractRun(
        summary: summary, wall: wall, daemonCPU: try CPUTime.process(daemon.processIdentifier) - daemonBefore,
        clientCPU: CPUTime.children() - clientBefore)
}

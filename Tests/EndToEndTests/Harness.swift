import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The corpus beside the checkout.
extension Paths {
    static let seeds = checkout + "/../shared/corpus/seeds"

    static func seedFiles() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        return names.map { seeds + "/" + $0 }
    }
}

/// A timelined running in a temporary data folder, and timelinectl aimed
/// at it.
final class TestDaemon {
    let data: String
    /// Where the daemon's socket is: DATA/run unless a test puts it elsewhere
    /// (and tells the daemon, with `socket:` in its configuration).
    var socket: String
    var extraArguments: [String]
    /// The lexicon the daemon reads (and reads again on SIGHUP).
    var lexicon = Paths.lexicon
    /// The daemon's file descriptor limit (set with prlimit), if not the test's own.
    var fileLimit: Int?
    private var process: Process?
    private(set) var logPath: String
    /// The data folder, removed once the daemon is stopped (deinit).
    private let folder: TemporaryFolder

    /// - Parameter parent: the folder to make the data folder in; the
    ///   system's temporary folder unless given.
    init(in parent: String? = nil, extraArguments: [String] = []) throws {
        folder = try TemporaryFolder("timelined-e2e", in: parent)
        data = folder.path
        socket = data + "/run/io.timelined.Timeline"
        logPath = data + "/timelined.log"
        self.extraArguments = extraArguments
    }

    var inbox: String { data + "/inbox" }
    var processed: String { data + "/processed" }
    var failed: String { data + "/failed" }

    /// What ``start(until:)`` waits for.
    enum Readiness {
        /// `timelinectl status` answers. The socket answers before the
        /// start-up step is over (the inbox watched and listed), and the
        /// daemon closes each status call's connection in its own time.
        case answering
        /// The daemon says it is ready: its start-up step is over and its
        /// services run. Nothing is asked, so the daemon holds no connection
        /// but its listening socket: the start a test that counts the
        /// daemon's descriptors needs.
        case ready
    }

    /// Starts the daemon and waits until it answers on its socket, or
    /// until it says it is ready.
    func start(until readiness: Readiness = .answering) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.binaries + "/timelined")
        process.arguments = ["--data", data, "--lexicon", lexicon] + extraArguments
        if let fileLimit {
            // prlimit sets the limit and then runs the daemon in its own process.
            process.arguments = ["--nofile=\(fileLimit):\(fileLimit)", Paths.binaries + "/timelined"] + process.arguments!
            process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        }
        process.environment = childEnvironment()
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try log.seekToEnd()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        self.process = process
        try waitUntil(readiness == .ready ? "timelined says it is ready" : "timelined answers on \(socket)") {
            guard process.isRunning else {
                throw DaemonExited(status: process.terminationStatus, log: self.log)
            }
            return switch readiness {
            case .answering: try ctl("status").status == 0
            case .ready: logged("ready")
            }
        }
    }

    /// Whether the daemon logged a line whose message (after the `<N>`
    /// priority) begins with `message` followed by its metadata or the
    /// line's end.
    func logged(_ message: String) -> Bool {
        log.split(separator: "\n").contains { line in
            guard let priorityEnd = line.firstIndex(of: ">") else { return false }
            let text = line[line.index(after: priorityEnd)...]
            return text == message || text.hasPrefix(message + " ")
        }
    }

    /// Stops the daemon with `signal` and returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) throws -> Int32 {
        guard let process else { return 0 }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    var pid: Int32? { process?.processIdentifier }

    /// Whether the daemon started is still running.
    var isRunning: Bool { process?.isRunning ?? false }

    /// Waits for the daemon to end by itself, and returns its exit status.
    ///
    /// - Throws: ``TimedOut`` when it is still running after `timeout`.
    func exitStatus(within timeout: Duration) throws -> Int32 {
        guard let process else { return 0 }
        try waitUntil("timelined exits", timeout: timeout) { !process.isRunning }
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func ctl(_ arguments: String...) throws -> CommandResult {
        try ctl(arguments)
    }

    func ctl(_ arguments: [String]) throws -> CommandResult {
        try run(Paths.binaries + "/timelinectl", arguments + ["--socket", socket])
    }

    /// Drops a file into the inbox the way a careful writer does: written
    /// under a `.part` name, then renamed.
    func drop(_ source: String, as name: String? = nil) throws {
        let name = name ?? URL(fileURLWithPath: source).lastPathComponent
        let part = inbox + "/" + name + ".part"
        try FileManager.default.copyItem(atPath: source, toPath: part)
        try FileManager.default.moveItem(atPath: part, toPath: inbox + "/" + name)
    }

    /// Drops `article-N.txt`, an article that states no loss, so that each
    /// is exactly one event (document.received) and the seqs are known.
    func dropArticle(_ n: Int) throws {
        let source = data + "/article-\(n).txt"
        try "Article \(n): the council met on Tuesday to discuss the budget for \(n * 1_000) schools.\n"
            .write(toFile: source, atomically: true, encoding: .utf8)
        try drop(source)
    }

    func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

extension TestDaemon {
    /// `timelinectl documents --json`.
    func documents() throws -> [[String: Any]] {
        try #require(try ctl("documents", "--json").json() as? [[String: Any]])
    }

    /// The `inbox` of `timelinectl status --json`.
    func inboxStatus() throws -> [String: Any] {
        let status = try #require(try ctl("status", "--json").json() as? [String: Any])
        return try #require(status["inbox"] as? [String: Any])
    }
}

/// Writes `text` to `path` as UTF-8.
func writeText(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

struct DaemonExited: Error, CustomStringConvertible {
    var status: Int32
    var log: String
    var description: String { "timelined exited with \(status):\n\(log)" }
}

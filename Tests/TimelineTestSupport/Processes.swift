import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a finished command printed.
public struct CommandResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Standard output read as JSON.
    public func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }
}

/// The environment a child gets: this process's, without anything that
/// would make it believe systemd started it, plus `extra`.
public func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES",
                 "JOURNAL_STREAM", "INVOCATION_ID", "TIMELINED_SOCKET"] {
        environment.removeValue(forKey: name)
    }
    return environment.merging(extra) { _, new in new }
}

/// Runs a program to completion.
public func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = childEnvironment(environment)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Both pipes are read to the end before waiting, so that a large
    // output never blocks the child on a full pipe.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// The full path of a program on PATH (or in /usr/sbin or /sbin, which a
/// user's PATH may leave out), or nil when it is not installed.
public func which(_ program: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
    for folder in folders {
        let candidate = "\(folder)/\(program)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Waits for `condition` to hold, checking every few milliseconds, and
/// fails the test with `what` if it does not within `timeout`.
///
/// The condition is checked once more at the deadline: a waiter that a
/// busy machine kept from running past it fails only if what it waits for
/// has still not happened, not because it woke too late to look.
///
/// - Important: it blocks its thread between checks. In an async test the
///   asynchronous overload is the one chosen (this one is disfavoured), so
///   that a wait never holds one of the few threads async tests share.
@_disfavoredOverload
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(90), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () throws -> Bool
) throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return }
        usleep(20_000)
    }
    if try condition() { return }
    Issue.record("timed out after \(timeout) waiting until \(what)", sourceLocation: sourceLocation)
    throw TimedOut(what: what)
}

/// Waits until `condition` holds, checking it every few milliseconds and
/// sleeping between checks without holding a thread: the wait of async tests.
///
/// - Throws: ``TimedOut`` (and records an issue) when it still does not
///   hold after `timeout`; checked once more at the deadline, as the
///   synchronous wait is.
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(90), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(5))
    }
    if try await condition() { return }
    Issue.record("timed out after \(timeout) waiting until \(what)", sourceLocation: sourceLocation)
    throw TimedOut(what: what)
}

/// A wait that ran out of time.
public struct TimedOut: Error, CustomStringConvertible {
    public var what: String
    public init(what: String) { self.what = what }
    public var description: String { "timed out waiting for \(what)" }
}

/// A temporary folder, removed when the value goes away.
public final class TemporaryFolder: Sendable {
    public let path: String

    /// Makes a new empty folder named `prefix` and six random characters.
    ///
    /// - Parameter parent: the folder to make it in; the system's
    ///   temporary folder unless given.
    public init(_ prefix: String = "timelined-test", in parent: String? = nil) throws {
        let parent = parent ?? FileManager.default.temporaryDirectory.path
        var template = Array((parent + "/\(prefix)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    /// A folder under /tmp, whatever TMPDIR says: the path of a Unix
    /// socket in it stays under the 108 bytes of an address.
    public static func forSockets(_ prefix: String = "timelined-socket") throws -> TemporaryFolder {
        try TemporaryFolder(prefix, in: "/tmp")
    }

    /// The path of `name` in the folder.
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` with a new empty folder under the system's temporary
/// folder, removed afterwards.
public func withTemporaryFolder<T>(
    _ prefix: String = "timelined-test", _ body: (String) async throws -> T
) async throws -> T {
    let folder = try TemporaryFolder(prefix)
    defer { withExtendedLifetime(folder) {} }
    return try await body(folder.path)
}

/// ``withTemporaryFolder(_:_:)`` for a body that works with URLs.
public func withTemporaryDirectory<T>(
    _ prefix: String = "timelined-test", _ body: (URL) async throws -> T
) async throws -> T {
    try await withTemporaryFolder(prefix) { try await body(URL(fileURLWithPath: $0, isDirectory: true)) }
}

/// Runs a synchronous test body on a thread of its own: its waits (polling
/// a daemon's folders, reading a child's output to the end, a scorer's run
/// over forty articles) then never hold
/// one of the few threads every async test shares, which on a busy two-core
/// machine starves other suites' timed waits. The body stays in the test's
/// task, so what it expects is reported against the test.
public func onOwnThread<T>(_ body: () throws -> T) async throws -> T {
    try await withTaskExecutorPreference(QueueExecutor()) { try body() }
}

/// Runs an async test body on a thread of its own: what it computes
/// between its awaits (decoding a whole log, comparing every view with a
/// scan) runs there, and so does what it resumes with after each await,
/// rather than on the pool every async test and timer shares. A body that
/// holds a pool thread for seconds delays every other test's sleeps and
/// timed waits by as much; on two cores, two such bodies stop them all.
public func onOwnThread<T>(_ body: () async throws -> T) async throws -> T {
    try await withTaskExecutorPreference(QueueExecutor()) { try await body() }
}

/// Runs blocking work (a synchronous client, a child process) on a thread
/// of its own and waits for it without holding a thread: so that it never
/// holds one of the few cooperative threads a server's tasks need on a
/// two-core machine, however long it blocks.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

/// Stops `pid` with SIGSTOP and waits until every thread of it is stopped.
///
/// `kill` returns before the process stops: the signal is handled by one
/// of its threads, which then stops the others, and on a busy machine the
/// process may run on for milliseconds, long enough to take a file
/// dropped after the call.
public func stopProcess(_ pid: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
    kill(pid, SIGSTOP)
    try waitUntil("every thread of pid \(pid) is stopped", sourceLocation: sourceLocation) { allThreadsStopped(pid) }
}

/// Whether every thread of `pid` is in the stopped state ("T" in /proc).
public func allThreadsStopped(_ pid: Int32) -> Bool {
    guard let threads = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task"), !threads.isEmpty
    else { return false }
    return threads.allSatisfy { thread in
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        // The state follows the command name in parentheses, which may hold spaces.
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("T")
    }
}

/// A task executor that runs its jobs on a serial dispatch queue of its
/// own, off Swift's cooperative pool.
final class QueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "timelined.tests.own-thread")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

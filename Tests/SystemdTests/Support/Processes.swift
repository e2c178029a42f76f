import CLinux
import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A program started in the background whose output goes to a file, killed
/// when the value goes away if it is still running.
///
/// Spawned and reaped with posix_spawn and waitpid rather than Foundation's
/// Process: Process learns that a child ended when a descriptor the child
/// inherited closes, and systemd-socket-activate closes every descriptor
/// but the sockets it passes, so Process would block its monitoring thread
/// in waitpid on a live child and never reap another.
///
/// The child inherits no descriptor but its standard ones. posix_spawn
/// passes on every descriptor not marked close-on-exec, and Foundation
/// marks none of its own (a Pipe, a FileHandle): a daemon started here
/// kept the sockets and pipes other tests in the process had open at
/// that moment, and their peers did not see them close while it ran (a
/// daemon out of descriptors kept its idle clients; a command's output
/// did not end).
final class BackgroundProcess {
    let pid: pid_t
    let logPath: String
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`, its output appended to `logPath`.
    init(_ executable: String, _ arguments: [String], environment: [String: String], logPath: String) throws {
        self.logPath = logPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let closing = timelined_spawn_close_from(&actions, 3)
        guard closing == 0 else { throw POSIXError(POSIXErrorCode(rawValue: closing) ?? .EIO) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = childEnvironment(environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
    }

    /// Whether it still runs; reaps it if it ended.
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        // WIFEXITED / WEXITSTATUS, and 128 + the signal for a killed child.
        exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return false
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Waits for the process to exit and returns its exit status (128 + N
    /// for a child killed by signal N).
    func waitForExit(timeout: Duration = .seconds(30)) throws -> Int32 {
        try waitUntil("pid \(pid) exits", timeout: timeout) { !isRunning }
        return exitStatus ?? -1
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }
}

/// timelinectl aimed at `socket`.
func timelinectl(_ arguments: String..., socket: String) throws -> CommandResult {
    try run(Paths.binaries + "/timelinectl", arguments + ["--socket", socket])
}

import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Socket activation as `systemd-socket-activate` does it: it listens,
/// and starts timelined with the socket as fd 3 on the first connection.
@Suite(.serialized, .enabled(if: which("systemd-socket-activate") != nil, "systemd-socket-activate is not installed"))
struct SocketActivationTests {
    /// Starts `systemd-socket-activate -l SOCKET [extra] timelined …`.
    func activator(_ folder: TemporaryFolder, socket: String, extra: [String] = []) throws -> BackgroundProcess {
        let process = try BackgroundProcess(
            which("systemd-socket-activate")!,
            ["-l", socket] + extra + [
                Paths.binaries + "/timelined", "--data", folder.path + "/data", "--lexicon", Paths.lexicon,
            ],
            environment: [:], logPath: folder.path + "/activate.log")
        try waitUntil("systemd-socket-activate listens") { process.log.contains("Listening on") }
        return process
    }

    @Test func theFirstClientIsAnsweredByTheActivatedDaemon() async throws {
        try await onOwnThread(theFirstClientIsAnsweredByTheActivatedDaemonBody)
    }

    private func theFirstClientIsAnsweredByTheActivatedDaemonBody() throws {
        let folder = try TemporaryFolder()
        let socket = folder.path + "/activated.sock"
        let activator = try activator(folder, socket: socket)
        #expect(!activator.log.contains("Execing"), "started before any client came")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/data"))

        let status = try timelinectl("status", "--json", socket: socket)
        #expect(status.status == 0, "\(status.stderr)\n\(activator.log)")
        #expect(status.stdout.contains("\"documents\""))
        // Without --accept, systemd-socket-activate replaces itself with timelined.
        let log = activator.log
        #expect(log.contains("Execing"))
        #expect(log.contains("listening"), "\(log)")
        #expect(log.contains("socket=\"\(socket) (passed by systemd as 'unknown')\""), "\(log)")
        // The configured path was not bound: the passed socket is served.
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/data/run/io.timelined.Timeline"))
        activator.signal(SIGTERM)
        #expect(try activator.waitForExit() == 0, "\(activator.log)")
        // The socket file belongs to whoever bound it, and is left alone.
        var info = stat()
        #expect(lstat(socket, &info) == 0)
    }

    @Test func theSocketNamedVarlinkIsServed() async throws {
        try await onOwnThread(theSocketNamedVarlinkIsServedBody)
    }

    private func theSocketNamedVarlinkIsServedBody() throws {
        let folder = try TemporaryFolder()
        let socket = folder.path + "/named.sock"
        let activator = try activator(folder, socket: socket, extra: ["--fdname=varlink"])
        let status = try timelinectl("status", socket: socket)
        #expect(status.status == 0, "\(status.stderr)\n\(activator.log)")
        #expect(activator.log.contains("passed by systemd as 'varlink'"), "\(activator.log)")
        activator.signal(SIGTERM)
        #expect(try activator.waitForExit() == 0)
    }

    @Test func severalUnnamedSocketsAreRefusedRatherThanGuessed() async throws {
        try await onOwnThread(severalUnnamedSocketsAreRefusedRatherThanGuessedBody)
    }

    private func severalUnnamedSocketsAreRefusedRatherThanGuessedBody() throws {
        let folder = try TemporaryFolder()
        let first = folder.path + "/one.sock"
        let activator = try BackgroundProcess(
            which("systemd-socket-activate")!,
            ["-l", first, "-l", folder.path + "/two.sock", "--fdname=one:two",
             Paths.binaries + "/timelined", "--data", folder.path + "/data", "--lexicon", Paths.lexicon],
            environment: [:], logPath: folder.path + "/activate.log")
        try waitUntil("systemd-socket-activate listens") { activator.log.contains("two.sock") }
        _ = try timelinectl("status", socket: first)
        #expect(try activator.waitForExit() == 1)
        #expect(activator.log.contains("none is named 'varlink'"), "\(activator.log)")
    }
}

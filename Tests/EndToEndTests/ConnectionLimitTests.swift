import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Clients that connect and say nothing cannot take the control socket (or
/// the daemon's descriptors) from everyone else (trial D1).
@Suite(.serialized) struct ConnectionLimitTests {
    static let patience: Duration = .seconds(90)

    /// A daemon whose connection limits are set by a configuration file.
    private func daemon(maxTotal: Int, maxPerUser: Int, idleTimeoutSeconds: Double) throws -> TestDaemon {
        let daemon = try TestDaemon()
        let config = daemon.data + "/timelined.yaml"
        try writeText(
            """
            connections:
              max_total: \(maxTotal)
              max_per_user: \(maxPerUser)
              idle_timeout_seconds: \(idleTimeoutSeconds)

            """, to: config)
        daemon.extraArguments = ["--config", config]
        return daemon
    }

    @Test func idleConnectionsOverTheCapDoNotLockOutStatusOrIngestion() async throws {
        try await onOwnThread(idleConnectionsOverTheCapDoNotLockOutStatusOrIngestionBody)
    }

    private func idleConnectionsOverTheCapDoNotLockOutStatusOrIngestionBody() throws {
        // More idle connections than the daemon has descriptors, all from
        // this test's uid, none saying a word (the trial's 1,100 against
        // 1,024, scaled down).
        let daemon = try daemon(maxTotal: 16, maxPerUser: 8, idleTimeoutSeconds: 600)
        daemon.fileLimit = 128
        try daemon.start()
        let idle = try (0..<200).map { _ in try RawClient(connectingTo: daemon.socket) }
        defer { idle.forEach { $0.close() } }

        // The idle connections stay open. On a busy machine the daemon may
        // still be working through them when status first knocks (a full
        // listen queue refuses it), so status is asked until it answers;
        // without the caps it never does.
        try waitUntil("status answers while the idle connections stay open", timeout: Self.patience) {
            try daemon.ctl("status").status == 0
        }
        try writeText("Ben Wallace said on Monday that 5000 Russian soldiers had been killed.\n", to: daemon.inbox + "/x1.txt")
        try waitUntil("the file dropped meanwhile is taken", timeout: Self.patience) {
            daemon.files(in: daemon.processed) == ["x1.txt"]
        }
        #expect(daemon.files(in: daemon.failed).isEmpty)
        // The idle connections beyond this uid's cap were closed to make room.
        try waitUntil("all but the per-user cap of idle connections are closed", timeout: Self.patience) {
            idle.filter { !$0.isClosed(waiting: .zero) }.count <= 8
        }
        try waitUntil("the limits are logged", timeout: Self.patience) {
            daemon.log.contains("control connections closed by the limits")
        }
        #expect(try daemon.stop() == 0)
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await onOwnThread(anIdleConnectionIsClosedAfterTheIdleTimeoutBody)
    }

    private func anIdleConnectionIsClosedAfterTheIdleTimeoutBody() throws {
        let daemon = try daemon(maxTotal: 16, maxPerUser: 8, idleTimeoutSeconds: 1)
        try daemon.start()
        let client = try RawClient(connectingTo: daemon.socket)
        defer { client.close() }
        #expect(client.isClosed(waiting: Self.patience), "an idle connection is still open after \(Self.patience)")
        // Busy clients are untouched: the daemon still answers.
        #expect(try daemon.ctl("status").status == 0)
        #expect(try daemon.stop() == 0)
    }
}

/// The per-user cap counts each user id apart: one user at its cap is
/// refused its next connection, while another is answered and keeps its
/// own idle connections (sd-varlink's per-uid limit).
@Suite(.serialized) struct PerUserConnectionLimitTests {
    static let patience: Duration = .seconds(90)
    /// The second user: `nobody`, with its group and no other.
    static let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]

    /// Whether this machine can run a client as `nobody`: root (to change
    /// uid), setpriv (util-linux), and binaries that user may run (not
    /// under a folder only root can enter).
    static let secondUserAvailable: Bool = {
        guard getuid() == 0, let setpriv = which("setpriv") else { return false }
        let probe = try? run(setpriv, nobody + [Paths.binaries + "/timelinectl", "--help"])
        return probe?.status == 0
    }()

    @Test(.enabled(if: secondUserAvailable, "needs root, setpriv, and binaries the user nobody may run"))
    func oneUserAtItsCapIsRefusedWhileAnotherIsAnswered() async throws {
        try await onOwnThread(oneUserAtItsCapIsRefusedWhileAnotherIsAnsweredBody)
    }

    private func oneUserAtItsCapIsRefusedWhileAnotherIsAnsweredBody() throws {
        let setpriv = try #require(which("setpriv"))
        let daemon = try TestDaemon()
        // The socket where nobody can reach it, open to anyone.
        let run = try TemporaryFolder("timelined-run")
        #expect(chmod(run.path, 0o755) == 0)
        let socket = run.path + "/io.timelined.Timeline"
        let config = daemon.data + "/timelined.yaml"
        try writeText(
            """
            socket: \(socket)
            socket_mode: "0666"
            connections:
              max_total: 32
              max_per_user: 3
              idle_timeout_seconds: 600

            """, to: config)
        daemon.extraArguments = ["--config", config]
        daemon.socket = socket
        try daemon.start()
        try daemon.dropArticle(1)
        try waitUntil("an article is taken", timeout: Self.patience) { daemon.files(in: daemon.processed) == ["article-1.txt"] }

        // Root's own idle connections, within its cap.
        let rootIdle = try (0..<2).map { _ in try RawClient(connectingTo: socket) }
        defer { rootIdle.forEach { $0.close() } }

        // nobody fills its cap with followers: connections in a call, which
        // no newcomer may close.
        var followers: [Process] = []
        defer {
            for follower in followers where follower.isRunning {
                kill(follower.processIdentifier, SIGKILL)
                follower.waitUntilExit()
            }
        }
        for n in 0..<3 {
            let output = daemon.data + "/follower-\(n).out"
            #expect(FileManager.default.createFile(atPath: output, contents: nil))
            let follower = Process()
            follower.executableURL = URL(fileURLWithPath: setpriv)
            follower.arguments = Self.nobody + [Paths.binaries + "/timelinectl", "events", "--follow", "--socket", socket]
            follower.environment = childEnvironment()
            follower.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            follower.standardError = follower.standardOutput
            try follower.run()
            followers.append(follower)
            try waitUntil("nobody's follower \(n) streams", timeout: Self.patience) {
                let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
                try #require(follower.isRunning, "nobody's follower \(n) ended: \(text)")
                return text.contains("document.received")
            }
        }

        // A fourth connection of nobody's is over its cap, with none idle to close.
        let refused = try TimelineTestSupport.run(setpriv, Self.nobody + [Paths.binaries + "/timelinectl", "status", "--socket", socket])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("TooManyConnections"), "\(refused.stderr)")
        #expect(refused.stderr.contains("per_user"), "\(refused.stderr)")

        // Root is answered, and its idle connections were not taken to make room.
        #expect(try daemon.ctl("status").status == 0)
        #expect(rootIdle.allSatisfy { !$0.isClosed(waiting: .zero) }, "root's idle connections stay open")

        // Once nobody's followers leave, nobody is answered again.
        for follower in followers {
            kill(follower.processIdentifier, SIGTERM)
            follower.waitUntilExit()
        }
        try waitUntil("nobody is answered again", timeout: Self.patience) {
            try TimelineTestSupport.run(setpriv, Self.nobody + [Paths.binaries + "/timelinectl", "status", "--socket", socket]).status == 0
        }
        #expect(try daemon.stop() == 0)
    }
}

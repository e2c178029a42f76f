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

/// A client of the control socket that speaks raw Varlink, or nothing at all.
final class RawClient {
    let fd: Int32
    private var pending: [UInt8] = []

    init(connectingTo path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes.prefix(buffer.count - 1))
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let error = errno
            Glibc.close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
        }
    }

    /// Sends one message, NUL-terminated.
    func send(_ message: String) throws {
        let bytes = Array(message.utf8) + [0]
        let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// The next message, or nil at the end of the stream; throws if none comes within `timeout`.
    func receive(timeout: Duration) throws -> String? {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                return message
            }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, Self.milliseconds(timeout)) == 1 else {
                throw TimedOut(what: "a message from the daemon")
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            pending += chunk[..<count]
        }
    }

    /// Whether the daemon closed the connection, waiting up to `timeout` for it.
    func isClosed(waiting timeout: Duration) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Self.milliseconds(timeout)) == 1 else { return false }
        var byte: UInt8 = 0
        // Nothing was asked, so the only thing to read is the end of the stream.
        return recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) <= 0
    }

    func close() { Glibc.close(fd) }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A datagram socket standing in for systemd's NOTIFY_SOCKET: it receives
/// what the daemon sends with sd_notify(3), one message per datagram, each
/// of newline-separated `KEY=value` lines.
final class NotifySocket {
    let path: String
    private let fd: Int32

    /// One notification, as its fields.
    struct Message: CustomStringConvertible {
        var fields: [String: String]
        var receivedAt: ContinuousClock.Instant
        subscript(key: String) -> String? { fields[key] }
        var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
    }

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let bound: Int32
        do {
            bound = try withUnixAddress(of: path) { bind(fd, $0, $1) }
        } catch {
            close(fd)
            throw error
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// The next message, or nil if none comes within `timeout`.
    func receive(timeout: Duration) -> Message? {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = deadline - ContinuousClock.now
            let milliseconds = max(0, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return nil }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { continue }
            var fields: [String: String] = [:]
            for line in String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            return Message(fields: fields, receivedAt: .now)
        }
    }

    /// Receives until a message has `key`, returning it and what came before.
    ///
    /// - Throws: ``TimedOut`` (and records an issue) if none comes in time.
    func next(
        with key: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (message: Message, before: [Message]) {
        let deadline = ContinuousClock.now + timeout
        var before: [Message] = []
        while let message = receive(timeout: deadline - ContinuousClock.now) {
            if message[key] != nil { return (message, before) }
            before.append(message)
        }
        Issue.record("no \(key) within \(timeout); received: \(before)", sourceLocation: sourceLocation)
        throw TimedOut(what: key)
    }

    /// Discards what has arrived so far.
    func drain() {
        while receive(timeout: .zero) != nil {}
    }
}

/// CLOCK_MONOTONIC in microseconds, the clock of `MONOTONIC_USEC`.
func monotonicMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
}

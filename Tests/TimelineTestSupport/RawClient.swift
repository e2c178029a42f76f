import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client of a Unix stream socket that sends raw bytes and reads
/// NUL-terminated messages: for tests that must send what a well-behaved
/// Varlink client never would, or nothing at all. Closed when the value
/// goes away, if not before.
public final class RawClient {
    public let fd: Int32
    private var isOpen = true
    private var pending: [UInt8] = []
    /// How much of `pending` is known to hold no NUL, so a large message is scanned once.
    private var scanned = 0

    /// Connects to the socket at `path`.
    ///
    /// The socket is close-on-exec: a child another test spawns meanwhile
    /// must not hold the connection open once this client closes it.
    public init(connectingTo path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        do {
            let connected = try withUnixAddress(of: path) { connect(fd, $0, $1) }
            guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    deinit { close() }

    /// Sends `bytes`, all of them.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += sent
        }
    }

    /// Sends `text` as it is: a message ends where the text puts a NUL.
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Shuts down the sending side only, as `socat` does after its input ends.
    public func finishSending() {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// The next NUL-terminated message, or nil once the server closed the
    /// connection.
    ///
    /// - Throws: ``TimedOut`` when nothing arrives for `timeout`.
    public func receive(timeout: Duration = .seconds(90)) throws -> String? {
        while true {
            if let end = pending[scanned...].firstIndex(of: 0) {
                let message = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                scanned = 0
                return message
            }
            scanned = pending.count
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Self.milliseconds(timeout))
            if ready < 0, errno == EINTR { continue }
            guard ready == 1 else { throw TimedOut(what: "a message on socket \(fd)") }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return nil }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET { return nil }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            pending += chunk[..<count]
        }
    }

    /// Reads until the server closes the connection; the messages read on the way.
    ///
    /// - Throws: ``TimedOut`` when nothing arrives for `timeout` meanwhile.
    public func receiveUntilClosed(timeout: Duration = .seconds(90)) throws -> [String] {
        var messages: [String] = []
        while let message = try receive(timeout: timeout) { messages.append(message) }
        return messages
    }

    /// Whether the server closed the connection, waiting up to `timeout` for it.
    ///
    /// - Important: for a connection that was asked nothing, where the
    ///   only thing to read is the end of the stream.
    public func isClosed(waiting timeout: Duration) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Self.milliseconds(timeout)) == 1 else { return false }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) <= 0
    }

    /// Closes the connection; closing it again does nothing.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        Glibc.close(fd)
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

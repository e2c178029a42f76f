#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOCore

/// A blocking Varlink client over a Unix socket, for command-line tools.
///
/// Plain POSIX sockets rather than NIO: a tool makes a few calls in order and
/// exits, so an event loop would only add threads and start-up time.
///
/// ```swift
/// let client = try VarlinkClient(connectingTo: "/run/timelined/io.timelined.Timeline")
/// let latest = try client.call("io.timelined.Timeline.Latest", parameters: LatestInput(side: "russia"),
///                              returning: LatestOutput.self)
/// let events = try client.callMore("io.timelined.Timeline.Events", parameters: EventsInput(follow: true))
/// while let event = try events.next(as: EventOutput.self) { print(event) }
/// ```
///
/// - Important: Use one client from one thread at a time. Calls are answered
///   in order, so while a `more` call's replies are still arriving (its
///   ``VarlinkReplyStream`` has not returned nil) other calls throw
///   ``VarlinkTransportError/Code/callInProgress``; an abandoned stream leaves
///   the connection in that state for good.
public final class VarlinkClient {
    /// The socket path connected to.
    public let path: String
    private let fd: Int32
    private var buffer = ByteBufferAllocator().buffer(capacity: 64 * 1024)
    private var framing: VarlinkFraming
    var stream = StreamState.none

    enum StreamState {
        case none
        case open
        case abandoned
    }

    /// Connects to a Varlink server.
    ///
    /// - Parameters:
    ///   - path: The server's socket path.
    ///   - timeout: How long a connect, send or receive may block; nil waits
    ///     forever, which a `more` call that follows events needs.
    ///   - maximumMessageSize: The largest reply accepted, in bytes. Defaults to 16 MiB.
    /// - Throws: ``VarlinkTransportError`` saying what failed, e.g.
    ///   `cannot connect to PATH: no such file` with code `noSuchFile`;
    ///   also `permissionDenied`, `connectionRefused`, `pathTooLong`, `timedOut`.
    public init(
        connectingTo path: String,
        timeout: Duration? = nil,
        maximumMessageSize: Int = 16 << 20
    ) throws(VarlinkTransportError) {
        self.path = path
        self.framing = VarlinkFraming(maximumMessageSize: maximumMessageSize)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system("create a socket for", path: path, errno: errno) }
        self.fd = fd
        if let timeout {
            var interval = timeval(
                tv_sec: Int(timeout.components.seconds),
                tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000)
            )
            let size = socklen_t(MemoryLayout<timeval>.size)
            // SO_SNDTIMEO also bounds connect() on a Unix socket whose backlog is full.
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, size)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, size)
        }
        let result = UnixSocketAddress.withAddress(of: path) { address, length -> Int32 in
            while connect(fd, address, length) != 0 {
                // An interrupted connect completes in the background; EISCONN
                // on the retry means it did.
                if errno == EINTR { continue }
                if errno == EISCONN { return 0 }
                return errno
            }
            return 0
        }
        guard let result, result == 0 else {
            // Every stored property is set, so deinit runs and closes the
            // socket: closing it here too would close whatever descriptor
            // another thread opened under the same number meanwhile.
            throw .system("connect to", path: path, errno: result ?? ENAMETOOLONG)
        }
    }

    deinit {
        close(fd)
    }

    /// Calls a method and decodes its reply.
    ///
    /// - Parameters:
    ///   - method: The fully qualified method name, `interface.Method`.
    ///   - parameters: The input; must encode to a JSON object.
    ///   - returning: The type of the method's output.
    /// - Returns: The decoded output.
    /// - Throws: ``VarlinkError`` if the service answered with an error;
    ///   ``VarlinkTransportError`` if the connection failed (`connectionClosed`,
    ///   `timedOut`, …) or the reply does not match `returning` (`invalidMessage`);
    ///   `EncodingError` if the parameters do not encode.
    public func call<Output: Decodable>(
        _ method: String,
        parameters: some Encodable = VarlinkEmpty(),
        returning: Output.Type
    ) throws -> Output {
        let reply = try call(method, parameters: parameters)
        return try decode(reply, as: Output.self, method: method)
    }

    /// Calls a method and returns its reply undecoded.
    ///
    /// - Parameters:
    ///   - method: The fully qualified method name.
    ///   - parameters: The input; must encode to a JSON object.
    /// - Returns: The reply; decode it with ``VarlinkReply/parameters(as:)``.
    /// - Throws: As ``call(_:parameters:returning:)``.
    public func call(_ method: String, parameters: some Encodable = VarlinkEmpty()) throws -> VarlinkReply {
        try checkIdle()
        try sendExpectingReplies(VarlinkWire.encodeCall(method: method, parameters: parameters, more: false, oneway: false))
        let reply = try receiveReply()
        guard !reply.continues else {
            throw VarlinkTransportError(
                code: .invalidMessage,
                message: "\(path) sent several replies to \(method), which was not called with more",
                path: path
            )
        }
        return reply
    }

    /// Calls a method without waiting for, or getting, a reply.
    ///
    /// - Parameters:
    ///   - method: The fully qualified method name.
    ///   - parameters: The input; must encode to a JSON object.
    /// - Throws: ``VarlinkTransportError`` if the call could not be sent;
    ///   errors the service meets are not reported.
    public func callOneway(_ method: String, parameters: some Encodable = VarlinkEmpty()) throws {
        try checkIdle()
        try send(VarlinkWire.encodeCall(method: method, parameters: parameters, more: false, oneway: true))
    }

    /// Calls a method with `more` and returns its replies as they arrive.
    ///
    /// - Parameters:
    ///   - method: The fully qualified method name.
    ///   - parameters: The input; must encode to a JSON object.
    /// - Returns: The replies; read them with ``VarlinkReplyStream/next()``
    ///   until it returns nil (after the reply without `continues`).
    /// - Throws: ``VarlinkTransportError`` if the call could not be sent;
    ///   ``VarlinkError`` if the server answered before the call arrived
    ///   and closed the connection (a connection refused over a cap).
    public func callMore(_ method: String, parameters: some Encodable = VarlinkEmpty()) throws -> VarlinkReplyStream {
        try checkIdle()
        try sendExpectingReplies(VarlinkWire.encodeCall(method: method, parameters: parameters, more: true, oneway: false))
        stream = .open
        return VarlinkReplyStream(client: self, method: method)
    }

    private func checkIdle() throws(VarlinkTransportError) {
        switch stream {
        case .none:
            return
        case .open:
            throw VarlinkTransportError(
                code: .callInProgress,
                message: "a more call to \(path) is still receiving replies; read them to the end first",
                path: path
            )
        case .abandoned:
            throw VarlinkTransportError(
                code: .callInProgress,
                message: "a more call to \(path) was abandoned before its last reply; connect again",
                path: path
            )
        }
    }

    /// Reads the next reply, throwing a ``VarlinkError`` reply.
    func receiveReply() throws -> VarlinkReply {
        let message = try receiveMessage()
        let incoming: VarlinkWire.IncomingReply
        do {
            incoming = try VarlinkWire.parseReply(message)
        } catch {
            throw VarlinkTransportError(
                code: .invalidMessage,
                message: "\(path) sent a reply that is not valid Varlink: \(error.reason)",
                path: path
            )
        }
        switch incoming {
        case .reply(let reply): return reply
        case .error(let error): throw error
        }
    }

    /// Decodes a reply, reporting a mismatch as the server's fault.
    func decode<Output: Decodable>(_ reply: VarlinkReply, as type: Output.Type, method: String) throws -> Output {
        do {
            return try reply.parameters(as: type)
        } catch {
            let member = error.parameters.values["parameter"].flatMap { value -> String? in
                if case .string(let name) = value, !name.isEmpty { return " (\(name))" }
                return nil
            }
            throw VarlinkTransportError(
                code: .invalidMessage,
                message: "the reply of \(path) to \(method) does not have the expected form\(member ?? "")",
                path: path
            )
        }
    }

    /// Sends a call that expects replies. A server may answer before the
    /// call arrives and close the connection (a connection over a cap is
    /// refused before its first call): the send then fails, but the answer
    /// is still there to read, and it is the answer that is thrown.
    /// Whether the send or the close comes first is up to the scheduler.
    private func sendExpectingReplies(_ message: Data) throws {
        do {
            try send(message)
        } catch let failure where failure.code == .connectionClosed {
            do {
                _ = try receiveReply()
            } catch let answer as VarlinkError {
                throw answer
            } catch {
                // Nothing was left to read: the failed send says what happened.
            }
            throw failure
        }
    }

    private func send(_ message: Data) throws(VarlinkTransportError) {
        let failure: Int32? = message.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                // MSG_NOSIGNAL: a server gone away must be an error, not SIGPIPE.
                let sent = Glibc.send(fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += sent
            }
            return nil
        }
        if let failure { throw .system("send to", path: path, errno: failure) }
    }

    private func receiveMessage() throws(VarlinkTransportError) -> Data {
        while true {
            do {
                if let message = try framing.nextMessage(from: &buffer) {
                    return message.withUnsafeReadableBytes { Data($0) }
                }
            } catch {
                throw VarlinkTransportError(
                    code: .messageTooLarge,
                    message: "\(path) sent a reply larger than \(framing.maximumMessageSize) bytes",
                    path: path
                )
            }
            if buffer.readerIndex > 0 { buffer.discardReadBytes() }
            var received = 0
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 64 * 1024) { space in
                received = recv(fd, space.baseAddress, space.count, 0)
                return max(received, 0)
            }
            if received > 0 { continue }
            if received == 0 {
                throw VarlinkTransportError(
                    code: .connectionClosed,
                    message: "\(path) closed the connection before the reply",
                    path: path
                )
            }
            if errno == EINTR { continue }
            throw .system("receive from", path: path, errno: errno)
        }
    }
}

@available(*, unavailable, message: "a VarlinkClient is a blocking connection for one thread")
extension VarlinkClient: Sendable {}

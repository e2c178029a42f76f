import NIOCore
import Synchronization

/// Where a handler sends the replies to one call.
///
/// A plain call gets one reply. A call with ``VarlinkCall/more`` gets any
/// number with `continues: true` and then a last one without; the client
/// reads until that last one. For a ``VarlinkCall/oneway`` call nothing is
/// written, so a handler need not tell the cases apart.
///
/// - Important: Await each `send` before the next: sends on one call must
///   not run concurrently, or their order on the wire is not defined.
public struct VarlinkReplies: Sendable {
    let sink: ReplySink

    /// Whether the last reply has been sent; further sends throw.
    public var isFinished: Bool { sink.isFinished }

    /// Sends a reply.
    ///
    /// A reply with `continues: true` suspends until it has been handed to
    /// the socket, so a client that reads slowly slows a streaming handler
    /// down instead of letting replies pile up in memory. A last reply is
    /// queued and returns at once, unless the connection is already backed up.
    ///
    /// - Parameters:
    ///   - parameters: The output parameters; must encode to a JSON object.
    ///   - continues: Whether more replies follow. Only a `more` call may stream.
    /// - Throws: ``VarlinkError/expectedMore`` for `continues: true` on a call
    ///   without `more` (let it propagate: it is the right answer to the
    ///   caller); ``VarlinkTransportError`` `callFinished` after the last
    ///   reply, `connectionClosed` if the client has gone; `EncodingError` if
    ///   the parameters do not encode.
    public func send(_ parameters: some Encodable, continues: Bool = false) async throws {
        try await sink.send(parameters, continues: continues)
    }

    /// Sends a reply whose parameters are already JSON text, as they are:
    /// for a service that keeps the encoding of what it serves often.
    ///
    /// - Parameters:
    ///   - json: the parameters, one JSON object in UTF-8.
    ///   - continues: as in ``send(_:continues:)``.
    /// - Important: `json` must be a single well-formed JSON object; it is
    ///   not checked, and a malformed one breaks the client's framing of
    ///   this reply only if it holds a NUL byte, which JSON text cannot.
    public func send(json: [UInt8], continues: Bool = false) async throws {
        try await sink.send(json: json, continues: continues)
    }
}

/// The state behind ``VarlinkReplies``: the connection to write to and
/// whether the call has had its last reply.
final class ReplySink: Sendable {
    private let connection: ServerConnection
    private let more: Bool
    private let oneway: Bool
    private let finished = Mutex(false)

    init(connection: ServerConnection, more: Bool, oneway: Bool) {
        self.connection = connection
        self.more = more
        self.oneway = oneway
    }

    private var channel: any Channel { connection.channel }

    var isFinished: Bool { finished.withLock { $0 } }

    func send(_ parameters: some Encodable, continues: Bool) async throws {
        if continues && !more { throw VarlinkError.expectedMore }
        let message = try VarlinkWire.encodeReply(
            parameters: parameters,
            continues: continues,
            allocator: channel.allocator
        )
        try claim(last: !continues)
        if oneway { return }
        try await write(message, last: !continues)
    }

    /// Sends the error reply for a handler that threw, unless the call
    /// already had its last reply (then the client has its answer).
    func send(json: [UInt8], continues: Bool) async throws {
        if continues && !more { throw VarlinkError.expectedMore }
        let message = VarlinkWire.encodeReply(json: json, continues: continues, allocator: channel.allocator)
        try claim(last: !continues)
        if oneway { return }
        try await write(message, last: !continues)
    }

    func sendError(_ error: VarlinkError) async throws {
        guard (try? claim(last: true)) != nil, !oneway else { return }
        try await write(VarlinkWire.encodeError(error, allocator: channel.allocator), last: true)
    }

    /// Sends the empty last reply for a handler that returned without one.
    func finish() async throws {
        guard !isFinished else { return }
        try await send(VarlinkEmpty(), continues: false)
    }

    /// Reserves the right to send, marking the call finished if this is the
    /// last reply; checked before writing so two last replies cannot both go out.
    private func claim(last: Bool) throws(VarlinkTransportError) {
        let wasFinished = finished.withLock { finished in
            defer { if last { finished = true } }
            return finished
        }
        if wasFinished {
            throw VarlinkTransportError(code: .callFinished, message: "the call already received its last reply")
        }
    }

    /// Writes a reply. A stream's replies are awaited until they reach the
    /// socket, so a slow reader slows the stream down. A last reply is not,
    /// while the connection takes writes without queueing: waiting for its
    /// completion would cost a thread hop per call for nothing, since the
    /// next call is read only afterwards anyway and the connection awaits
    /// its last write before closing.
    private func write(_ message: ByteBuffer, last: Bool) async throws {
        let written: EventLoopFuture<Void> = channel.writeAndFlush(message)
        guard !last || !channel.isWritable else {
            connection.wrote(written)
            return
        }
        do {
            try await written.get()
        } catch {
            throw VarlinkTransportError(code: .connectionClosed, message: "the client closed the connection")
        }
    }
}

/// The replies to a `more` call, read one at a time as the server sends them.
///
/// ```swift
/// let replies = try client.callMore("io.timelined.Timeline.Events", parameters: input)
/// while let reply = try replies.next(as: Event.self) { handle(reply) }
/// ```
///
/// - Important: Read until `next` returns nil or throws; a stream dropped
///   earlier leaves its client unusable, since unread replies are still on
///   the way.
public final class VarlinkReplyStream {
    private let client: VarlinkClient
    private let method: String
    private var finished = false

    init(client: VarlinkClient, method: String) {
        self.client = client
        self.method = method
    }

    deinit {
        if !finished { client.stream = .abandoned }
    }

    /// The next reply, or nil after the last one.
    ///
    /// Blocks until the reply arrives (or the client's timeout passes).
    ///
    /// - Returns: The reply, or nil once the reply without `continues` has been returned.
    /// - Throws: ``VarlinkError`` if the service answered with an error (the
    ///   stream then ends); ``VarlinkTransportError`` if the connection failed.
    public func next() throws -> VarlinkReply? {
        guard !finished else { return nil }
        do {
            let reply = try client.receiveReply()
            if !reply.continues { finish() }
            return reply
        } catch let error as VarlinkError {
            finish()
            throw error
        }
    }

    /// The next reply decoded into the caller's type, or nil after the last one.
    ///
    /// - Parameter type: The type of the method's output.
    /// - Returns: The decoded reply, or nil once the last reply has been returned.
    /// - Throws: As ``next()``; ``VarlinkTransportError`` `invalidMessage` if
    ///   the reply does not match `type`.
    public func next<Output: Decodable>(as type: Output.Type) throws -> Output? {
        guard let reply = try next() else { return nil }
        return try client.decode(reply, as: type, method: method)
    }

    private func finish() {
        finished = true
        client.stream = .none
    }
}

@available(*, unavailable, message: "a VarlinkReplyStream reads a blocking connection for one thread")
extension VarlinkReplyStream: Sendable {}

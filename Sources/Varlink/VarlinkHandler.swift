/// Answers the calls of one interface.
///
/// The one requirement is ``handle(_:replies:)``; the server has already
/// checked that the call names a method the interface declares, and answers
/// `org.varlink.service` itself.
///
/// ```swift
/// struct TimelineHandler: VarlinkHandler {
///     func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws {
///         switch call.methodName {
///         case "Latest":
///             let input = try call.parameters(as: LatestInput.self)
///             try await replies.send(projections.latest(input))
///         default:
///             throw VarlinkError.methodNotImplemented(call.method)
///         }
///     }
/// }
/// ```
public protocol VarlinkHandler: Sendable {
    /// Answers one call.
    ///
    /// Send the answer with `replies.send(_:continues:)`: once for a plain
    /// call; for a call with ``VarlinkCall/more``, any number of times with
    /// `continues: true` and then once without. Returning before the last
    /// reply sends an empty one, `{"parameters": {}}`, which is the whole
    /// answer of a method declared `-> ()`.
    ///
    /// - Parameters:
    ///   - call: The call, with its parameters and the caller's credentials.
    ///   - replies: Where to send the replies.
    /// - Throws: A ``VarlinkError`` to answer with that error. Any other error
    ///   is answered with ``VarlinkError/internalError``, which carries no
    ///   detail, and reported to the server's error hook.
    /// - Important: Calls on one connection are handled one at a time, in
    ///   order; calls on different connections run concurrently. A streaming
    ///   (`more`) handler is cancelled when its client disconnects or the
    ///   server shuts down: a long-lived stream must end on task cancellation.
    func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws
}

/// A handler made from a closure, for small interfaces and tests.
struct VarlinkClosureHandler: VarlinkHandler {
    let body: @Sendable (VarlinkCall, VarlinkReplies) async throws -> Void

    func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws {
        try await body(call, replies)
    }
}

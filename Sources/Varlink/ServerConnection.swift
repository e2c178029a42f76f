import NIOCore
import Synchronization

/// What a graceful shutdown or a closing peer needs to know about one
/// connection: whether it is between calls, in a plain call, or streaming.
///
/// The rule it enforces: a plain call being handled is allowed to finish,
/// because its reply is short and its work (perhaps a change of state)
/// should not be cut in half; a streaming (`more`) call is cancelled,
/// because it may be a subscription that never ends on its own and its
/// reader is gone or going.
final class ServerConnection: Sendable {
    enum Activity {
        case idle
        case call
        /// A streaming call, with the way to cancel its handler.
        case stream(cancel: @Sendable () -> Void)
    }

    struct State {
        var draining = false
        var closed = false
        var activity = Activity.idle
        /// The last reply written without waiting for it to reach the socket.
        var lastWrite: EventLoopFuture<Void>?
        /// When the last call ended (or the connection was accepted); nil
        /// while a call or stream is in progress. What the idle timeout and
        /// the connection caps judge a connection by.
        var idleSince: ContinuousClock.Instant? = .now
    }

    let channel: any Channel
    /// Who connected; nil if the kernel did not say.
    let peer: VarlinkPeerCredentials?
    private let state = Mutex(State())

    init(channel: any Channel, peer: VarlinkPeerCredentials?) {
        self.channel = channel
        self.peer = peer
    }

    /// Since when the connection has had no call in progress; nil while one is.
    var idleSince: ContinuousClock.Instant? {
        state.withLock { $0.idleSince }
    }

    /// Marks the start of a call.
    /// - Returns: false if the server is shutting down and the call must not start.
    func beginCall() -> Bool {
        state.withLock { state in
            guard !state.draining else { return false }
            state.activity = .call
            state.idleSince = nil
            return true
        }
    }

    /// Marks the call in progress as a stream that `cancel` ends.
    /// - Returns: false if the stream must not start: the connection is
    ///   closed or draining already.
    func beginStream(cancel: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { state in
            guard !state.draining, !state.closed else { return false }
            state.activity = .stream(cancel: cancel)
            return true
        }
    }

    /// Remembers a write that was not awaited, for ``flush()``.
    func wrote(_ write: EventLoopFuture<Void>) {
        state.withLock { $0.lastWrite = write }
    }

    /// Waits until the replies written so far have reached the socket (or
    /// failed), so closing the connection does not drop them.
    func flush() async {
        let write = state.withLock { $0.lastWrite }
        try? await write?.get()
    }

    /// Marks the end of a call.
    func endCall() {
        state.withLock { state in
            state.activity = .idle
            state.idleSince = .now
        }
    }

    /// Graceful shutdown: an idle connection closes now; one in a plain call
    /// closes after its reply (the serving loop checks `beginCall`); a stream
    /// is cancelled and its connection closed.
    func drain() {
        let activity = state.withLock { state in
            state.draining = true
            return state.activity
        }
        switch activity {
        case .idle:
            channel.close(promise: nil)
        case .call:
            break
        case .stream(let cancel):
            cancel()
            channel.close(promise: nil)
        }
    }

    /// The channel closed (the peer hung up, or the server closed it): a
    /// stream has no reader any more, so its handler is cancelled.
    func channelClosed() {
        let activity = state.withLock { state in
            state.closed = true
            return state.activity
        }
        if case .stream(let cancel) = activity { cancel() }
    }
}

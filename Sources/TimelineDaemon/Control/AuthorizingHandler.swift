import Varlink

/// Applies an ``AccessPolicy`` before another handler sees the call, so
/// that no method can forget the check.
struct AuthorizingHandler<Wrapped: VarlinkHandler>: VarlinkHandler {
    let policy: AccessPolicy
    let wrapped: Wrapped

    init(policy: AccessPolicy, wrapping wrapped: Wrapped) {
        self.policy = policy
        self.wrapped = wrapped
    }

    func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws {
        try policy.authorize(call)
        try await wrapped.handle(call, replies: replies)
    }
}

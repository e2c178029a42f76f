import Timeline

/// One follower of the log's new events, from ``EventBroadcaster/subscribe()``
/// until ``cancel()`` (or until it is released).
final class EventSubscription: Sendable {
    /// What ``next()`` hands over.
    enum Delivery: Sendable, Equatable {
        /// Events published since the last delivery, in seq order.
        case events([Event])
        /// The buffer overflowed and was dropped: read the log from the last
        /// event sent; events published from now on are buffered again.
        case fellBehind
        /// The daemon is stopping: no more events will come.
        case finished
        /// The waiting task was cancelled (its client left).
        case cancelled
    }

    let id: UInt64
    private let broadcaster: EventBroadcaster

    init(id: UInt64, broadcaster: EventBroadcaster) {
        self.id = id
        self.broadcaster = broadcaster
    }

    deinit {
        broadcaster.leave(id)
    }

    /// Waits for the next delivery. Returns ``Delivery/cancelled`` at once
    /// when the calling task is cancelled.
    func next() async -> Delivery {
        await broadcaster.next(id)
    }

    /// Stops following. Calling it again does nothing.
    func cancel() {
        broadcaster.leave(id)
    }
}

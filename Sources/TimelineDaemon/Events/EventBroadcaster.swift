import Dispatch
import Synchronization
import Timeline

/// Hands every durable event to the streams that follow the log
/// (`timelinectl events --follow`), each through a buffer of its own.
///
/// The ingest loop publishes each batch once the log has made it durable,
/// so a follower never sees an event a crash could take back. A follower
/// that reads slowly does not hold up ingestion or grow without bound: its
/// buffer holds at most ``capacity`` events, and when a batch would pass
/// that, the buffer is emptied and the follower is told it fell behind
/// (``EventSubscription/Delivery/fellBehind``). It then reads what it
/// missed from the log, which holds every event, and carries on from the
/// buffer. Nothing is lost either way; only the slow follower pays.
///
/// The memory is bounded in total, not only per follower: a buffer holds the
/// published batches themselves, which every follower shares (an array is
/// copied only when written), so however many followers stall, the events
/// they hold are among the last ``capacity`` published, held once; each
/// follower adds a reference per batch. The number of followers is bounded
/// by the control socket's connection caps.
final class EventBroadcaster: Sendable {
    /// The most events a follower's buffer holds.
    let capacity: Int

    private struct Follower {
        /// Batches as published, shared with the other followers.
        var buffer: [[Event]] = []
        var buffered = 0
        var fellBehind = false
        var cancelled = false
        var waiter: CheckedContinuation<EventSubscription.Delivery, Never>?

        /// Buffers a batch, or, if it would overflow, drops the buffer and
        /// remembers that the follower must go back to the log.
        mutating func receive(_ events: [Event], capacity: Int) {
            guard !fellBehind, !cancelled else { return }
            if buffered + events.count > capacity {
                buffer = []
                buffered = 0
                fellBehind = true
            } else {
                buffer.append(events)
                buffered += events.count
            }
        }

        /// What is ready for the follower, if anything.
        mutating func take() -> EventSubscription.Delivery? {
            if fellBehind {
                // From here on new events are buffered again; the follower reads
                // what it missed from the log and skips what it already sent.
                fellBehind = false
                return .fellBehind
            }
            guard !buffer.isEmpty else { return nil }
            defer {
                buffer = []
                buffered = 0
            }
            return .events(buffer.count == 1 ? buffer[0] : Array(buffer.joined()))
        }

        /// The waiting follower's continuation and its delivery, if it waits and something is ready.
        mutating func takeIfWaiting() -> (CheckedContinuation<EventSubscription.Delivery, Never>, EventSubscription.Delivery)? {
            guard let waiter, let delivery = take() else { return nil }
            self.waiter = nil
            return (waiter, delivery)
        }
    }

    private struct State {
        var followers: [UInt64: Follower] = [:]
        var nextID: UInt64 = 0
        var finished = false
        /// Those who need only the last seq applied (the snapshotter).
        var progress: [AsyncStream<UInt64>.Continuation] = []
        /// Woken when the last follower leaves, keyed so a timer can take its own back.
        var departures: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextDeparture: UInt64 = 0
    }

    private let state = Mutex(State())

    /// - Parameters:
    ///   - capacity: the most events a follower's buffer holds before the
    ///     follower is sent back to the log. Small, because falling behind
    ///     costs only a read of the log, while what is buffered is memory
    ///     held for a client that may never read again.
    init(capacity: Int = 1_000) {
        self.capacity = max(1, capacity)
    }

    /// Starts following: every event published from now on is delivered.
    /// - Returns: the subscription, or nil once ``finish()`` was called.
    func subscribe() -> EventSubscription? {
        let id: UInt64? = state.withLock { state in
            guard !state.finished else { return nil }
            defer { state.nextID += 1 }
            state.followers[state.nextID] = Follower()
            return state.nextID
        }
        return id.map { EventSubscription(id: $0, broadcaster: self) }
    }

    /// The seq of each batch's last event as it is published; a reader that
    /// falls behind gets only the latest. The stream ends at ``finish()``.
    func progress() -> AsyncStream<UInt64> {
        let (stream, continuation) = AsyncStream<UInt64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let finished = state.withLock { state in
            if !state.finished { state.progress.append(continuation) }
            return state.finished
        }
        if finished { continuation.finish() }
        return stream
    }

    /// Delivers durable events, in seq order, to every follower.
    func publish(_ events: [Event]) {
        guard let newest = events.last else { return }
        let (wake, progress) = state.withLock { state in
            var wake: [(CheckedContinuation<EventSubscription.Delivery, Never>, EventSubscription.Delivery)] = []
            for id in state.followers.keys {
                state.followers[id]!.receive(events, capacity: capacity)
                if let ready = state.followers[id]!.takeIfWaiting() { wake.append(ready) }
            }
            return (wake, state.progress)
        }
        for (waiter, delivery) in wake { waiter.resume(returning: delivery) }
        for continuation in progress { continuation.yield(newest.seq) }
    }

    /// Ends every subscription: each gets what its buffer still holds, then
    /// ``EventSubscription/Delivery/finished``. Later subscriptions are
    /// refused, and the ``progress()`` streams end.
    func finish() {
        let (wake, progress) = state.withLock { state in
            state.finished = true
            defer { state.progress = [] }
            var wake: [CheckedContinuation<EventSubscription.Delivery, Never>] = []
            for id in state.followers.keys {
                // Only a follower with nothing left to read is waiting.
                if let waiter = state.followers[id]!.waiter {
                    state.followers[id]!.waiter = nil
                    wake.append(waiter)
                }
            }
            return (wake, state.progress)
        }
        for waiter in wake { waiter.resume(returning: .finished) }
        for continuation in progress { continuation.finish() }
    }

    /// Waits until every subscription has ended, or `timeout` has passed:
    /// after ``finish()``, this gives the streams the time to send their
    /// last reply before the server closes their connections.
    func awaitFollowersLeaving(timeout: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let key: UInt64? = state.withLock { state in
                if state.followers.isEmpty { return nil }
                defer { state.nextDeparture += 1 }
                state.departures[state.nextDeparture] = continuation
                return state.nextDeparture
            }
            guard let key else { return continuation.resume() }
            // A stream stuck writing to a client that does not read would
            // hold the stop up for good: after the timeout, stop waiting.
            let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) {
                let expired = self.state.withLock { $0.departures.removeValue(forKey: key) }
                expired?.resume()
            }
        }
    }

    /// The number of subscriptions open now.
    var followerCount: Int { state.withLock { $0.followers.count } }

    // MARK: - For EventSubscription

    func next(_ id: UInt64) async -> EventSubscription.Delivery {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: EventSubscription.Delivery? = state.withLock { state in
                    guard var follower = state.followers[id] else { return .finished }
                    if follower.cancelled { return .cancelled }
                    if let delivery = follower.take() {
                        state.followers[id] = follower
                        return delivery
                    }
                    if state.finished { return .finished }
                    follower.waiter = continuation
                    state.followers[id] = follower
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter: CheckedContinuation<EventSubscription.Delivery, Never>? = state.withLock { state in
                state.followers[id]?.cancelled = true
                defer { state.followers[id]?.waiter = nil }
                return state.followers[id]?.waiter
            }
            waiter?.resume(returning: .cancelled)
        }
    }

    func leave(_ id: UInt64) {
        let (waiter, departures): (CheckedContinuation<EventSubscription.Delivery, Never>?, [CheckedContinuation<Void, Never>]) =
            state.withLock { state in
                let waiter = state.followers.removeValue(forKey: id)?.waiter
                guard state.followers.isEmpty else { return (waiter, []) }
                defer { state.departures.removeAll() }
                return (waiter, Array(state.departures.values))
            }
        waiter?.resume(returning: .finished)
        for departure in departures { departure.resume() }
    }
}

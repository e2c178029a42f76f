import Dispatch
import Synchronization

/// What the ingest loop is asked to do: from the inbox watcher's thread,
/// the ``ReloadService`` (SIGHUP), the control socket (a person's edit)
/// and the graceful stop.
enum DaemonInput: Sendable, Equatable {
    case inbox(InboxSignal)
    /// SIGHUP: read the configuration and the lexicon again.
    case reload
    /// A retraction or correction to check, append and answer.
    case edit(EditRequest)
    /// Documents read again, to compare, append and answer.
    case reextract(ReextractRequest)
    /// The graceful stop (SIGTERM, SIGINT, or a failed service) reached
    /// the ingest loop: finish the batch in hand and stop.
    case stop
}

/// A queue the ingest loop waits on. Posting never blocks; ``take()``
/// hands over everything posted so far at once, so a burst of 2,000 inbox
/// events costs one wake-up.
final class Mailbox: Sendable {
    private struct State {
        var inputs: [DaemonInput] = []
        var waiter: CheckedContinuation<[DaemonInput], Never>?
        /// The ingest loop has ended: an edit posted now is answered at once.
        var closed = false
        /// Tells a timer whether the waiter it was set for is still waiting.
        var generation = 0
    }

    private let state = Mutex(State())

    func post(_ input: DaemonInput) {
        let (waiter, closed): (CheckedContinuation<[DaemonInput], Never>?, Bool) = state.withLock { state in
            if state.closed { return (nil, true) }
            if let waiter = state.waiter {
                state.waiter = nil
                return (waiter, false)
            }
            state.inputs.append(input)
            return (nil, false)
        }
        if closed { Self.refuse(input) }
        waiter?.resume(returning: [input])
    }

    /// Ends the mailbox as the ingest loop stops: the edits and
    /// re-extractions still in it, and any posted later, are answered that
    /// the daemon is stopping.
    func close() {
        let left = state.withLock { state in
            state.closed = true
            defer { state.inputs.removeAll() }
            return state.inputs
        }
        for input in left { Self.refuse(input) }
    }

    /// Answers a request that the loop will not take.
    private static func refuse(_ input: DaemonInput) {
        let stopping = EditUnavailable(description: "the daemon is stopping; try again once it runs")
        switch input {
        case .edit(let request): request.finish(.failure(stopping))
        case .reextract(let request): request.finish(.failure(stopping))
        default: break
        }
    }

    /// Everything posted so far, waiting for at least one input, or for at
    /// most `timeout`: an empty array says the time ran out.
    ///
    /// The timeout is the mailbox's own rather than a racing sleep task,
    /// because a waiting continuation cannot be cancelled: a task group
    /// racing the two would wait for the input anyway.
    func take(timeout: Duration? = nil) async -> [DaemonInput] {
        await withCheckedContinuation { continuation in
            let (ready, generation): ([DaemonInput]?, Int) = state.withLock { state in
                if state.inputs.isEmpty {
                    state.waiter = continuation
                    state.generation += 1
                    return (nil, state.generation)
                }
                defer { state.inputs.removeAll(keepingCapacity: true) }
                return (state.inputs, state.generation)
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            guard let timeout else { return }
            let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [self] in
                let expired: CheckedContinuation<[DaemonInput], Never>? = self.state.withLock { state in
                    guard state.generation == generation, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                }
                expired?.resume(returning: [])
            }
        }
    }

    /// Everything posted so far, without waiting.
    func drain() -> [DaemonInput] {
        state.withLock { state in
            defer { state.inputs.removeAll(keepingCapacity: true) }
            return state.inputs
        }
    }
}

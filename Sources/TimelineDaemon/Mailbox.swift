import Synchronization

/// What the ingest loop is asked to do, from the inbox watcher's thread and
/// from signal handlers.
enum DaemonInput: Sendable, Equatable {
    case inbox(InboxSignal)
    /// SIGHUP: read the configuration and the lexicon again.
    case reload
    /// SIGTERM or SIGINT: finish the file in hand and stop.
    case stop
}

/// A queue the ingest loop waits on. Posting never blocks; ``take()``
/// hands over everything posted so far at once, so a burst of 2,000 inbox
/// events costs one wake-up.
final class Mailbox: Sendable {
    private struct State {
        var inputs: [DaemonInput] = []
        var waiter: CheckedContinuation<[DaemonInput], Never>?
    }

    private let state = Mutex(State())

    func post(_ input: DaemonInput) {
        let waiter: CheckedContinuation<[DaemonInput], Never>? = state.withLock { state in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.inputs.append(input)
            return nil
        }
        waiter?.resume(returning: [input])
    }

    /// Everything posted so far, waiting for at least one input.
    func take() async -> [DaemonInput] {
        await withCheckedContinuation { continuation in
            let ready: [DaemonInput]? = state.withLock { state in
                if state.inputs.isEmpty {
                    state.waiter = continuation
                    return nil
                }
                defer { state.inputs.removeAll(keepingCapacity: true) }
                return state.inputs
            }
            if let ready { continuation.resume(returning: ready) }
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

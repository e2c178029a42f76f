import Dispatch
import Synchronization

/// Work started on another thread by synchronous code that goes on with
/// something else and collects the result later: the decoding of the next
/// batch of a replay, the look-up table of a snapshot's strings.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` at once on a global queue.
    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    /// Waits for the work to finish and returns its result.
    /// - Important: call it once.
    var value: Value {
        done.wait()
        return result.withLock { $0.take()! }
    }
}

import Dispatch
import Synchronization

/// Hands an append's result from the writer to a thread blocked waiting for it.
final class BlockingAppend: Sendable {
    private let result = Mutex<Result<ClosedRange<UInt64>, EventLogError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ outcome: Result<ClosedRange<UInt64>, EventLogError>) {
        result.withLock { $0 = outcome }
        done.signal()
    }

    func wait() throws -> ClosedRange<UInt64> {
        done.wait()
        return try result.withLock { $0! }.get()
    }
}

import Dispatch

/// Runs work that blocks a thread (reading the whole log, encoding and
/// syncing a snapshot) on a dispatch queue, outside the pool of threads
/// that Swift concurrency shares between tasks: on two cores, a task that
/// held one of them for a second would halve everything else.
enum BlockingWork {
    /// Runs `work` on `queue` and returns its result.
    static func run<Result: Sendable>(
        on queue: DispatchQueue = .global(qos: .utility), _ work: @escaping @Sendable () throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Swift.Result { try work() }) }
        }
    }
}

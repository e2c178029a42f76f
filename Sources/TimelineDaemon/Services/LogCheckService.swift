import EventLog
import Logging
import ServiceLifecycle

/// The check of the log's sealed records that a start from a snapshot
/// leaves for after `READY=1` (see ``LogTrust``). Damage found throws a
/// ``DaemonServiceFailure``, which stops the daemon with a failure; a clean
/// log leaves the service waiting for the stop like the others.
struct LogCheckService: Service {
    let log: EventLog
    let state: String
    let logger: Logger

    func run() async throws {
        let damage = AsyncStream<String>.makeStream()
        let check = LogTrust.checkInBackground(log, state: state, logger: logger) { reason in
            damage.continuation.yield(reason)
            damage.continuation.finish()
        }
        // The check cannot be cancelled (it reads on a queue of its own);
        // its end finishes the stream either way.
        Task {
            await check.value
            damage.continuation.finish()
        }
        for await reason in damage.stream.cancelOnGracefulShutdown() {
            throw DaemonServiceFailure(service: "log check", reason: reason)
        }
        try? await gracefulShutdown()
    }
}

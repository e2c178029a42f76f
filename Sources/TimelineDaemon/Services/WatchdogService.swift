import Logging
import ServiceLifecycle

/// The daemon's side of systemd's watchdog and of its start and stop
/// notifications.
///
/// It says `READY=1` as it starts: the group has trapped SIGTERM and SIGINT
/// by then, and the start-up step has the socket listening and the inbox
/// watched. It then sends `WATCHDOG=1` every half of `WATCHDOG_USEC`
/// while the ingest loop is responsive (``IngestHealth``), so that a stuck
/// loop stops the pings and systemd restarts the daemon. It is the last
/// service of the group, so the first told of a graceful stop: it says
/// `STOPPING=1` and logs "stopping" before the others finish their work.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let health: IngestHealth
    let logger: Logger
    /// Says the daemon is ready (`READY=1` with its status, and the log line).
    let announceReady: @Sendable () async -> Void

    func run() async throws {
        await announceReady()
        if let interval = notifier.watchdogInterval {
            // Ends on graceful shutdown (the sleep is cancelled) or cancellation.
            try? await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: interval)
                    // A loop busy for as long as a ping interval misses this
                    // ping; systemd waits two before it acts.
                    if health.isResponsive(within: interval) { notifier.watchdog() }
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.stopping()
        logger.info("stopping")
    }
}

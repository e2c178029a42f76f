import Logging
import ServiceLifecycle

/// A service of the daemon as the group runs it: under its name, with one
/// clear log line when it fails, and a failure when it ends by itself.
///
/// Every service of the daemon runs until the graceful stop reaches it; one
/// that returns before is as broken as one that throws (an inbox no longer
/// watched, a socket no longer served), so both stop the daemon with a
/// ``DaemonServiceFailure`` naming the service.
struct SupervisedService: Service, CustomStringConvertible {
    /// How the log names the service ("ingester", "control server" …).
    let name: String
    let service: any Service
    let logger: Logger

    var description: String { name }

    func run() async throws {
        do {
            try await service.run()
        } catch let error as CancellationError {
            throw error
        } catch {
            throw failed(error as? DaemonServiceFailure ?? DaemonServiceFailure(service: name, reason: "\(error)"))
        }
        if !Task.isShuttingDownGracefully, !Task.isCancelled {
            throw failed(DaemonServiceFailure(service: name, reason: "it ended before the daemon was asked to stop"))
        }
    }

    /// Says the failure in the log line a person looks for, and returns it.
    private func failed(_ failure: DaemonServiceFailure) -> DaemonServiceFailure {
        logger.critical("a service failed; stopping the daemon", metadata: [
            "service": "\(name)", "error": "\(failure.reason)",
        ])
        return failure
    }
}

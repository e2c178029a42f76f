import Logging
import ServiceLifecycle
import Synchronization

/// The Varlink server's life in the group: the start-up step binds the
/// socket (it answers before `READY=1`); this service serves until the
/// graceful stop reaches it, after the ingest loop has finished. Event
/// streams then end with a last reply, and the server answers the calls in
/// hand and closes every connection.
///
/// A server that stops serving by itself throws a ``DaemonServiceFailure``:
/// a daemon that answers no one must be restarted.
struct ControlService: Service {
    let control: ControlServer
    let followers: EventBroadcaster
    /// How long followers are given to read their last reply.
    var followersTimeout: Duration = .seconds(2)

    func run() async throws {
        let stopping = StopRequested()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    // Cancelled rather than stopped gracefully: stop at once.
                    try await withTaskCancellationHandler {
                        try await control.serving.value
                    } onCancel: {
                        stopping.set()
                        control.server.shutdown()
                    }
                } catch {
                    if !stopping.isSet {
                        throw DaemonServiceFailure(service: "control server", reason: "it stopped serving: \(error)")
                    }
                    return
                }
                if !stopping.isSet {
                    throw DaemonServiceFailure(service: "control server", reason: "it stopped serving")
                }
            }
            group.addTask {
                try await gracefulShutdown()
                stopping.set()
                followers.finish()
                await followers.awaitFollowersLeaving(timeout: followersTimeout)
                await control.stop()
            }
            try await group.waitForAll()
        }
    }
}

/// Whether the server was asked to stop, so that its end is no failure.
private final class StopRequested: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

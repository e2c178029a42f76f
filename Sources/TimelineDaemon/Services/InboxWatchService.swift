import Logging
import ServiceLifecycle

/// The inbox watcher's life in the group: the start-up step starts it (the
/// inbox is watched before `READY=1`), and a graceful stop ends it first of
/// the services that do work, so that no file is taken once the stop has
/// begun.
struct InboxWatchService: Service {
    let watcher: InboxWatcher

    func run() async throws {
        try? await gracefulShutdown()
        watcher.stop()
    }
}

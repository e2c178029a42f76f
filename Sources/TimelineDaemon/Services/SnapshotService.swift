import ServiceLifecycle

/// The snapshotter's life in the group: it follows the store's progress
/// while the daemon runs, and once the graceful stop reaches it (after the
/// ingest loop and the control server have stopped, so nothing changes any
/// more) writes a last snapshot, which spares the next start a replay.
struct SnapshotService: Service {
    let snapshotter: Snapshotter
    let progress: AsyncStream<UInt64>

    func run() async throws {
        for await seq in progress.cancelOnGracefulShutdown() {
            await snapshotter.applied(through: seq)
        }
        try? await gracefulShutdown()
        await snapshotter.finish()
    }
}

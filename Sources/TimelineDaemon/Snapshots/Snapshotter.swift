import EventLog
import Foundation
import Logging
import Timeline

/// Writes snapshots of the projections so that a start replays only what
/// came after the newest: after every `everyEvents` new events, or
/// `everySeconds` after the first event that no snapshot covers, and once
/// more when the daemon stops.
///
/// The work happens off the ingest loop and off the store: the store hands
/// over its records (a few hundred pointer copies, see
/// ``Projections/snapshotContent``), and the encoding, the file write and
/// its syncs run on a utility queue while ingestion and queries go on.
/// One snapshot is written at a time; a trigger that comes while one is
/// being written is taken up when it is done.
actor Snapshotter {
    private let store: SnapshotStore
    private let timeline: TimelineStore
    private let log: EventLog
    private let everyEvents: UInt64
    private let everySeconds: Duration
    private let logger: Logger
    private let queue = DispatchQueue(label: "timelined.snapshots", qos: .utility)

    /// The seq the newest snapshot on disk covers.
    private(set) var snapshotSeq: UInt64
    /// The last seq the store has applied, as far as this actor was told.
    private var latestSeq: UInt64
    private var writing: Task<Void, Never>?
    private var timer: Task<Void, Never>?
    private var stopped = false
    /// Set after a failed write: the next attempt waits for the timer, so a
    /// full disk is not retried after every file.
    private var backingOff = false

    /// - Parameters:
    ///   - store: where snapshots are written.
    ///   - timeline: the projections to take them of.
    ///   - log: the log the projections follow (for the chain head at a seq).
    ///   - everyEvents: how many new events call for a snapshot.
    ///   - everySeconds: how long the first event not in a snapshot may wait for one.
    ///   - coveredSeq: the seq the newest usable snapshot covers (0 for none).
    ///   - logger: where writes and failures are reported.
    init(
        store: SnapshotStore, timeline: TimelineStore, log: EventLog, everyEvents: Int, everySeconds: Int,
        coveredSeq: UInt64, logger: Logger
    ) {
        self.store = store
        self.timeline = timeline
        self.log = log
        self.everyEvents = UInt64(max(1, everyEvents))
        self.everySeconds = .seconds(max(1, everySeconds))
        self.snapshotSeq = coveredSeq
        self.latestSeq = coveredSeq
        self.logger = logger
    }

    /// Follows the store's progress until the stream ends (see
    /// ``EventBroadcaster/progress()``).
    func follow(_ progress: AsyncStream<UInt64>) async {
        for await seq in progress { applied(through: seq) }
    }

    /// Tells the snapshotter that the store has applied every event up to `seq`.
    func applied(through seq: UInt64) {
        latestSeq = max(latestSeq, seq)
        scheduleIfDue()
    }

    /// Stops the timers, waits for a write in progress, and writes a last
    /// snapshot if the store holds events after it: the next start then
    /// replays nothing. The store is asked rather than the progress seen,
    /// which may not have been read to its end when the stop came.
    func finish() async {
        stopped = true
        timer?.cancel()
        timer = nil
        while let writing {
            await writing.value
            if self.writing == writing { self.writing = nil }
        }
        await write()
    }

    private func scheduleIfDue() {
        guard !stopped, writing == nil, latestSeq > snapshotSeq else { return }
        if latestSeq - snapshotSeq >= everyEvents, !backingOff {
            startWrite()
        } else if timer == nil {
            let delay = everySeconds
            timer = Task { [weak self] in
                guard (try? await Task.sleep(for: delay)) != nil else { return }
                await self?.timerFired()
            }
        }
    }

    private func timerFired() {
        timer = nil
        backingOff = false
        guard !stopped, writing == nil, latestSeq > snapshotSeq else { return }
        startWrite()
    }

    private func startWrite() {
        timer?.cancel()
        timer = nil
        writing = Task {
            await self.write()
            self.writing = nil
            self.scheduleIfDue()
        }
    }

    /// Takes the store's records and writes them as a snapshot.
    private func write() async {
        let content = await timeline.snapshotContent()
        let seq = content.lastSeq
        guard seq > snapshotSeq else { return }
        let started = ContinuousClock.now
        let store = self.store
        let log = self.log
        do {
            let (name, bytes) = try await BlockingWork.run(on: queue) {
                // The chain head from the log itself, at the snapshot's seq:
                // a later load checks the log still has that history, by
                // reading that one record where it is.
                let head = try log.chainHead(at: seq)
                let location = try log.location(of: seq)
                let body = content.encoded()
                let name = try store.write(
                    body, seq: seq, chainHead: head, location: location, version: Projections.snapshotVersion)
                return (name, body.count)
            }
            snapshotSeq = seq
            backingOff = false
            logger.info("snapshot written", metadata: [
                "seq": "\(seq)", "file": "\(name)", "bytes": "\(bytes)",
                "seconds": "\(seconds(ContinuousClock.now - started))",
            ])
        } catch {
            // The log holds everything; a missing snapshot only makes the next start slower.
            backingOff = true
            logger.error("cannot write a snapshot; the next start replays more of the log", metadata: [
                "seq": "\(seq)", "error": "\(error)",
            ])
        }
    }
}

/// Seconds with milliseconds, for a log line.
private func seconds(_ duration: Duration) -> String {
    String(format: "%.3f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}

import Foundation
import Glibc
import Synchronization

extension EventLog {
    /// Appends a batch of records and returns once they are durable.
    ///
    /// The bodies get consecutive seqs, in order, with no other append's
    /// records between them; concurrent appends are ordered by the writer, and
    /// seq order is commit order. Appends queued while the writer syncs share
    /// its next sync (group commit).
    ///
    /// - Parameters:
    ///   - bodies: the records' bytes, opaque to the log (the daemon stores one
    ///     JSON event per record). At least one.
    /// - Returns: the seqs given to the bodies, in order.
    /// - Throws: ``EventLogError``: ``EventLogError/Code/emptyBatch``,
    ///   ``EventLogError/Code/recordTooLarge``, ``EventLogError/Code/closed``, or
    ///   ``EventLogError/Code/writerStopped`` after a write or sync failed.
    /// - Important: a batch is atomic across a crash: recovery keeps all of its
    ///   records or none. An append that throws `writerStopped` may still have
    ///   reached the disk; the next open keeps it if it is whole. Once queued, an
    ///   append is not cancelled with its task, because its records may already
    ///   be on their way to the disk.
    public func append(_ bodies: [[UInt8]]) async throws -> ClosedRange<UInt64> {
        try validate(bodies)
        return try await withCheckedThrowingContinuation { continuation in
            enqueue(AppendRequest(bodies: bodies) { result in continuation.resume(with: result) })
        }
    }

    /// Appends a batch of records given as `Data`; see ``append(_:)-([[UInt8]])``.
    /// - Parameters:
    ///   - bodies: the records' bytes. At least one.
    /// - Returns: the seqs given to the bodies, in order.
    /// - Throws: as ``append(_:)-([[UInt8]])``.
    public func append(_ bodies: [Data]) async throws -> ClosedRange<UInt64> {
        try await append(bodies.map { Array($0) })
    }

    /// Appends a batch of records, blocking the calling thread until they are
    /// durable: for tools and tests outside Swift concurrency. It shares syncs
    /// with concurrent appends like the async form.
    /// - Parameters:
    ///   - bodies: the records' bytes. At least one.
    /// - Returns: the seqs given to the bodies, in order.
    /// - Throws: as ``append(_:)-([[UInt8]])``.
    /// - Important: never call it from a Swift concurrency task: it blocks a
    ///   thread of the shared pool for a disk flush.
    public func appendBlocking(_ bodies: [[UInt8]]) throws -> ClosedRange<UInt64> {
        try validate(bodies)
        let waiter = BlockingAppend()
        enqueue(AppendRequest(bodies: bodies) { result in waiter.finish(result) })
        return try waiter.wait()
    }

    private func validate(_ bodies: [[UInt8]]) throws {
        guard !bodies.isEmpty else {
            throw EventLogError(.emptyBatch, "append was given no records")
        }
        let limit = min(options.maxRecordBytes, Int(UInt32.max) - LogFormat.minimumFrameLength)
        if let index = bodies.firstIndex(where: { $0.count > limit }) {
            throw EventLogError(
                .recordTooLarge,
                "record \(index + 1) of the batch holds \(bodies[index].count) bytes, more than the \(limit) allowed (Options.maxRecordBytes)")
        }
    }

    /// Queues an append for the writer and makes sure a drain will pick it up.
    func enqueue(_ request: AppendRequest) {
        let startDrain: Bool? = shared.withLock { state in
            guard !state.closed else { return nil }
            state.pending.append(request)
            guard !state.draining, !state.paused else { return false }
            state.draining = true
            return true
        }
        switch startDrain {
        case nil:
            request.completion(.failure(EventLogError(.closed, "the log is closed; appends are no longer accepted")))
        case true?:
            writerQueue.async { self.drain() }
        case false?:
            break
        }
    }

    /// Commits everything queued, batch after batch, until the queue is empty.
    /// Runs only on `writerQueue`. While one commit syncs, new appends queue
    /// up and go together into the next: that is group commit.
    func drain() {
        var lastCommitted = 0
        var lastCommitDuration = Duration.zero
        while true {
            if lastCommitted > 1 {
                awaitStragglers(count: lastCommitted, for: min(lastCommitDuration / 2, .microseconds(200)))
            }
            let started = ContinuousClock.now
            let batch: [AppendRequest]? = shared.withLock { state in
                if state.pending.isEmpty || (state.paused && !state.closed) {
                    state.draining = false
                    return nil
                }
                var taken: [AppendRequest] = []
                swap(&taken, &state.pending)
                return taken
            }
            guard let batch else { return }
            let outcome = writer.withLock { $0.commit(batch.map(\.bodies)) }
            if !outcome.newIndexEntries.isEmpty {
                index.withLock { $0.add(contentsOf: outcome.newIndexEntries) }
            }
            shared.withLock { state in
                if let view = outcome.view { state.view = view }
                state.statistics.appends += UInt64(outcome.results.count(where: { (try? $0.get()) != nil }))
                state.statistics.records += outcome.records
                state.statistics.syncs += outcome.syncs
                state.statistics.segmentsCreated += outcome.segmentsCreated
            }
            for (request, result) in zip(batch, outcome.results) {
                request.completion(result)
            }
            lastCommitted = batch.count
            lastCommitDuration = ContinuousClock.now - started
        }
    }

    /// Gives the appenders that the last commit just answered a moment to
    /// queue their next append before the writer takes the queue, bounded by
    /// half the last commit's time (and 200 µs).
    ///
    /// Without it, the first appender back starts a sync alone and the rest
    /// wait a whole sync behind it: with 8 writers a sync carried 4–6 appends
    /// instead of 8 in the benchmark. It is PostgreSQL's `commit_delay`,
    /// applied only when more than one append came in the last commit, so a
    /// lone appender never waits.
    private func awaitStragglers(count: Int, for budget: Duration) {
        let deadline = ContinuousClock.now + budget
        while shared.withLock({ $0.pending.count }) < count, ContinuousClock.now < deadline {
            sched_yield()
        }
    }

    /// Holds queued appends back until ``resumeWriterForTesting()``, so a test
    /// can queue several and see them share one sync.
    func pauseWriterForTesting() {
        shared.withLock { $0.paused = true }
    }

    /// Lets the writer commit what was queued while paused, all together.
    func resumeWriterForTesting() {
        let startDrain = shared.withLock { state in
            state.paused = false
            guard !state.pending.isEmpty, !state.draining else { return false }
            state.draining = true
            return true
        }
        if startDrain { writerQueue.async { self.drain() } }
    }

    /// Appends queued and not yet taken by the writer.
    var pendingAppendCountForTesting: Int { shared.withLock { $0.pending.count } }
}

import ClaimExtraction
import DurableFiles
import EventLog
import Logging
import ServiceLifecycle
import Timeline

/// The ingest loop: takes the inbox's files in batches, turns them into
/// durable events, and moves them on; the one writer of the log.
///
/// It waits on the ``Mailbox`` for what the inbox watcher saw, for a
/// reload (SIGHUP, from the ``ReloadService``), for a retry that is due and
/// for the periodic rescan. On graceful shutdown it finishes the batch in
/// hand and returns. When the log stops taking appends it throws a
/// ``DaemonServiceFailure``: the daemon stops with a failure and the files
/// stay in the inbox.
struct IngestService: Service {
    let folders: DataFolders
    let rescanInterval: Duration
    let watcher: InboxWatcher
    let mailbox: Mailbox
    let health: IngestHealth
    let store: TimelineStore
    let log: EventLog
    let ingester: BatchIngester
    let lexicons: LexiconSource
    /// The lexicon the start loaded.
    let lexicon: LexiconFile
    /// The names the start found in the inbox.
    let found: [FileName]
    /// The reports of refused files the start found missing in failed/
    /// (``RejectionReport/missing(for:in:)``), written first.
    let missingReports: [BatchIngester.PendingReport]
    let notifier: SystemdNotifier
    let logger: Logger
    /// With `reextract_on_upgrade`: re-extracts, beside the loop, the
    /// documents another extractor or lexicon read
    /// (``Reextractor/upgrade(record:)``).
    var upgrade: Reextractor?

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let upgrade {
                    group.addTask { await upgrade.upgrade(record: folders.state + "/reextracted-with") }
                }
                // However the loop ends, no edit waits for it, and a
                // re-extraction beside it is refused its next chunk and
                // ends before the group returns (a later start finishes it).
                defer { mailbox.close() }
                try await loop()
            }
        } onGracefulShutdown: { [mailbox] in
            mailbox.post(.stop)
        }
    }

    /// Says that the log refused an append and gives the failure that stops
    /// the daemon: the log takes no more appends until it is opened again,
    /// and Restart=on-failure starts the daemon again.
    private func logStopped(_ error: any Error, metadata: Logger.Metadata) -> DaemonServiceFailure {
        logger.critical(
            "the event log stopped accepting appends; stopping so that the daemon is started again",
            metadata: metadata.merging(["error": "\(error)"]) { $1 })
        return DaemonServiceFailure(service: "ingester", reason: "the event log stopped accepting appends: \(error)")
    }

    // The loop keeps its state in locals: it is the only one to touch it.
    private func loop() async throws {
        var lexicon = self.lexicon
        var extractor = ClaimExtractor(lexicon: lexicon.lexicon)
        var extractorInfo = ExtractorInfo(version: ClaimExtractor.version, lexicon: lexicon.sha256)
        var queue = WorkQueue()
        queue.add(found)
        // Names whose writer was seen closing or moving them in; the rest
        // (found by a scan, or seen created) may still be being written.
        var announced: Set<FileName> = []
        var stopping = false
        var retry = RetryState()
        var nextRescan = ContinuousClock.now + rescanInterval
        // Written before any batch; those the disk has no room for yet wait
        // for a try, as a batch's own would.
        retry.unwrittenReports = ingester.write(missingReports)
        if !retry.unwrittenReports.isEmpty { retry.wake() }
        /// Since when the inbox is gone (deleted or moved away), while it is.
        var inboxGoneSince: ContinuousClock.Instant?

        /// Lists the inbox and queues what it holds. A name no event
        /// announced is said: it shows a way files arrive unseen.
        func rescan(_ why: String, sayFound: Bool) {
            do {
                let names = try InboxWatcher.scan(folders.inbox)
                let unseen = names.filter { !queue.contains($0) && !retry.held.contains($0) }
                if sayFound, !unseen.isEmpty {
                    logger.notice("\(why) found files no event announced", metadata: [
                        "count": "\(unseen.count)", "files": "\(unseen.prefix(5).map(\.shown).joined(separator: ", "))",
                    ])
                }
                queue.add(names)
            } catch {
                logger.error("cannot list the inbox", metadata: ["error": "\(error)"])
            }
        }

        /// Watches the inbox again after it was deleted or moved away: the
        /// folder there now, or, when none has come within a retry
        /// interval, one made anew. Then lists it.
        func rewatchInbox() {
            let now = ContinuousClock.now
            if !FileSystem.isDirectory(folders.inbox) {
                if inboxGoneSince == nil {
                    inboxGoneSince = now
                    logger.warning("the inbox was deleted or moved away; it is made anew unless it comes back within \(RetryState.interval)", metadata: [
                        "inbox": "\(folders.inbox)",
                    ])
                    retry.wake()
                    return
                }
                guard now - inboxGoneSince! >= RetryState.interval else {
                    retry.wake()
                    return
                }
                do {
                    try FileSystem.makeDirectory(folders.inbox)
                } catch {
                    logger.error("cannot make the inbox anew; trying again", metadata: ["error": "\(error)"])
                    retry.wake()
                    return
                }
            }
            do {
                try watcher.rewatch()
            } catch {
                inboxGoneSince = inboxGoneSince ?? now
                logger.error("cannot watch the inbox; trying again", metadata: ["error": "\(error)"])
                retry.wake()
                return
            }
            inboxGoneSince = nil
            logger.notice("watching the inbox again", metadata: ["inbox": "\(folders.inbox)"])
            rescan("listing the inbox watched again", sayFound: false)
        }

        func absorb(_ inputs: [DaemonInput]) async throws {
            var lost = false
            for input in inputs {
                switch input {
                case .inbox(.file(let name)):
                    queue.add([name])
                    announced.insert(name)
                case .inbox(.appeared(let name)):
                    queue.add([name])
                case .inbox(.lost(let watch)):
                    // The kernel reports a deleted folder twice
                    // (IN_DELETE_SELF, IN_IGNORED): once is enough, and not
                    // at all for a watch already replaced.
                    if watcher.isCurrent(watch) { lost = true }
                case .inbox(.overflow):
                    logger.warning("inotify queue overflowed; scanning the inbox again")
                    rescan("the scan after an overflow", sayFound: false)
                case .stop:
                    stopping = true
                case .edit(let request):
                    do {
                        try await ingester.record(request, log: log, store: store)
                    } catch {
                        throw logStopped(error, metadata: ["claim": "\(request.kind.claim)"])
                    }
                case .reextract(let request):
                    do {
                        try await ingester.record(request, log: log, store: store)
                    } catch {
                        throw logStopped(error, metadata: ["reextracting": "\(request.plans.count) documents"])
                    }
                case .reload:
                    notifier.reloading()
                    do {
                        lexicon = try lexicons.reloaded()
                        extractor = ClaimExtractor(lexicon: lexicon.lexicon)
                        extractorInfo = ExtractorInfo(version: ClaimExtractor.version, lexicon: lexicon.sha256)
                        await store.setExtractor(extractorInfo, lexicon: lexicon.lexicon, reader: extractor)
                        logger.notice("reloaded", metadata: ["lexicon": "\(lexicon.path)", "sha256": "\(lexicon.sha256)"])
                    } catch {
                        logger.error("reload failed; keeping the previous lexicon: \(error)")
                    }
                    notifier.ready(status: await store.statusLine)
                }
            }
            if lost, inboxGoneSince == nil { rewatchInbox() }
        }
        /// The names waiting: queued, held, or `taken` by the batch at hand.
        func pending(taken: [FileName] = []) -> Int {
            queue.count + taken.count + retry.held.count { !queue.contains($0) && !taken.contains($0) }
        }
        func publishInbox(busy: Bool) async {
            // While paused no batch reads the queue, so names that left the
            // inbox meanwhile (taken before a batch failed, or deleted)
            // would be counted until the next try: count what is there.
            if retry.pausedFor != nil, let present = try? Set(InboxWatcher.scan(folders.inbox)) {
                queue.keepOnly(present)
                retry.keepOnly(present)
            }
            let waiting = pending()
            let state: InboxState = retry.pausedFor != nil ? .paused
                : busy ? .busy : !retry.held.isEmpty ? .waiting : waiting > 0 ? .busy : .idle
            await store.setInbox(pending: waiting, state: state)
            notifier.status(await store.statusLine + (retry.pausedFor.map { "; ingestion paused: \($0)" } ?? ""))
        }

        health.working()
        while !stopping {
            while !stopping, retry.paused == nil, case let names = queue.next(upTo: BatchIngester.maxFiles), !names.isEmpty {
                await store.setInbox(
                    pending: pending(taken: names), state: retry.pausedFor != nil ? .paused : .busy)
                do {
                    let result = try await ingester.ingest(
                        names, announced: announced, extractor: extractor, info: extractorInfo, log: log, store: store)
                    queue.putBack(Array(result.untaken))
                    // A name held earlier and read now is no longer waiting.
                    let waiting = Set(result.busy + result.deferred.map(\.name))
                    retry.forget(names.filter { !queue.contains($0) && !waiting.contains($0) })
                    for name in result.busy { _ = retry.hold(name) }
                    announced.subtract(names.filter { !queue.contains($0) && !retry.held.contains($0) })
                    for (name, reason) in result.deferred where retry.hold(name) {
                        logger.warning("left in the inbox for now; it will be tried again", metadata: [
                            "file": "\(name)", "reason": "\(reason)",
                        ])
                    }
                    retry.unwrittenReports += result.unwrittenReports
                    if let reason = retry.resumed() {
                        logger.notice("ingestion resumed", metadata: ["paused_for": "\(reason)"])
                    }
                } catch let error as EventLogError {
                    // The log stops taking appends after a failed write
                    // until it is opened again: stopping with a failure
                    // lets Restart=on-failure start the daemon again. The
                    // files stay in the inbox.
                    await publishInbox(busy: false)
                    throw logStopped(error, metadata: ["files": "\(names.map(\.shown).joined(separator: ", "))"])
                } catch {
                    // Storing the documents failed, or the disk is too full
                    // to start the batch: nothing was appended, the files
                    // stay in the inbox, and the batch is tried again.
                    queue.putBack(names)
                    if retry.pause(reason: "\(error)") {
                        logger.error("ingestion paused; the files stay in the inbox and are tried again every \(RetryState.interval)", metadata: [
                            "pending": "\(pending())", "error": "\(error)",
                        ])
                    }
                }
                try await absorb(mailbox.drain())
                await publishInbox(busy: true)
            }
            await publishInbox(busy: false)
            if stopping { break }
            let deadline = min(retry.due ?? nextRescan, nextRescan)
            health.waiting()
            let inputs = ContinuousClock.now < deadline ? await mailbox.take(timeout: deadline - .now) : []
            health.working()
            if let due = retry.due, ContinuousClock.now >= due {
                queue.add(retry.release())
                retry.unwrittenReports = ingester.write(retry.unwrittenReports)
                if inboxGoneSince != nil { rewatchInbox() }
            }
            if ContinuousClock.now >= nextRescan {
                nextRescan = .now + rescanInterval
                if inboxGoneSince == nil { rescan("the periodic rescan", sayFound: true) }
            }
            try await absorb(inputs)
        }
        health.waiting()
    }
}

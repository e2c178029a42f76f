import ClaimExtraction
import Dispatch
import DurableFiles
import EventLog
import Foundation
import Logging
import Synchronization
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// The timelined daemon: it recovers the log, rebuilds the projections,
/// serves the Varlink socket, and turns each file dropped into the inbox
/// into durable events before moving it on.
///
/// - Important: a file leaves the inbox only after its events are durable.
///   A crash at any point leaves it in the inbox (or its events in the
///   log), and the next start finishes the job: the document's hash, once
///   in the log, makes a second reading of the same bytes add nothing.
public final class Daemon: Sendable {
    let configuration: DaemonConfiguration
    let configurationFile: String?
    let overrides: DaemonConfiguration.Overrides
    let logger: Logger
    let notifier = SystemdNotifier()
    let mailbox = Mailbox()
    /// Why the daemon must stop with a failure, once it has stopped.
    let failure = Mutex<String?>(nil)

    /// - Parameters:
    ///   - configurationFile: the YAML file, read now and again on SIGHUP.
    ///   - overrides: settings from the command line, which win over the file.
    ///   - logger: where the daemon says what it does.
    /// - Throws: ``ConfigurationError`` when the file cannot be used.
    public init(configurationFile: String?, overrides: DaemonConfiguration.Overrides, logger: Logger) throws {
        self.configuration = try DaemonConfiguration.load(
            file: configurationFile, overrides: overrides, environment: ProcessInfo.processInfo.environment)
        self.configurationFile = configurationFile
        self.overrides = overrides
        self.logger = logger
    }

    /// Runs until SIGTERM or SIGINT, then stops gracefully: the file in
    /// hand is finished, the log flushed and closed.
    ///
    /// - Throws: ``StartupError`` when the daemon cannot start (a folder it
    ///   cannot create, a lexicon it cannot read, a log it cannot trust).
    public func run() async throws {
        let folders = configuration.folders
        for folder in [folders.data, folders.inbox, folders.processed, folders.failed,
                       folders.state, folders.log, folders.documents, folders.snapshots] {
            try FileSystem.makeDirectory(folder)
        }
        // A file leaves the inbox in one atomic rename, which cannot cross
        // file systems.
        for folder in [folders.processed, folders.failed]
        where try FileSystem.device(of: folder) != FileSystem.device(of: folders.inbox) {
            throw StartupError("\(folder) is not on the inbox's file system (\(folders.inbox)): files could not leave the inbox atomically; put them on one")
        }

        var lexicon = try loadLexicon(path: configuration.lexiconPath)
        var extractor = ClaimExtractor(lexicon: lexicon.lexicon)
        var extractorInfo = ExtractorInfo(version: ClaimExtractor.version, lexicon: lexicon.sha256)
        logger.info("lexicon loaded", metadata: ["path": "\(lexicon.path)", "sha256": "\(lexicon.sha256)"])

        let log = try notifier.extendingStartTimeout(status: "starting: checking the log") {
            try openLog(folders: folders)
        }
        let acknowledged = openAcknowledgedSeq(folders: folders, log: log)
        let followers = EventBroadcaster()
        let store = TimelineStore(extractor: extractorInfo, inboxPath: folders.inbox, log: log, followers: followers)
        await store.setExtractor(extractorInfo, lexicon: lexicon.lexicon)
        let restored = try notifier.extendingStartTimeout(
            status: "starting: rebuilding the projections (the log holds \(log.lastSeq) events)"
        ) {
            try restore(log, snapshots: folders.snapshots)
        }
        let replayed = restored.projections
        await store.replace(with: replayed, chainHead: log.chainHead.hex)
        let snapshotter = Snapshotter(
            store: SnapshotStore(directory: URL(fileURLWithPath: folders.snapshots)), timeline: store, log: log,
            everyEvents: configuration.snapshotEveryEvents, everySeconds: configuration.snapshotEverySeconds,
            coveredSeq: restored.snapshotSeq, logger: logger)
        let snapshotting = Task { await snapshotter.follow(followers.progress()) }
        await snapshotter.applied(through: replayed.lastSeq)
        let summary = replayed.summary
        logger.info("projections rebuilt", metadata: [
            "events": "\(summary.lastSeq)", "documents": "\(summary.documents)", "claims": "\(summary.claims)",
        ])

        let control = try await ControlServer.start(
            configuration: configuration, store: store, logger: logger)
        logger.info("listening", metadata: ["socket": "\(control.socketDescription)"])

        let signalSources = installSignalHandlers()
        let watcher = try InboxWatcher(path: folders.inbox)
        watcher.start { [mailbox] signal in mailbox.post(.inbox(signal)) }
        logger.info("watching inbox", metadata: ["inbox": "\(folders.inbox)"])

        for folder in [folders.failed, folders.documents] {
            try FileSystem.removeTemporaries(in: folder)
        }
        for moved in try FileSystem.finishInterruptedMoves(in: folders.inbox, to: [folders.processed, folders.failed]) {
            logger.notice("finished a move a crash interrupted", metadata: ["file": "\(moved.name)", "moved_to": "\(moved.folder)"])
        }
        var queue = WorkQueue()
        queue.add(try InboxWatcher.scan(folders.inbox))
        // Names whose writer was seen closing or moving them in; the rest
        // (found by a scan, or seen created) may still be being written.
        var announced: Set<FileName> = []
        let ingester = BatchIngester(
            folders: folders,
            ingestor: Ingestor(inbox: folders.inbox, maxDocumentBytes: configuration.maxDocumentBytes),
            logger: logger, acknowledged: acknowledged)
        notifier.ready(status: await statusLine(store))
        logger.info("ready", metadata: ["pending": "\(queue.count)"])
        if log.options.openCheck == .sealsAndTail {
            _ = LogTrust.checkInBackground(log, state: folders.state, logger: logger) { [self] reason in
                failure.withLock { $0 = reason }
                mailbox.post(.stop)
            }
        } else {
            LogTrust.clearMarker(state: folders.state, logger: logger)
        }

        var stopping = false
        let watchdog = notifier.watchdogInterval
        var lastPing = ContinuousClock.now
        var retry = RetryState()
        let rescanInterval = Duration.seconds(configuration.rescanEverySeconds)
        var nextRescan = ContinuousClock.now + rescanInterval
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

        func absorb(_ inputs: [DaemonInput]) async {
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
                case .reload:
                    notifier.reloading()
                    do {
                        let path = try reloadedLexiconPath()
                        lexicon = try loadLexicon(path: path)
                        extractor = ClaimExtractor(lexicon: lexicon.lexicon)
                        extractorInfo = ExtractorInfo(version: ClaimExtractor.version, lexicon: lexicon.sha256)
                        await store.setExtractor(extractorInfo, lexicon: lexicon.lexicon)
                        logger.notice("reloaded", metadata: ["lexicon": "\(lexicon.path)", "sha256": "\(lexicon.sha256)"])
                    } catch {
                        logger.error("reload failed; keeping the previous lexicon: \(error)")
                    }
                    notifier.ready(status: await statusLine(store))
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
            notifier.status(await statusLine(store) + (retry.pausedFor.map { "; ingestion paused: \($0)" } ?? ""))
        }

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
                    logger.critical("the event log stopped accepting appends; stopping so that the daemon is started again", metadata: [
                        "files": "\(names.map(\.shown).joined(separator: ", "))", "error": "\(error)",
                    ])
                    failure.withLock { $0 = "the event log stopped accepting appends: \(error)" }
                    stopping = true
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
                await absorb(mailbox.drain())
                await publishInbox(busy: true)
                if let watchdog, ContinuousClock.now - lastPing >= watchdog {
                    notifier.watchdog()
                    lastPing = .now
                }
            }
            await publishInbox(busy: false)
            if stopping { break }
            let inputs = await nextInputs(
                watchdog: watchdog, lastPing: &lastPing, until: min(retry.due ?? nextRescan, nextRescan))
            if let due = retry.due, ContinuousClock.now >= due {
                queue.add(retry.release())
                retry.unwrittenReports = ingester.write(retry.unwrittenReports)
                if inboxGoneSince != nil { rewatchInbox() }
            }
            if ContinuousClock.now >= nextRescan {
                nextRescan = .now + rescanInterval
                if inboxGoneSince == nil { rescan("the periodic rescan", sayFound: true) }
            }
            await absorb(inputs)
        }

        notifier.stopping()
        logger.info("stopping")
        watcher.stop()
        // Event streams end with a last reply before the server closes
        // their connections; the last snapshot spares the next start a replay.
        followers.finish()
        await followers.awaitFollowersLeaving(timeout: .seconds(2))
        await snapshotting.value
        await snapshotter.finish()
        await control.stop()
        log.close()
        acknowledged?.sync()
        withExtendedLifetime(signalSources) {}
        logger.info("stopped", metadata: ["last_seq": "\(log.lastSeq)"])
        if let reason = failure.withLock({ $0 }) { throw StartupError(reason) }
    }

    /// Waits for inputs, pinging the watchdog while it waits: from this
    /// loop, so that a daemon whose loop is stuck stops pinging and is
    /// restarted. Returns none once `deadline` has come.
    private func nextInputs(
        watchdog: Duration?, lastPing: inout ContinuousClock.Instant, until deadline: ContinuousClock.Instant?
    ) async -> [DaemonInput] {
        while true {
            let now = ContinuousClock.now
            if let deadline, now >= deadline { return [] }
            let untilPing = watchdog.map { max(.zero, $0 - (now - lastPing)) }
            let untilDeadline = deadline.map { $0 - now }
            let timeout = [untilPing, untilDeadline].compactMap { $0 }.min()
            let inputs = await mailbox.take(timeout: timeout)
            if !inputs.isEmpty { return inputs }
            if let watchdog, ContinuousClock.now - lastPing >= watchdog {
                notifier.watchdog()
                lastPing = .now
            }
        }
    }

    // MARK: - Start-up

    private func loadLexicon(path: String?) throws -> LexiconFile {
        guard let path = path ?? LexiconFile.defaultPath(executable: CommandLine.arguments[0]) else {
            throw StartupError("no lexicon found: set 'lexicon' in the configuration or pass --lexicon FILE")
        }
        return try LexiconFile.load(path: path)
    }

    /// The lexicon path of the configuration as it reads now. Folders and
    /// the socket stay as they were at start: moving them needs a restart.
    private func reloadedLexiconPath() throws -> String? {
        let reread = try DaemonConfiguration.load(
            file: configurationFile, overrides: overrides, environment: ProcessInfo.processInfo.environment)
        if reread.folders != configuration.folders {
            logger.warning("folder or socket settings changed; they take effect at the next start")
        }
        return reread.lexiconPath
    }

    /// Opens the log, refusing it when it is damaged, or ends (once a torn
    /// tail is cut) before the seq a snapshot or the acknowledged seq shows
    /// it reached (see ``KnownLogEnd``).
    private func openLog(folders: DataFolders) throws -> EventLog {
        let logger = self.logger
        let reached = KnownLogEnd(folders: folders)
        for evidence in reached.passedOver {
            logger.warning("not taken as proof of how far the log had come", metadata: ["evidence": "\(evidence)"])
        }
        let log: EventLog
        do {
            log = try EventLog.open(
                directory: URL(fileURLWithPath: folders.log),
                options: EventLog.Options(
                    segmentBytes: configuration.segmentBytes,
                    openCheck: LogTrust.openCheck(snapshots: folders.snapshots, state: folders.state),
                    knownSeq: reached.known
                ) { message in
                    let level: Logger.Level = switch message.level {
                    case .error: .error
                    case .warning: .warning
                    default: .notice
                    }
                    logger.log(level: level, "\(message.message)", metadata: message.metadata.mapValues { .string($0) })
                })
        } catch let error as EventLogError where error.code == .dataLoss {
            throw StartupError("acknowledged events are missing from the log, refusing to start: \(error)")
        } catch let error as EventLogError {
            throw StartupError("the log cannot be trusted, refusing to start: \(error)")
        }
        let report = log.recoveryReport
        if let torn = report.tornTail {
            logger.warning("cut a torn tail off the log", metadata: [
                "bytes_dropped": "\(report.droppedBytes)", "detail": "\(torn)",
            ])
        }
        logger.info("log opened", metadata: [
            "segments": "\(report.segmentCount)", "last_seq": "\(report.lastSeq)", "chain_head": "\(report.chainHead.hex)",
            "known_seq": "\(reached.known.map { String($0.seq) } ?? "none")",
        ])
        return log
    }

    /// The acknowledged-seq file, brought up to the log's end; nil (and an
    /// error logged) when it cannot be opened: the daemon then runs on,
    /// with the snapshots alone to prove how far the log had come.
    private func openAcknowledgedSeq(folders: DataFolders, log: EventLog) -> AcknowledgedSeq? {
        do {
            let acknowledged = try AcknowledgedSeq(state: folders.state, logger: logger)
            acknowledged.record(log.lastSeq)
            return acknowledged
        } catch {
            logger.error("cannot keep the acknowledged seq; a damaged log tail after a crash may go unnoticed", metadata: [
                "error": "\(error)",
            ])
            return nil
        }
    }

    private func statusLine(_ store: TimelineStore) async -> String {
        let status = await store.status
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)" + (number == 1 ? "" : "s") }
        return "\(count(status.documents, "document")), \(count(status.claims, "claim")), inbox \(status.inbox.state)"
            + (status.inbox.pending > 0 ? " (\(status.inbox.pending) to read)" : "")
            + (status.rejected > 0 ? ", \(status.rejected) rejected" : "")
    }

    /// Routes SIGTERM and SIGINT to a graceful stop and SIGHUP to a reload.
    /// The sources must be kept alive as long as the daemon runs.
    private func installSignalHandlers() -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [mailbox] in
                mailbox.post(number == SIGHUP ? .reload : .stop)
            }
            source.resume()
            return source
        }
    }
}

/// Why the daemon could not start, in one line.
public struct StartupError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// What waits for a temporary failure to pass: files left in the inbox,
/// reports not yet written, and why ingestion is paused.
struct RetryState {
    /// How long a temporary failure is given before the next try.
    static let interval: Duration = .seconds(5)

    /// Names left in the inbox by a temporary failure.
    private(set) var held: Set<FileName> = []
    /// Names held since they were last read, held again at each try: said
    /// once, not at every try.
    private var waitingSinceRead: Set<FileName> = []
    /// Reports of refused files that could not be written yet.
    var unwrittenReports: [BatchIngester.PendingReport] = []
    /// Why ingestion is paused (a full disk), while it is.
    private(set) var paused: String?
    /// The reason of the last pause, until a batch goes through again.
    private var lastPause: String?
    /// Why ingestion is paused, as the inbox's state tells it: from the
    /// pause until a batch goes through again, tries included.
    var pausedFor: String? { lastPause }
    /// When to try again.
    private(set) var due: ContinuousClock.Instant?

    /// Holds `name` for the next try.
    ///
    /// - Returns: whether it is the first time since the name was last
    ///   read (so worth a log line).
    mutating func hold(_ name: FileName) -> Bool {
        schedule()
        held.insert(name)
        return waitingSinceRead.insert(name).inserted
    }

    /// Stops holding the names not in `present`: they left the inbox.
    mutating func keepOnly(_ present: Set<FileName>) {
        held.formIntersection(present)
        waitingSinceRead.formIntersection(present)
    }

    /// Stops holding `names`: they were read since.
    mutating func forget(_ names: [FileName]) {
        held.subtract(names)
        waitingSinceRead.subtract(names)
    }

    /// Pauses ingestion until the next try.
    ///
    /// - Returns: whether this is a new pause (so worth a log line).
    mutating func pause(reason: String) -> Bool {
        schedule()
        paused = reason
        defer { lastPause = reason }
        return lastPause == nil
    }

    /// A batch went through.
    ///
    /// - Returns: the reason of the pause it ends, if any.
    mutating func resumed() -> String? {
        defer { lastPause = nil }
        return lastPause
    }

    /// The try is due: the names held, to queue again; the pause lifted
    /// (the next batch finds out whether its cause has passed).
    mutating func release() -> [FileName] {
        defer { held.removeAll() }
        // Names no longer held were read, or left the inbox.
        waitingSinceRead.formIntersection(held)
        paused = nil
        due = nil
        if !unwrittenReports.isEmpty { schedule() }
        return held.sorted()
    }

    /// Makes a try due within ``interval`` (for a cause kept elsewhere,
    /// such as an inbox to watch again).
    mutating func wake() { schedule() }

    private mutating func schedule() {
        if due == nil { due = .now + Self.interval }
    }
}

/// Inbox names waiting to be read, each once, in arrival order.
struct WorkQueue {
    private var order: [FileName] = []
    private var head = 0
    private var queued: Set<FileName> = []

    var count: Int { order.count - head }

    func contains(_ name: FileName) -> Bool { queued.contains(name) }

    /// Drops the names not in `present`: they left the inbox.
    mutating func keepOnly(_ present: Set<FileName>) {
        order = order[head...].filter(present.contains)
        head = 0
        queued.formIntersection(present)
    }

    mutating func add(_ more: [FileName]) {
        for name in more where queued.insert(name).inserted {
            order.append(name)
        }
    }

    /// Returns names taken but not read to the front of the queue.
    mutating func putBack(_ more: [FileName]) {
        let fresh = more.filter { queued.insert($0).inserted }
        order.replaceSubrange(head..<head, with: fresh)
    }

    /// Up to `limit` names, oldest first.
    mutating func next(upTo limit: Int) -> [FileName] {
        var names: [FileName] = []
        while names.count < limit, let name = next() { names.append(name) }
        return names
    }

    mutating func next() -> FileName? {
        guard head < order.count else { return nil }
        let name = order[head]
        head += 1
        queued.remove(name)
        if head == order.count {
            order.removeAll(keepingCapacity: true)
            head = 0
        }
        return name
    }
}

extension Daemon {
    /// The daemon's version.
    public static var version: String { TimelineVersion.current }
}

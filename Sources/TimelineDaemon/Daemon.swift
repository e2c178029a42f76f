import ClaimExtraction
import Dispatch
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

        var lexicon = try loadLexicon(path: configuration.lexiconPath)
        var extractor = ClaimExtractor(lexicon: lexicon.lexicon)
        var extractorInfo = ExtractorInfo(version: ClaimExtractor.version, lexicon: lexicon.sha256)
        logger.info("lexicon loaded", metadata: ["path": "\(lexicon.path)", "sha256": "\(lexicon.sha256)"])

        let log = try openLog(folders: folders)
        let followers = EventBroadcaster()
        let store = TimelineStore(extractor: extractorInfo, inboxPath: folders.inbox, log: log, followers: followers)
        let restored = try restore(log, snapshots: folders.snapshots)
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

        var queue = WorkQueue()
        queue.add(try InboxWatcher.scan(folders.inbox))
        let ingestor = Ingestor(inbox: folders.inbox, maxDocumentBytes: configuration.maxDocumentBytes)
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
        func absorb(_ inputs: [DaemonInput]) async {
            for input in inputs {
                switch input {
                case .inbox(.file(let name)):
                    queue.add([name])
                case .inbox(.overflow):
                    logger.warning("inotify queue overflowed; scanning the inbox again")
                    if let names = try? InboxWatcher.scan(folders.inbox) { queue.add(names) }
                case .stop:
                    stopping = true
                case .reload:
                    notifier.reloading()
                    do {
                        let path = try reloadedLexiconPath()
                        lexicon = try loadLexicon(path: path)
                        extractor = ClaimExtractor(lexicon: lexicon.lexicon)
                        extractorInfo = ExtractorInfo(version: ClaimExtractor.version, lexicon: lexicon.sha256)
                        await store.setExtractor(extractorInfo)
                        logger.notice("reloaded", metadata: ["lexicon": "\(lexicon.path)", "sha256": "\(lexicon.sha256)"])
                    } catch {
                        logger.error("reload failed; keeping the previous lexicon: \(error)")
                    }
                    notifier.ready(status: await statusLine(store))
                }
            }
        }

        while !stopping {
            while !stopping, let name = queue.next() {
                await store.setInbox(pending: queue.count + 1, busy: true)
                do {
                    try await ingest(name, ingestor: ingestor, extractor: extractor, info: extractorInfo,
                                     log: log, store: store, folders: folders)
                } catch {
                    // The file stays in the inbox; the next start or rescan
                    // tries it again. Losing nothing matters more than
                    // getting past it.
                    logger.error("cannot ingest; leaving it in the inbox", metadata: ["file": "\(name)", "error": "\(error)"])
                    if error is EventLogError { stopping = true }
                }
                await absorb(mailbox.drain())
                if let watchdog, ContinuousClock.now - lastPing >= watchdog {
                    notifier.watchdog()
                    lastPing = .now
                }
            }
            await store.setInbox(pending: 0, busy: false)
            if stopping { break }
            notifier.status(await statusLine(store))
            await absorb(await nextInputs(watchdog: watchdog, lastPing: &lastPing))
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
        withExtendedLifetime(signalSources) {}
        logger.info("stopped", metadata: ["last_seq": "\(log.lastSeq)"])
        if let reason = failure.withLock({ $0 }) { throw StartupError(reason) }
    }

    /// Waits for inputs, pinging the watchdog while it waits.
    private func nextInputs(watchdog: Duration?, lastPing: inout ContinuousClock.Instant) async -> [DaemonInput] {
        guard let watchdog else { return await mailbox.take() }
        let mailbox = self.mailbox
        let notifier = self.notifier
        while true {
            let inputs = await withTaskGroup(of: [DaemonInput]?.self) { group in
                group.addTask { await mailbox.take() }
                group.addTask {
                    try? await Task.sleep(for: watchdog)
                    return nil
                }
                let first = await group.next()!
                group.cancelAll()
                return first
            }
            if let inputs { return inputs }
            notifier.watchdog()
            lastPing = .now
        }
    }

    // MARK: - Ingesting one file

    private func ingest(
        _ name: String, ingestor: Ingestor, extractor: ClaimExtractor, info: ExtractorInfo,
        log: EventLog, store: TimelineStore, folders: DataFolders
    ) async throws {
        switch ingestor.read(name) {
        case .gone:
            return
        case .rejected(let rejection):
            try await reject(name, rejection, log: log, store: store, folders: folders)
        case .file(let file):
            let sha256 = file.content.sha256
            if await store.hasDocument(sha256: sha256) {
                let movedTo = try FileSystem.move(name, from: folders.inbox, to: folders.processed)
                logger.info("duplicate: already in the log; no events added",
                            metadata: ["file": "\(name)", "document": "\(sha256)", "moved_to": "processed/\(movedTo)"])
                return
            }
            if file.content.repaired {
                logger.warning("not valid UTF-8; invalid bytes replaced with U+FFFD", metadata: ["file": "\(name)"])
            }
            let extraction = extractor.extract(file.content.document(name: name, modified: file.modified))
            let now = Date()
            var events = [Event(recordedAt: now, payload: .documentReceived(DocumentReceived(
                document: sha256, name: name, size: file.bytes.count,
                published: extraction.published, publishedFrom: extraction.publishedFrom,
                source: extraction.source, url: extraction.url, repairedEncoding: file.content.repaired)))]
            for claim in extraction.claims {
                events.append(Event(recordedAt: now, payload: .claimExtracted(ClaimExtracted(
                    id: ClaimID.make(document: sha256, claim: claim), document: sha256,
                    extractor: info, claim: claim))))
            }
            // The bytes first: a durable event must always find its document.
            let stored = folders.documents + "/" + sha256
            if access(stored, F_OK) != 0 {
                try FileSystem.writeAtomically(file.bytes, to: stored, mode: 0o440)
            }
            events = try await append(events, to: log, store: store)
            let movedTo = try FileSystem.move(name, from: folders.inbox, to: folders.processed)
            logger.info("received", metadata: [
                "file": "\(name)", "document": "\(sha256)", "claims": "\(extraction.claims.count)",
                "seq": "\(events.first!.seq)...\(events.last!.seq)", "moved_to": "processed/\(movedTo)",
            ])
        }
    }

    private func reject(
        _ name: String, _ rejection: Rejection, log: EventLog, store: TimelineStore, folders: DataFolders
    ) async throws {
        // The event first: if the move fails or the daemon dies, the file is
        // still in the inbox and is refused again, never lost.
        var target = name
        while access(folders.failed + "/" + target, F_OK) == 0 || access(folders.failed + "/" + target + ".error.json", F_OK) == 0 {
            target = name + "." + String(Int.random(in: 1...999_999))
        }
        let event = Event(recordedAt: Date(), payload: .documentRejected(DocumentRejected(
            name: name, reason: rejection.reason, message: rejection.message,
            movedTo: "failed/" + target, size: rejection.size)))
        let appended = try await append([event], to: log, store: store)
        let movedTo = try FileSystem.move(name, from: folders.inbox, to: folders.failed)
        let report = RejectionReport(
            name: name, reason: rejection.reason, message: rejection.message, size: rejection.size,
            rejectedAt: RFC3339.string(from: event.recordedAt), seq: appended[0].seq)
        try FileSystem.writeAtomically(
            Array(try TimelineJSON.encoder(pretty: true).encode(report)) + [0x0A],
            to: folders.failed + "/" + movedTo + ".error.json")
        logger.warning("rejected", metadata: [
            "file": "\(name)", "reason": "\(rejection.reason)", "message": "\(rejection.message)",
            "moved_to": "failed/\(movedTo)", "seq": "\(appended[0].seq)",
        ])
    }

    /// Appends events durably, then shows them to the projections.
    private func append(_ events: [Event], to log: EventLog, store: TimelineStore) async throws -> [Event] {
        let codec = EventCodec()
        let range = try await log.append(try events.map(codec.encode))
        var numbered = events
        for (i, seq) in range.enumerated() { numbered[i].seq = seq }
        await store.apply(numbered, chainHead: log.chainHead.hex)
        return numbered
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

    private func openLog(folders: DataFolders) throws -> EventLog {
        let logger = self.logger
        let log: EventLog
        do {
            log = try EventLog.open(
                directory: URL(fileURLWithPath: folders.log),
                options: EventLog.Options(
                    segmentBytes: configuration.segmentBytes,
                    openCheck: LogTrust.openCheck(snapshots: folders.snapshots, state: folders.state)
                ) { message in
                    let level: Logger.Level = switch message.level {
                    case .error: .error
                    case .warning: .warning
                    default: .notice
                    }
                    logger.log(level: level, "\(message.message)", metadata: message.metadata.mapValues { .string($0) })
                })
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
        ])
        return log
    }

    private func statusLine(_ store: TimelineStore) async -> String {
        let status = await store.status
        return "\(status.documents) documents, \(status.claims) claims, inbox \(status.inbox.state)"
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

/// What failed/NAME.error.json says.
struct RejectionReport: Encodable {
    var name: String
    var reason: String
    var message: String
    var size: Int?
    var rejectedAt: String
    var seq: UInt64

    enum CodingKeys: String, CodingKey {
        case name, reason, message, size
        case rejectedAt = "rejected_at"
        case seq
    }
}

/// Why the daemon could not start, in one line.
public struct StartupError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Inbox names waiting to be read, each once, in arrival order.
struct WorkQueue {
    private var names: [String] = []
    private var head = 0
    private var queued: Set<String> = []

    var count: Int { names.count - head }

    mutating func add(_ more: [String]) {
        for name in more where queued.insert(name).inserted {
            names.append(name)
        }
    }

    mutating func next() -> String? {
        guard head < names.count else { return nil }
        let name = names[head]
        head += 1
        queued.remove(name)
        if head == names.count {
            names.removeAll(keepingCapacity: true)
            head = 0
        }
        return name
    }
}

extension Daemon {
    /// The daemon's version.
    public static var version: String { TimelineVersion.current }
}

import ClaimExtraction
import DurableFiles
import EventLog
import Foundation
import Logging
import ServiceLifecycle
import Timeline
import UnixSignals

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

    /// Runs until SIGTERM or SIGINT, then stops gracefully, in this
    /// order: no more files are taken, the batch in hand is finished, the
    /// control server stops, a last snapshot is written, the log is closed.
    ///
    /// The start-up step (``start()``) opens everything the daemon serves
    /// from; the services (``Started/services``) then run in a
    /// `ServiceGroup`, which traps the signals and stops them in reverse
    /// order. SIGTERM and SIGINT are trapped before the socket answers: one
    /// that comes during the start-up step stops the group as soon as it runs.
    ///
    /// - Throws: ``StartupError`` when the daemon cannot start (a folder it
    ///   cannot create, a lexicon it cannot read, a log it cannot trust);
    ///   ``DaemonServiceFailure`` when a service failed (the group is then
    ///   stopped the same way, and the daemon exits with a failure).
    public func run() async throws {
        let started = try await start()
        let group = Self.serviceGroup(started.services, logger: logger)
        // A stop asked for while the start-up step ran on (the socket
        // already answered) stops the group as soon as it runs.
        let earlyStop = Task { [stopSignals = started.stopSignals] in
            for await _ in stopSignals {
                await group.triggerGracefulShutdown()
                return
            }
        }
        var failure: (any Error)?
        do {
            try await group.run()
        } catch {
            failure = error
        }
        earlyStop.cancel()
        started.log.close()
        started.acknowledged?.sync()
        logger.info("stopped", metadata: ["last_seq": "\(started.log.lastSeq)"])
        if let failure { throw failure }
    }

    /// The group the daemon's services run in: SIGTERM and SIGINT stop it
    /// gracefully, the last service first. A service that ends or throws
    /// stops the others the same way, so that the order of the stop holds
    /// on a failure too, and the group then throws the first error.
    ///
    /// - Parameter services: each with the name the log gives it, in the
    ///   order they start.
    static func serviceGroup(_ services: [(name: String, service: any Service)], logger: Logger) -> ServiceGroup {
        ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services.map { named in
                .init(service: SupervisedService(name: named.name, service: named.service, logger: logger),
                      successTerminationBehavior: .gracefullyShutdownGroup,
                      failureTerminationBehavior: .gracefullyShutdownGroup)
            },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
    }

    /// What the start-up step opened: the services to run, and what the
    /// daemon closes once they have stopped.
    struct Started {
        /// In the order they start, with their names; a graceful stop goes
        /// in reverse.
        var services: [(name: String, service: any Service)]
        var log: EventLog
        var acknowledged: AcknowledgedSeq?
        /// SIGTERM and SIGINT, trapped before the socket answers.
        var stopSignals: UnixSignalsSequence
    }

    /// The start-up step: folders made, the lexicon loaded, the log opened
    /// and trusted, the projections rebuilt, the socket listening and the
    /// inbox watched, interrupted moves finished. `READY=1` follows once the
    /// services run (``WatchdogService``).
    func start() async throws -> Started {
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

        let lexicons = LexiconSource(
            configuration: configuration, configurationFile: configurationFile, overrides: overrides, logger: logger)
        let lexicon = try lexicons.initial()
        let extractorInfo = ExtractorInfo(version: ClaimExtractor.version, lexicon: lexicon.sha256)
        logger.info("lexicon loaded", metadata: ["path": "\(lexicon.path)", "sha256": "\(lexicon.sha256)"])

        let log = try notifier.extendingStartTimeout(status: "starting: checking the log") {
            try openLog(folders: folders)
        }
        let acknowledged = openAcknowledgedSeq(folders: folders, log: log)
        let followers = EventBroadcaster()
        // Besides the newest three, four older snapshots spread over the log,
        // so that a view of the past starts near its point (docs/ARCHITECTURE.md).
        let snapshots = SnapshotStore(directory: URL(fileURLWithPath: folders.snapshots), keep: 3, keepSpread: 4)
        let store = TimelineStore(
            extractor: extractorInfo, inboxPath: folders.inbox, log: log, followers: followers, snapshots: snapshots)
        await store.setExtractor(
            extractorInfo, lexicon: lexicon.lexicon, reader: ClaimExtractor(lexicon: lexicon.lexicon))
        let restored = try notifier.extendingStartTimeout(
            status: "starting: rebuilding the projections (the log holds \(log.lastSeq) events)"
        ) {
            try restore(log, snapshots: folders.snapshots)
        }
        let replayed = restored.projections
        await store.replace(with: replayed, chainHead: log.chainHead.hex)
        let snapshotter = Snapshotter(
            store: snapshots, timeline: store, log: log,
            everyEvents: configuration.snapshotEveryEvents, everySeconds: configuration.snapshotEverySeconds,
            coveredSeq: restored.snapshotSeq, logger: logger)
        let progress = followers.progress()
        await snapshotter.applied(through: replayed.lastSeq)
        let summary = replayed.summary
        logger.info("projections rebuilt", metadata: [
            "events": "\(summary.lastSeq)", "documents": "\(summary.documents)", "claims": "\(summary.claims)",
        ])

        // The ingest loop's inputs: the inbox's, SIGHUP's and the edits the
        // control socket takes.
        let mailbox = Mailbox()
        // Trapped before the socket answers: a client it answered may stop
        // the daemon at once, and the default action would end it in the
        // middle of this step, with no graceful stop. The group traps them
        // too once it runs; one that came before is handed to it (run()).
        let stopSignals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let control = try await ControlServer.start(
            configuration: configuration, store: store, mailbox: mailbox, logger: logger)
        logger.info("listening", metadata: ["socket": "\(control.socketDescription)"])

        // Trapped now, before READY=1: SIGHUP's default action ends the
        // process. Ignored as well, so that one coming after the services
        // have stopped (and the trap with them) does not end a stop that
        // is closing the log. The group traps SIGTERM and SIGINT before any
        // service runs.
        signal(SIGHUP, SIG_IGN)
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let watcher = try InboxWatcher(path: folders.inbox)
        watcher.start { [mailbox] signal in mailbox.post(.inbox(signal)) }
        logger.info("watching inbox", metadata: ["inbox": "\(folders.inbox)"])

        for folder in [folders.failed, folders.documents] {
            try FileSystem.removeTemporaries(in: folder)
        }
        for moved in try FileSystem.finishInterruptedMoves(in: folders.inbox, to: [folders.processed, folders.failed]) {
            logger.notice("finished a move a crash interrupted", metadata: ["file": "\(moved.name)", "moved_to": "\(moved.folder)"])
        }
        let found = try InboxWatcher.scan(folders.inbox)
        let missingReports = try RejectionReport.missing(for: replayed.rejectedDocuments, in: folders.failed)
        if !missingReports.isEmpty {
            logger.notice("refused files in failed/ have no report; writing them from the log", metadata: [
                "count": "\(missingReports.count)",
                "files": "\(missingReports.prefix(5).map(\.movedTo.shown).joined(separator: ", "))",
            ])
        }
        let health = IngestHealth()
        let ingest = IngestService(
            folders: folders, rescanInterval: .seconds(configuration.rescanEverySeconds), watcher: watcher,
            mailbox: mailbox, health: health, store: store, log: log,
            ingester: BatchIngester(
                folders: folders,
                ingestor: Ingestor(
                    inbox: folders.inbox, maxDocumentBytes: configuration.maxDocumentBytes, html: configuration.html),
                logger: logger, acknowledged: acknowledged),
            lexicons: lexicons, lexicon: lexicon, found: found, missingReports: missingReports, notifier: notifier,
            logger: logger,
            upgrade: configuration.reextractOnUpgrade
                ? Reextractor(store: store, mailbox: mailbox, documents: folders.documents, logger: logger) : nil)

        var services: [(name: String, service: any Service)] = []
        if log.options.openCheck == .sealsAndTail {
            services.append(("log check", LogCheckService(log: log, state: folders.state, logger: logger)))
        } else {
            LogTrust.clearMarker(state: folders.state, logger: logger)
        }
        let notifier = self.notifier
        let logger = self.logger
        services += [
            ("snapshotter", SnapshotService(snapshotter: snapshotter, progress: progress)),
            ("control server", ControlService(control: control, followers: followers)),
            ("ingester", ingest),
            ("inbox watcher", InboxWatchService(watcher: watcher)),
            ("reload", ReloadService(hangups: hangups, mailbox: mailbox)),
            ("watchdog", WatchdogService(notifier: notifier, health: health, logger: logger) {
                notifier.ready(status: await store.statusLine)
                logger.info("ready", metadata: ["pending": "\(found.count)"])
            }),
        ]
        return Started(services: services, log: log, acknowledged: acknowledged, stopSignals: stopSignals)
    }

    // MARK: - Start-up steps

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

}

/// Why the daemon could not start, in one line.
public struct StartupError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension Daemon {
    /// The daemon's version.
    public static var version: String { TimelineVersion.current }
}

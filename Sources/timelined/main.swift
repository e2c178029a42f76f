import ArgumentParser
import Foundation
import Logging
import TimelineDaemon

/// `timelined`: the daemon, in the foreground.
@main
struct Timelined: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timelined",
        abstract: "Keep a timeline of the numeric claims found in news articles dropped into an inbox.",
        discussion: """
            Files dropped into DATA/inbox are read, their claims appended to a durable \
            log under DATA/state, and the files moved to DATA/processed (or DATA/failed \
            with NAME.error.json saying why). timelinectl reads the timeline over the \
            Varlink socket at DATA/run/io.timelined.Timeline.

            SIGHUP reads the configuration and the lexicon again; SIGTERM or SIGINT \
            finishes the file in hand, closes the log and exits 0. Under systemd \
            (timelined.service, timelined.socket) it serves the socket it is passed, \
            reports READY, STATUS and WATCHDOG with sd_notify, and logs to the journal \
            with structured fields.
            """,
        version: Daemon.version)

    @Option(name: .customLong("config"), help: ArgumentHelp("The YAML configuration file.", valueName: "file"))
    var configurationFile: String?

    @Option(name: .customLong("data"), help: ArgumentHelp(
        "The data folder (default: $STATE_DIRECTORY under systemd, else ./var).", valueName: "dir"))
    var dataDirectory: String?

    @Option(name: .customLong("inbox"), help: ArgumentHelp("The inbox folder (default: DATA/inbox).", valueName: "dir"))
    var inboxDirectory: String?

    @Option(name: .customLong("state"), help: ArgumentHelp(
        "The folder of the log, the documents and the snapshots (default: DATA/state).", valueName: "dir"))
    var stateDirectory: String?

    @Option(name: .customLong("socket"), help: ArgumentHelp(
        "The Varlink socket (default: DATA/run/io.timelined.Timeline).", valueName: "path"))
    var socketPath: String?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("The extraction lexicon.", valueName: "file"))
    var lexiconPath: String?

    @Option(name: .customLong("max-document-bytes"), help: ArgumentHelp(
        "Files larger than this go to failed/ (default: 10485760).", valueName: "n"))
    var maxDocumentBytes: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let level = logLevel
        let target = LogTarget.automatic(environment: ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in target.makeHandler(label: label, level: level) }
        let logger = Logger(label: "timelined")
        do {
            let daemon = try Daemon(
                configurationFile: configurationFile,
                overrides: .init(
                    dataDirectory: dataDirectory, inboxDirectory: inboxDirectory, stateDirectory: stateDirectory,
                    socketPath: socketPath, lexiconPath: lexiconPath, maxDocumentBytes: maxDocumentBytes),
                logger: logger)
            try await daemon.run()
        } catch {
            logger.critical("cannot run: \(error)")
            throw ExitCode(1)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

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
        version: Daemon.version,
        subcommands: [VerifyCommand.self])

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

/// `timelined verify`: the offline check of a data folder's event log.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the event log offline: every record's framing and CRC, the seqs, the hash chain and the seals.",
        discussion: """
            Finds the log as the daemon does, from --config FILE and --data DIR (timelined verify \
            --data DIR). Reads only and takes no lock, so it may run while timelined writes the log \
            (a batch being written then shows as a torn tail). Prints the records, segments, sealed \
            segments and chain head, and every fault with its segment, offset and seq. Exit \
            status: 0 when the log is clean, 1 when it is damaged or cannot be read, 2 when the \
            only finding is a torn tail (what a crash leaves; opening the log cuts it).
            """)

    /// The daemon's own --config and --data (and the other folder flags)
    /// say where the log is, so that `timelined verify` checks the log
    /// `timelined` with the same flags would open.
    @ParentCommand var daemon: Timelined

    @Flag(name: .customLong("json"), help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let outcome: OfflineVerification.Outcome
        do {
            outcome = try OfflineVerification.run(
                configurationFile: daemon.configurationFile, overrides: .init(dataDirectory: daemon.dataDirectory), json: json)
        } catch {
            FileHandle.standardError.write(Data("timelined: \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data((outcome.output + "\n").utf8))
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

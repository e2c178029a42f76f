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
        subcommands: [VerifyCommand.self, RecoverCommand.self])

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

extension Timelined {
    /// The folders given on the command line that say where the log is:
    /// the offline commands find it as `timelined` with the same flags would.
    var folderOverrides: DaemonConfiguration.Overrides {
        .init(dataDirectory: dataDirectory, stateDirectory: stateDirectory)
    }

    /// Runs an offline command: prints its report and exits with its
    /// status, or says on stderr why it could not run and exits 1.
    static func report(_ command: () throws -> OfflineOutcome) throws {
        let outcome: OfflineOutcome
        do {
            outcome = try command()
        } catch {
            FileHandle.standardError.write(Data("timelined: \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data((outcome.output + "\n").utf8))
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

/// `timelined verify`: the offline check of a data folder's event log.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the event log offline: every record's framing and CRC, the seqs, the hash chain and the seals.",
        discussion: """
            Finds the log as the daemon does, from --config FILE, --data DIR and --state DIR \
            (timelined verify --data DIR). Reads only and takes no lock, so it may run while timelined writes the log \
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
        try Timelined.report {
            try OfflineVerification.run(configurationFile: daemon.configurationFile, overrides: daemon.folderOverrides, json: json)
        }
    }
}

/// `timelined recover`: what to do when damage at the log's tail took
/// acknowledged records and the daemon refuses to start.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Show what damage at the log's tail lost, and with --accept-loss cut the log there so that timelined starts again.",
        discussion: """
            timelined refuses to start when its log ends, once a torn tail is cut, before the seq that \
            its newest snapshot or its acknowledged seq (STATE/acknowledged-seq) shows it reached: the \
            records in between were acknowledged, and their files are in processed/. Restore the damaged \
            segment from a backup if there is one. Otherwise this command makes the loss a person's \
            choice.

            It works offline, with the daemon stopped (it refuses while timelined holds the log), and \
            finds the log as the daemon does, from --config FILE, --data DIR and --state DIR. It prints \
            where the log ends, the seq known reached and what shows it, the records that would be lost \
            (segment, offset, seq range, count) and the documents named in those that can still be read, \
            and the snapshots past the new end. Without --accept-loss it changes nothing. With it, it sets \
            aside in STATE/recovered-<UTC time>/ the bytes cut from the segment, the snapshots past the new \
            end and a report, lowers the acknowledged seq, and cuts the log; nothing is deleted. To take \
            the lost documents again, move their files from processed/ back into the inbox.

            Exit status: 0 when no acknowledged record is missing or the loss was accepted, 1 when the log \
            cannot be recovered here (timelined runs, damage before the tail, a failure), 2 when records \
            are missing and nothing was changed.
            """)

    @ParentCommand var daemon: Timelined

    @Flag(name: .customLong("accept-loss"), help: "Cut the log at its last whole batch, losing the records after it, and set aside what no longer matches it.")
    var acceptLoss = false

    func run() throws {
        try Timelined.report {
            try OfflineRecovery.run(
                configurationFile: daemon.configurationFile, overrides: daemon.folderOverrides, acceptLoss: acceptLoss)
        }
    }
}

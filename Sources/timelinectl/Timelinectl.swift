import ArgumentParser
import Foundation
import Timeline

/// `timelinectl`: reads the timeline from a running timelined, or runs the
/// extractor on files by itself.
@main
struct Timelinectl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timelinectl",
        abstract: "Read the timeline of numeric claims that timelined keeps.",
        discussion: """
            Exit status: 0 on success, 1 when the daemon answers with an error, 2 on bad \
            usage, 3 when the daemon cannot be reached.
            """,
        version: TimelineVersion.current,
        subcommands: [
            StatusCommand.self, LatestCommand.self, HistoryCommand.self, ClaimsCommand.self,
            DocumentsCommand.self, EventsCommand.self, VerifyCommand.self, ExtractCommand.self,
        ])

    /// Runs the command line, mapping failures to the documented exit codes:
    /// ArgumentParser's own usage errors would exit 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data(("timelinectl: " + error.message + "\n").utf8))
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(CommandFailure.usage)
            }
            exit(withError: error)
        }
    }
}

/// A failure the command reports in one line, with its exit code.
struct CommandFailure: Error {
    static let daemonError: Int32 = 1
    static let usage: Int32 = 2
    static let unreachable: Int32 = 3

    var message: String
    var exitCode: Int32
}

/// The options every command that talks to the daemon takes.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("socket"), help: ArgumentHelp(
        "The daemon's socket (default: $TIMELINED_SOCKET, ./var/run/io.timelined.Timeline in a checkout, else /run/timelined/io.timelined.Timeline).",
        valueName: "path"))
    var socket: String?

    @Flag(name: .customLong("json"), help: "Print JSON instead of a table.")
    var json = false

    /// The socket to use: the flag, the environment, then the first that
    /// exists of the checkout's and the system's.
    var socketPath: String {
        if let socket { return socket }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TIMELINED_SOCKET"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let local = "var/run/io.timelined.Timeline"
        var candidates = [local]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.path + "/" + local)
        }
        candidates.append("/run/timelined/io.timelined.Timeline")
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? local
    }
}

/// The filters of the claim queries.
struct FilterOptions: ParsableArguments {
    @Option(help: "Whose losses: russia, ukraine or both.")
    var side: String?

    @Option(help: "military or civilian.")
    var population: String?

    @Option(help: "killed, wounded, casualties, missing, captured or refugees.")
    var metric: String?

    @Option(help: "A speaker's name, or part of it (case does not matter).")
    var speaker: String?

    @Option(help: "A document's file name, or the start of its SHA-256.")
    var document: String?

    var filter: ClaimFilter {
        ClaimFilter(
            side: side.map { .init($0.lowercased()) },
            population: population.map { .init($0.lowercased()) },
            metric: metric.map { .init($0.lowercased()) },
            speaker: speaker, document: document)
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "What the daemon holds and is doing.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.StatusReply = try client.call(TimelineInterface.Method.status, Empty())
        if connection.json { return try Output.json(reply.status) }
        Output.print(Tables.status(reply.status, socket: connection.socketPath))
    }
}

struct LatestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latest",
        abstract: "The latest estimate for each side, population and metric, with who said it and where.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.ClaimsReply = try client.call(TimelineInterface.Method.latest, filters.filter)
        if connection.json { return try Output.json(reply.claims) }
        Output.print(Tables.latest(reply.claims))
    }
}

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Each speaker's estimates over time, marked first, restated, raised, lowered or revised.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.HistoryReply = try client.call(TimelineInterface.Method.history, filters.filter)
        if connection.json { return try Output.json(reply.series) }
        Output.print(Tables.history(reply.series))
    }
}

struct ClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claims", abstract: "Every claim, in the order received.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.ClaimsReply = try client.call(TimelineInterface.Method.claims, filters.filter)
        if connection.json { return try Output.json(reply.claims) }
        Output.print(Tables.claims(reply.claims))
    }
}

struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "Every file received or rejected, with its claim count or the reason.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "A document's file name, or the start of its SHA-256.")
    var document: String?

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.DocumentsReply = try client.call(
            TimelineInterface.Method.documents, TimelineInterface.DocumentsParameters(document: document))
        if connection.json { return try Output.json(reply.documents) }
        Output.print(Tables.documents(reply.documents))
    }
}

/// Parameters of a method that takes none.
struct Empty: Codable {}

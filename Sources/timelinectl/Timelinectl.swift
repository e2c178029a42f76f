import ArgumentParser
import ClaimExtraction
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
            StatusCommand.self, LatestCommand.self, SourcesCommand.self, StatementsCommand.self,
            HistoryCommand.self, ClaimsCommand.self, ChartCommand.self, DocumentsCommand.self, EventsCommand.self,
            RetractCommand.self, CorrectCommand.self, ReextractCommand.self, VerifyCommand.self, ExtractCommand.self,
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

    @Option(help: "Whole words of a speaker's name (case does not matter): 'milley', 'US'.")
    var speaker: String?

    @Option(help: "A document's file name, the start of one file's name, or the start of its SHA-256.")
    var document: String?

    @Option(help: "Rates per day, week or month; total for figures that are not rates.")
    var per: String?

    @Option(help: ArgumentHelp("Claims dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Claims dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var until: String?

    mutating func validate() throws {
        for (name, value) in [("since", since), ("until", until)] {
            if let value, PartialDate(iso: value) == nil {
                throw ValidationError("--\(name) takes YYYY, YYYY-MM or YYYY-MM-DD, not '\(value)'")
            }
        }
    }

    var filter: ClaimFilter {
        ClaimFilter(
            side: side.map { .init($0.lowercased()) },
            population: population.map { .init($0.lowercased()) },
            metric: metric.map { .init($0.lowercased()) },
            speaker: speaker, document: document, per: per?.lowercased(),
            since: since.flatMap { PartialDate(iso: $0) }, until: until.flatMap { PartialDate(iso: $0) })
    }
}

/// `--as-of`: a view as it stood at a point of the log's past.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The view as it stood when the log reached this seq, the end of this day (YYYY-MM-DD, UTC) or this time (RFC 3339); later events, corrections included, do not apply.",
        valueName: "seq|date|timestamp"))
    var asOf: String?

    mutating func validate() throws {
        if let asOf, AsOfPoint(asOf) == nil {
            throw ValidationError("--as-of takes \(AsOfPoint.usage), not '\(asOf)'")
        }
    }
}

/// The formats a view can be written in besides its table and --json.
struct ExportOptions: ParsableArguments {
    @Flag(name: .customLong("csv"), help: "Print CSV (RFC 4180): a header row, then one row per claim or entry, every field of --json flattened.")
    var csv = false

    @Flag(name: .customLong("jsonl"), help: "Print one JSON object per line.")
    var jsonl = false

    mutating func validate() throws {
        if csv && jsonl { throw ValidationError("give --csv or --jsonl, not both") }
    }

    /// Prints `rows` as CSV, JSON lines, JSON (`json`: `whole` as it is) or,
    /// when none was asked for, the table `table` makes.
    func show(
        _ rows: some Sequence<some Encodable>, whole: some Encodable, json: Bool, table: () -> String
    ) throws {
        if try write(rows, json: json) { return }
        if json { return try Output.json(whole) }
        Output.print(table())
    }

    /// As ``show(_:whole:json:table:)``, for a reply that may be of a point
    /// of the past: with `asOf`, `--json` prints the whole `reply` (its
    /// `as_of` with the view), the table comes under the line that says
    /// the point, and CSV and JSON lines, which have no room for it, get
    /// that line on standard error.
    func show(
        _ rows: some Sequence<some Encodable>, whole: some Encodable, reply: some Encodable, asOf: AsOf?, json: Bool,
        table: () -> String
    ) throws {
        guard let asOf else { return try show(rows, whole: whole, json: json, table: table) }
        if csv || jsonl, !json { Output.note(asOf.line) }
        if try write(rows, json: json) { return }
        if json { return try Output.json(reply) }
        Output.print(asOf.line + "\n" + table())
    }

    /// Writes `rows` as CSV or JSON lines, or returns false when neither
    /// was asked for.
    func write(_ rows: some Sequence<some Encodable>, json: Bool) throws -> Bool {
        guard csv || jsonl else { return false }
        if json { throw CommandFailure(message: "give one of --json, --jsonl and --csv", exitCode: CommandFailure.usage) }
        var export = Export(csv: csv)
        for row in rows { try export.write(row) }
        export.finish()
        return true
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
        abstract: "The latest estimate for each side, population and metric, with who said it and where.",
        discussion: """
            The latest is the claim with the latest date (when it was stated, else when its \
            document was published), then the one recorded last; a claim with no date never \
            comes before a dated one. Totals only, unless --per asks for a rate. DISAGREE \
            counts the other sources whose latest estimate contradicts it (see sources).
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var export: ExportOptions

    @OptionGroup var past: AsOfOptions

    @Flag(name: .customLong("all-sources"), help: "Every source's latest estimate, as the sources command lists them.")
    var allSources = false

    mutating func validate() throws {
        if allSources, past.asOf != nil { throw ValidationError("--as-of is not taken with --all-sources") }
    }

    func run() async throws {
        if allSources { return try SourcesCommand.show(filters.filter, connection: connection, export: export) }
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.LatestReply = try client.call(
            TimelineInterface.Method.latest, TimelineInterface.AsOfParameters(filters.filter, asOf: past.asOf))
        try export.show(reply.claims, whole: reply.claims, reply: reply, asOf: reply.asOf, json: connection.json) {
            Tables.latest(reply.claims)
        }
    }
}

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Every source's latest estimate side by side, for each side, population, metric and rate.",
        discussion: """
            One row per speaker, and one for claims with no speaker, newest first. DATE is \
            when the statement was made, else the document's publication date; FROM says which \
            (text, front_matter, dateline, context, published, or unknown). REPORTS counts the \
            documents reporting the statement; DISAGREE counts the other sources whose \
            estimate contradicts it (their ranges, widened by a tenth, do not overlap).
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var export: ExportOptions

    func run() async throws {
        try Self.show(filters.filter, connection: connection, export: export)
    }

    static func show(_ filter: ClaimFilter, connection: ConnectionOptions, export: ExportOptions) throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.SourcesReply = try client.call(TimelineInterface.Method.sources, filter)
        try export.show(reply.sources, whole: reply.sources, json: connection.json) { Tables.sources(reply.sources) }
    }
}

struct StatementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statements",
        abstract: "Statements, each counted once with every document that reports it, and their conflicts.",
        discussion: """
            Claims are reports of one statement when speaker, side, population, metric, rate \
            and figure are the same and their dates are within 7 days of each other (a claim \
            with no date joins the earliest). A conflict is another statement of the same \
            speaker, quantity and occasion whose figure contradicts it, in a document that \
            reports another of the speaker's statements together with this one.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var export: ExportOptions

    @Flag(name: .customLong("conflicts"), help: "Only statements whose reports conflict with another statement.")
    var conflicts = false

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.StatementsReply = try client.call(
            TimelineInterface.Method.statements,
            TimelineInterface.StatementsParameters(filter: filters.filter, conflicts: conflicts))
        try export.show(reply.statements, whole: reply.statements, json: connection.json) {
            Tables.statements(reply.statements)
        }
    }
}

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Each speaker's estimates over time, statement by statement.",
        discussion: """
            Each statement's first report is marked against the statement before: first, \
            restated (the same hedge and figure), raised or lowered (a higher or lower figure, \
            or the same figure hedged up or down), revised (neither); every further report of \
            the same statement is "reported again" (see statements). Totals and each rate are \
            series of their own.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var export: ExportOptions

    @OptionGroup var past: AsOfOptions

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.HistoryReply = try client.call(
            TimelineInterface.Method.history, TimelineInterface.AsOfParameters(filters.filter, asOf: past.asOf))
        try export.show(
            reply.series.lazy.flatMap(\.entries), whole: reply.series, reply: reply, asOf: reply.asOf, json: connection.json
        ) {
            Tables.history(reply.series)
        }
    }
}

struct ClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims", abstract: "Every claim, in the order received; with --all, retracted ones too, marked.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var export: ExportOptions

    @OptionGroup var past: AsOfOptions

    @Flag(name: .customLong("all"), help: "Retracted claims too, each marked with its retraction.")
    var all = false

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let parameters = TimelineInterface.AsOfParameters(
            TimelineInterface.ClaimsParameters(filter: filters.filter, all: all), asOf: past.asOf)
        if export.csv || export.jsonl {
            // Page by page, so that a million claims stream through.
            if connection.json { _ = try export.write([ClaimRecord](), json: true) }
            var out = Export(csv: export.csv)
            var first = true
            try client.stream(TimelineInterface.Method.claims, parameters) { reply in
                if first, past.asOf != nil, let asOf = try reply.parameters(as: AsOfField.self).asOf {
                    Output.note(asOf.line)
                }
                first = false
                if out.isCSV {
                    // Straight from the reply's JSON to CSV: decoding each
                    // claim to flatten it again cost ten times the rest.
                    return try out.writeCSV(rowsOf: "claims", in: reply.parameters.jsonData(), as: ClaimRecord.self)
                }
                return try out.writeLines(rowsOf: "claims", in: reply.parameters.jsonData())
            }
            return out.finish()
        }
        let reply: TimelineInterface.ClaimsReply = try client.call(TimelineInterface.Method.claims, parameters)
        if let asOf = reply.asOf {
            if connection.json { return try Output.json(reply) }
            return Output.print(asOf.line + "\n" + Tables.claims(reply.claims))
        }
        if connection.json { return try Output.json(reply.claims) }
        Output.print(Tables.claims(reply.claims))
    }

    /// The `as_of` of a reply, read without its claims.
    private struct AsOfField: Decodable {
        var asOf: AsOf?
        enum CodingKeys: String, CodingKey { case asOf = "as_of" }
    }
}

struct ChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "An SVG of one quantity's estimates over time, a colour per speaker.",
        discussion: """
            Each total estimate is drawn at its date as its interval: a dot for a figure, a bar \
            for a range, an arrow up for "over" or "at least", down for "up to" or "nearly"; \
            hovering shows the quote, speaker and date. Undated claims cannot be placed and \
            are counted under the chart.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Whose losses: russia, ukraine or both.") var side: String
    @Option(help: "military or civilian.") var population: String
    @Option(help: "killed, wounded, casualties, missing, captured or refugees.") var metric: String
    @Option(help: "Whole words of a speaker's name.") var speaker: String?
    @Option(help: ArgumentHelp("Claims dated on or after this date.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Claims dated on or before this date.", valueName: "date")) var until: String?
    @Option(help: ArgumentHelp("Write the SVG to this file instead of standard output.", valueName: "file.svg"))
    var output: String?

    func run() async throws {
        var filters = try FilterOptions.parse(
            ["--side", side, "--population", population, "--metric", metric, "--per", ClaimFilter.totals]
                + (speaker.map { ["--speaker", $0] } ?? []) + (since.map { ["--since", $0] } ?? [])
                + (until.map { ["--until", $0] } ?? []))
        try filters.validate()
        let client = try DaemonClient(path: connection.socketPath)
        let svg = try (client.call(TimelineInterface.Method.chart, filters.filter) as TimelineInterface.ChartReply).svg
        guard let output else { return Output.print(svg) }
        do {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw CommandFailure(message: "\(output): \(error.localizedDescription)", exitCode: CommandFailure.usage)
        }
    }
}

struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "Every file received or rejected, with its claim count or the reason.")

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var past: AsOfOptions

    @Option(help: "A document's file name, or the start of its SHA-256.")
    var document: String?

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.DocumentsReply = try client.call(
            TimelineInterface.Method.documents,
            TimelineInterface.AsOfParameters(TimelineInterface.DocumentsParameters(document: document), asOf: past.asOf))
        if let asOf = reply.asOf {
            if connection.json { return try Output.json(reply) }
            return Output.print(asOf.line + "\n" + Tables.documents(reply.documents))
        }
        if connection.json { return try Output.json(reply.documents) }
        Output.print(Tables.documents(reply.documents))
    }
}

/// Parameters of a method that takes none.
struct Empty: Codable {}

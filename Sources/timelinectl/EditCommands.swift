import ArgumentParser
import ClaimExtraction
import Foundation
import Timeline

/// The options of `retract` and `correct`: which claim, and why.
struct EditOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The claim: its id as latest, sources, history and claims print it, or 6 or more hex digits of its start.",
        valueName: "claim"))
    var claim: String

    @Option(help: ArgumentHelp("Why (recorded with the edit; required).", valueName: "text"))
    var reason: String

    mutating func validate() throws {
        if reason.allSatisfy(\.isWhitespace) { throw ValidationError("--reason needs a text saying why") }
    }

    /// Calls `method` and prints the claim as the edit left it.
    static func send(_ method: String, _ parameters: some Encodable, connection: ConnectionOptions) throws {
        let client = try DaemonClient(path: connection.socketPath)
        let reply: TimelineInterface.EditReply = try client.call(method, parameters)
        if connection.json { return try Output.json(reply.claim) }
        Output.print(Tables.edited(reply.claim))
    }
}

struct RetractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Retract a claim: it leaves every view but claims --all and history, where it shows retracted.",
        discussion: """
            Appends a claim.retracted event with the reason, your user id and name (as the \
            daemon's socket reports them) and the time; the log is never rewritten. Only root, \
            the daemon's user and members of the editors group (editors_group in timelined.yaml, \
            timeline-editors under systemd) may. A retracted claim cannot be retracted again \
            or corrected.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var edit: EditOptions

    func run() async throws {
        try EditOptions.send(
            TimelineInterface.Method.retract, TimelineInterface.RetractParameters(claim: edit.claim, reason: edit.reason),
            connection: connection)
    }
}

struct CorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct fields of a claim; every view then shows the corrected ones.",
        discussion: """
            Appends a claim.corrected event with the fields changed, the reason, your user id \
            and name and the time; the extracted values stay in the log and in claims --json \
            ("corrected": {"original": …}). The fields not given stay as they are. --high, \
            --per, --speaker and --stated-on take 'none' to empty the field (--high none makes \
            a range one figure, --per none a rate a total). Who may: as for retract.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var edit: EditOptions

    @Option(help: "Whose losses: russia, ukraine or both.") var side: String?
    @Option(help: "military or civilian.") var population: String?
    @Option(help: "killed, wounded, casualties, missing, captured or refugees.") var metric: String?
    @Option(help: "exact, approximately, at_least, well_over, at_most, nearly or range.") var qualifier: String?
    @Option(help: ArgumentHelp("The figure, or a range's lower figure.", valueName: "n")) var low: Int?
    @Option(help: ArgumentHelp("A range's upper figure, or none.", valueName: "n|none")) var high: String?
    @Option(help: ArgumentHelp("A rate's unit (day, week, month), or none for a total.", valueName: "unit|none"))
    var per: String?
    @Option(help: ArgumentHelp("Who made the estimate, or none.", valueName: "name|none")) var speaker: String?
    @Option(name: .customLong("stated-on"), help: ArgumentHelp(
        "When the estimate was made (YYYY, YYYY-MM or YYYY-MM-DD), or none.", valueName: "date|none"))
    var statedOn: String?

    mutating func validate() throws {
        if let high, high != "none", Int(high) == nil {
            throw ValidationError("--high takes a whole number or none, not '\(high)'")
        }
        if let statedOn, statedOn != "none", PartialDate(iso: statedOn) == nil {
            throw ValidationError("--stated-on takes YYYY, YYYY-MM or YYYY-MM-DD, or none, not '\(statedOn)'")
        }
    }

    /// The parameters of `Correct`: each option's value, or its field in
    /// `clear` for `none`.
    var parameters: TimelineInterface.CorrectParameters {
        var clear: [String] = []
        func value(_ text: String?, _ field: String) -> String? {
            guard text?.lowercased() == "none" else { return text }
            clear.append(field)
            return nil
        }
        var parameters = TimelineInterface.CorrectParameters(
            claim: edit.claim, reason: edit.reason, side: side?.lowercased(), population: population?.lowercased(),
            metric: metric?.lowercased(), qualifier: qualifier?.lowercased(), low: low)
        parameters.high = value(high, "high").flatMap { Int($0) }
        parameters.per = value(per?.lowercased(), "per")
        parameters.speaker = value(speaker, "speaker")
        parameters.statedOn = value(statedOn, "stated_on")
        parameters.clear = clear.isEmpty ? nil : clear
        return parameters
    }

    func run() async throws {
        try EditOptions.send(TimelineInterface.Method.correct, parameters, connection: connection)
    }
}

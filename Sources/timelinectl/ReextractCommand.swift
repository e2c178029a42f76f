import ArgumentParser
import ClaimExtraction
import DurableFiles
import Foundation
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// `timelinectl reextract`: has the daemon read stored documents again
/// with its extractor and lexicon as they are now.
struct ReextractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Read stored documents again with the daemon's current extractor and lexicon.",
        discussion: """
            For each document whose claims change, the daemon appends document.reextracted and \
            the claims found anew; the claims no longer found, or found otherwise, are superseded: \
            they leave the views, and claims --all shows them with what superseded them. A \
            person's correction or retraction passes to the claim found at the same quote span \
            with the same subject. A document whose claims are found again adds nothing. \
            --dry-run prints what would change, claim by claim and field by field, and appends \
            nothing. Ingestion goes on meanwhile; on a terminal a progress line counts the \
            documents read. Who may: as for retract.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("document"), help: ArgumentHelp(
        "A document to read again: its file name, a prefix of it, or 6 or more hex digits of its SHA-256 (repeatable).",
        valueName: "name|sha256"))
    var documents: [String] = []

    @Flag(help: "Read every received document again (but versions a newer one replaced).")
    var all = false

    @Flag(name: .customLong("dry-run"), help: "Show what would change; append nothing.")
    var dryRun = false

    mutating func validate() throws {
        if documents.isEmpty == !all { throw ValidationError("give --document (one or more) or --all") }
    }

    func run() async throws {
        // A reply comes after each few documents: a minute without one
        // means the daemon is stuck, not busy.
        let client = try DaemonClient(path: connection.socketPath, timeout: .seconds(120))
        let progress = isatty(STDERR_FILENO) == 1
        var whole = TimelineInterface.ReextractReply(done: 0, total: 0, dryRun: dryRun)
        try client.stream(
            TimelineInterface.Method.reextract,
            TimelineInterface.ReextractParameters(
                documents: documents.isEmpty ? nil : documents, all: all ? true : nil, dryRun: dryRun ? true : nil)
        ) { reply in
            let part = try reply.parameters(as: TimelineInterface.ReextractReply.self)
            (whole.done, whole.total) = (part.done, part.total)
            whole.documents += part.documents
            whole.unreadable += part.unreadable
            if progress { FileHandle.standardError.write(Data("\r\u{1B}[Kre-extracting: \(part.done)/\(part.total) documents".utf8)) }
            if !connection.json, !part.documents.isEmpty {
                if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                Output.print(part.documents.map(Tables.reextracted).joined(separator: "\n"))
            }
        }
        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if connection.json { return try Output.json(whole) }
        for name in whole.unreadable { Output.note("cannot read the stored bytes of \(DisplayText.escaping(name))") }
        Output.print("\(whole.documents.count) of \(whole.total) documents "
            + (dryRun ? "would change (dry run: nothing appended)" : "changed"))
    }
}

extension Tables {
    /// One document's difference: a title line, then a line per claim
    /// added (+), removed (-) or changed (~, field by field), each with
    /// its quote below.
    static func reextracted(_ difference: TimelineInterface.DocumentDifference) -> String {
        func extractor(_ info: ExtractorInfo?) -> String {
            info.map { "\($0.version) lexicon \($0.lexicon.prefix(12))" } ?? "unknown"
        }
        var lines = ["\(difference.document) (\(difference.documentSHA256.prefix(12))): "
            + "\(extractor(difference.previousExtractor)) → \(extractor(difference.extractor))"
            + (difference.seq.map { ", seq \($0)" } ?? "")]
        func claim(_ mark: String, _ entry: TimelineInterface.ClaimDifference, _ detail: String) {
            lines.append("  \(mark) \(entry.claim)  \(detail)")
            lines.append("      " + Format.quote(entry.quote))
        }
        func summary(_ entry: TimelineInterface.ClaimDifference) -> String {
            let found = Format.claim(entry.fields, like: Claim(
                side: entry.fields.side, population: entry.fields.population, metric: entry.fields.metric,
                qualifier: entry.fields.qualifier, low: entry.fields.low, quote: entry.quote, span: ByteSpan(start: 0, end: 0)))
            return "\(Format.measure(found))  \(Format.estimate(found))  \(found.speaker ?? "-")  \(Format.date(found.statedOn))"
        }
        for entry in difference.added { claim("+", entry, "added: " + summary(entry)) }
        for entry in difference.removed { claim("-", entry, "removed: " + summary(entry)) }
        for entry in difference.changed {
            let fields = entry.changes.map { "\($0.field) \($0.old ?? "-") → \($0.new ?? "-")" }.joined(separator: "; ")
            claim("~", entry, "changed, now \(entry.by ?? "?"): \(fields)")
        }
        return lines.map(DisplayText.escaping).joined(separator: "\n")
    }
}

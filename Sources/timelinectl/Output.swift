import ClaimExtraction
import DurableFiles
import Foundation
import Timeline

/// Writes to standard output.
enum Output {
    /// Pretty-printed JSON with sorted keys, and a final newline.
    static func json(_ value: some Encodable) throws {
        var data = try TimelineJSON.encoder(pretty: true).encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// A line on standard error that is not an error: what the rows on
    /// standard output are (the point of the past they are as of).
    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8))
    }
}

/// Rows written to standard output as CSV (``CSVWriter``) or JSON lines,
/// in blocks of about 64 KiB.
struct Export {
    private var csv: CSVWriter?
    private var lines: [UInt8] = []
    private let encoder = TimelineJSON.encoder()

    init(csv: Bool) {
        self.csv = csv ? CSVWriter() : nil
    }

    mutating func write(_ row: some Encodable) throws {
        if csv != nil {
            try csv!.write(row)
            if csv!.bytes.count >= 1 << 16 { FileHandle.standardOutput.write(Data(csv!.take())) }
        } else {
            lines.append(contentsOf: try encoder.encode(row))
            lines.append(0x0A)
            if lines.count >= 1 << 16 { flush() }
        }
    }

    /// Whether rows are written as CSV, not JSON lines.
    var isCSV: Bool { csv != nil }

    /// Writes each element of the array `member` of the JSON object `json`
    /// as a CSV row, without decoding it (``CSVWriter/write(rowsOf:in:as:)``).
    ///
    /// - Throws: ``CommandFailure`` with exit code 1 when the JSON is not
    ///   such an object.
    mutating func writeCSV<Row: Codable>(rowsOf member: StaticString, in json: Data, as type: Row.Type) throws {
        precondition(csv != nil, "writeCSV on an export of JSON lines")
        do {
            try csv!.write(rowsOf: member, in: json, as: type)
        } catch {
            throw CommandFailure(
                message: "the daemon's reply does not have the expected form: \(error)", exitCode: CommandFailure.daemonError)
        }
        if csv!.bytes.count >= 1 << 16 { FileHandle.standardOutput.write(Data(csv!.take())) }
    }

    /// Writes each element of the array `member` of the JSON object
    /// `json` as a line, as the daemon wrote it (``JSONLines``).
    ///
    /// - Throws: ``CommandFailure`` with exit code 1 when the JSON is not
    ///   such an object.
    mutating func writeLines(rowsOf member: StaticString, in json: Data) throws {
        precondition(csv == nil, "writeLines on an export of CSV")
        do {
            try JSONLines.append(rowsOf: member, in: json, to: &lines)
        } catch {
            throw CommandFailure(
                message: "the daemon's reply does not have the expected form: \(error)", exitCode: CommandFailure.daemonError)
        }
        if lines.count >= 1 << 16 { flush() }
    }

    mutating func finish() {
        if csv != nil { FileHandle.standardOutput.write(Data(csv!.take())) }
        flush()
    }

    private mutating func flush() {
        FileHandle.standardOutput.write(Data(lines))
        lines.removeAll(keepingCapacity: true)
    }
}

/// The readable views.
enum Tables {
    static func status(_ status: TimelineInterface.Status, socket: String) -> String {
        let rows: [[String]] = [
            ["daemon", "timelined \(status.version), up since \(Format.timestamp(status.startedAt))"],
            ["socket", socket],
            ["documents", "\(status.documents) received, \(status.rejected) rejected"],
            ["claims", "\(status.claims)"],
            ["log", "seq \(status.log.lastSeq), chain head \(status.log.chainHead.isEmpty ? "-" : String(status.log.chainHead.prefix(16)))"],
            ["inbox", "\(status.inbox.path) (\(status.inbox.state), \(status.inbox.pending) pending)"],
            ["extractor", "\(status.extractor.version), lexicon \(status.extractor.lexicon.prefix(16))"],
        ] + (status.reextraction.map { [[
            "reextract", "\($0.done)/\($0.total) documents" + ($0.dryRun ? " (dry run)" : "")
                + ", since \(Format.timestamp($0.startedAt))",
        ]] } ?? [])
        return Format.table(header: nil, rows: rows)
    }

    static func latest(_ rows: [SourceRow]) -> String {
        guard !rows.isEmpty else { return "no claims" }
        let cells = rows.map { row in
            let record = row.record
            return [record.claim.side.rawValue, record.claim.population.rawValue, record.claim.metric.rawValue,
                    Format.estimate(record.claim), record.claim.speaker ?? "-", Format.date(record.effectiveDate),
                    record.dateSource, "\(row.disagreeing)", record.documentName, record.id]
        }
        return Format.table(
            header: ["SIDE", "POPULATION", "METRIC", "ESTIMATE", "SPEAKER", "DATE", "FROM", "DISAGREE", "DOCUMENT", "CLAIM"],
            rows: cells, notes: rows.map { Format.quoteAndEdits($0.record) })
    }

    static func sources(_ rows: [SourceRow]) -> String {
        guard !rows.isEmpty else { return "no claims" }
        var groups: [(title: String, rows: [SourceRow])] = []
        for row in rows {
            let title = Format.measure(row.record.claim)
            if groups.last?.title == title { groups[groups.count - 1].rows.append(row) } else { groups.append((title, [row])) }
        }
        return groups.map { group in
            let cells = group.rows.map { row in
                let record = row.record
                return [record.claim.speaker ?? "(unattributed)", Format.estimate(record.claim),
                        record.claim.interval.description, Format.date(record.effectiveDate), record.dateSource,
                        "\(row.reports)", "\(row.disagreeing)", record.documentName, record.id]
            }
            return group.title + "\n" + Format.table(
                header: ["SPEAKER", "ESTIMATE", "INTERVAL", "DATE", "FROM", "REPORTS", "DISAGREE", "DOCUMENT", "CLAIM"],
                rows: cells, indent: "  ")
        }.joined(separator: "\n\n")
    }

    static func statements(_ statements: [Statement]) -> String {
        guard !statements.isEmpty else { return "no statements" }
        let cells = statements.map { statement in
            let record = statement.record
            return [record.claim.speaker ?? "(unattributed)", Format.measure(record.claim), Format.estimate(record.claim),
                    Format.date(record.effectiveDate), record.dateSource, "\(statement.reportDocuments.count)",
                    statement.reportDocuments.joined(separator: " "), statement.id]
        }
        let notes = statements.map { statement in
            let quote = Format.quote(statement.record.claim.quote)
            let conflicts = statement.conflicts.map { conflict in
                let estimate = Format.estimate(Claim(
                    side: statement.record.claim.side, population: statement.record.claim.population,
                    metric: statement.record.claim.metric, qualifier: conflict.qualifier, low: conflict.low,
                    high: conflict.high, per: statement.record.claim.per, quote: "", span: ByteSpan(start: 0, end: 0)))
                return "\nconflicts with \(estimate) in " + conflict.documents.joined(separator: " ")
                    + " (statement \(conflict.statement))"
            }
            return quote + conflicts.joined()
        }
        return Format.table(
            header: ["SPEAKER", "MEASURE", "ESTIMATE", "DATE", "FROM", "REPORTS", "DOCUMENTS", "STATEMENT"],
            rows: cells, notes: notes)
    }

    static func history(_ series: [Series]) -> String {
        guard !series.isEmpty else { return "no history" }
        return series.map { one in
            let title = "\(one.speaker): \(one.side) \(one.population) \(one.metric)" + (one.per.map { " a \($0)" } ?? "")
            let rows = one.entries.map { entry in
                [Format.date(entry.record.effectiveDate), entry.change.rawValue.replacingOccurrences(of: "_", with: " "),
                 Format.estimate(entry.record.claim),
                 entry.record.documentName, entry.record.id]
            }
            return title + "\n" + Format.table(
                header: nil, rows: rows, indent: "  ", notes: one.entries.map { Format.quoteAndEdits($0.record) })
        }.joined(separator: "\n")
    }

    static func claims(_ claims: [ClaimRecord]) -> String {
        guard !claims.isEmpty else { return "no claims" }
        let rows = claims.map { record in
            ["\(record.seq)", record.claim.side.rawValue, record.claim.population.rawValue, record.claim.metric.rawValue,
             Format.estimate(record.claim), record.claim.speaker ?? "-", Format.date(record.effectiveDate),
             record.documentName, record.id]
        }
        return Format.table(
            header: ["SEQ", "SIDE", "POPULATION", "METRIC", "ESTIMATE", "SPEAKER", "STATED", "DOCUMENT", "CLAIM"],
            rows: rows, notes: claims.map(Format.quoteAndEdits))
    }

    /// What `retract` and `correct` print: the edit, and the claim as it
    /// stands (with the extracted fields under a correction).
    static func edited(_ record: ClaimRecord) -> String {
        func fields(_ label: String, _ claim: Claim) -> [String] {
            [label, Format.measure(claim), Format.estimate(claim), claim.speaker ?? "-", Format.date(claim.statedOn)]
        }
        var rows = [fields(record.correction == nil ? "claim" : "now", record.claim)]
        if let original = record.correction?.original {
            rows.append(fields("extracted", Format.claim(original, like: record.claim)))
        }
        let edit = record.retraction.map { ("retracted", $0) } ?? record.correction.map { ("corrected", $0.edit) }
        let title = edit.map { "\($0.0) \(record.id) at seq \($0.1.seq) by \($0.1.by?.shown ?? "an unknown user"): \($0.1.reason)" }
            ?? record.id
        return DisplayText.escaping(title) + "\n" + Format.table(header: nil, rows: rows, indent: "  ")
            + "\n    " + DisplayText.escaping(record.documentName + " " + Format.quote(record.claim.quote))
    }

    static func extracted(_ claims: [ExtractedClaim]) -> String {
        guard !claims.isEmpty else { return "no claims" }
        let rows = claims.map { found in
            [found.documentName, found.claim.side.rawValue, found.claim.population.rawValue, found.claim.metric.rawValue,
             Format.estimate(found.claim), found.claim.speaker ?? "-", Format.date(found.claim.statedOn ?? found.published)]
        }
        return Format.table(
            header: ["DOCUMENT", "SIDE", "POPULATION", "METRIC", "ESTIMATE", "SPEAKER", "STATED"],
            rows: rows, notes: claims.map { Format.quote($0.claim.quote) })
    }

    static func documents(_ documents: [DocumentRecord]) -> String {
        guard !documents.isEmpty else { return "no documents" }
        let rows = documents.map { document in
            document.status == .received
                ? [document.name, document.revisedBy == nil ? "received" : "revised", "\(document.claims)", Format.date(document.published),
                   String((document.sha256 ?? "-").prefix(12)), Format.timestamp(document.receivedAt)]
                : [document.name, "rejected", "-", "-",
                   "\(document.reason ?? "?"): \(document.message ?? "")", Format.timestamp(document.receivedAt)]
        }
        return Format.table(header: ["DOCUMENT", "STATUS", "CLAIMS", "PUBLISHED", "SHA256 / REASON", "AT"], rows: rows)
    }
}

/// How values read in a table.
enum Format {
    /// "well over 100,000", "between 1,500,000 and 3,000,000", "about 800 a day".
    static func estimate(_ claim: Claim) -> String {
        let low = number(claim.low)
        var text: String
        switch claim.qualifier {
        case .exact: text = low
        case .approximately: text = "about " + low
        case .atLeast: text = "over " + low
        case .wellOver: text = "well over " + low
        case .atMost: text = "up to " + low
        case .nearly: text = "nearly " + low
        case .range: text = claim.high.map { "\(low) to \(number($0))" } ?? low
        default: text = "\(claim.qualifier.rawValue) \(low)"
        }
        if let per = claim.per { text += " a \(per.rawValue)" }
        return text
    }

    /// "russia military casualties", "russia military killed a day".
    static func measure(_ claim: Claim) -> String {
        "\(claim.side) \(claim.population) \(claim.metric)" + (claim.per.map { " a \($0)" } ?? "")
    }

    static func number(_ value: Int) -> String { value.groupedInThousands }

    static func date(_ date: PartialDate?) -> String { date?.iso ?? "-" }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A claim's quote, and a line for its retraction or correction:
    /// `RETRACTED 2026-12-07 by alice (uid 1000): misread`,
    /// `corrected 2026-12-07 by alice (uid 1000): … (extracted: over 139,000 russia military casualties)`.
    static func quoteAndEdits(_ record: ClaimRecord) -> String {
        var lines = [quote(record.claim.quote)]
        if let correction = record.correction {
            let original = claim(correction.original, like: record.claim)
            lines.append("corrected \(edit(correction.edit)) (extracted: \(estimate(original)) \(measure(original))"
                + (original.speaker.map { ", \($0)" } ?? "") + (original.statedOn.map { ", \($0.iso)" } ?? "") + ")")
        }
        if let retraction = record.retraction { lines.append("RETRACTED \(edit(retraction))") }
        if let supersession = record.supersession {
            lines.append("SUPERSEDED \(String(timestamp(supersession.at).prefix(10))) at seq \(supersession.seq): document "
                + (supersession.reason == .revised ? "revised (\(supersession.document.prefix(12)))" : "re-extracted")
                + (supersession.by.map { ", by \($0)" } ?? ", found no more"))
        }
        return lines.joined(separator: "\n")
    }

    /// `2026-12-07 by alice (uid 1000): the reason`.
    static func edit(_ edit: ClaimEdit) -> String {
        "\(String(timestamp(edit.at).prefix(10))) by \(edit.by?.shown ?? "an unknown user"): \(edit.reason)"
    }

    /// The claim `fields` describe, with the quote and span of `claim`.
    static func claim(_ fields: ClaimFields, like claim: Claim) -> Claim {
        Claim(
            side: fields.side, population: fields.population, metric: fields.metric, qualifier: fields.qualifier,
            low: fields.low, high: fields.high, per: fields.per, speaker: fields.speaker, statedOn: fields.statedOn,
            statedOnSource: fields.statedOnSource, quote: claim.quote, span: claim.span)
    }

    static func quote(_ text: String, limit: Int = 110) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "“" + (flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat) + "”"
    }

    /// Columns padded to their widest cell; each row may carry a note on the
    /// line below it (the quoted sentence).
    /// Every cell is shown escaped (``DisplayText``): a name or a quote
    /// with a newline or an escape sequence neither breaks a row nor
    /// drives the terminal.
    static func table(header: [String]?, rows: [[String]], indent: String = "", notes: [String]? = nil) -> String {
        let rows = rows.map { $0.map(DisplayText.escaping) }
        // A note of several lines (a quote and its conflicts) is written line by line.
        let notes = notes?.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.escaping(String($0)) } }
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ row: [String]) -> String {
            let cells = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }
            return indent + cells.joined(separator: "  ")
        }
        var lines = header.map { [line($0)] } ?? []
        for (i, row) in rows.enumerated() {
            lines.append(line(row))
            if let notes { lines += notes[i].map { indent + "    " + $0 } }
        }
        return lines.joined(separator: "\n")
    }
}

import ClaimExtraction
import Foundation

/// Reads `claim.extracted` records, the bulk of every log, without
/// Foundation's JSONDecoder: replay reads every event at start, and this
/// path is several times faster.
///
/// It reads exactly what ``EventCodec`` writes for schema 1. Anything else
/// (another type, another schema, a shape it does not expect) returns nil,
/// and the caller decodes with JSONDecoder, which also gives the precise
/// error for a record that is really broken.
///
/// Consecutive claims mostly share their document, extractor, speaker and
/// vocabulary; a reader kept across records (as replay keeps one) reuses
/// those strings instead of making each again.
struct ClaimEventReader {
    private var document = RecentString()
    private var lexicon = RecentString()
    private var version = RecentString()
    private var speaker = RecentString()
    private var side = RecentString()
    private var population = RecentString()
    private var metric = RecentString()
    private var qualifier = RecentString()

    static func read(_ buffer: UnsafeRawBufferPointer, seq: UInt64) -> Event? {
        var reader = ClaimEventReader()
        return reader.read(buffer, seq: seq)
    }

    mutating func read(_ buffer: UnsafeRawBufferPointer, seq: UInt64) -> Event? {
        do {
            // Keys are written sorted, so "data" comes before "type": the body
            // is read as a claim first, and kept only if the type says it is one.
            var scanner = JSONScanner(buffer)
            var extracted: ClaimExtracted?
            var isClaim = false
            var schema: Int?
            var recordedAt: Date?
            try scanner.readObject { scanner, key in
                if key.equals("data") {
                    extracted = try readClaimExtracted(&scanner)
                } else if key.equals("type") {
                    isClaim = try scanner.readString() == EventType.claimExtracted.rawValue
                } else if key.equals("schema") {
                    schema = try scanner.readInt()
                } else if key.equals("recorded_at") {
                    guard let raw = try scanner.readPlainString() else { return }
                    recordedAt = RFC3339.date(from: raw)
                } else {
                    try scanner.skipValue()
                }
            }
            guard scanner.atEnd(), isClaim, schema == 1, let recordedAt, let extracted else { return nil }
            return Event(seq: seq, schema: 1, recordedAt: recordedAt, payload: .claimExtracted(extracted))
        } catch {
            return nil
        }
    }

    private mutating func readClaimExtracted(_ scanner: inout JSONScanner) throws -> ClaimExtracted? {
        var id: String?, document: String?, extractor: ExtractorInfo?
        var side: String?, population: String?, metric: String?, qualifier: String?
        var low: Int?, high: Int?, per: String?, interval: Interval?
        var speaker: String?, reportedBy: String?, statedOn: PartialDate?, quote: String?, span: ByteSpan?
        var unknownShape = false
        try scanner.readObject { scanner, key in
            switch key.count {
            case 3 where key.equals("low"): low = try scanner.readInt()
            case 3 where key.equals("per"): per = try scanner.readOptionalString()
            case 4 where key.equals("high"): high = try scanner.readOptionalInt()
            case 4 where key.equals("side"): side = try self.side.read(&scanner)
            case 4 where key.equals("span"): span = try Self.readSpan(&scanner)
            case 5 where key.equals("claim"): id = try scanner.readString()
            case 5 where key.equals("quote"): quote = try scanner.readString()
            case 6 where key.equals("metric"): metric = try self.metric.read(&scanner)
            case 7 where key.equals("speaker"): speaker = try scanner.readNull() ? nil : self.speaker.read(&scanner)
            case 8 where key.equals("document"): document = try self.document.read(&scanner)
            case 8 where key.equals("interval"): interval = try Self.readInterval(&scanner)
            case 9 where key.equals("extractor"): extractor = try readExtractor(&scanner)
            case 9 where key.equals("qualifier"): qualifier = try self.qualifier.read(&scanner)
            case 9 where key.equals("stated_on"):
                if let text = try scanner.readOptionalString() {
                    guard let date = PartialDate(iso: text) else { unknownShape = true; return }
                    statedOn = date
                }
            case 10 where key.equals("population"): population = try self.population.read(&scanner)
            case 11 where key.equals("reported_by"): reportedBy = try scanner.readOptionalString()
            case 19 where key.equals("stated_on_precision"): try scanner.skipValue()
            default:
                // A field this reader does not know: let JSONDecoder judge it.
                unknownShape = true
                try scanner.skipValue()
            }
        }
        guard !unknownShape, let id, let document, let extractor, let side, let population, let metric,
              let qualifier, let low, let quote, let span else { return nil }
        var claim = Claim(
            side: Side(side), population: Population(population), metric: Metric(metric),
            qualifier: Qualifier(qualifier), low: low, high: high, per: per.map { Rate($0) },
            speaker: speaker, reportedBy: reportedBy, statedOn: statedOn, quote: quote, span: span)
        if let interval { claim.interval = interval }
        return ClaimExtracted(id: id, document: document, extractor: extractor, claim: claim)
    }

    private static func readSpan(_ scanner: inout JSONScanner) throws -> ByteSpan? {
        var start: Int?, end: Int?
        try scanner.readObject { scanner, key in
            if key.equals("start") { start = try scanner.readInt() }
            else if key.equals("end") { end = try scanner.readInt() }
            else { try scanner.skipValue() }
        }
        guard let start, let end, start <= end else { return nil }
        return ByteSpan(start: start, end: end)
    }

    private static func readInterval(_ scanner: inout JSONScanner) throws -> Interval? {
        var lower: Int?, upper: Int?, lowerClosed: Bool?, upperClosed: Bool?
        try scanner.readObject { scanner, key in
            if key.equals("lower") { lower = try scanner.readOptionalInt() }
            else if key.equals("upper") { upper = try scanner.readOptionalInt() }
            else if key.equals("lower_closed") { lowerClosed = try scanner.readBool() }
            else if key.equals("upper_closed") { upperClosed = try scanner.readBool() }
            else { try scanner.skipValue() }
        }
        guard let lowerClosed, let upperClosed else { return nil }
        return Interval(lower: lower, lowerClosed: lowerClosed, upper: upper, upperClosed: upperClosed)
    }

    private mutating func readExtractor(_ scanner: inout JSONScanner) throws -> ExtractorInfo? {
        var version: String?, lexicon: String?
        try scanner.readObject { scanner, key in
            if key.equals("version") { version = try self.version.read(&scanner) }
            else if key.equals("lexicon") { lexicon = try self.lexicon.read(&scanner) }
            else { try scanner.skipValue() }
        }
        guard let version, let lexicon else { return nil }
        return ExtractorInfo(version: version, lexicon: lexicon)
    }
}

/// The last string read for one field, reused while the bytes repeat.
struct RecentString {
    private var bytes: [UInt8] = []
    private var value = ""

    mutating func read(_ scanner: inout JSONScanner) throws -> String {
        guard let raw = try scanner.readPlainString() else { return try scanner.readString() }
        if raw.count == bytes.count, bytes.withUnsafeBytes({ raw.count == 0 || memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) {
            return value
        }
        bytes = Array(raw)
        value = String(decoding: raw, as: UTF8.self)
        return value
    }
}

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
enum ClaimEventReader {
    static func read(_ buffer: UnsafeRawBufferPointer, seq: UInt64) -> Event? {
        do {
            var scanner = JSONScanner(buffer)
            var data: Range<Int>?
            var isClaim = false
            var schema: Int?
            var recordedAt: Date?
            try scanner.readObject { scanner, key in
                if key.equals("data") {
                    data = try scanner.skipValue()
                } else if key.equals("type") {
                    isClaim = try scanner.readString() == EventType.claimExtracted.rawValue
                } else if key.equals("schema") {
                    schema = try scanner.readInt()
                } else if key.equals("recorded_at") {
                    recordedAt = RFC3339.date(from: try scanner.readString())
                } else {
                    try scanner.skipValue()
                }
            }
            guard scanner.atEnd(), isClaim, schema == 1, let recordedAt, let data else { return nil }
            var body = JSONScanner(UnsafeRawBufferPointer(rebasing: buffer[..<data.upperBound]), offset: data.lowerBound)
            guard let extracted = try readClaimExtracted(&body) else { return nil }
            return Event(seq: seq, schema: 1, recordedAt: recordedAt, payload: .claimExtracted(extracted))
        } catch {
            return nil
        }
    }

    private static func readClaimExtracted(_ scanner: inout JSONScanner) throws -> ClaimExtracted? {
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
            case 4 where key.equals("side"): side = try scanner.readString()
            case 4 where key.equals("span"): span = try readSpan(&scanner)
            case 5 where key.equals("claim"): id = try scanner.readString()
            case 5 where key.equals("quote"): quote = try scanner.readString()
            case 6 where key.equals("metric"): metric = try scanner.readString()
            case 7 where key.equals("speaker"): speaker = try scanner.readOptionalString()
            case 8 where key.equals("document"): document = try scanner.readString()
            case 8 where key.equals("interval"): interval = try readInterval(&scanner)
            case 9 where key.equals("extractor"): extractor = try readExtractor(&scanner)
            case 9 where key.equals("qualifier"): qualifier = try scanner.readString()
            case 9 where key.equals("stated_on"):
                if let text = try scanner.readOptionalString() {
                    guard let date = PartialDate(iso: text) else { unknownShape = true; return }
                    statedOn = date
                }
            case 10 where key.equals("population"): population = try scanner.readString()
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

    private static func readExtractor(_ scanner: inout JSONScanner) throws -> ExtractorInfo? {
        var version: String?, lexicon: String?
        try scanner.readObject { scanner, key in
            if key.equals("version") { version = try scanner.readString() }
            else if key.equals("lexicon") { lexicon = try scanner.readString() }
            else { try scanner.skipValue() }
        }
        guard let version, let lexicon else { return nil }
        return ExtractorInfo(version: version, lexicon: lexicon)
    }
}

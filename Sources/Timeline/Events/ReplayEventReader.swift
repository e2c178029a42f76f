import ClaimExtraction
import Foundation

/// Reads `claim.extracted` and `document.received` records, all but a few
/// of every log, without Foundation's JSONDecoder: replay reads every
/// event at start, and this path is several times faster.
///
/// It reads exactly what ``EventCodec`` writes for schema 1. Anything else
/// (another type, another schema, a shape it does not expect) returns nil,
/// and the caller decodes with JSONDecoder, which also gives the precise
/// error for a record that is really broken.
///
/// Consecutive events mostly share their document, extractor, speaker and
/// vocabulary; a reader kept across records (as replay keeps one) reuses
/// those strings instead of making each again.
struct ReplayEventReader {
    private var document = RecentString()
    private var lexicon = RecentString()
    private var version = RecentString()
    private var speaker = RecentString()
    private var side = RecentString()
    private var population = RecentString()
    private var metric = RecentString()
    private var qualifier = RecentString()
    private var source = RecentString()

    static func read(_ buffer: UnsafeRawBufferPointer, seq: UInt64) -> Event? {
        var reader = ReplayEventReader()
        return reader.read(buffer, seq: seq)
    }

    mutating func read(_ buffer: UnsafeRawBufferPointer, seq: UInt64) -> Event? {
        do {
            // Keys are written sorted, so "data" comes before "type": the
            // body's first key says which kind it is ("claim" for a claim,
            // "document" for a received document), and the type, read
            // after it, must agree.
            var scanner = JSONScanner(buffer)
            var payload: Event.Payload?
            var type: KnownType?
            var schema: Int?
            var recordedAt: Date?
            try scanner.readObject { scanner, key in
                if key.equals("data") {
                    switch try scanner.peekFirstKey() {
                    case let first? where first.equals("claim"):
                        payload = try readClaimExtracted(&scanner).map { .claimExtracted($0) }
                    case let first? where first.equals("document"):
                        payload = try readDocumentReceived(&scanner).map { .documentReceived($0) }
                    default:
                        try scanner.skipValue()
                    }
                } else if key.equals("type") {
                    guard let raw = try scanner.readPlainString() else { return }
                    type = raw.equals("claim.extracted") ? .claimExtracted
                        : raw.equals("document.received") ? .documentReceived : nil
                } else if key.equals("schema") {
                    schema = try scanner.readInt()
                } else if key.equals("recorded_at") {
                    guard let raw = try scanner.readPlainString() else { return }
                    recordedAt = RFC3339.date(from: raw)
                } else {
                    try scanner.skipValue()
                }
            }
            guard scanner.atEnd(), schema == 1, let recordedAt, let type, let payload else { return nil }
            switch (type, payload) {
            case (.claimExtracted, .claimExtracted), (.documentReceived, .documentReceived):
                return Event(seq: seq, schema: 1, recordedAt: recordedAt, payload: payload)
            default:
                return nil
            }
        } catch {
            return nil
        }
    }

    private enum KnownType {
        case claimExtracted, documentReceived
    }

    private mutating func readDocumentReceived(_ scanner: inout JSONScanner) throws -> DocumentReceived? {
        var document: String?, name: String?, size: Int?, published: PartialDate?, publishedFrom: DateSource?
        var source: String?, url: String?, repaired = false
        var unknownShape = false
        try scanner.readObject { scanner, key in
            switch key.count {
            case 3 where key.equals("url"): url = try scanner.readOptionalString()
            case 4 where key.equals("name"): name = try scanner.readString()
            case 4 where key.equals("size"): size = try scanner.readInt()
            case 6 where key.equals("source"): source = try scanner.readNull() ? nil : self.source.read(&scanner)
            case 8 where key.equals("document"): document = try self.document.read(&scanner)
            case 9 where key.equals("published"):
                if try !scanner.readNull() {
                    guard let date = try Self.readPartialDate(&scanner) else { unknownShape = true; return }
                    published = date
                }
            case 14 where key.equals("published_from"):
                publishedFrom = try scanner.readOptionalString().map { DateSource(rawValue: $0) }
            case 17 where key.equals("repaired_encoding"): repaired = try scanner.readNull() ? false : scanner.readBool()
            default:
                unknownShape = true
                try scanner.skipValue()
            }
        }
        guard !unknownShape, let document, let name, let size else { return nil }
        return DocumentReceived(
            document: document, name: name, size: size, published: published, publishedFrom: publishedFrom,
            source: source, url: url, repairedEncoding: repaired)
    }

    private mutating func readClaimExtracted(_ scanner: inout JSONScanner) throws -> ClaimExtracted? {
        var id: String?, document: String?, extractor: ExtractorInfo?
        var side: String?, population: String?, metric: String?, qualifier: String?
        var low: Int?, high: Int?, per: String?, interval: Interval?
        var speaker: String?, reportedBy: String?, statedOn: PartialDate?, quote: String?, span: ByteSpan?
        var statedOnSource: DateSource?
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
                if try !scanner.readNull() {
                    guard let date = try Self.readPartialDate(&scanner) else { unknownShape = true; return }
                    statedOn = date
                }
            case 10 where key.equals("population"): population = try self.population.read(&scanner)
            case 11 where key.equals("reported_by"): reportedBy = try scanner.readOptionalString()
            case 16 where key.equals("stated_on_source"):
                statedOnSource = try scanner.readOptionalString().map { DateSource(rawValue: $0) }
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
            speaker: speaker, reportedBy: reportedBy, statedOn: statedOn, statedOnSource: statedOnSource,
            quote: quote, span: span)
        if let interval { claim.interval = interval }
        return ClaimExtracted(id: id, document: document, extractor: extractor, claim: claim)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` read from the bytes, as
    /// `PartialDate(iso:)` reads them, without splitting a string; nil for
    /// anything else (JSONDecoder then says what is wrong).
    private static func readPartialDate(_ scanner: inout JSONScanner) throws -> PartialDate? {
        guard let raw = try scanner.readPlainString(), raw.count == 4 || raw.count == 7 || raw.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(raw[i]) &- 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4) else { return nil }
        guard raw.count > 4 else { return PartialDate(year: year) }
        guard raw[4] == 0x2D, let month = number(5..<7), (1...12).contains(month) else { return nil }
        guard raw.count > 7 else { return PartialDate(year: year, month: month) }
        guard raw[7] == 0x2D, let day = number(8..<10), (1...31).contains(day) else { return nil }
        return PartialDate(year: year, month: month, day: day)
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

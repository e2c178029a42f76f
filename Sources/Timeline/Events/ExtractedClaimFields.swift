import ClaimExtraction
import Foundation

/// Where a JSON string's text is in the bytes a record was read from:
/// the bytes between its quotes, and whether escapes are among them.
///
/// Kept in 32-bit fields (a batch of records is a few MB, a record at
/// most 16 MiB): a claim's fields are moved from the decoding threads to
/// the applying one, and their size is what is moved.
struct JSONStringRange: Sendable {
    /// The offset of its first byte from the start of the buffer the
    /// reader was told of (``ExtractedClaimFields/read(_:base:)``).
    var start: UInt32
    var count: UInt32
    var escaped: Bool

    /// The text's bytes, when it has no escapes.
    @inline(__always)
    func bytes(in buffer: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[Int(start)..<(Int(start) + Int(count))])
    }

    /// The string, escapes decoded.
    func string(in buffer: UnsafeRawBufferPointer) -> String {
        guard escaped else { return String(decoding: bytes(in: buffer), as: UTF8.self) }
        // The escapes were checked when the record was read.
        var scanner = JSONScanner(buffer, offset: Int(start) - 1)
        return (try? scanner.readString()) ?? ""
    }
}

/// The fields of a `claim.extracted` record, read in place: its numbers
/// and dates decoded, its strings left where they are in the record's
/// bytes.
///
/// Replay reads a million of these at a start or a view of the past, on
/// every core, and applies them on one thread. Read so, a record costs its
/// decoding threads no allocation (no `String` for the quote, the id or the
/// document, no ``Event`` to build, copy and free) and the applying thread
/// looks each string up in the pool from its bytes
/// (``Projections/apply(_:seq:in:)``). ``ReplayEventReader`` reads a claim's
/// event through the same fields, so that both read the JSON one way.
struct ExtractedClaimFields: Sendable {
    var seq: UInt64
    var recordedAt: Date
    var id: JSONStringRange
    var document: JSONStringRange
    var version: JSONStringRange
    var lexicon: JSONStringRange
    var side: JSONStringRange
    var population: JSONStringRange
    var metric: JSONStringRange
    var qualifier: JSONStringRange
    var per: JSONStringRange?
    var speaker: JSONStringRange?
    var reportedBy: JSONStringRange?
    var statedOnSource: JSONStringRange?
    var quote: JSONStringRange
    var low: Int
    var high: Int?
    var interval: Interval?
    var statedOn: PartialDate?
    var span: ByteSpan

    /// Whether a string of the record has escapes, so that its bytes are
    /// not its text.
    var hasEscapes: Bool {
        var escaped = id.escaped || document.escaped || version.escaped || lexicon.escaped || side.escaped
        escaped = escaped || population.escaped || metric.escaped || qualifier.escaped || quote.escaped
        return escaped || per?.escaped == true || speaker?.escaped == true || reportedBy?.escaped == true
            || statedOnSource?.escaped == true
    }

    /// Reads the `data` object of a `claim.extracted` record, as
    /// ``EventCodec`` writes it for schema 1. The envelope's seq and time
    /// are the caller's to set (the keys are sorted: `data` comes first).
    ///
    /// - Parameters:
    ///   - scanner: positioned at the object.
    ///   - base: where the offsets of the strings count from.
    /// - Returns: the fields, or nil for an object of another shape (a key
    ///   this reader does not know, a missing field, a date it cannot
    ///   read), which JSONDecoder then judges.
    /// - Throws: ``JSONScanner/Malformed`` for broken JSON.
    static func read(_ scanner: inout JSONScanner, base: UnsafeRawPointer) throws -> ExtractedClaimFields? {
        var id: JSONStringRange?, document: JSONStringRange?, version: JSONStringRange?, lexicon: JSONStringRange?
        var side: JSONStringRange?, population: JSONStringRange?, metric: JSONStringRange?, qualifier: JSONStringRange?
        var per: JSONStringRange?, speaker: JSONStringRange?, reportedBy: JSONStringRange?
        var statedOnSource: JSONStringRange?, quote: JSONStringRange?
        var low: Int?, high: Int?, interval: Interval?, statedOn: PartialDate?, span: ByteSpan?
        var unknownShape = false
        func string(_ scanner: inout JSONScanner) throws -> JSONStringRange {
            let (bytes, escaped) = try scanner.readStringBytes()
            let start = bytes.baseAddress! - base
            guard start >= 0, start + bytes.count <= Int(UInt32.max) else { throw JSONScanner.Malformed(offset: start, expected: "a record under 4 GiB") }
            return JSONStringRange(start: UInt32(start), count: UInt32(bytes.count), escaped: escaped)
        }
        func optionalString(_ scanner: inout JSONScanner) throws -> JSONStringRange? {
            try scanner.readNull() ? nil : string(&scanner)
        }
        try scanner.readObject { scanner, key in
            switch key.count {
            case 3 where key.equals("low"): low = try scanner.readInt()
            case 3 where key.equals("per"): per = try optionalString(&scanner)
            case 4 where key.equals("high"): high = try scanner.readOptionalInt()
            case 4 where key.equals("side"): side = try string(&scanner)
            case 4 where key.equals("span"): span = try readSpan(&scanner)
            case 5 where key.equals("claim"): id = try string(&scanner)
            case 5 where key.equals("quote"): quote = try string(&scanner)
            case 6 where key.equals("metric"): metric = try string(&scanner)
            case 7 where key.equals("speaker"): speaker = try optionalString(&scanner)
            case 8 where key.equals("document"): document = try string(&scanner)
            case 8 where key.equals("interval"): interval = try readInterval(&scanner)
            case 9 where key.equals("extractor"):
                try scanner.readObject { scanner, key in
                    if key.equals("version") { version = try string(&scanner) }
                    else if key.equals("lexicon") { lexicon = try string(&scanner) }
                    else { try scanner.skipValue() }
                }
            case 9 where key.equals("qualifier"): qualifier = try string(&scanner)
            case 9 where key.equals("stated_on"):
                if try !scanner.readNull() {
                    guard let date = try readPartialDate(&scanner) else { unknownShape = true; return }
                    statedOn = date
                }
            case 10 where key.equals("population"): population = try string(&scanner)
            case 11 where key.equals("reported_by"): reportedBy = try optionalString(&scanner)
            case 16 where key.equals("stated_on_source"): statedOnSource = try optionalString(&scanner)
            case 19 where key.equals("stated_on_precision"): try scanner.skipValue()
            default:
                // A field this reader does not know: let JSONDecoder judge it.
                unknownShape = true
                try scanner.skipValue()
            }
        }
        guard !unknownShape, let id, let document, let version, let lexicon, let side, let population, let metric,
              let qualifier, let low, let quote, let span else { return nil }
        return ExtractedClaimFields(
            seq: 0, recordedAt: Date(timeIntervalSinceReferenceDate: 0), id: id, document: document, version: version,
            lexicon: lexicon, side: side, population: population, metric: metric, qualifier: qualifier, per: per,
            speaker: speaker, reportedBy: reportedBy,
            // As `Claim` keeps it: where a date came from, only with a date.
            statedOnSource: statedOn == nil ? nil : statedOnSource,
            quote: quote, low: low, high: high, interval: interval, statedOn: statedOn, span: span)
    }

    /// The interval the record gives, or the one its hedge and figures
    /// stand for when it gives none (as `Claim` makes it).
    func effectiveInterval(in buffer: UnsafeRawBufferPointer) -> Interval {
        interval ?? Interval(qualifier: Qualifier(qualifier.string(in: buffer)), low: low, high: high)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` read from the bytes, as
    /// `PartialDate(iso:)` reads them, without splitting a string; nil for
    /// anything else (JSONDecoder then says what is wrong).
    static func readPartialDate(_ scanner: inout JSONScanner) throws -> PartialDate? {
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
}

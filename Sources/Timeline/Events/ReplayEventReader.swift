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

    /// What a record holds, as replay reads it.
    enum Record: Sendable {
        case event(Event)
        /// A `claim.extracted` event, its strings left in the record's bytes.
        case claim(ExtractedClaimFields)
    }

    static func read(_ buffer: UnsafeRawBufferPointer, seq: UInt64) -> Event? {
        var reader = ReplayEventReader()
        return reader.read(buffer, seq: seq)
    }

    mutating func read(_ buffer: UnsafeRawBufferPointer, seq: UInt64) -> Event? {
        guard let base = buffer.baseAddress else { return nil }
        switch readRecord(buffer, seq: seq, base: base) {
        case .event(let event)?: return event
        case .claim(let fields)?: return Event(seq: seq, schema: 1, recordedAt: fields.recordedAt, payload: .claimExtracted(claim(fields, in: buffer)))
        case nil: return nil
        }
    }

    /// Reads a record that is a `claim.extracted` or `document.received`
    /// event of schema 1 as ``EventCodec`` writes it; nil for anything
    /// else, which JSONDecoder then reads (or says what is wrong with).
    ///
    /// - Parameters:
    ///   - buffer: the record's bytes.
    ///   - seq: its seq.
    ///   - base: where the offsets of a claim's strings count from (the
    ///     start of `buffer`, or of a larger buffer holding it).
    mutating func readRecord(_ buffer: UnsafeRawBufferPointer, seq: UInt64, base: UnsafeRawPointer) -> Record? {
        do {
            // Keys are written sorted, so "data" comes before "type": the
            // body's first key says which kind it is ("claim" for a claim,
            // "document" for a received document), and the type, read
            // after it, must agree.
            var scanner = JSONScanner(buffer)
            var claim: ExtractedClaimFields?
            var received: DocumentReceived?
            var type: KnownType?
            var schema: Int?
            var recordedAt: Date?
            try scanner.readObject { scanner, key in
                if key.equals("data") {
                    switch try scanner.peekFirstKey() {
                    case let first? where first.equals("claim"):
                        claim = try ExtractedClaimFields.read(&scanner, base: base)
                    case let first? where first.equals("document"):
                        received = try readDocumentReceived(&scanner)
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
            guard scanner.atEnd(), schema == 1, let recordedAt, let type else { return nil }
            switch type {
            case .claimExtracted:
                guard var claim else { return nil }
                claim.seq = seq
                claim.recordedAt = recordedAt
                return .claim(claim)
            case .documentReceived:
                guard let received else { return nil }
                return .event(Event(seq: seq, schema: 1, recordedAt: recordedAt, payload: .documentReceived(received)))
            }
        } catch {
            return nil
        }
    }

    /// The event of a claim read in place, its strings made (those that
    /// repeat from the record before, once).
    ///
    /// - Parameters:
    ///   - fields: the claim's fields, read from `buffer`.
    ///   - buffer: the bytes their offsets count from.
    mutating func claim(_ fields: ExtractedClaimFields, in buffer: UnsafeRawBufferPointer) -> ClaimExtracted {
        func recent(_ string: inout RecentString, _ range: JSONStringRange) -> String {
            range.escaped ? range.string(in: buffer) : string.string(range.bytes(in: buffer))
        }
        var claim = Claim(
            side: Side(recent(&side, fields.side)), population: Population(recent(&population, fields.population)),
            metric: Metric(recent(&metric, fields.metric)), qualifier: Qualifier(recent(&qualifier, fields.qualifier)),
            low: fields.low, high: fields.high, per: fields.per.map { Rate($0.string(in: buffer)) },
            speaker: fields.speaker.map { recent(&speaker, $0) }, reportedBy: fields.reportedBy?.string(in: buffer),
            statedOn: fields.statedOn, statedOnSource: fields.statedOnSource.map { DateSource(rawValue: $0.string(in: buffer)) },
            quote: fields.quote.string(in: buffer), span: fields.span)
        if let interval = fields.interval { claim.interval = interval }
        return ClaimExtracted(
            id: fields.id.string(in: buffer), document: recent(&document, fields.document),
            extractor: ExtractorInfo(version: recent(&version, fields.version), lexicon: recent(&lexicon, fields.lexicon)),
            claim: claim)
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
                    guard let date = try ExtractedClaimFields.readPartialDate(&scanner) else { unknownShape = true; return }
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

}

/// The last string read for one field, reused while the bytes repeat.
struct RecentString {
    private var bytes: [UInt8] = []
    private var value = ""

    mutating func read(_ scanner: inout JSONScanner) throws -> String {
        guard let raw = try scanner.readPlainString() else { return try scanner.readString() }
        return string(raw)
    }

    /// The string these bytes (a string's, without escapes) spell.
    mutating func string(_ raw: UnsafeRawBufferPointer) -> String {
        if raw.count == bytes.count, bytes.withUnsafeBytes({ raw.count == 0 || memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) {
            return value
        }
        bytes = Array(raw)
        value = String(decoding: raw, as: UTF8.self)
        return value
    }
}

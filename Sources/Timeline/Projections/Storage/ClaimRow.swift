import ClaimExtraction
import Foundation

/// A claim as the projections store it: numbers only, its strings in the
/// ``StringPool`` and its quote in the ``TextArena``. ``record(_:_:)``
/// turns it back into the ``ClaimRecord`` it was made from.
struct ClaimRow: Sendable, Equatable {
    /// The id's 64 bits (``ClaimIndex/pack(_:)``), or the pool id of an id
    /// of another form (``Flags/textID``).
    var id: UInt64
    var seq: UInt64
    /// `recordedAt`, in seconds since the reference date.
    var recordedAt: Double
    var low: Int64
    var high: Int64
    var lower: Int64
    var upper: Int64
    var spanStart: Int64
    var spanEnd: Int64
    var published: PackedDate
    var statedOn: PackedDate
    var quote: TextRef
    var documentName: UInt32
    var documentSHA256: UInt32
    var extractorVersion: UInt32
    var extractorLexicon: UInt32
    var side: UInt32
    var population: UInt32
    var metric: UInt32
    var qualifier: UInt32
    var per: UInt32
    var speaker: UInt32
    var reportedBy: UInt32
    /// Where `statedOn` came from (``Claim/statedOnSource``), or none.
    var statedOnSource: UInt32
    /// The pool id of the retraction's reason (see ``Flags/retracted``).
    var retraction: UInt32
    var flags: Flags

    struct Flags: OptionSet, Sendable, Equatable {
        let rawValue: UInt32
        static let textID = Flags(rawValue: 1 << 0)
        static let high = Flags(rawValue: 1 << 1)
        static let lower = Flags(rawValue: 1 << 2)
        static let lowerClosed = Flags(rawValue: 1 << 3)
        static let upper = Flags(rawValue: 1 << 4)
        static let upperClosed = Flags(rawValue: 1 << 5)
        static let retracted = Flags(rawValue: 1 << 6)
        /// A person corrected the claim: its fields are the corrected
        /// ones, and ``Projections``' edits hold the extracted ones.
        static let corrected = Flags(rawValue: 1 << 7)
        /// A later reading of its document (a re-extraction, a new
        /// version) replaced the claim; ``Projections``' edits say which.
        static let superseded = Flags(rawValue: 1 << 8)
        static let all = Flags(rawValue: (1 << 9) - 1)
        /// The flags a claim's own fields set, which a correction sets anew.
        static let fields: Flags = [.high, .lower, .lowerClosed, .upper, .upperClosed]
    }

    /// The row for a claim of `document` found with `extractor`, its
    /// strings added to `pool` (the document's are there already) and its
    /// quote to `text`.
    init(
        id: String, seq: UInt64, recordedAt: Date, document: DocumentRow, extractor: ExtractorInfo, claim: Claim,
        pool: inout StringPool, text: inout TextArena
    ) {
        var flags: Flags = []
        if let packed = ClaimIndex.pack(id) {
            self.id = packed
        } else {
            self.id = UInt64(pool.id(id))
            flags.insert(.textID)
        }
        self.seq = seq
        self.recordedAt = recordedAt.timeIntervalSinceReferenceDate
        spanStart = Int64(claim.span.start)
        spanEnd = Int64(claim.span.end)
        published = document.published
        quote = text.append(claim.quote)
        documentName = document.name
        documentSHA256 = document.sha256
        extractorVersion = pool.id(extractor.version)
        extractorLexicon = pool.id(extractor.lexicon)
        reportedBy = pool.id(claim.reportedBy)
        low = 0; high = 0; lower = 0; upper = 0; statedOn = .none
        side = 0; population = 0; metric = 0; qualifier = 0; per = 0; speaker = 0; statedOnSource = 0
        retraction = StringPool.none
        self.flags = flags
        setFields(of: claim, pool: &pool)
    }

    /// The row for the claim of a `claim.extracted` record read in place
    /// (replay): the row ``init(id:seq:recordedAt:document:extractor:claim:pool:text:)``
    /// makes of the event the record holds, its strings looked up in
    /// `pool` in the same order, from their bytes.
    ///
    /// - Parameters:
    ///   - fields: the record's fields, with no escapes in their strings
    ///     (``ExtractedClaimFields/hasEscapes``).
    ///   - buffer: the bytes their offsets count from.
    ///   - document: the row of the claim's document.
    init(
        _ fields: ExtractedClaimFields, in buffer: UnsafeRawBufferPointer, document: DocumentRow,
        pool: inout StringPool, text: inout TextArena
    ) {
        var flags: Flags = []
        let idBytes = fields.id.bytes(in: buffer)
        if let packed = ClaimIndex.pack(utf8: idBytes) {
            id = packed
        } else {
            id = UInt64(pool.id(utf8: idBytes))
            flags.insert(.textID)
        }
        seq = fields.seq
        recordedAt = fields.recordedAt.timeIntervalSinceReferenceDate
        spanStart = Int64(fields.span.start)
        spanEnd = Int64(fields.span.end)
        published = document.published
        quote = text.append(utf8: fields.quote.bytes(in: buffer))
        documentName = document.name
        documentSHA256 = document.sha256
        extractorVersion = pool.id(utf8: fields.version.bytes(in: buffer))
        extractorLexicon = pool.id(utf8: fields.lexicon.bytes(in: buffer))
        reportedBy = fields.reportedBy.map { pool.id(utf8: $0.bytes(in: buffer)) } ?? StringPool.none
        low = 0; high = 0; lower = 0; upper = 0; statedOn = .none
        side = 0; population = 0; metric = 0; qualifier = 0; per = 0; speaker = 0; statedOnSource = 0
        retraction = StringPool.none
        self.flags = flags
        setFigures(low: fields.low, high: fields.high, interval: fields.effectiveInterval(in: buffer), statedOn: fields.statedOn)
        side = pool.id(utf8: fields.side.bytes(in: buffer))
        population = pool.id(utf8: fields.population.bytes(in: buffer))
        metric = pool.id(utf8: fields.metric.bytes(in: buffer))
        qualifier = pool.id(utf8: fields.qualifier.bytes(in: buffer))
        per = fields.per.map { pool.id(utf8: $0.bytes(in: buffer)) } ?? StringPool.none
        speaker = fields.speaker.map { pool.id(utf8: $0.bytes(in: buffer)) } ?? StringPool.none
        statedOnSource = fields.statedOnSource.map { pool.id(utf8: $0.bytes(in: buffer)) } ?? StringPool.none
    }

    /// Sets the fields a correction may change (``ClaimFields``: whose
    /// losses, the figures, hedge and interval, rate, speaker, date) to
    /// those of `claim`, adding its strings to `pool`.
    mutating func setFields(of claim: Claim, pool: inout StringPool) {
        setFigures(low: claim.low, high: claim.high, interval: claim.interval, statedOn: claim.statedOn)
        side = pool.id(claim.side.rawValue)
        population = pool.id(claim.population.rawValue)
        metric = pool.id(claim.metric.rawValue)
        qualifier = pool.id(claim.qualifier.rawValue)
        per = pool.id(claim.per?.rawValue)
        speaker = pool.id(claim.speaker)
        statedOnSource = pool.id(claim.statedOnSource?.rawValue)
    }

    /// The figures, their interval and the date, and the flags they set.
    private mutating func setFigures(low: Int, high: Int?, interval: Interval, statedOn: PartialDate?) {
        flags.subtract(.fields)
        self.low = Int64(low)
        self.high = high.map(Int64.init) ?? 0
        if high != nil { flags.insert(.high) }
        lower = interval.lower.map(Int64.init) ?? 0
        if interval.lower != nil { flags.insert(.lower) }
        if interval.lowerClosed { flags.insert(.lowerClosed) }
        upper = interval.upper.map(Int64.init) ?? 0
        if interval.upper != nil { flags.insert(.upper) }
        if interval.upperClosed { flags.insert(.upperClosed) }
        self.statedOn = PackedDate(statedOn)
    }

    /// A row with every field zero, to be filled by a snapshot's reader.
    init() {
        id = 0; seq = 0; recordedAt = 0; low = 0; high = 0; lower = 0; upper = 0; spanStart = 0; spanEnd = 0
        published = .none; statedOn = .none; quote = TextRef(chunk: 0, offset: 0, length: 0)
        documentName = 0; documentSHA256 = 0; extractorVersion = 0; extractorLexicon = 0
        side = 0; population = 0; metric = 0; qualifier = 0; per = 0; speaker = 0; reportedBy = 0; statedOnSource = 0; retraction = 0
        flags = []
    }

    /// Whether the claim is in force: neither retracted nor superseded.
    var isStanding: Bool { flags.isDisjoint(with: [.retracted, .superseded]) }

    /// The date the claim is placed at: when it was stated, else when its
    /// document was published (``ClaimRecord/effectiveDate``).
    var effectiveDate: PartialDate? { statedOn.date ?? published.date }

    /// Whether `self` comes before `other` in time (``ClaimRecord/chronologically(_:_:)``).
    func precedes(_ other: ClaimRow) -> Bool {
        ClaimRecord.inTimeOrder((effectiveDate, seq), (other.effectiveDate, other.seq))
    }

    /// The quantity the claim counts, by pool ids.
    var quantity: QuantityKey { QuantityKey(side: side, population: population, metric: metric) }

    /// The claim id as the record spells it.
    func idString(_ pool: StringPool) -> String {
        flags.contains(.textID) ? pool[UInt32(truncatingIfNeeded: id)] : ClaimIndex.unpack(id)
    }

    /// The record this row was made from, without a person's edits
    /// (``ClaimList`` adds them).
    func record(_ pool: StringPool, _ text: TextArena) -> ClaimRecord {
        var claim = Claim(
            side: Side(pool[side]), population: Population(pool[population]), metric: Metric(pool[metric]),
            qualifier: Qualifier(pool[qualifier]), low: Int(low), high: flags.contains(.high) ? Int(high) : nil,
            per: pool[optional: per].map { Rate($0) }, speaker: pool[optional: speaker],
            reportedBy: pool[optional: reportedBy], statedOn: statedOn.date,
            statedOnSource: pool[optional: statedOnSource].map { DateSource(rawValue: $0) }, quote: text[quote],
            span: ByteSpan(start: Int(spanStart), end: Int(spanEnd)))
        claim.interval = Interval(
            lower: flags.contains(.lower) ? Int(lower) : nil, lowerClosed: flags.contains(.lowerClosed),
            upper: flags.contains(.upper) ? Int(upper) : nil, upperClosed: flags.contains(.upperClosed))
        return ClaimRecord(
            id: idString(pool), seq: seq, documentName: pool[documentName], documentSHA256: pool[documentSHA256],
            published: published.date, recordedAt: Date(timeIntervalSinceReferenceDate: recordedAt),
            extractor: ExtractorInfo(version: pool[extractorVersion], lexicon: pool[extractorLexicon]),
            claim: claim)
    }
}

/// A (side, population, metric) by the pool ids of its strings.
struct QuantityKey: Hashable, Sendable {
    var side: UInt32
    var population: UInt32
    var metric: UInt32
}

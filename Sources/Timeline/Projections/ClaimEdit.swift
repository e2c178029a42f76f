import ClaimExtraction
import Foundation

/// A person's retraction of a claim, as the views show it: why, who, when
/// (the event's `recorded_at`) and the event's seq.
///
/// JSON: `{"at":"…","reason":"…","seq":57,"uid":1000,"user":"alice"}`
/// (`uid` and `user` null for an event that did not record them).
public struct ClaimEdit: Sendable, Equatable {
    public var reason: String
    public var by: Editor?
    public var at: Date
    public var seq: UInt64

    public init(reason: String, by: Editor?, at: Date, seq: UInt64) {
        self.reason = reason
        self.by = by
        self.at = at
        self.seq = seq
    }
}

/// A person's correction of a claim, as the views show it: the latest
/// correction's why, who and when, and the claim's fields as they were
/// extracted (`original`), so that nothing the extractor found is lost
/// from view. Every correction is in the log (`timelinectl events`).
public struct ClaimCorrection: Sendable, Equatable {
    public var edit: ClaimEdit
    public var original: ClaimFields

    public init(edit: ClaimEdit, original: ClaimFields) {
        self.edit = edit
        self.original = original
    }
}

/// The fields of a claim a correction may change, with the date's
/// precision and source.
public struct ClaimFields: Sendable, Equatable, Codable {
    public var side: Side
    public var population: Population
    public var metric: Metric
    public var qualifier: Qualifier
    public var low: Int
    public var high: Int?
    public var per: Rate?
    public var speaker: String?
    public var statedOn: PartialDate?
    public var statedOnSource: DateSource?

    public init(_ claim: Claim) {
        side = claim.side
        population = claim.population
        metric = claim.metric
        qualifier = claim.qualifier
        low = claim.low
        high = claim.high
        per = claim.per
        speaker = claim.speaker
        statedOn = claim.statedOn
        statedOnSource = claim.statedOnSource
    }

    enum CodingKeys: String, CodingKey {
        case side, population, metric, qualifier, low, high, per, speaker
        case statedOn = "stated_on"
        case statedOnPrecision = "stated_on_precision"
        case statedOnSource = "stated_on_source"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        side = try c.decode(Side.self, forKey: .side)
        population = try c.decode(Population.self, forKey: .population)
        metric = try c.decode(Metric.self, forKey: .metric)
        qualifier = try c.decode(Qualifier.self, forKey: .qualifier)
        low = try c.decode(Int.self, forKey: .low)
        high = try c.decodeIfPresent(Int.self, forKey: .high)
        per = try c.decodeIfPresent(Rate.self, forKey: .per)
        speaker = try c.decodeIfPresent(String.self, forKey: .speaker)
        statedOn = try c.decodeIfPresent(PartialDate.self, forKey: .statedOn)
        statedOnSource = try c.decodeIfPresent(DateSource.self, forKey: .statedOnSource)
    }

    /// Every field, nulls included, as a claim's are.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(side, forKey: .side)
        try c.encode(population, forKey: .population)
        try c.encode(metric, forKey: .metric)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(low, forKey: .low)
        try c.encode(high, forKey: .high)
        try c.encode(per, forKey: .per)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(statedOn, forKey: .statedOn)
        try c.encode(statedOn?.precision, forKey: .statedOnPrecision)
        try c.encode(statedOnSource, forKey: .statedOnSource)
    }
}

extension ClaimEdit: Codable, FlatShaped {
    enum CodingKeys: String, CodingKey { case reason, at, seq, uid, user }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(String.self, forKey: .reason)
        at = try c.decodeTimestamp(forKey: .at)
        seq = try c.decode(UInt64.self, forKey: .seq)
        by = try Editor.decode(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reason, forKey: .reason)
        try c.encodeTimestamp(at, forKey: .at)
        try c.encode(seq, forKey: .seq)
        try c.encode(by?.uid, forKey: .uid)
        try c.encode(by?.user, forKey: .user)
    }

    public static var blank: any Encodable { ClaimEdit(reason: "", by: nil, at: Date(), seq: 0) }

    /// Writes the object as ``encode(to:)`` does, the members of `original`
    /// (a correction's) in their place.
    func write(to writer: inout JSONWriter, original: ClaimFields? = nil) {
        writer.openObject()
        writer.key("at"); writer.string(RFC3339.string(from: at))
        if let original {
            writer.key("original")
            original.write(to: &writer)
        }
        writer.key("reason"); writer.string(reason)
        writer.key("seq"); writer.int(Int(seq))
        writer.key("uid"); writer.int(by.map { Int($0.uid) })
        writer.key("user"); writer.string(by?.user)
        writer.closeObject()
    }
}

extension ClaimCorrection: Codable, FlatShaped {
    enum CodingKeys: String, CodingKey { case original }

    /// The edit's members and `original` in one object.
    public init(from decoder: any Decoder) throws {
        edit = try ClaimEdit(from: decoder)
        original = try decoder.container(keyedBy: CodingKeys.self).decode(ClaimFields.self, forKey: .original)
    }

    public func encode(to encoder: any Encoder) throws {
        try edit.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(original, forKey: .original)
    }

    public static var blank: any Encodable {
        ClaimCorrection(
            edit: ClaimEdit(reason: "", by: nil, at: Date(), seq: 0),
            original: ClaimFields(Claim(side: .russia, population: .military, metric: .killed, qualifier: .exact,
                                        low: 0, quote: "", span: ByteSpan(start: 0, end: 0))))
    }

    func write(to writer: inout JSONWriter) {
        edit.write(to: &writer, original: original)
    }
}

extension ClaimFields {
    /// Writes the object as ``encode(to:)`` does.
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.key("high"); writer.int(high)
        writer.key("low"); writer.int(low)
        writer.key("metric"); writer.string(metric.rawValue)
        writer.key("per"); writer.string(per?.rawValue)
        writer.key("population"); writer.string(population.rawValue)
        writer.key("qualifier"); writer.string(qualifier.rawValue)
        writer.key("side"); writer.string(side.rawValue)
        writer.key("speaker"); writer.string(speaker)
        writer.key("stated_on"); writer.string(statedOn?.iso)
        writer.key("stated_on_precision"); writer.string(statedOn?.precision.rawValue)
        writer.key("stated_on_source"); writer.string(statedOnSource?.rawValue)
        writer.closeObject()
    }
}

/// How a claim was superseded, as the views show it: by which reading of
/// which document (the event's seq and `recorded_at`), and the claim found
/// in its place, if any.
///
/// JSON: `{"at":"…","by":"…","document":"…","reason":"reextracted","seq":90}`.
public struct ClaimSupersession: Sendable, Equatable {
    /// What read the document again.
    public struct Reason: RawRepresentable, Hashable, Sendable, Codable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A newer extractor or lexicon (`document.reextracted`).
        public static let reextracted = Reason(rawValue: "reextracted")
        /// A new version of the document (`document.revised`).
        public static let revised = Reason(rawValue: "revised")
    }

    public var reason: Reason
    /// The SHA-256 of the document whose reading superseded the claim: its
    /// own for a re-extraction, the new version's for a revision.
    public var document: String
    /// The claim found in its place (same quote span and subject), or nil.
    public var by: String?
    public var at: Date
    public var seq: UInt64

    public init(reason: Reason, document: String, by: String?, at: Date, seq: UInt64) {
        self.reason = reason
        self.document = document
        self.by = by
        self.at = at
        self.seq = seq
    }
}

extension ClaimSupersession: Codable, FlatShaped {
    enum CodingKeys: String, CodingKey { case reason, document, by, at, seq }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(Reason.self, forKey: .reason)
        document = try c.decode(String.self, forKey: .document)
        by = try c.decodeIfPresent(String.self, forKey: .by)
        at = try c.decodeTimestamp(forKey: .at)
        seq = try c.decode(UInt64.self, forKey: .seq)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeTimestamp(at, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encode(document, forKey: .document)
        try c.encode(reason, forKey: .reason)
        try c.encode(seq, forKey: .seq)
    }

    public static var blank: any Encodable {
        ClaimSupersession(reason: .reextracted, document: "", by: nil, at: Date(), seq: 0)
    }

    /// Writes the object as ``encode(to:)`` does.
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.key("at"); writer.string(RFC3339.string(from: at))
        writer.key("by"); writer.string(by)
        writer.key("document"); writer.string(document)
        writer.key("reason"); writer.string(reason.rawValue)
        writer.key("seq"); writer.int(Int(seq))
        writer.closeObject()
    }
}

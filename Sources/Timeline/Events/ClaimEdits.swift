import ClaimExtraction
import Foundation

/// Who edited a claim: the caller's user id as the kernel recorded it on
/// the control socket (SO_PEERCRED), which a client cannot forge, and the
/// user's name then, when the system knew one.
public struct Editor: Sendable, Equatable, Hashable {
    public var uid: UInt32
    public var user: String?

    public init(uid: UInt32, user: String?) {
        self.uid = uid
        self.user = user
    }

    /// `alice (uid 1000)`, or `uid 1000` for a user with no name.
    public var shown: String { user.map { "\($0) (uid \(uid))" } ?? "uid \(uid)" }
}

/// A person's retraction: the claim no longer counts. The log is never
/// rewritten; the claim stays in it, and in `claims --all`, marked.
///
/// `{"claim":"…","reason":"…","uid":1000,"user":"alice"}`; when it was
/// done is the event's `recorded_at`.
public struct ClaimRetracted: Sendable, Equatable {
    public var claim: String
    public var reason: String
    /// Nil only in an event written before editors were recorded.
    public var by: Editor?

    public init(claim: String, reason: String, by: Editor? = nil) {
        self.claim = claim
        self.reason = reason
        self.by = by
    }
}

/// A person's correction of a claim's fields: `changes` holds the new
/// values, the rest of the claim (its quote, span and document) stays.
/// Applied over the claim as extracted and any correction before it.
///
/// `{"changes":{"low":120000,"high":null},"claim":"…","reason":"…","uid":1000,"user":"alice"}`.
public struct ClaimCorrected: Sendable, Equatable {
    public var claim: String
    public var reason: String
    public var by: Editor?
    public var changes: ClaimChanges

    public init(claim: String, reason: String, by: Editor? = nil, changes: ClaimChanges) {
        self.claim = claim
        self.reason = reason
        self.by = by
        self.changes = changes
    }
}

/// The fields a correction sets. A nil field is left as it is; for the
/// fields a claim may lack (`high`, `per`, `speaker`, `stated_on`),
/// `.some(nil)` clears it: `"high": null` makes a range one figure,
/// `"per": null` a rate a total.
public struct ClaimChanges: Sendable, Equatable, Hashable {
    public var side: Side?
    public var population: Population?
    public var metric: Metric?
    public var qualifier: Qualifier?
    public var low: Int?
    public var high: Int??
    public var per: Rate??
    public var speaker: String??
    public var statedOn: PartialDate??

    public init(
        side: Side? = nil, population: Population? = nil, metric: Metric? = nil, qualifier: Qualifier? = nil,
        low: Int? = nil, high: Int?? = nil, per: Rate?? = nil, speaker: String?? = nil, statedOn: PartialDate?? = nil
    ) {
        self.side = side
        self.population = population
        self.metric = metric
        self.qualifier = qualifier
        self.low = low
        self.high = high
        self.per = per
        self.speaker = speaker
        self.statedOn = statedOn
    }

    /// Whether no field is set.
    public var isEmpty: Bool { self == ClaimChanges() }

    /// The changes that make `before`'s fields `after`'s: what a person's
    /// corrections came to, to be made again over a claim found anew.
    public init(from before: Claim, to after: Claim) {
        self.init()
        if before.side != after.side { side = after.side }
        if before.population != after.population { population = after.population }
        if before.metric != after.metric { metric = after.metric }
        if before.qualifier != after.qualifier { qualifier = after.qualifier }
        if before.low != after.low { low = after.low }
        if before.high != after.high { high = .some(after.high) }
        if before.per != after.per { per = .some(after.per) }
        if before.speaker != after.speaker { speaker = .some(after.speaker) }
        if before.statedOn != after.statedOn { statedOn = .some(after.statedOn) }
    }

    /// The date source a corrected `stated_on` is given: a person set it.
    public static let correctedDate = DateSource(rawValue: "correction")

    /// `claim` with these changes made; its interval follows a changed
    /// hedge or figure, and a date set by a person says so (``correctedDate``).
    public func applied(to claim: Claim) -> Claim {
        var result = claim
        if let side { result.side = side }
        if let population { result.population = population }
        if let metric { result.metric = metric }
        if let qualifier { result.qualifier = qualifier }
        if let low { result.low = low }
        if let high { result.high = high }
        if let per { result.per = per }
        if let speaker { result.speaker = speaker }
        if let statedOn {
            result.statedOn = statedOn
            result.statedOnSource = statedOn == nil ? nil : Self.correctedDate
        }
        if qualifier != nil || low != nil || high != nil {
            result.interval = Interval(qualifier: result.qualifier, low: result.low, high: result.high)
        }
        return result
    }
}

extension Editor {
    enum CodingKeys: String, CodingKey { case uid, user }

    /// The editor an event's `uid` and `user` name, or nil without a `uid`.
    static func decode(from decoder: any Decoder) throws -> Editor? {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let uid = try c.decodeIfPresent(UInt32.self, forKey: .uid) else { return nil }
        return Editor(uid: uid, user: try c.decodeIfPresent(String.self, forKey: .user))
    }

    /// Writes `uid` and `user` (null when unknown) into the event's object.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(uid, forKey: .uid)
        try c.encode(user, forKey: .user)
    }
}

extension ClaimRetracted: Codable {
    enum CodingKeys: String, CodingKey { case claim, reason }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        claim = try c.decode(String.self, forKey: .claim)
        reason = try c.decode(String.self, forKey: .reason)
        by = try Editor.decode(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(claim, forKey: .claim)
        try c.encode(reason, forKey: .reason)
        try by?.encode(to: encoder)
    }
}

extension ClaimCorrected: Codable {
    enum CodingKeys: String, CodingKey { case claim, reason, changes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        claim = try c.decode(String.self, forKey: .claim)
        reason = try c.decode(String.self, forKey: .reason)
        changes = try c.decode(ClaimChanges.self, forKey: .changes)
        by = try Editor.decode(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(claim, forKey: .claim)
        try c.encode(reason, forKey: .reason)
        try c.encode(changes, forKey: .changes)
        try by?.encode(to: encoder)
    }
}

extension ClaimChanges: Codable {
    enum CodingKeys: String, CodingKey {
        case side, population, metric, qualifier, low, high, per, speaker
        case statedOn = "stated_on"
    }

    /// An absent key leaves the field; a null clears it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func clearable<T: Decodable>(_ type: T.Type, _ key: CodingKeys) throws -> T?? {
            guard c.contains(key) else { return nil }
            return .some(try c.decodeIfPresent(T.self, forKey: key))
        }
        side = try c.decodeIfPresent(Side.self, forKey: .side)
        population = try c.decodeIfPresent(Population.self, forKey: .population)
        metric = try c.decodeIfPresent(Metric.self, forKey: .metric)
        qualifier = try c.decodeIfPresent(Qualifier.self, forKey: .qualifier)
        low = try c.decodeIfPresent(Int.self, forKey: .low)
        high = try clearable(Int.self, .high)
        per = try clearable(Rate.self, .per)
        speaker = try clearable(String.self, .speaker)
        statedOn = try clearable(PartialDate.self, .statedOn)
    }

    /// Only the fields set, a cleared one as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func clearable<T: Encodable>(_ value: T??, _ key: CodingKeys) throws {
            guard let value else { return }
            if let value { try c.encode(value, forKey: key) } else { try c.encodeNil(forKey: key) }
        }
        try c.encodeIfPresent(side, forKey: .side)
        try c.encodeIfPresent(population, forKey: .population)
        try c.encodeIfPresent(metric, forKey: .metric)
        try c.encodeIfPresent(qualifier, forKey: .qualifier)
        try c.encodeIfPresent(low, forKey: .low)
        try clearable(high, .high)
        try clearable(per, .per)
        try clearable(speaker, .speaker)
        try clearable(statedOn, .statedOn)
    }
}

import ClaimExtraction

/// One speaker's estimates of one quantity over time: "over 100,000 (Nov
/// 2022) → well over 100,000 (20 Jan 2023)". Totals and each rate are
/// series of their own.
public struct Series: Sendable, Equatable, Codable {
    public var speaker: String
    public var side: Side
    public var population: Population
    public var metric: Metric
    /// The rate's unit; nil for totals.
    public var per: Rate?
    /// Oldest first.
    public var entries: [Entry]

    public init(speaker: String, side: Side, population: Population, metric: Metric, per: Rate? = nil, entries: [Entry]) {
        self.speaker = speaker
        self.side = side
        self.population = population
        self.metric = metric
        self.per = per
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey { case speaker, side, population, metric, per, entries }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(side, forKey: .side)
        try c.encode(population, forKey: .population)
        try c.encode(metric, forKey: .metric)
        try c.encode(per, forKey: .per)
        try c.encode(entries, forKey: .entries)
    }

    /// A claim in a series, with how it moved from the one before.
    public struct Entry: Sendable, Equatable, Codable {
        public var record: ClaimRecord
        public var change: Change

        public init(record: ClaimRecord, change: Change) {
            self.record = record
            self.change = change
        }

        enum CodingKeys: String, CodingKey { case change }

        /// The claim's fields and `change` in one flat object.
        public init(from decoder: any Decoder) throws {
            record = try ClaimRecord(from: decoder)
            change = try decoder.container(keyedBy: CodingKeys.self).decode(Change.self, forKey: .change)
        }

        public func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(change, forKey: .change)
        }
    }
}

/// How an estimate moved from the same speaker's previous statement.
public struct Change: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The speaker's first estimate of this quantity.
    public static let first = Change(rawValue: "first")
    /// The same figure with the same hedge again.
    public static let restated = Change(rawValue: "restated")
    /// A higher figure, or the same figure hedged upwards ("over" → "well over").
    public static let raised = Change(rawValue: "raised")
    /// A lower figure, or the same figure hedged downwards.
    public static let lowered = Change(rawValue: "lowered")
    /// Neither higher nor lower: the same figure hedged differently
    /// ("about" → exactly), or a range that straddles the old one.
    public static let revised = Change(rawValue: "revised")
    /// Another report of the statement the entry before belongs to
    /// (``StatementRule``): not a change.
    public static let reportedAgain = Change(rawValue: "reported_again")
    /// A figure that contradicts the statement before, on the same
    /// occasion, in another report of it (``StatementRule``): a misreport
    /// or a mistranslation of one of them, not a revision.
    public static let conflicting = Change(rawValue: "conflicting")
    /// A claim a person retracted (its `retracted` gives the reason): shown
    /// where it stood in time, not a statement the others move from.
    public static let retracted = Change(rawValue: "retracted")

    public var description: String { rawValue }

    /// How `current` moved from `previous`.
    public init(from previous: Claim, to current: Claim) {
        if previous.qualifier == current.qualifier, previous.low == current.low,
           previous.high == current.high, previous.per == current.per {
            self = .restated
            return
        }
        let before = Self.position(previous)
        let after = Self.position(current)
        if after.value != before.value {
            self = after.value > before.value ? .raised : .lowered
        } else if after.lean != before.lean {
            self = after.lean > before.lean ? .raised : .lowered
        } else {
            self = .revised
        }
    }

    /// Where an estimate sits: its central figure, and how its hedge leans
    /// from there (-2 "up to", -1 "nearly", 0 a point, 1 "over", 2 "well over").
    private static func position(_ claim: Claim) -> (value: Double, lean: Int) {
        let value = claim.high.map { Double(claim.low + $0) / 2 } ?? Double(claim.low)
        let lean: Int = switch claim.qualifier {
        case .atMost: -2
        case .nearly: -1
        case .atLeast: 1
        case .wellOver: 2
        default: 0
        }
        return (value, lean)
    }
}

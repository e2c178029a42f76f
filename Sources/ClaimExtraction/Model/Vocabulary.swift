/// Whose losses a claim counts: `russia`, `ukraine`, or `both` (a combined
/// total). The values come from the lexicon, so a new conflict adds sides
/// without a new build; the static members name the ones the code relies on.
public struct Side: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let russia = Side("russia")
    public static let ukraine = Side("ukraine")
    /// A combined total for every side of the conflict.
    public static let both = Side("both")

    public var description: String { rawValue }
    public static func < (a: Side, b: Side) -> Bool { a.rawValue < b.rawValue }
}

/// Who was counted: soldiers or civilians.
public struct Population: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let military = Population("military")
    public static let civilian = Population("civilian")

    public var description: String { rawValue }
    public static func < (a: Population, b: Population) -> Bool { a.rawValue < b.rawValue }
}

/// What was counted: `killed`, `wounded`, `casualties` (killed and wounded
/// together, or "losses" unspecified), `missing`, `captured`, `refugees`.
public struct Metric: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let killed = Metric("killed")
    public static let wounded = Metric("wounded")
    public static let casualties = Metric("casualties")
    public static let missing = Metric("missing")
    public static let captured = Metric("captured")
    public static let refugees = Metric("refugees")

    public var description: String { rawValue }
    public static func < (a: Metric, b: Metric) -> Bool { a.rawValue < b.rawValue }
}

/// How a figure is hedged. Each qualifier also reads as an ``Interval`` so
/// that estimates with different hedges compare.
public struct Qualifier: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A plain number: "5,937 soldiers".
    public static let exact = Qualifier("exact")
    /// "about", "around", "roughly", "an estimated", "some".
    public static let approximately = Qualifier("approximately")
    /// "over", "more than", "at least", "in excess of".
    public static let atLeast = Qualifier("at_least")
    /// "well over", "significantly more than", "far more than".
    public static let wellOver = Qualifier("well_over")
    /// "up to", "no more than", "fewer than".
    public static let atMost = Qualifier("at_most")
    /// "nearly", "almost", "close to", "approaching", "quickly reaching".
    public static let nearly = Qualifier("nearly")
    /// "between X and Y", "X to Y".
    public static let range = Qualifier("range")

    public var description: String { rawValue }
}

/// The unit of time a rate is given in ("800 killed daily" is per `day`).
public struct Rate: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let day = Rate("day")
    public static let week = Rate("week")
    public static let month = Rate("month")

    public var description: String { rawValue }
}

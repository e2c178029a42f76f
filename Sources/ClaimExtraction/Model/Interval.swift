/// An estimate as a set of numbers, so that "over 100,000" and "well over
/// 100,000" and "between 90,000 and 120,000" compare.
///
/// A missing bound is unbounded on that side; `lowerClosed`/`upperClosed`
/// say whether the bound itself belongs to the estimate ("over 100,000" is
/// `(100000, ∞)`, "at least 100,000" would be `[100000, ∞)` but reporting
/// uses both phrasings for the same thing, so both read as open).
public struct Interval: Hashable, Sendable, Codable, CustomStringConvertible {
    public var lower: Int?
    public var lowerClosed: Bool
    public var upper: Int?
    public var upperClosed: Bool

    public init(lower: Int?, lowerClosed: Bool, upper: Int?, upperClosed: Bool) {
        self.lower = lower
        self.lowerClosed = lower == nil ? false : lowerClosed
        self.upper = upper
        self.upperClosed = upper == nil ? false : upperClosed
    }

    /// The interval a qualified figure stands for.
    ///
    /// - Parameters:
    ///   - qualifier: the hedge.
    ///   - low: the figure, or a range's lower bound.
    ///   - high: a range's upper bound.
    public init(qualifier: Qualifier, low: Int, high: Int?) {
        switch qualifier {
        case .atLeast, .wellOver:
            self.init(lower: low, lowerClosed: false, upper: nil, upperClosed: false)
        case .atMost:
            self.init(lower: nil, lowerClosed: false, upper: low, upperClosed: true)
        case .nearly:
            self.init(lower: nil, lowerClosed: false, upper: low, upperClosed: false)
        case .range:
            self.init(lower: low, lowerClosed: true, upper: high ?? low, upperClosed: true)
        default:
            // exact and approximately are points; "about" keeps the point and
            // the qualifier says how loosely it is meant.
            self.init(lower: low, lowerClosed: true, upper: low, upperClosed: true)
        }
    }

    enum CodingKeys: String, CodingKey {
        case lower
        case lowerClosed = "lower_closed"
        case upper
        case upperClosed = "upper_closed"
    }

    /// Mathematical notation: `(100000, ∞)`, `[1500000, 3000000]`.
    public var description: String {
        let open = lowerClosed ? "[" : "("
        let close = upperClosed ? "]" : ")"
        let l = lower.map(String.init) ?? "-∞"
        let u = upper.map(String.init) ?? "∞"
        return "\(open)\(l), \(u)\(close)"
    }
}

import ClaimExtraction

extension Claim {
    /// How far a figure may be from another and still agree with it: a
    /// tenth, for rounding and for hedges that mean the same ("about",
    /// "over", "nearly" a round number).
    public static let agreementTolerance = 0.1

    /// Whether two estimates of the same quantity contradict each other:
    /// their intervals, each widened by ``agreementTolerance`` of its
    /// bounds, do not overlap. "over 100,000" agrees with "about 100,000"
    /// and "nearly 200,000"; "1.5 to 3 million" and "15 to 30 million"
    /// disagree, as do 4,300 and 150,000. A rate never agrees or disagrees
    /// with a total, nor rates of different units: they do not compare.
    public func disagrees(with other: Claim) -> Bool {
        guard per == other.per else { return false }
        let a = widened, b = other.widened
        if let aUpper = a.upper, let bLower = b.lower, aUpper < bLower { return true }
        if let bUpper = b.upper, let aLower = a.lower, bUpper < aLower { return true }
        return false
    }

    /// The interval as bounds widened by the tolerance; nil is unbounded.
    private var widened: (lower: Double?, upper: Double?) {
        (interval.lower.map { Double($0) * (1 - Self.agreementTolerance) },
         interval.upper.map { Double($0) * (1 + Self.agreementTolerance) })
    }
}

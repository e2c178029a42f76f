import ClaimExtraction

/// Which claims a query is about. Every field left nil matches everything.
public struct ClaimFilter: Sendable, Equatable, Codable {
    public var side: Side?
    public var population: Population?
    public var metric: Metric?
    /// A speaker's name, or whole words of it: "milley" and "Mark Milley"
    /// match "Mark Milley", "US" matches "US officials" but not "Russian
    /// government". Case does not matter.
    public var speaker: String?
    /// A document's file name, a prefix of names that picks out one file,
    /// or a prefix of its SHA-256 (at least 6 hex digits).
    public var document: String?
    /// Rates of this unit (``Rate``: `day`, `week`, `month`), or
    /// ``totals`` for figures that are not rates.
    public var per: String?
    /// Claims dated on or after this day, month or year (``ClaimRecord/date``);
    /// a claim with no date is left out when either bound is given.
    public var since: PartialDate?
    /// Claims dated on or before this day, month or year.
    public var until: PartialDate?

    /// The `per` that asks for totals, the figures that are not rates.
    public static let totals = "total"

    public init(
        side: Side? = nil, population: Population? = nil, metric: Metric? = nil,
        speaker: String? = nil, document: String? = nil, per: String? = nil,
        since: PartialDate? = nil, until: PartialDate? = nil
    ) {
        self.side = side
        self.population = population
        self.metric = metric
        self.speaker = speaker
        self.document = document
        self.per = per
        self.since = since
        self.until = until
    }

    /// Whether a claim's rate (nil for a total) passes `per`.
    func passes(per rate: String?) -> Bool {
        guard let per else { return true }
        return per == Self.totals ? rate == nil : rate == per
    }

    /// Whether a claim's date passes `since` and `until`. A date known only
    /// to the month or year passes when any day of it does: "2023" is on or
    /// after 2023-06.
    func passes(date: PartialDate?) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let date else { return false }
        if let since, date.days.upperBound < since.days.lowerBound { return false }
        if let until, date.days.lowerBound > until.days.upperBound { return false }
        return true
    }

    /// Whether `name` holds the words of `wanted` one after another, whole.
    static func speaker(_ name: String?, matches wanted: String) -> Bool {
        guard let name else { return false }
        let words = Self.words(name)
        let wanted = Self.words(wanted)
        guard !wanted.isEmpty, wanted.count <= words.count else { return false }
        return (0...(words.count - wanted.count)).contains { start in
            words[start..<(start + wanted.count)].elementsEqual(wanted)
        }
    }

    /// The words of a name, lower-cased: runs of letters and digits.
    static func words(_ name: String) -> [Substring] {
        name.lowercased().split { !$0.isLetter && !$0.isNumber }
    }
}

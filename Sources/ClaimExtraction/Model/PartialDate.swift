/// A calendar date known to a day, a month, or only a year: "20 January
/// 2023", "in September" (2022-09), "last year".
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How much of the date the text makes known.
    public struct Precision: RawRepresentable, Hashable, Sendable, Codable, Comparable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let year = Precision(rawValue: "year")
        public static let month = Precision(rawValue: "month")
        public static let day = Precision(rawValue: "day")

        var rank: Int { self == .year ? 0 : self == .month ? 1 : 2 }
        public static func < (a: Precision, b: Precision) -> Bool { a.rank < b.rank }
    }

    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : .year
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as much as is known.
    public var iso: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if month != nil, let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    public var description: String { iso }

    /// Earlier first; a date known only to the month sorts before the days in it.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}

extension PartialDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected YYYY, YYYY-MM or YYYY-MM-DD, got \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

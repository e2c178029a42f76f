import ClaimExtraction

extension PartialDate {
    /// The days it covers, as days since 1970-01-01: one day, a month's
    /// days, or a year's.
    var days: ClosedRange<Int> {
        let first = Self.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
        let last: Int
        if day != nil {
            last = first
        } else if let month {
            last = Self.dayNumber(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1) - 1
        } else {
            last = Self.dayNumber(year: year + 1, month: 1, day: 1) - 1
        }
        return first...last
    }

    /// Days since 1970-01-01 of a day of the proleptic Gregorian calendar
    /// (Howard Hinnant's `days_from_civil`).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The days between two dates' spans: 0 when they overlap or touch.
    func daysApart(from other: PartialDate) -> Int {
        let a = days, b = other.days
        if a.upperBound < b.lowerBound { return b.lowerBound - a.upperBound - 1 }
        if b.upperBound < a.lowerBound { return a.lowerBound - b.upperBound - 1 }
        return 0
    }
}

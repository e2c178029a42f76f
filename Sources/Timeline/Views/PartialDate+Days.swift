import ClaimExtraction

extension PartialDate {
    /// The days it covers, as days since 1970-01-01: one day, a month's
    /// days, or a year's.
    var days: ClosedRange<Int> {
        let first = CivilDate.days(year: year, month: month ?? 1, day: day ?? 1)
        let last: Int
        if day != nil {
            last = first
        } else if let month {
            last = CivilDate.days(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1) - 1
        } else {
            last = CivilDate.days(year: year + 1, month: 1, day: 1) - 1
        }
        return first...last
    }

    /// The days between two dates' spans: 0 when they overlap or touch.
    func daysApart(from other: PartialDate) -> Int {
        let a = days, b = other.days
        if a.upperBound < b.lowerBound { return b.lowerBound - a.upperBound - 1 }
        if b.upperBound < a.lowerBound { return a.lowerBound - b.upperBound - 1 }
        return 0
    }
}

/// Turns what a sentence says about time into a calendar date, against the
/// day the document speaks from: "in September" is the latest September on
/// or before it, "on Friday" the latest Friday, "last month" the month
/// before. The result keeps only the precision the words give.
struct DateResolver: Sendable {
    /// The day (or month, or year) the document speaks from; nil when
    /// nothing dates it, and then only dates with a year resolve.
    let reference: PartialDate?

    /// The date `value` means, or nil when the reference is too vague.
    func resolve(_ value: DateExpression.Value) -> PartialDate? {
        switch value {
        case .calendar(let year, let month, let day):
            if let year {
                guard let month else { return PartialDate(year: year) }
                if let day, !CivilDate.isValid(year: year, month: month, day: day) { return PartialDate(year: year, month: month) }
                return PartialDate(year: year, month: month, day: day)
            }
            guard let month, let reference else { return nil }
            var candidate = reference.year
            if let referenceMonth = reference.month {
                if month > referenceMonth || (month == referenceMonth && (day ?? 1) > (reference.day ?? 31)) {
                    candidate -= 1
                }
            }
            if let day, !CivilDate.isValid(year: candidate, month: month, day: day) {
                return PartialDate(year: candidate, month: month)
            }
            return PartialDate(year: candidate, month: month, day: day)
        case .weekday(let weekday):
            guard let reference else { return nil }
            guard reference.day != nil else { return reference.truncated(to: .month) }
            let today = reference.firstDay
            let back = (CivilDate.weekday(days: today) - weekday + 7) % 7
            return day(today - back)
        case .today:
            return reference
        case .yesterday:
            guard let reference else { return nil }
            guard reference.day != nil else { return reference }
            return day(reference.firstDay - 1)
        case .thisWeek, .thisMonth:
            return reference.map { $0.truncated(to: .month) }
        case .lastWeek:
            guard let reference else { return nil }
            guard reference.day != nil else { return reference.truncated(to: .month) }
            return day(reference.firstDay - 7).truncated(to: .month)
        case .lastMonth:
            guard let reference, let month = reference.month else { return nil }
            return month == 1 ? PartialDate(year: reference.year - 1, month: 12) : PartialDate(year: reference.year, month: month - 1)
        case .thisYear:
            return reference.map { PartialDate(year: $0.year) }
        case .lastYear:
            return reference.map { PartialDate(year: $0.year - 1) }
        }
    }

    private func day(_ days: Int) -> PartialDate {
        let date = CivilDate.date(days: days)
        return PartialDate(year: date.year, month: date.month, day: date.day)
    }
}

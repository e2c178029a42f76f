/// A date as a sentence writes it: "20 January 2023", "in September",
/// "on Friday", "last month", "(10th November)".
struct DateExpression: Sendable, Hashable {
    /// What the words say, before the document's date resolves them.
    enum Value: Sendable, Hashable {
        /// A calendar date with whatever parts the text gives.
        case calendar(year: Int?, month: Int?, day: Int?)
        /// A month (and day) of a year named relative to the reference:
        /// "July this year" (0), "in March last year" (1).
        case monthOfYear(month: Int, day: Int?, yearsBack: Int)
        /// "on the 1st": the latest such day of a month on or before the reference.
        case dayOfMonth(Int)
        /// A weekday, Monday = 1: the latest such day on or before the reference.
        case weekday(Int)
        /// "last Sunday": the latest such day strictly before the reference.
        case previousWeekday(Int)
        case today
        case yesterday
        case thisWeek
        case lastWeek
        case thisMonth
        case lastMonth
        case thisYear
        case lastYear
        /// "the same day", "that month", "later that month": the day, month
        /// or year of a date the text gave before.
        case earlier(PartialDate.Precision)
        /// "in September that year", "in November of that year": a month of
        /// the year of a date the text gave before.
        case monthOfEarlierYear(month: Int, day: Int?)
    }

    /// The first token of the expression.
    var start: Int
    /// One past its last token.
    var end: Int
    var value: Value
    /// The date bounds a period or dates an event ("since February 24",
    /// "the invasion began on"), so it is not when something was said.
    var isAnchor: Bool
    /// The words name a time within the day rather than the day ("this
    /// morning", "hours ago"): when something was said, not a day's tally.
    var isTimeOfDay = false

    /// Whether the words refer to a date the text gave before.
    var refersBack: Bool {
        switch value {
        case .earlier, .monthOfEarlierYear: true
        default: false
        }
    }

    /// The date the words mean, given `before`, the date the text gave last
    /// before them; nil when they do not refer back.
    func resolved(after before: PartialDate) -> PartialDate? {
        switch value {
        case .earlier(let precision):
            return before.precision < precision ? before : before.truncated(to: precision)
        case .monthOfEarlierYear(let month, let day):
            if let day, !CivilDate.isValid(year: before.year, month: month, day: day) { return PartialDate(year: before.year, month: month) }
            return PartialDate(year: before.year, month: month, day: day)
        default:
            return nil
        }
    }

    /// Whether the year is missing, so that it must be inferred.
    var lacksYear: Bool {
        if case .calendar(let year, _, _) = value { return year == nil }
        return false
    }

    /// Whether the words name one day: "on Wednesday", "yesterday", "on 12
    /// March".
    var isSingleDay: Bool {
        switch value {
        case .weekday, .previousWeekday, .today, .yesterday, .dayOfMonth: !isTimeOfDay
        case .calendar(_, _, let day), .monthOfYear(_, let day, _): day != nil
        default: false
        }
    }

    /// Whether the words name no day or month, only a year ("in 2022",
    /// "this year"): the period a figure counts far more often than the
    /// day a statement was made.
    var isYearOnly: Bool {
        switch value {
        case .calendar(_, nil, _), .thisYear, .lastYear, .earlier(.year): true
        default: false
        }
    }
}

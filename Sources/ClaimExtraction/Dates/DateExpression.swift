/// A date as a sentence writes it: "20 January 2023", "in September",
/// "on Friday", "last month", "(10th November)".
struct DateExpression: Sendable, Hashable {
    /// What the words say, before the document's date resolves them.
    enum Value: Sendable, Hashable {
        /// A calendar date with whatever parts the text gives.
        case calendar(year: Int?, month: Int?, day: Int?)
        /// A weekday, Monday = 1: the latest such day on or before the reference.
        case weekday(Int)
        case today
        case yesterday
        case thisWeek
        case lastWeek
        case thisMonth
        case lastMonth
        case thisYear
        case lastYear
    }

    /// The first token of the expression.
    var start: Int
    /// One past its last token.
    var end: Int
    var value: Value
    /// The date bounds a period or dates an event ("since February 24",
    /// "the invasion began on"), so it is not when something was said.
    var isAnchor: Bool

    /// Whether the year is missing, so that it must be inferred.
    var lacksYear: Bool {
        if case .calendar(let year, _, _) = value { return year == nil }
        return false
    }
}

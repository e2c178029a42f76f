/// Turns what a sentence says about time into a calendar date, against the
/// day the document speaks from: "in September" is the latest September on
/// or before it, "on Friday" the latest Friday, "last month" the month
/// before. The result keeps only the precision the words give.
///
/// With no reference (a document that does not date itself), a date with
/// its year still resolves, and a month or day of a month ("on Oct. 25")
/// takes the context's year: the latest year the text names, as an
/// analyst reading it would, or the year the conflict began when it names
/// none. A weekday or "last month" then stays unknown.
struct DateResolver: Sendable {
    /// The day (or month, or year) the document speaks from; nil when
    /// nothing dates it, and then only dates with a year resolve.
    let reference: PartialDate?
    /// Where `reference` was read.
    let referenceSource: DateSource?
    /// The year a month without one falls in when there is no reference.
    let contextYear: Int?
    /// The day the conflict began: no statement about it is older, so a
    /// month and day that would fall before it in the context's year fall
    /// in the next.
    let began: PartialDate?

    init(reference: PartialDate?, source: DateSource? = nil, contextYear: Int? = nil, began: PartialDate? = nil) {
        self.reference = reference
        self.referenceSource = source
        self.contextYear = contextYear
        self.began = began
    }

    /// The year a month (and day) without a year falls in: `context`, or
    /// the year after when the date would fall wholly before `began`.
    static func year(month: Int, day: Int?, context: Int, onOrAfter began: PartialDate?) -> Int {
        guard let began, let beganMonth = began.month else { return context }
        let before = if let day {
            PartialDate(year: context, month: month, day: day) < began
        } else {
            (context, month) < (began.year, beganMonth)
        }
        return before ? context + 1 : context
    }

    /// The date `value` means and where it came from: ``DateSource/text``
    /// when the words give the whole date, the reference's source when they
    /// are resolved against it, ``DateSource/context`` when the year is the
    /// text's; nil when the words cannot be resolved.
    func dated(_ value: DateExpression.Value) -> (date: PartialDate, source: DateSource)? {
        if case .calendar(.some, _, _) = value {
            return resolve(value).map { ($0, .text) }
        }
        if let reference {
            return resolve(value).map { ($0, referenceSource ?? .text) }
                .flatMap { $0.date <= reference || $0.date.precision < reference.precision ? $0 : nil }
        }
        guard let contextYear else { return nil }
        switch value {
        case .calendar(nil, let month?, let day), .monthOfYear(let month, let day, 0):
            let year = DateResolver.year(month: month, day: day, context: contextYear, onOrAfter: began)
            if let day, !CivilDate.isValid(year: year, month: month, day: day) {
                return (PartialDate(year: year, month: month), .context)
            }
            return (PartialDate(year: year, month: month, day: day), .context)
        default:
            return nil
        }
    }

    /// The date `value` means, or nil when the reference is too vague.
    func resolve(_ value: DateExpression.Value) -> PartialDate? {
        switch value {
        case .monthOfYear(let month, let day, let back):
            guard let reference else { return nil }
            let year = reference.year - back
            if let day, !CivilDate.isValid(year: year, month: month, day: day) { return PartialDate(year: year, month: month) }
            return PartialDate(year: year, month: month, day: day)
        case .dayOfMonth(let day):
            guard let reference, let month = reference.month, let today = reference.day else { return nil }
            if day <= today { return PartialDate(year: reference.year, month: month, day: day) }
            let previous = month == 1 ? (reference.year - 1, 12) : (reference.year, month - 1)
            guard CivilDate.isValid(year: previous.0, month: previous.1, day: day) else { return nil }
            return PartialDate(year: previous.0, month: previous.1, day: day)
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
        case .weekday(let weekday), .previousWeekday(let weekday):
            guard let reference else { return nil }
            guard reference.day != nil else { return reference.truncated(to: .month) }
            let today = reference.firstDay
            var back = (CivilDate.weekday(days: today) - weekday + 7) % 7
            if back == 0, case .previousWeekday = value { back = 7 }
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
        case .earlier, .monthOfEarlierYear:
            // (Resolved against the date the text gave before, not the reference.)
            return nil
        }
    }

    private func day(_ days: Int) -> PartialDate {
        let date = CivilDate.date(days: days)
        return PartialDate(year: date.year, month: date.month, day: date.day)
    }
}

extension PartialDate {
    /// Days since 1970-01-01 of the first day the date covers.
    var firstDay: Int { CivilDate.days(year: year, month: month ?? 1, day: day ?? 1) }

    /// The date known only as far as `precision`.
    func truncated(to precision: Precision) -> PartialDate {
        switch precision {
        case .year: PartialDate(year: year)
        case .month: PartialDate(year: year, month: month)
        default: self
        }
    }
}

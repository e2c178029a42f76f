import Testing
@testable import ClaimExtraction

/// Dates resolve against a fixed reference day, Tuesday 12 February 2013.
@Suite struct DateTests {
    private let resolver = DateResolver(reference: PartialDate(year: 2013, month: 2, day: 12))

    private func resolve(_ text: String) -> String? {
        let scoped = Scoped(text)
        let expressions = scoped.with { DateReader(lexicon: scoped.lexicon).read($0.tokens, in: $0.range) }
        return expressions.first.flatMap { resolver.resolve($0.value) }?.iso
    }

    @Test(arguments: [
        ("He said on Friday", "2013-02-08"),
        ("Milley said Tuesday", "2013-02-12"),
        ("in September", "2012-09"),
        ("in February", "2013-02"),
        ("last month", "2013-01"),
        ("last week", "2013-02"),
        ("yesterday", "2013-02-11"),
        ("on February 10", "2013-02-10"),
        ("on March 3", "2012-03-03"),
        ("on 20 January 2023", "2023-01-20"),
        ("January 20, 2023", "2023-01-20"),
        ("Feb. 24", "2012-02-24"),
        ("on Feb. 4", "2013-02-04"),
        ("(10th November)", "2012-11-10"),
        ("on 2023-01-20", "2023-01-20"),
        ("last year", "2012"),
        ("in 2022", "2022"),
    ])
    func expressionsResolve(text: String, expected: String) {
        #expect(resolve(text) == expected)
    }

    @Test func periodsAndEventsAreNotStatementDates() {
        let scoped = Scoped("since Russia launched its offensive on February 24, and from May, Milley said on Friday")
        let expressions = scoped.with { DateReader(lexicon: scoped.lexicon).read($0.tokens, in: $0.range) }
        #expect(expressions.map(\.isAnchor) == [true, true, false])
    }

    @Test func aClaimIsDatedByItsStatement() {
        #expect(claims("Milley said on Friday that 100,000 Russian soldiers had been killed.").map(\.statedOn?.iso) == ["2013-02-08"])
        #expect(claims("In September, Moscow said 5,937 soldiers had been killed since February 24.").map(\.statedOn?.iso) == ["2012-09"])
        #expect(claims("Kristoffersen stated last month that Ukraine has lost 100,000 soldiers.").map(\.statedOn?.iso) == ["2013-01"])
    }

    @Test func anUndatedClaimIsDatedByTheDocumentsMonth() {
        let claim = claims("Ukraine says it has killed 4,300 Russian soldiers.").first
        #expect(claim?.statedOn?.iso == "2013-02")
        #expect(claim?.statedOn?.precision == .month)
    }

    @Test func weekdayArithmetic() {
        #expect(CivilDate.weekday(days: CivilDate.days(year: 2013, month: 2, day: 12)) == 2)
        #expect(CivilDate.weekday(days: CivilDate.days(year: 2023, month: 1, day: 20)) == 5)
        let date = CivilDate.date(days: CivilDate.days(year: 2024, month: 2, day: 29))
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
    }
}

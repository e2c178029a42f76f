import Testing
@testable import ClaimExtraction

@Suite struct NumberReaderTests {
    private func counts(_ text: String) -> [String] {
        Scoped(text).figures.filter { $0.kind == .count }.map { mention in
            let low = Int(mention.low.rounded())
            return mention.high.map { "\(low)-\(Int($0.rounded()))" } ?? "\(low)"
        }
    }

    private func kinds(_ text: String) -> [NumberMention.Kind] {
        Scoped(text).figures.map(\.kind)
    }

    @Test func decimalsWithScaleWords() {
        #expect(counts("7.8 million people and 1.5 million refugees") == ["7800000", "1500000"])
    }

    @Test func indianUnits() {
        #expect(counts("1 lakh Russian and 1 lakh Ukrainian soldiers out of 2 lakh dead soldiers") == ["100000", "100000", "200000"])
        #expect(counts("1.5 lakh people and 2 crore residents") == ["150000", "20000000"])
    }

    @Test func numbersInWords() {
        #expect(counts("forty thousand civilians") == ["40000"])
        #expect(counts("a million refugees") == ["1000000"])
        #expect(counts("half a million soldiers") == ["500000"])
        #expect(counts("one hundred and fifty thousand deaths") == ["150000"])
        #expect(counts("twenty-five thousand troops") == ["25000"])
        #expect(counts("a year ago, a day of losses") == [])
        #expect(counts("six and a half million refugees") == ["6500000"])
        #expect(counts("6,7 millions of refugees") == ["6700000"])
        // The hundreds after a comma, and a translation's "thousand" with
        // the rest in digits.
        #expect(counts("two hundred and twelve thousand, four hundred and nine dead") == ["212409"])
        #expect(counts("forty thousand, and nine more") == ["40000", "9"])
        #expect(counts("4 thousand 308 residents were evacuated") == ["4308"])
        #expect(counts("3 thousand 1,200 more") == ["3000", "1200"])
    }

    @Test func aPersonsAgeAndAShareForEveryOneAreNoCounts() {
        #expect(counts("a boy of twelve was among the dead") == [])
        #expect(counts("roughly two and a half Russian casualties for every Ukrainian one") == [])
    }

    @Test func aScaleWordDistributesOverARange() {
        #expect(counts("between 15 and 30 million refugees") == ["15000000-30000000"])
        #expect(counts("Between 1.5 and 3 million refugees") == ["1500000-3000000"])
        #expect(counts("between 500 and 1 million") == ["500-1000000"])
    }

    @Test func rangesWithToAndDashes() {
        #expect(counts("20,000 to 30,000 troops") == ["20000-30000"])
        #expect(counts("20,000-30,000 troops") == ["20000-30000"])
        #expect(counts("from 20,000 to 30,000 troops") == ["20000-30000"])
        #expect(counts("20,000 – 30,000 troops") == ["20000-30000"])
    }

    @Test func yearsDatesSharesMoneyAndAgesAreNotCounts() {
        #expect(counts("since February 24, 2022 and in 2023") == [])
        #expect(counts("the 1979-89 Afghanistan conflict") == [])
        #expect(kinds("30% of its forces") == [.percent])
        #expect(kinds("40 percent of the army") == [.percent])
        #expect(kinds("$1.5 billion in aid") == [.money])
        #expect(kinds("50 billion dollars") == [.money])
        #expect(kinds("men aged 18 to 60") == [.age])
        #expect(kinds("a 19-year-old soldier") == [.modifier])
        #expect(kinds("the 193-member organization") == [.modifier])
        #expect(kinds("T-72 tanks") == [.code])
        #expect(kinds("at 10:30") == [.time, .time])
        #expect(kinds("one of the soldiers") == [.partitive])
        // The parties named with a numeral are no count; "each" after a
        // figure is no ratio.
        #expect(kinds("the two sides exchanged 1,000 prisoners each on Friday") == [.partitive, .count])
        #expect(kinds("The youngest of the freed soldiers is 22, the oldest 61") == [.age, .age])
    }

    @Test func aFigureLargerThanAnyPopulationIsNoCount() {
        #expect(kinds("99999999999999999999999 soldiers were killed") == [.implausible])
        #expect(keys("99999999999999999999999 soldiers were killed") == [])
    }

    @Test func aPlusAfterAFigureIsAHedgeNotAModifier() {
        #expect(kinds("100,000-plus casualties") == [.count])
    }
}

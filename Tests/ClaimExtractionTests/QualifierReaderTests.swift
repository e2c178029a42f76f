import Testing
@testable import ClaimExtraction

@Suite struct QualifierReaderTests {
    private func qualifier(_ text: String) -> Qualifier? {
        let scoped = Scoped(text)
        guard let mention = scoped.figures.first(where: { $0.kind == .count }) else { return nil }
        return scoped.with { QualifierReader().read($0, mention).qualifier }
    }

    @Test(arguments: [
        ("5,937 soldiers", Qualifier.exact),
        ("about 40,000 civilians", .approximately),
        ("around 150,000 deaths", .approximately),
        ("roughly 100,000", .approximately),
        ("an estimated 15,000 soldiers", .approximately),
        ("some 4,300 Russian soldiers", .approximately),
        ("over 139,000 Russian troops", .atLeast),
        ("more than 200 prisoners of war", .atLeast),
        ("at least 9,000", .atLeast),
        ("in excess of 100,000", .atLeast),
        ("no fewer than 50,000", .atLeast),
        ("upwards of 20,000", .atLeast),
        ("well over 100,000", .wellOver),
        ("significantly more than 100,000", .wellOver),
        ("far more than 100,000", .wellOver),
        ("up to 13,000 Ukrainian soldiers", .atMost),
        ("no more than 10,000", .atMost),
        ("fewer than 10,000", .atMost),
        ("nearly 300,000", .nearly),
        ("almost 200,000", .nearly),
        ("close to 200,000", .nearly),
        ("approaching 200,000", .nearly),
        ("quickly reaching 200,000", .nearly),
        ("between 15 and 30 million", .range),
        ("20,000 to 30,000", .range),
    ])
    func hedgesBeforeTheFigure(text: String, expected: Qualifier) {
        #expect(qualifier(text) == expected)
    }

    @Test func quotedHedges() {
        #expect(qualifier("Russia has ‘well over’ 100,000 casualties") == .wellOver)
        #expect(qualifier("Russia had suffered “significantly more than” 100,000 casualties") == .wellOver)
    }

    @Test func aTranslationsBareMinimumIsAFloor() {
        #expect(qualifier("perished minimum 12 164 civil persons") == .atLeast)
    }

    @Test func hedgesAfterTheFigure() {
        #expect(qualifier("100,000 or more soldiers") == .atLeast)
        #expect(qualifier("100,000-plus casualties") == .atLeast)
        #expect(qualifier("100,000 or so soldiers") == .approximately)
    }

    @Test func everyQualifierIsAlsoAnInterval() {
        let over = Claim(side: .russia, population: .military, metric: .casualties, qualifier: .wellOver,
                         low: 100_000, quote: "", span: ByteSpan(start: 0, end: 0))
        #expect(over.interval.description == "(100000, ∞)")
        let upTo = Claim(side: .ukraine, population: .military, metric: .killed, qualifier: .atMost,
                         low: 13_000, quote: "", span: ByteSpan(start: 0, end: 0))
        #expect(upTo.interval.description == "(-∞, 13000]")
    }
    @Test func aHedgeGovernsTheSameCountElsewhere() {
        #expect(keys("The ministry said up to 440 Ukrainian servicemen had been killed or wounded in the Zaporizhzhia direction over the past 24 hours and 285 in the Donetsk direction.")
            == ["ukraine military casualties at_most 440/day", "ukraine military casualties at_most 285/day"])
    }
}

import Testing
@testable import ClaimExtraction

/// Tables and lists of figures, as encyclopaedias and fact sheets set
/// them out: a heading says whose losses, a row's label what it counts,
/// a bracket after the figure who gave it.
@Suite struct TableTests {
    static let table = """
        Estimates vary widely. Neither side publishes figures for its own losses, and each inflates the other's.

        Casualties and losses

        Russian Armed Forces
        Killed: 120,000; Wounded: 170,000–180,000 (US officials, August 2023)[4]
        Killed (confirmed by name): 45,123+ (Mediazona, as of 23 February 2024)[3]

        Civilians (in Ukraine)
        Killed: 10,582 (OHCHR, as of 15 February 2024)[12]
        Killed in Mariupol: ~8,000 (Human Rights Watch)[13]

        Total (both sides)
        Killed and wounded: ~500,000 (US officials, August 2023)[4]

        References
        1. "How many soldiers have died?". BBC News. 23 February 2024.
        """

    @Test func aHeadingSaysWhoseLossesTheRowsUnderItCount() {
        #expect(keys(TableTests.table) == [
            "russia military killed exact 120000", "russia military wounded range 170000-180000",
            "russia military killed at_least 45123",
            "ukraine civilian killed exact 10582", "ukraine civilian killed approximately 8000",
            "both military casualties approximately 500000",
        ])
    }

    @Test func theSourceInBracketsAfterAFigureIsItsSpeaker() {
        let found = claims(TableTests.table)
        #expect(found.map(\.speaker) == ["US officials", "US officials", "Mediazona", "OHCHR", nil, "US officials"])
        #expect(found.first?.statedOn?.iso == "2023-08")
    }

    @Test func aReferencesDateIsNoDateline() {
        let text = "Russia has lost 120,000 soldiers, US officials said.\n\nReferences\n1. \"Losses\". Reuters. 20 February 2024.\n"
        let extraction = LexiconFixture.extractor.extract(Document(name: "r.txt", text: text))
        #expect(extraction.published == nil)
    }
}

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
        Killed in Mariupol: ~8,000 (Kharkiv Human Rights Group)[13]

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

    static let piped = """
        Selected estimates of military losses (the figures are not comparable)
        Source | Russian military losses | Ukrainian military losses | As of
        --- | --- | --- | ---
        Ukrainian General Staff | 905,210 killed and wounded | – | 3 March 2025[8]
        UK Ministry of Defence | c. 850,000 killed and wounded, incl. c. 210,000 killed | – | 1 March 2025[9]
        Tallyforce | – | 71,300 killed (confirmed by name); 60,100 missing | 2 March 2025[11]
        """

    @Test func aPipeTablesColumnSaysWhoseLossesItsCellsCount() {
        #expect(keys(TableTests.piped) == [
            "russia military casualties exact 905210",
            "russia military casualties approximately 850000", "russia military killed approximately 210000",
            "ukraine military killed exact 71300", "ukraine military missing exact 60100",
        ])
    }

    @Test func aPipeTablesFirstCellIsTheRowsSource() {
        // A source the lexicon does not know stays the row's own, never
        // the row above's.
        #expect(speakers(TableTests.piped).map { $0 ?? "-" } == [
            "Ukrainian General Staff", "UK Ministry of Defence", "UK Ministry of Defence", "Tallyforce", "Tallyforce",
        ])
    }

    @Test func aPipeTablesRowsAreLinesOfTheirOwnInWrappedText() {
        // Lines of 40 characters and more that end mid-sentence read as
        // wrapped prose, whose line breaks join lines into sentences.
        let wrapped = """
            Source | Russian military losses | Ukrainian military losses | As of
            Ukrainian General Staff | 905,210 killed and wounded | – | 3 March 2025
            Tallyforce | – | nearly 900,000 killed and wounded by Russian count | June 2025
            """
        #expect(claims(wrapped).map(\.quote) == [
            "Ukrainian General Staff | 905,210 killed and wounded | – | 3 March 2025",
            "Tallyforce | – | nearly 900,000 killed and wounded by Russian count | June 2025",
        ])
    }

}

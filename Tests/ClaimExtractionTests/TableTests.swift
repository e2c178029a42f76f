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

    static let note = """
        1. Russian military losses in 2025

        Ukrainian General Staff (daily reports, 1 January–31 December 2025):
        - Personnel losses: 418,980

        Our model (2025 only):
        - Killed: 95,000–120,000

        2. Ukrainian losses

        Civilians (UN Human Rights Monitoring Mission, 2025):
        - Injured: 12,142
        """

    @Test func aNumberedSectionHeadingAndAListsLeadInSayWhoseAndWhoseFigures() {
        #expect(keys(TableTests.note) == [
            "russia military casualties exact 418980", "russia military killed range 95000-120000",
            "ukraine civilian wounded exact 12142",
        ])
        #expect(claims(TableTests.note).map(\.speaker) == ["Ukrainian General Staff", nil, "OHCHR"])
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

    static let bulleted = """
        Data desk | Published 2 March 2026 | Figures as of March 1 unless stated

        RUSSIAN TROOPS
        - Killed, wounded or missing (Ukrainian General Staff): 1,104,300, of which 980 over the past 24 hours
        - Killed: 131,400 identified by name (Mediazona and BBC News Russian)
        - Killed (CSIS estimate, May 2025): about 240,000

        CIVILIANS IN UKRAINE
        - Killed: 13,210, including 702 children (UN Human Rights Monitoring Mission, verified cases)
        - Refugees abroad: 6.1 million (UNHCR)
        """

    @Test func aBulletedListReadsAsRowsUnderItsHeadings() {
        // A bullet opens the line, not the row; a label may list losses
        // ("killed, wounded or missing") and name its source in brackets;
        // a participle after the figure ("identified by name") is no noun.
        #expect(keys(TableTests.bulleted) == [
            "russia military casualties exact 1104300", "russia military casualties exact 980/day",
            "russia military killed exact 131400", "russia military killed approximately 240000",
            "ukraine civilian killed exact 13210", "ukraine civilian killed exact 702",
            "ukraine civilian refugees exact 6100000",
        ])
    }

    @Test func aSourceInBracketsInALabelOrEndingARowIsItsSpeaker() {
        // A byline's pipes ("Data desk | Published …") hold no figure and
        // name no source.
        #expect(speakers(TableTests.bulleted).map { $0 ?? "-" } == [
            "Ukrainian General Staff", "Ukrainian General Staff", "Mediazona", "CSIS", "OHCHR", "OHCHR", "UNHCR",
        ])
    }

    @Test func aDailyListUnderALeadInCountsItsPeopleAndTheDaysIncrement() {
        // Its rows of equipment count no one.
        let list = """
            The General Staff of the Armed Forces of Ukraine said the total combat losses of Russian forces are approximately:
            personnel – about 702,310 (+1,340) people;
            tanks – 9,120 (+9);
            armored combat vehicles – 18,640 (+21);
            """
        #expect(keys(list) == ["russia military casualties approximately 702310", "russia military casualties exact 1340/day"])
    }

    @Test func aDailyListInOneSentenceCountsItsPeopleAndTheDaysIncrement() {
        // "persons" after the figure does not make soldiers civilians, and
        // the increment of a row of things counts no one.
        let text = "The General Staff said the enemy's combat losses from 24.02.22 to 03.06.25 amounted to approximately: "
            + "personnel – about 745,300 (+1,210) persons, tanks – 9,870 (+6), trucks and fuel tanks – 20,114 (+38)."
        #expect(keys(text) == ["russia military casualties approximately 745300", "russia military casualties exact 1210/day"])
    }
}

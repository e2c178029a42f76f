import Foundation
import Testing
@testable import ClaimExtraction
import TimelineTestSupport

/// Publication dates, front matter, quotes and spans.
@Suite struct DocumentTests {
    private let extractor = LexiconFixture.extractor

    @Test func listsOfOtherStoriesAreNotTheArticle() {
        let page = """
            Russia has lost 640,000 soldiers, Ukraine's General Staff said on Monday.

            Read more:
            • Strike on Odesa port kills 7
            • How 3,000 drones a day changed the war

            Related stories
            Kherson shelling leaves 12 dead
            Ukraine counts 500 children killed since invasion

            Also read: 40 killed in Dnipro blast

            The General Staff said 1,200 Russian soldiers had been killed over the past day.
            """
        #expect(keys(page) == ["russia military casualties exact 640000", "russia military killed exact 1200/day"])
    }

    @Test func aHeadingSaysWhoseLossesTheTableUnderItCounts() {
        let table = """
            The mission published its figures on Tuesday.

            Civilian casualties in Ukraine, 1 January – 30 June 2025
            Killed: 1,320
            Injured: 5,410
            """
        #expect(keys(table) == ["ukraine civilian killed exact 1320", "ukraine civilian wounded exact 5410"])
    }

    @Test func frontMatterGivesDateSourceAndAddress() {
        let text = "Published: 2023-01-20\nSource: BBC\nURL: https://example.org/a\n\nMilley said Friday that 100,000 Russian soldiers had been killed.\n"
        let extraction = extractor.extract(Document(name: "a.txt", text: text))
        #expect(extraction.published?.iso == "2023-01-20")
        #expect(extraction.publishedFrom == .frontMatter)
        #expect(extraction.source == "BBC")
        #expect(extraction.url == "https://example.org/a")
        #expect(extraction.claims.map(\.statedOn?.iso) == ["2023-01-20"])
    }

    @Test func aDatelineWithoutAYearTakesTheConflictsYear() {
        let text = "Between 1.5 and 3 million refugees have fled since Russia launched its offensive on February 24, Milley said.\n\n(10th November)\n"
        let extraction = extractor.extract(Document(name: "b.txt", text: text))
        #expect(extraction.published?.iso == "2022-11-10")
        #expect(extraction.publishedFrom == .dateline)
    }

    @Test func aDatelineWithoutAYearFallsOnTheWeekdayTheLeadNames() {
        // 30 April was a Wednesday in 2025 alone of the years since 2022.
        let text = "SEOUL, April 30 (Yonhap) -- About 600 North Korean soldiers have been killed, the spy agency said Wednesday.\n"
        let extraction = extractor.extract(Document(name: "d.txt", text: text))
        #expect(extraction.published?.iso == "2025-04-30")
        #expect(extraction.claims.first?.statedOn?.iso == "2025-04-30")
        // A year the text names bounds the search: 16 February 2025 was a
        // Sunday, the year after the one named.
        let named = "KYIV, Feb 16 (Reuters) - 46,000 Ukrainian soldiers have died since 2024, Zelenskiy said on Sunday.\n"
        #expect(extractor.extract(Document(name: "e.txt", text: named)).published?.iso == "2025-02-16")
        // A year named for a past event does not bound it: 3 March was a
        // Monday in 2025, not in 2022 or 2023.
        let past = "KYIV, March 3 (Reuters) - Russia lost 1,190 troops since the February 2022 invasion, Ukraine said on Monday.\n"
        #expect(extractor.extract(Document(name: "f.txt", text: past)).published?.iso == "2025-03-03")
        // A dateline may name no place: the date, the agency in brackets, a dash.
        let placeless = "Oct 21 (Reuters) - Russia's Defence Ministry said on Monday that Ukraine had lost 1,480 servicemen.\n"
        #expect(extractor.extract(Document(name: "g.txt", text: placeless)).published?.iso == "2024-10-21")
    }

    @Test func yamlFrontMatterBetweenFencesDatesTheDocumentAndIsNoText() {
        let text = """
            ---
            url: https://example.com/news/2025/6/6/losses
            published: "2025-06-06"
            tags:
              - war
            ---
            Ukraine says Russia has lost 990,000 soldiers.
            """
        let extraction = extractor.extract(Document(name: "y.txt", text: text))
        #expect(extraction.published?.iso == "2025-06-06")
        #expect(extraction.publishedFrom == .frontMatter)
        #expect(extraction.url == "https://example.com/news/2025/6/6/losses")
        #expect(extraction.claims.map(\.low) == [990_000])
    }

    @Test func aFieldBlockAboveAYAMLBlockIsOneFrontMatter() {
        let text = "Published: 2023-08-22\n\n---\ntitle: Polish volunteers among the fallen\n"
            + "url: https://example.com/72310455/polish-volunteers\n---\n"
            + "At least 22 Polish citizens have been killed fighting on Ukraine's side.\n"
        let extraction = extractor.extract(Document(name: "p.txt", text: text))
        #expect(extraction.published?.iso == "2023-08-22")
        #expect(extraction.url == "https://example.com/72310455/polish-volunteers")
        #expect(extraction.claims.map(\.low) == [22])
    }

    @Test func aWireDateline() {
        let text = "KYIV, Jan 20 (Reuters) - Ukraine says Russia has lost 120,000 soldiers.\n"
        let extraction = extractor.extract(Document(name: "c.txt", text: text))
        #expect(extraction.published?.iso == "2023-01-20")
    }

    @Test(arguments: [
        // A saved page: menus, a headline and a byline above the date line.
        ("News\nWorld\nEurope\nAsia\nSport\nCulture\nBusiness\nOpinion\n\nRussia has lost 900,000 soldiers, Kyiv says\n\n"
            + "By A. Writer, Example News\nUpdated 8:02 AM EDT, Tue March 4, 2025\n\nKyiv says 900,000 soldiers died.\n", "2025-03-04"),
        ("Example Desk / EXAMPLE.COM / Updated: Jan 9, 2025, 10:15 IST\n\nKyiv says 900,000 soldiers died.\n", "2025-01-09"),
        ("Published February 3, 2025 6:40am EST\n\nKyiv says 900,000 soldiers died.\n", "2025-02-03"),
        ("Riga, Latvia | Example Agency | Monday 3/17/2025 - 09:12 UTC\n\nKyiv says 900,000 soldiers died.\n", "2025-03-17"),
        ("Published on 21/02/2025 - 10:05 GMT+1\n\nKyiv says 900,000 soldiers died.\n", "2025-02-21"),
        ("05.03.2025 12:30\n\nKyiv says 900,000 soldiers died.\n", "2025-03-05"),
        ("Example Post\nUpdated 10:10, 4-Mar-2025\n\nKyiv says 900,000 soldiers died in 2024.\n", "2025-03-04"),
        ("Briefing on the front\nMedia Centre, Kyiv, Tuesday 4 March 2025\n\nKyiv says 900,000 soldiers died.\n", "2025-03-04"),
        ("Figures desk | Published 4 March 2025 | Counts as of March 1\n\nKyiv says 900,000 soldiers died.\n", "2025-03-04"),
        ("Today, 4 March 2025, another exchange took place. Kyiv says 900,000 soldiers died.\n", "2025-03-04"),
        ("WORLD | 04-03-2025 09:41\n\nKyiv says 900,000 soldiers died.\n", "2025-03-04"),
        ("A. Writer · Example News · Posted: Mar 04, 2025 4:00 AM ET\n\nKyiv says 900,000 soldiers died.\n", "2025-03-04"),
        ("Issued on: 04/03/2025 - 09:41  Modified: 04/03/2025 - 12:05\n\nKyiv says 900,000 soldiers died.\n", nil),
        ("Issued on: 14/03/2025 - 09:41  Modified: 14/03/2025 - 12:05\n\nKyiv says 900,000 soldiers died.\n", "2025-03-14"),
        ("A. Writer and B. Writer  |04.03.2025 - Update : 04.03.2025\n\nKyiv says 900,000 soldiers died.\n", "2025-03-04"),
    ])
    func aPagesDateLineDatesIt(text: String, date: String?) {
        #expect(extractor.extract(Document(name: "p.txt", text: text)).published?.iso == date)
    }

    @Test func aDateWithSlashesThatCouldBeEitherDayIsNoDate() {
        let text = "Published on 03/04/2025 - 10:05 GMT\n\nKyiv says 900,000 soldiers died.\n"
        #expect(extractor.extract(Document(name: "q.txt", text: text)).published == nil)
    }

    @Test func aTextThatDoesNotDateItselfHasNoPublicationDate() {
        let extraction = extractor.extract(Document(name: "d.txt", text: "Ukraine says 9,000 soldiers died on Monday."))
        #expect(extraction.published == nil)
        #expect(extraction.publishedFrom == nil)
        #expect(extraction.claims.map(\.statedOn) == [nil])
    }

    @Test func aQuoteIsItsWholeSentenceAtItsByteOffsets() {
        let text = "Published: 2023-01-20\n\nAdvertisement\n\n“Same as before,” he said. Ukraine’s army said 9,000 soldiers died — a record.\n"
        let extraction = extractor.extract(Document(name: "e.txt", text: text))
        let claim = try! #require(extraction.claims.first)
        #expect(claim.quote == "Ukraine’s army said 9,000 soldiers died — a record.")
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[claim.span.start..<claim.span.end], as: UTF8.self) == claim.quote)
    }

    @Test func extractionIsAPureFunction() {
        let document = Document(name: "f.txt", text: "Ukraine says it has killed 4,300 Russian soldiers and taken 200 hostage.")
        #expect(extractor.extract(document) == extractor.extract(document))
    }

    @Test func anEmptyDocumentHasNoClaims() {
        #expect(extractor.extract(Document(name: "g.txt", text: "")).claims.isEmpty)
        #expect(extractor.extract(Document(name: "h.txt", text: "\n\n  \n")).claims.isEmpty)
    }
}

/// A long article costs time in proportion to its length, whatever chains
/// of pronouns and repeated figures it holds.
@Suite struct ScaleTests {
    @Test func chainsOfPronounsAndRepeatsStayLinear() async throws {
        try await onOwnThread {
            let sentence = "The ministry said that 5,000 Russian soldiers had been killed. He added that the figure was over 6,000. It said the same number is true for Ukraine. "
            let small = Document(name: "s", text: String(repeating: sentence, count: 100))
            let large = Document(name: "l", text: String(repeating: sentence, count: 1000))
            var smallClaims = 0
            var largeClaims = 0
            // The thread's own CPU time, not the wall clock: other work on the
            // machine neither slows nor speeds what is measured.
            let smallTime = threadCPUTime { smallClaims = LexiconFixture.extractor.extract(small).claims.count }
            let largeTime = threadCPUTime { largeClaims = LexiconFixture.extractor.extract(large).claims.count }
            #expect(largeClaims == smallClaims * 10)
            // Ten times the text in well under a hundred times the time.
            #expect(largeTime < smallTime * 40 + 0.2)
        }
    }

    /// The CPU seconds this thread spends running `body`.
    private func threadCPUTime(_ body: () -> Void) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        body()
        return now() - start
    }
}

import ClaimExtraction
import Foundation
import Testing
import Timeline

/// The analyst's views: sources side by side, statements counted once,
/// conflicts, the filters, and the export.
@Suite struct ViewsTests {
    static func claim(
        _ qualifier: Qualifier, _ low: Int, high: Int? = nil,
        per: Rate? = nil, speaker: String?, statedOn: String? = nil, quote: String? = nil
    ) -> Claim {
        claim(.casualties, qualifier, low, high: high, per: per, speaker: speaker, statedOn: statedOn, quote: quote)
    }

    static func claim(
        _ metric: Metric, _ qualifier: Qualifier, _ low: Int, high: Int? = nil,
        per: Rate? = nil, speaker: String?, statedOn: String? = nil, quote: String? = nil
    ) -> Claim {
        let quote = quote ?? "\(speaker ?? "someone"): \(qualifier) \(low) \(metric) \(per?.rawValue ?? "")."
        return Claim(
            side: .russia, population: .military, metric: metric, qualifier: qualifier, low: low, high: high, per: per,
            speaker: speaker, statedOn: statedOn.flatMap { PartialDate(iso: $0) },
            statedOnSource: statedOn == nil ? nil : .text, quote: quote,
            span: ByteSpan(start: quote.utf8.count, end: 2 * quote.utf8.count))
    }

    static func projections(_ documents: [(name: String, published: String?, claims: [Claim])]) -> Projections {
        var projections = Projections()
        var seq: UInt64 = 1
        for (i, document) in documents.enumerated() {
            let events = Fixtures.document(
                document.name, sha: String(repeating: "\(i % 10)", count: 8) + "ab", published: document.published,
                claims: document.claims, from: seq)
            seq += UInt64(events.count)
            projections.apply(events)
        }
        return projections
    }

    @Test func sourcesListEverySpeakersLatestNewestFirstWithUnattributedAndRatesApart() {
        let projections = Self.projections([
            ("a.txt", "2023-01-20", [
                Self.claim(.wellOver, 100_000, speaker: "Mark Milley", statedOn: "2023-01-20"),
                Self.claim(.atLeast, 139_000, speaker: "Ukrainian General Staff", statedOn: "2023-02-01"),
                Self.claim(.killed, .approximately, 800, per: .day, speaker: "Ukrainian General Staff"),
                Self.claim(.exact, 4_300, speaker: nil),
            ]),
            ("b.txt", nil, [Self.claim(.atLeast, 100_000, speaker: "Mark Milley", statedOn: "2022-11")]),
        ])
        let rows = projections.sources(matching: ClaimFilter())
        let casualties = rows.filter { $0.record.claim.metric == .casualties }
        // The unattributed claim is dated by its document, on Milley's day
        // but recorded after his.
        #expect(casualties.map(\.record.claim.speaker) == ["Ukrainian General Staff", nil, "Mark Milley"])
        #expect(casualties.map(\.record.claim.low) == [139_000, 4_300, 100_000])
        #expect(casualties.map(\.record.dateSource) == ["text", "published", "text"])
        // 4,300 contradicts both; "over 139,000" and "well over 100,000" agree.
        #expect(casualties.map(\.disagreeing) == [1, 2, 1])
        let rate = rows.filter { $0.record.claim.per == .day }
        #expect(rate.count == 1 && rate[0].record.claim.metric == .killed)
        #expect(projections.sources(matching: ClaimFilter(per: ClaimFilter.totals)).allSatisfy { $0.record.claim.per == nil })
    }

    @Test func latestIsTotalsUnlessARateIsAskedAndAnUndatedClaimNeverOutranksADatedOne() {
        let projections = Self.projections([
            ("dated.txt", nil, [Self.claim(.killed, .exact, 150_000, speaker: "Western intelligence", statedOn: "2023-02")]),
            ("undated.txt", nil, [
                Self.claim(.killed, .exact, 4_300, speaker: "Ukrainian government"),
                Self.claim(.killed, .approximately, 800, per: .day, speaker: "Ukrainian General Staff"),
            ]),
        ])
        let latest = projections.latest(matching: ClaimFilter())
        #expect(latest.map(\.record.claim.low) == [150_000])
        #expect(latest.first?.disagreeing == 1)
        #expect(projections.latest(matching: ClaimFilter(per: "day")).map(\.record.claim.low) == [800])
        #expect(projections.latest(matching: ClaimFilter(speaker: "ukrainian government")).map(\.disagreeing) == [1])
    }

    @Test func aSpeakerFilterMatchesWholeWordsOfTheName() {
        let projections = Self.projections([("a.txt", nil, [
            Self.claim(.exact, 1, speaker: "US officials"), Self.claim(.exact, 2, speaker: "Russian government"),
            Self.claim(.exact, 3, speaker: "Mark Milley"),
        ])])
        func speakers(_ wanted: String) -> [String?] {
            projections.claims(matching: ClaimFilter(speaker: wanted)).map(\.claim.speaker)
        }
        #expect(speakers("US") == ["US officials"])
        #expect(speakers("milley") == ["Mark Milley"])
        #expect(speakers("mark milley") == ["Mark Milley"])
        #expect(speakers("mill").isEmpty)
        #expect(throws: FilterError.self) { try projections.validate(ClaimFilter(speaker: " ")) }
    }

    @Test func aDocumentFilterTakesANameAUniquePrefixOrASHA256Prefix() throws {
        let projections = Self.projections([
            ("002_da22.txt", nil, [Self.claim(.exact, 1, speaker: nil)]),
            ("003_1926.txt", nil, [Self.claim(.exact, 2, speaker: nil)]),
        ])
        #expect(projections.claims(matching: ClaimFilter(document: "002")).map(\.claim.low) == [1])
        #expect(projections.claims(matching: ClaimFilter(document: "003_1926.txt")).map(\.claim.low) == [2])
        #expect(projections.claims(matching: ClaimFilter(document: "111111")).map(\.claim.low) == [2])
        #expect(throws: FilterError.self) { try projections.validate(ClaimFilter(document: "00")) }
        #expect(throws: FilterError.self) { try projections.validate(ClaimFilter(document: "nothing")) }
    }

    @Test func sinceAndUntilTakeTheClaimsDateAndLeaveUndatedClaimsOut() {
        let projections = Self.projections([("a.txt", nil, [
            Self.claim(.exact, 1, speaker: nil, statedOn: "2022-11-10"), Self.claim(.exact, 2, speaker: nil, statedOn: "2023"),
            Self.claim(.exact, 3, speaker: nil, statedOn: "2023-06-30"), Self.claim(.exact, 4, speaker: nil),
        ])])
        func lows(_ since: String?, _ until: String?) -> [Int] {
            projections.claims(matching: ClaimFilter(
                since: since.flatMap { PartialDate(iso: $0) }, until: until.flatMap { PartialDate(iso: $0) })).map(\.claim.low)
        }
        #expect(lows("2023-06", nil) == [2, 3])
        #expect(lows(nil, "2022-12") == [1])
        #expect(lows("2022-11-10", "2022-11-10") == [1])
        #expect(lows(nil, nil) == [1, 2, 3, 4])
    }

    @Test func oneStatementReportedByTwoDocumentsCountsOnceAndItsConflictIsFlagged() throws {
        // The seeds' BBC report and its retelling: the same interview, one
        // refugee figure mistranslated.
        let projections = Self.projections([
            ("000.txt", "2022-11-10", [
                Self.claim(.killed, .approximately, 40_000, speaker: "Mark Milley", quote: "about 40,000 civilians"),
                Claim(side: .ukraine, population: .civilian, metric: .refugees, qualifier: .range, low: 1_500_000,
                      high: 3_000_000, speaker: "Mark Milley", quote: "1.5 to 3 million", span: ByteSpan(start: 0, end: 1)),
            ]),
            ("001.txt", nil, [
                Self.claim(.killed, .approximately, 40_000, speaker: "Mark Milley", quote: "around 40,000 civilians"),
                Claim(side: .ukraine, population: .civilian, metric: .refugees, qualifier: .range, low: 15_000_000,
                      high: 30_000_000, speaker: "Mark Milley", quote: "15 to 30 million", span: ByteSpan(start: 0, end: 1)),
            ]),
        ])
        let statements = projections.statements(matching: ClaimFilter())
        let killed = try #require(statements.first { $0.record.claim.metric == .killed })
        #expect(killed.reportDocuments == ["000.txt", "001.txt"])
        #expect(killed.conflicts.isEmpty)
        let conflicts = projections.statements(matching: ClaimFilter(), conflictsOnly: true)
        #expect(conflicts.count == 2)
        #expect(Set(conflicts.flatMap { $0.conflicts.map(\.low) }) == [1_500_000, 15_000_000])
        let refugees = projections.history(matching: ClaimFilter(metric: .refugees))
        #expect(refugees.first?.entries.map(\.change) == [.first, .conflicting])
        let history = projections.history(matching: ClaimFilter(metric: .killed))
        #expect(history.first?.entries.map(\.change) == [.first, .reportedAgain])
    }

    @Test func reportsOfOneFigureMoreThanAWeekApartAreTwoStatements() {
        let projections = Self.projections([
            ("a.txt", nil, [Self.claim(.atLeast, 100_000, speaker: "Mark Milley", statedOn: "2022-11-09")]),
            ("b.txt", nil, [Self.claim(.atLeast, 100_000, speaker: "Mark Milley", statedOn: "2022-11-16")]),
            ("c.txt", nil, [Self.claim(.atLeast, 100_000, speaker: "Mark Milley", statedOn: "2022-12-01")]),
            ("d.txt", nil, [Self.claim(.atLeast, 100_000, speaker: "Mark Milley")]),
        ])
        let statements = projections.statements(matching: ClaimFilter())
        #expect(statements.map(\.reportDocuments) == [["a.txt", "b.txt", "d.txt"], ["c.txt"]])
        #expect(projections.sources(matching: ClaimFilter()).first?.reports == 1)
        #expect(projections.history(matching: ClaimFilter()).first?.entries.map(\.change)
            == [.first, .reportedAgain, .reportedAgain, .restated])
    }

    @Test func estimatesDisagreeWhenTheirWidenedIntervalsDoNotOverlap() {
        func c(_ q: Qualifier, _ low: Int, _ high: Int? = nil) -> Claim { Self.claim(q, low, high: high, speaker: nil) }
        #expect(!c(.wellOver, 100_000).disagrees(with: c(.approximately, 100_000)))
        #expect(!c(.nearly, 200_000).disagrees(with: c(.exact, 180_000)))
        #expect(c(.range, 1_500_000, 3_000_000).disagrees(with: c(.range, 15_000_000, 30_000_000)))
        #expect(c(.exact, 4_300).disagrees(with: c(.approximately, 150_000)))
        #expect(!c(.exact, 4_300).disagrees(with: Self.claim(.approximately, 800, per: .day, speaker: nil)))
    }

    @Test func csvHasAHeaderAndEveryFieldFlattenedQuotedAsRFC4180Says() throws {
        let projections = Self.projections([("a, \"b\".txt", nil, [
            Self.claim(.wellOver, 100_000, speaker: "Mark Milley", quote: "He said, \"well over\"\nnow"),
        ])])
        var writer = CSVWriter()
        for row in projections.sources(matching: ClaimFilter()) { try writer.write(row) }
        let text = String(decoding: writer.take(), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.contains("interval.lower") && header.contains("interval.upper") && header.contains("extractor.version"))
        #expect(header.contains("disagreeing") && header.contains("date_source"))
        // A retraction's and a correction's fields are columns though this claim has neither.
        #expect(header.contains("retracted.reason") && header.contains("retracted.uid"))
        #expect(header.contains("corrected.reason") && header.contains("corrected.original.low"))
        #expect(header == header.sorted())
        #expect(text.contains(#""a, ""b"".txt""#))
        #expect(text.contains("\"He said, \"\"well over\"\"\nnow\""))
        let fields = try FlatEncoder.fields(of: projections.sources(matching: ClaimFilter())[0])
        #expect(fields["interval.upper"] == "" && fields["interval.lower"] == "100000" && fields["speaker"] == "Mark Milley")
        #expect(fields.count == header.count)
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SVGChartTests {
    @Test func aChartHasOneMarkPerDatedClaimAndParsesAsXML() throws {
        let projections = ViewsTests.projections([("a.txt", nil, [
            ViewsTests.claim(.exact, 100_000, speaker: "Mark Milley", statedOn: "2022-11-10", quote: "a <b> & \"c\"\u{1}‘é’"),
            ViewsTests.claim(.range, 1_500_000, high: 3_000_000, speaker: "United Nations", statedOn: "2023-01"),
            ViewsTests.claim(.wellOver, 100_000, speaker: nil, statedOn: "2023-01-20"),
            ViewsTests.claim(.nearly, 200_000, speaker: "US officials", statedOn: "2023-02"),
            ViewsTests.claim(.exact, 5, speaker: "Mark Milley"),
        ])])
        let svg = SVGChart(title: "russia military casualties").render(Array(projections.claims))
        #expect(svg.components(separatedBy: "class=\"mark\"").count - 1 == 4)
        #expect(svg.contains("<circle") && svg.contains("stroke-width=\"10\"") && svg.contains("<path"))
        #expect(svg.contains("3,000,000") || svg.contains("2,000,000"))
        #expect(svg.contains("a &lt;b&gt; &amp; &quot;c&quot; ‘é’"))
        #expect(svg.contains("1 undated claim not shown"))
        #expect(svg.contains(">unattributed</text>") && svg.contains(">Mark Milley</text>"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }
}

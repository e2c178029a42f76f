import ClaimExtraction
import Foundation
import Testing
import Timeline

@Suite struct ProjectionsTests {
    @Test func latestTakesTheMostRecentStatementNotTheLastReceived() {
        var projections = Projections()
        projections.apply(Fixtures.document("new.txt", sha: "bb", published: "2023-01-20", claims: [
            Fixtures.claim(.russia, .military, .casualties, .wellOver, 100_000, statedOn: "2023-01-20"),
        ], from: 1))
        projections.apply(Fixtures.document("old.txt", sha: "aa", published: "2022-11-10", claims: [
            Fixtures.claim(.russia, .military, .casualties, .approximately, 100_000, statedOn: "2022-11"),
            Fixtures.claim(.ukraine, .civilian, .killed, .approximately, 40_000, statedOn: "2022-11"),
        ], from: 3))
        let latest = projections.latest(matching: ClaimFilter())
        #expect(latest.count == 2)
        let russia = latest.first { $0.record.claim.side == .russia }
        #expect(russia?.record.claim.qualifier == .wellOver)
        #expect(russia?.record.documentName == "new.txt")
        #expect(latest.map(\.record.claim.side) == [.russia, .ukraine])
    }

    @Test func latestFallsBackToThePublicationDate() {
        var projections = Projections()
        projections.apply(Fixtures.document("b.txt", sha: "bb", published: "2023-02-01", claims: [
            Fixtures.claim(.russia, .military, .killed, .exact, 2, speaker: nil),
        ], from: 1))
        projections.apply(Fixtures.document("a.txt", sha: "aa", published: "2022-01-01", claims: [
            Fixtures.claim(.russia, .military, .killed, .exact, 1, speaker: nil),
        ], from: 3))
        #expect(projections.latest(matching: ClaimFilter()).map(\.record.claim.low) == [2])
    }

    @Test func historyMarksHowEachStatementMovedAndReReportsAsReportedAgain() throws {
        var projections = Projections()
        projections.apply(Fixtures.document("a.txt", sha: "aa", claims: [
            Fixtures.claim(.russia, .military, .casualties, .atLeast, 100_000, statedOn: "2022-11"),
        ], from: 1))
        projections.apply(Fixtures.document("b.txt", sha: "bb", claims: [
            Fixtures.claim(.russia, .military, .casualties, .wellOver, 100_000, statedOn: "2023-01-20"),
            Fixtures.claim(.russia, .military, .casualties, .wellOver, 100_000, statedOn: "2023-01-21", quote: "again"),
            Fixtures.claim(.russia, .military, .casualties, .exact, 90_000, statedOn: "2023-02"),
            Fixtures.claim(.russia, .military, .casualties, .approximately, 90_000, statedOn: "2023-03"),
        ], from: 3))
        let series = projections.history(matching: ClaimFilter(speaker: "milley"))
        #expect(series.count == 1)
        // The same figure a day later is a report of the same statement.
        #expect(series[0].entries.map(\.change) == [.first, .raised, .reportedAgain, .lowered, .revised])
    }

    @Test func claimsWithoutASpeakerHaveNoHistory() {
        var projections = Projections()
        projections.apply(Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(1, speaker: nil)], from: 1))
        #expect(projections.history(matching: ClaimFilter()).isEmpty)
        #expect(projections.claims(matching: ClaimFilter()).count == 1)
    }

    @Test func documentsCountTheirClaimsAndKeepRejections() throws {
        var projections = Projections()
        projections.apply(Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(1), Fixtures.claim(2)], from: 1))
        projections.apply(Event(seq: 4, recordedAt: Fixtures.day, payload: .documentRejected(DocumentRejected(
            name: "big.txt", reason: "too_large", message: "over", movedTo: "failed/big.txt", size: 20))))
        #expect(projections.documents.map(\.claims) == [2, 0])
        #expect(projections.documents.map(\.status) == [.received, .rejected])
        #expect(try projections.documents(matching: "big.txt").first?.reason == "too_large")
        #expect(projections.summary == Projections.Summary(documents: 1, rejected: 1, claims: 2, lastSeq: 4))
    }

    @Test func aRetractedClaimLeavesEveryView() throws {
        var projections = Projections()
        let events = Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(1)], from: 1)
        projections.apply(events)
        guard case .claimExtracted(let extracted) = events[1].payload else { Issue.record("no claim"); return }
        projections.apply(Event(seq: 3, recordedAt: Fixtures.day, payload: .claimRetracted(
            ClaimRetracted(claim: extracted.id, reason: "misread"))))
        #expect(projections.claims(matching: ClaimFilter()).isEmpty)
        #expect(projections.latest(matching: ClaimFilter()).isEmpty)
        #expect(projections.claim(id: extracted.id)?.retraction?.reason == "misread")
    }

    @Test func anEventAppliedTwiceCountsOnce() {
        var projections = Projections()
        let events = Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(1)], from: 1)
        projections.apply(events)
        projections.apply(events)
        #expect(projections.claims.count == 1)
        #expect(projections.documents.count == 1)
    }

    @Test func filtersMatchSideMetricSpeakerAndDocument() {
        var projections = Projections()
        projections.apply(Fixtures.document("a.txt", sha: "abcdef0123", claims: [
            Fixtures.claim(.russia, .military, .killed, .exact, 1, speaker: "Mark Milley"),
            Fixtures.claim(.ukraine, .civilian, .killed, .exact, 2, speaker: "United Nations"),
        ], from: 1))
        #expect(projections.claims(matching: ClaimFilter(side: .ukraine)).map(\.claim.low) == [2])
        #expect(projections.claims(matching: ClaimFilter(population: .military)).map(\.claim.low) == [1])
        #expect(projections.claims(matching: ClaimFilter(speaker: "MILLEY")).map(\.claim.low) == [1])
        #expect(projections.claims(matching: ClaimFilter(document: "abcdef")).count == 2)
        #expect(projections.claims(matching: ClaimFilter(document: "abc")).isEmpty)
        #expect(projections.claims(matching: ClaimFilter(metric: .wounded)).isEmpty)
    }

    @Test func replayingTheEncodedLogGivesTheSameProjections() throws {
        let events = Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(1), Fixtures.claim(2)], from: 1)
            + Fixtures.document("b.txt", sha: "bb", claims: [Fixtures.claim(3)], from: 4)
        var live = Projections()
        live.apply(events)
        let codec = EventCodec()
        var replayed = Projections()
        for event in events {
            replayed.apply(try codec.decode(try codec.encode(event), seq: event.seq))
        }
        #expect(replayed == live)
    }
}

@Suite struct ChangeTests {
    @Test(arguments: [
        (Qualifier.atLeast, 100_000, Qualifier.wellOver, 100_000, Change.raised),
        (.wellOver, 100_000, .atLeast, 100_000, .lowered),
        (.exact, 100_000, .exact, 120_000, .raised),
        (.nearly, 200_000, .exact, 150_000, .lowered),
        (.approximately, 40_000, .exact, 40_000, .revised),
        (.exact, 5, .exact, 5, .restated),
    ])
    func anEstimateMovesByFigureThenByHedge(
        _ q1: Qualifier, _ v1: Int, _ q2: Qualifier, _ v2: Int, _ expected: Change
    ) {
        #expect(Change(from: Fixtures.claim(q1, v1), to: Fixtures.claim(q2, v2)) == expected)
    }

    @Test func aRangeMovesByItsMiddle() {
        let before = Fixtures.claim(.ukraine, .civilian, .refugees, .range, 1_500_000, high: 3_000_000)
        let after = Fixtures.claim(.ukraine, .civilian, .refugees, .range, 15_000_000, high: 30_000_000)
        #expect(Change(from: before, to: after) == .raised)
    }
}

@Suite struct SourceIndexTests {
    /// What `Latest` must answer, worked out from every standing claim.
    static func scan(_ projections: Projections, _ filter: ClaimFilter) -> [ClaimRecord] {
        var newest: [String: ClaimRecord] = [:]
        for record in projections.claims where record.retraction == nil
            && [filter.side.map { $0 == record.claim.side }, filter.population.map { $0 == record.claim.population },
                filter.metric.map { $0 == record.claim.metric }].allSatisfy({ $0 ?? true }) {
            let key = "\(record.claim.side)/\(record.claim.population)/\(record.claim.metric)"
            if let held = newest[key], !ClaimRecord.chronologically(held, record) { continue }
            newest[key] = record
        }
        return newest.sorted { $0.key < $1.key }.map(\.value)
    }

    @Test func latestAnswersWhatAScanOfEveryClaimComputesClaimByClaim() {
        var projections = Projections()
        var seq: UInt64 = 1
        let dates = ["2022-11", "2023-01-20", "2022-09", "2023-02", "2023-01-20", "2022-11-10"]
        let filters = [ClaimFilter(), ClaimFilter(side: .russia), ClaimFilter(population: .civilian),
                       ClaimFilter(metric: .killed), ClaimFilter(side: .ukraine, metric: .casualties)]
        for (i, date) in dates.enumerated() {
            let events = Fixtures.document("d\(i).txt", sha: "s\(i)", claims: [
                Fixtures.claim(.russia, .military, .casualties, .exact, 1000 + i, statedOn: date),
                Fixtures.claim(i % 2 == 0 ? .ukraine : .russia, .civilian, .killed, .approximately, 10 + i, statedOn: date),
            ], from: seq)
            seq += UInt64(events.count)
            projections.apply(events)
            for filter in filters {
                #expect(projections.latest(matching: filter).map(\.record) == Self.scan(projections, filter))
            }
        }
        // Retracting the latest of a quantity brings back the one before it.
        let latest = projections.latest(matching: ClaimFilter(side: .russia, metric: .casualties))
        let retracted = try! #require(latest.first).record
        projections.apply(Event(seq: seq, recordedAt: Fixtures.day, payload: .claimRetracted(
            ClaimRetracted(claim: retracted.id, reason: "misquoted"))))
        for filter in filters {
            #expect(projections.latest(matching: filter).map(\.record) == Self.scan(projections, filter))
        }
        #expect(!projections.latest(matching: ClaimFilter()).contains { $0.record.id == retracted.id })
    }
}

import ClaimExtraction
import Foundation
import Testing
@testable import Timeline

/// Later readings of a document: a re-extraction with another extractor
/// and a new version of it supersede claims, never rewriting the log.
@Suite struct ReextractionTests {
    static let newer = ExtractorInfo(version: "test", lexicon: "1111")
    static let later = Fixtures.day.addingTimeInterval(7200)

    /// a.txt read by `Fixtures.extractor`: Milley's over 100,000, about
    /// 40,000 civilians, the UN's 4,300; seqs 1 to 4.
    static let found = [
        Fixtures.claim(.russia, .military, .casualties, .atLeast, 100_000),
        Fixtures.claim(.ukraine, .civilian, .killed, .approximately, 40_000),
        Fixtures.claim(.russia, .military, .casualties, .exact, 4_300, speaker: "United Nations"),
    ]

    static func timeline() -> Projections {
        var projections = Projections()
        projections.apply(Fixtures.document("a.txt", sha: "aa", published: "2023-01-20", claims: found, from: 1))
        return projections
    }

    /// The plan of reading a.txt again and finding `claims`.
    static func plan(_ claims: [Claim], sha: String = "aa") -> DocumentPlan {
        DocumentPlan(
            received: DocumentReceived(document: sha, name: "a.txt", size: 100),
            claims: claims.map {
                ClaimExtracted(id: ClaimID.make(document: sha, claim: $0), document: sha, extractor: newer, claim: $0)
            })
    }

    /// Applies the events of `reextraction` from `seq`.
    static func apply(_ reextraction: Reextraction, to projections: inout Projections, from seq: UInt64) {
        for (i, event) in reextraction.events(recordedAt: later).enumerated() {
            projections.apply(Event(seq: seq + UInt64(i), recordedAt: event.recordedAt, payload: event.payload))
        }
    }

    @Test func aReadingThatFindsTheSameClaimsAddsNoEvent() throws {
        let projections = Self.timeline()
        let reextraction = try #require(projections.reextraction(of: Self.plan(Self.found), extractor: Self.newer))
        #expect(reextraction.isUnchanged)
        #expect(reextraction.events(recordedAt: Self.later).isEmpty)
    }

    @Test func claimsNoLongerFoundOrFoundOtherwiseAreSupersededAndShownWithWhatSupersededThem() throws {
        var projections = Self.timeline()
        let ids = projections.claims.map(\.id)
        // The 40,000 now has a speaker (same id: the speaker is no key
        // field), the UN's 4,300 is gone, and a figure is found anew.
        var civilians = Self.found[1]
        civilians.speaker = "United Nations"
        let wounded = Fixtures.claim(.ukraine, .military, .wounded, .exact, 9_000)
        let reextraction = try #require(
            projections.reextraction(of: Self.plan([Self.found[0], civilians, wounded]), extractor: Self.newer))
        #expect(reextraction.added.map(\.claim) == [wounded])
        #expect(reextraction.removed.map(\.id) == [ids[2]])
        #expect(reextraction.changed.map(\.old.id) == [ids[1]])
        let replacement = try #require(reextraction.changed.first?.new)
        #expect(replacement.id != ids[1] && replacement.id == ClaimID.next(after: ids[1]))
        #expect(reextraction.event == DocumentReextracted(
            document: "aa", previousExtractor: Fixtures.extractor, extractor: Self.newer,
            superseded: [SupersededClaim(claim: ids[1], by: replacement.id), SupersededClaim(claim: ids[2])]))

        Self.apply(reextraction, to: &projections, from: 5)
        let standing = projections.claims(matching: ClaimFilter())
        #expect(Set(standing.map(\.id)) == [ids[0], replacement.id, reextraction.added[0].id])
        #expect(projections.summary.claims == 3)
        #expect(projections.latest(matching: ClaimFilter(side: .russia)).map(\.record.id) == [ids[0]])
        #expect(!projections.history(matching: ClaimFilter()).flatMap(\.entries).contains { $0.record.id == ids[2] })
        let all = projections.claims(matching: ClaimFilter(), includingRetracted: true)
        #expect(all.count == 5)
        let superseded = all.filter { $0.supersession != nil }
        #expect(superseded.map(\.id) == [ids[1], ids[2]])
        #expect(superseded[0].supersession == ClaimSupersession(
            reason: .reextracted, document: "aa", by: replacement.id, at: Self.later, seq: 5))
        #expect(superseded[1].supersession?.by == nil)
        // Written by hand as JSONEncoder writes it, and read back.
        let encoded = Array(try TimelineJSON.encoder().encode(TimelineInterface.ClaimsReply(claims: all)))
        #expect(TimelineInterface.ClaimsReply.json(all) == encoded)
        #expect(try TimelineJSON.decoder().decode(TimelineInterface.ClaimsReply.self, from: Data(encoded)).claims == all)
        let document = try #require(projections.documents.first)
        #expect(document.extractor == Self.newer && document.claims == 3)

        // The same reading again changes nothing more.
        let again = try #require(projections.reextraction(
            of: Self.plan([Self.found[0], civilians, wounded]), extractor: Self.newer))
        #expect(again.isUnchanged)
    }

    @Test func anUpgradeReadsTheDocumentsAnotherExtractorReadSinceTheLastRunThatFinished() throws {
        var projections = Self.timeline()
        // b.txt has no claim: no event says which extractor read it.
        projections.apply(Fixtures.document("b.txt", sha: "bb", claims: [], from: 5))
        func outdated(_ extractor: ExtractorInfo, _ confirmed: UInt64?) -> [String?] {
            projections.outdatedDocuments(for: extractor, confirmedThrough: confirmed).map(\.sha256)
        }
        #expect(outdated(Fixtures.extractor, nil) == [])
        #expect(outdated(Self.newer, nil) == ["aa", "bb"])
        // A run with the newer extractor chose them at seq 5 and finished.
        #expect(outdated(Self.newer, 5) == [])
        // A log cut back before that run's seq: the run confirms nothing.
        #expect(outdated(Self.newer, 99) == ["aa", "bb"])

        // After the run, a reload's other lexicon read a.txt again, and
        // found one claim fewer.
        let other = ExtractorInfo(version: "test", lexicon: "2222")
        let reextraction = try #require(
            projections.reextraction(of: Self.plan(Array(Self.found.prefix(2))), extractor: other))
        Self.apply(reextraction, to: &projections, from: 6)
        #expect(outdated(Self.newer, 5) == ["aa"])
        #expect(outdated(other, nil) == [])
        // And a document received since, by the first extractor.
        projections.apply(Fixtures.document("c.txt", sha: "cc", claims: [Fixtures.claim(7)], from: 7))
        #expect(outdated(Self.newer, 5) == ["aa", "cc"])
        #expect(outdated(Self.newer, 8) == [])
    }

    @Test func aCorrectionAndARetractionSurviveWhenTheSameClaimIsFoundAgain() throws {
        var projections = Self.timeline()
        let ids = projections.claims.map(\.id)
        projections.apply(CorrectionTests.correct(ids[1], seq: 5, ClaimChanges(low: 41_000)))
        projections.apply(CorrectionTests.retract(ids[2], seq: 6))
        // Both found again at their spans, with the same subjects and a
        // speaker each; the correction's figure is kept over the new reading.
        var civilians = Self.found[1]
        civilians.speaker = "Ukraine's prosecutor general"
        var un = Self.found[2]
        un.speaker = "UN"
        let reextraction = try #require(
            projections.reextraction(of: Self.plan([Self.found[0], civilians, un]), extractor: Self.newer))
        // The fields compared are those extracted, not the corrected ones.
        #expect(reextraction.changed.map(\.old.claim.low) == [40_000, 4_300])
        Self.apply(reextraction, to: &projections, from: 7)
        let new = try #require(projections.claim(id: reextraction.changed[0].new.id))
        #expect(new.claim.low == 41_000 && new.claim.speaker == "Ukraine's prosecutor general")
        #expect(new.correction?.edit.reason == "the text says so")
        #expect(new.correction?.original.low == 40_000)
        #expect(new.correction?.original.speaker == "Ukraine's prosecutor general")
        let retracted = try #require(projections.claim(id: reextraction.changed[1].new.id))
        #expect(retracted.retraction?.reason == "misread" && retracted.claim.speaker == "UN")
        #expect(projections.summary.claims == 2)
        #expect(Set(projections.claims(matching: ClaimFilter()).map(\.id)) == [ids[0], new.id])
        // A superseded claim can no longer be edited.
        #expect(throws: EditError.self) {
            try projections.retraction(of: ids[1], reason: "x", by: CorrectionTests.alice)
        }
    }

    @Test func aNewVersionSupersedesTheEarlierVersionsClaimsAndKeepsBoth() throws {
        var projections = Projections()
        let url = "https://example.org/losses"
        projections.apply(Event(seq: 1, recordedAt: Fixtures.day, payload: .documentReceived(DocumentReceived(
            document: "v1", name: "losses.txt", size: 10, url: url))))
        let first = Fixtures.claim(.russia, .military, .killed, .exact, 100)
        projections.apply(Event(seq: 2, recordedAt: Fixtures.day, payload: .claimExtracted(ClaimExtracted(
            id: ClaimID.make(document: "v1", claim: first), document: "v1", extractor: Fixtures.extractor, claim: first))))
        // Other bytes without a url: another document.
        #expect(projections.revision(of: DocumentReceived(document: "other", name: "x.txt", size: 3)) == nil)
        // The same bytes: no revision (a duplicate).
        #expect(projections.revision(of: DocumentReceived(document: "v1", name: "losses.txt", size: 10, url: url)) == nil)
        let revised = try #require(projections.revision(of: DocumentReceived(
            document: "v2", name: "losses-updated.txt", size: 12, url: url)))
        #expect(revised.previous == "v1")
        #expect(revised.superseded == [SupersededClaim(claim: ClaimID.make(document: "v1", claim: first))])
        projections.apply(Event(seq: 3, recordedAt: Self.later, payload: .documentRevised(revised)))
        let second = Fixtures.claim(.russia, .military, .killed, .exact, 120)
        projections.apply(Event(seq: 4, recordedAt: Self.later, payload: .claimExtracted(ClaimExtracted(
            id: ClaimID.make(document: "v2", claim: second), document: "v2", extractor: Fixtures.extractor, claim: second))))

        #expect(projections.latest(matching: ClaimFilter()).map(\.record.claim.low) == [120])
        #expect(projections.summary.documents == 2 && projections.summary.claims == 1)
        let documents = Array(projections.documents)
        #expect(documents.map(\.revisedBy) == ["v2", nil])
        #expect(documents.map(\.revises) == [nil, "v1"])
        #expect(documents.map(\.claims) == [0, 1])
        let old = try #require(projections.claims(matching: ClaimFilter(), includingRetracted: true).first)
        #expect(old.supersession == ClaimSupersession(reason: .revised, document: "v2", by: nil, at: Self.later, seq: 3))
        // A third version revises the second.
        #expect(projections.revision(of: DocumentReceived(document: "v3", name: "l3.txt", size: 1, url: url))?.previous == "v2")
        // The earlier version is not read again.
        #expect(try projections.reextractionTargets(named: []).map(\.sha256) == ["v2"])
        #expect(throws: FilterError.self) { try projections.reextractionTargets(named: ["losses.txt"]) }
    }

    @Test func aSnapshotKeepsSupersessionsAndRevisions() throws {
        var projections = Self.timeline()
        let ids = projections.claims.map(\.id)
        projections.apply(CorrectionTests.correct(ids[1], seq: 5, ClaimChanges(low: 41_000)))
        var civilians = Self.found[1]
        civilians.speaker = "United Nations"
        let reextraction = try #require(
            projections.reextraction(of: Self.plan([Self.found[0], civilians]), extractor: Self.newer))
        Self.apply(reextraction, to: &projections, from: 6)
        projections.apply(Event(seq: 20, recordedAt: Self.later, payload: .documentRevised(DocumentRevised(
            received: DocumentReceived(document: "bb", name: "a2.txt", size: 1, url: "u"),
            previous: "aa", superseded: projections.claims(matching: ClaimFilter()).map { SupersededClaim(claim: $0.id) }))))
        let restored = try Projections(snapshot: projections.snapshotContent.encoded())
        #expect(restored == projections)
        #expect(Array(restored.claims) == Array(projections.claims))
        #expect(Array(restored.documents) == Array(projections.documents))
        #expect(restored.summary == projections.summary)
        #expect(restored.urlIndex == projections.urlIndex)
    }

    @Test func theNewEventsRoundTripThroughTheCodec() throws {
        let codec = EventCodec()
        let reextracted = Event(seq: 7, recordedAt: Self.later, payload: .documentReextracted(DocumentReextracted(
            document: "aa", previousExtractor: nil, extractor: Self.newer,
            superseded: [SupersededClaim(claim: "00112233aabbccdd", by: "ffeeddccbbaa9988"), SupersededClaim(claim: "0123456789abcdef")])))
        let text = String(decoding: try codec.encode(reextracted), as: UTF8.self)
        #expect(text.contains(#""previous_extractor":null"#) && text.contains(#"{"by":null,"claim":"0123456789abcdef"}"#))
        #expect(try codec.decode(try codec.encode(reextracted), seq: 7) == reextracted)
        let revised = Event(seq: 8, recordedAt: Self.later, payload: .documentRevised(DocumentRevised(
            received: DocumentReceived(document: "bb", name: "b.txt", size: 3, published: PartialDate(year: 2023), url: "https://x"),
            previous: "aa", superseded: [SupersededClaim(claim: "00112233aabbccdd")])))
        let revisedText = String(decoding: try codec.encode(revised), as: UTF8.self)
        #expect(revisedText.contains(#""previous":"aa""#) && revisedText.contains(#""type":"document.revised""#))
        #expect(try codec.decode(try codec.encode(revised), seq: 8) == revised)
    }
}

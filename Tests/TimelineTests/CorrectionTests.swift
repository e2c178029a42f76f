import ClaimExtraction
import Foundation
import Testing
@testable import Timeline

/// A person's retractions and corrections: events applied by the pure
/// reducers like any other, never rewriting what was extracted.
@Suite struct CorrectionTests {
    static let alice = Editor(uid: 1000, user: "alice")
    static let later = Fixtures.day.addingTimeInterval(3600)

    /// Two documents: Milley's "over 100,000" and "about 40,000" in a.txt,
    /// the UN's 4,300 in b.txt.
    static func timeline() -> (projections: Projections, ids: [String]) {
        var projections = Projections()
        projections.apply(documents())
        return (projections, projections.claims.map(\.id))
    }

    /// The events of the two documents, seqs 1 to 5.
    static func documents() -> [Event] {
        Fixtures.document("a.txt", sha: "aa", published: "2023-01-20", claims: [
            Fixtures.claim(.russia, .military, .casualties, .atLeast, 100_000),
            Fixtures.claim(.ukraine, .civilian, .killed, .approximately, 40_000),
        ], from: 1)
            + Fixtures.document("b.txt", sha: "bb", published: "2023-02-01", claims: [
                Fixtures.claim(.russia, .military, .casualties, .exact, 4_300, speaker: "United Nations"),
            ], from: 4)
    }

    static func retract(_ id: String, seq: UInt64, reason: String = "misread") -> Event {
        Event(seq: seq, recordedAt: later, payload: .claimRetracted(ClaimRetracted(claim: id, reason: reason, by: alice)))
    }

    static func correct(_ id: String, seq: UInt64, _ changes: ClaimChanges, reason: String = "the text says so") -> Event {
        Event(seq: seq, recordedAt: later, payload: .claimCorrected(
            ClaimCorrected(claim: id, reason: reason, by: alice, changes: changes)))
    }

    @Test func aRetractionLeavesTheViewsAndIsShownWithWhoAndWhy() {
        var (projections, ids) = Self.timeline()
        projections.apply(Self.retract(ids[0], seq: 6))
        #expect(!projections.claims(matching: ClaimFilter()).contains { $0.id == ids[0] })
        #expect(projections.latest(matching: ClaimFilter(side: .russia)).map(\.record.id) == [ids[2]])
        #expect(!projections.sources(matching: ClaimFilter()).contains { $0.record.id == ids[0] })
        #expect(projections.summary.claims == 2)
        let all = projections.claims(matching: ClaimFilter(), includingRetracted: true)
        #expect(all.map(\.id) == ids)
        #expect(all[0].retraction == ClaimEdit(reason: "misread", by: Self.alice, at: Self.later, seq: 6))
        // History shows it where it stood, marked, with its reason.
        let milley = projections.history(matching: ClaimFilter(side: .russia, speaker: "Milley"))
        #expect(milley.count == 1)
        #expect(milley.first?.entries.map(\.change) == [.retracted])
        #expect(milley.first?.entries.first?.record.retraction?.reason == "misread")
    }

    @Test func aCorrectionChangesEveryViewAndKeepsTheExtractedFields() throws {
        var (projections, ids) = Self.timeline()
        let extracted = projections.claims[0].claim
        // Milley's figure was the UN's, and 120,000 stated on 2023-01-18.
        projections.apply(Self.correct(ids[0], seq: 6, ClaimChanges(
            qualifier: .exact, low: 120_000, speaker: .some("United Nations"), statedOn: .some(PartialDate(iso: "2023-01-18")))))
        let record = try #require(projections.claim(id: ids[0]))
        #expect(record.claim.low == 120_000 && record.claim.qualifier == .exact)
        #expect(record.claim.interval == Interval(qualifier: .exact, low: 120_000, high: nil))
        #expect(record.claim.speaker == "United Nations")
        #expect(record.claim.statedOn == PartialDate(iso: "2023-01-18") && record.dateSource == "correction")
        #expect(record.claim.quote == extracted.quote && record.claim.span == extracted.span)
        #expect(record.correction == ClaimCorrection(
            edit: ClaimEdit(reason: "the text says so", by: Self.alice, at: Self.later, seq: 6),
            original: ClaimFields(extracted)))
        // Milley no longer has a Russian figure; the UN has two, the later one (4,300, published 2023-02-01) latest.
        #expect(projections.sources(matching: ClaimFilter(side: .russia, speaker: "Milley")).isEmpty)
        #expect(projections.history(matching: ClaimFilter(side: .russia, speaker: "Milley")).isEmpty)
        let un = projections.history(matching: ClaimFilter(side: .russia, speaker: "United Nations"))
        #expect(un.first?.entries.map(\.record.id) == [ids[0], ids[2]])
        #expect(un.first?.entries.first?.record.correction?.edit.reason == "the text says so")
        #expect(projections.latest(matching: ClaimFilter(side: .russia)).map(\.record.id) == [ids[2]])
        // Filters read the corrected fields.
        #expect(projections.claims(matching: ClaimFilter(since: PartialDate(iso: "2023-01-18"), until: PartialDate(iso: "2023-01-18")))
            .map(\.id) == [ids[0]])
        #expect(projections.claims(matching: ClaimFilter(speaker: "Milley")).map(\.id) == [ids[1]])
        // A second correction keeps the extracted fields as the original.
        projections.apply(Self.correct(ids[0], seq: 7, ClaimChanges(qualifier: .range, high: .some(130_000)), reason: "a range"))
        let twice = try #require(projections.claim(id: ids[0]))
        #expect(twice.claim.qualifier == .range && twice.claim.high == 130_000 && twice.claim.low == 120_000)
        #expect(twice.correction?.original == ClaimFields(extracted))
        #expect(twice.correction?.edit.seq == 7 && twice.correction?.edit.reason == "a range")
    }

    @Test func aCorrectionThenARetraction() throws {
        var (projections, ids) = Self.timeline()
        projections.apply(Self.correct(ids[2], seq: 6, ClaimChanges(side: .ukraine, per: .some(.day))))
        #expect(projections.latest(matching: ClaimFilter(side: .ukraine, per: "day")).map(\.record.id) == [ids[2]])
        projections.apply(Self.retract(ids[2], seq: 7, reason: "not a loss figure"))
        #expect(projections.latest(matching: ClaimFilter(side: .ukraine, per: "day")).isEmpty)
        let record = try #require(projections.claim(id: ids[2]))
        #expect(record.retraction?.reason == "not a loss figure" && record.correction?.edit.seq == 6)
        #expect(record.claim.side == .ukraine)
        // A correction after the retraction is not applied (the daemon refuses it).
        projections.apply(Self.correct(ids[2], seq: 8, ClaimChanges(low: 1)))
        #expect(projections.claim(id: ids[2])?.claim.low == 4_300)
        #expect(projections.lastSeq == 8)
    }

    @Test func editsOfUnknownClaimsChangeNothing() {
        var (projections, ids) = Self.timeline()
        let before = Array(projections.claims)
        projections.apply(Self.retract("0000000000000000", seq: 6))
        projections.apply(Self.correct("0000000000000000", seq: 7, ClaimChanges(low: 5)))
        #expect(Array(projections.claims) == before && projections.claims.map(\.id) == ids)
    }

    /// Replaying the log from scratch, from a snapshot taken at any seq, or
    /// following it live gives the same projections and views.
    @Test func replayFromAnySnapshotEqualsLiveApply() throws {
        var (live, ids) = Self.timeline()
        let events = [
            Self.correct(ids[0], seq: 6, ClaimChanges(side: .ukraine, metric: .killed, speaker: .some(nil))),
            Self.retract(ids[1], seq: 7),
            Self.correct(ids[2], seq: 8, ClaimChanges(qualifier: .range, low: 4_000, high: .some(4_500))),
            Self.correct(ids[0], seq: 9, ClaimChanges(statedOn: .some(PartialDate(year: 2022)))),
            Self.retract(ids[2], seq: 10),
        ]
        var base = Self.timeline().projections
        for (i, event) in events.enumerated() {
            live.apply(event)
            var restored = try Projections(snapshot: base.snapshotContent.encoded())
            restored.apply(events[i...])
            base.apply(event)
            #expect(restored == Self.finalState(events))
        }
        #expect(live == Self.finalState(events))
        for filter in [ClaimFilter(), ClaimFilter(side: .ukraine), ClaimFilter(until: PartialDate(iso: "2022"))] {
            let restored = try Projections(snapshot: live.snapshotContent.encoded())
            #expect(restored.sources(matching: filter) == live.sources(matching: filter))
            #expect(restored.history(matching: filter) == live.history(matching: filter))
            #expect(restored.claims(matching: filter, includingRetracted: true) == live.claims(matching: filter, includingRetracted: true))
        }
    }

    static func finalState(_ edits: [Event]) -> Projections {
        var projections = timeline().projections
        projections.apply(edits)
        return projections
    }

    @Test func theSnapshotOfEditsRoundTripsAndOlderTagsAreNotRead() throws {
        var (projections, ids) = Self.timeline()
        projections.apply(Self.correct(ids[0], seq: 6, ClaimChanges(low: 1)))
        projections.apply(Event(seq: 7, recordedAt: Self.later, payload: .claimRetracted(
            ClaimRetracted(claim: ids[1], reason: "no editor recorded"))))
        projections.apply(Event(seq: 8, recordedAt: Self.later, payload: .claimCorrected(
            ClaimCorrected(claim: ids[2], reason: "nameless", by: Editor(uid: 4242, user: nil), changes: ClaimChanges(low: 2)))))
        let body = projections.snapshotContent.encoded()
        let restored = try Projections(snapshot: body)
        #expect(restored == projections)
        #expect(Array(restored.claims) == Array(projections.claims))
        #expect(restored.claim(id: ids[2])?.correction?.edit.by == Editor(uid: 4242, user: nil))
        // Cut anywhere in the edits, the body is refused, never misread.
        let plain = Self.timeline().projections.snapshotContent.encoded().count
        for cut in stride(from: plain, to: body.count, by: 7) {
            #expect(throws: ProjectionsSnapshotError.self) { try Projections(snapshot: Array(body[..<cut])) }
        }
        // A snapshot from before edits were kept, or before supersessions
        // were, is another version: the daemon replays the log instead.
        #expect(Projections.snapshotVersion == "projections-3/binary-5")
    }

    @Test func theEventsRoundTripAndOlderRetractionsStillRead() throws {
        let codec = EventCodec()
        let correction = Self.correct("00112233aabbccdd", seq: 5, ClaimChanges(
            side: .both, low: 7, high: .some(nil), per: .some(nil), speaker: .some("Sergei Shoigu"),
            statedOn: .some(PartialDate(year: 2023, month: 4))))
        let bytes = try codec.encode(correction)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""changes":{"high":null,"low":7,"per":null,"side":"both","speaker":"Sergei Shoigu","stated_on":"2023-04"}"#))
        #expect(text.contains(#""uid":1000,"user":"alice""#) && text.contains(#""type":"claim.corrected""#))
        #expect(try codec.decode(bytes, seq: 5) == correction)
        let retraction = Self.retract("00112233aabbccdd", seq: 6)
        #expect(try codec.decode(try codec.encode(retraction), seq: 6) == retraction)
        // A retraction written before editors were recorded.
        let old = #"{"data":{"claim":"00112233aabbccdd","reason":"misread"},"recorded_at":"2026-01-01T00:00:00Z","schema":1,"type":"claim.retracted"}"#
        let decoded = try codec.decode(Array(old.utf8), seq: 9)
        #expect(decoded.payload == .claimRetracted(ClaimRetracted(claim: "00112233aabbccdd", reason: "misread", by: nil)))
    }

    @Test func editsAreCheckedAgainstTheProjections() throws {
        var (projections, ids) = Self.timeline()
        func code(_ body: () throws -> Void) -> EditError.Code? {
            do { try body() } catch let error as EditError { return error.code } catch { return nil }
            return nil
        }
        // Ids: whole, any case, a unique start of 6 digits or more.
        #expect(try projections.retraction(of: ids[0].uppercased(), reason: "r", by: Self.alice).claim == ids[0])
        #expect(try projections.retraction(of: String(ids[1].prefix(8)), reason: "r", by: Self.alice).claim == ids[1])
        #expect(code { _ = try projections.retraction(of: String(ids[1].prefix(5)), reason: "r", by: Self.alice) } == .noSuchClaim)
        #expect(code { _ = try projections.retraction(of: "ffffffffffffffff", reason: "r", by: Self.alice) } == .noSuchClaim)
        #expect(code { _ = try projections.retraction(of: ids[0], reason: "  ", by: Self.alice) } == .invalid)
        // Corrections that change nothing, or leave the claim inconsistent.
        #expect(code { _ = try projections.correction(of: ids[0], changes: ClaimChanges(), reason: "r", by: Self.alice) } == .invalid)
        #expect(code { _ = try projections.correction(of: ids[0], changes: ClaimChanges(low: 100_000), reason: "r", by: Self.alice) } == .invalid)
        #expect(code { _ = try projections.correction(of: ids[0], changes: ClaimChanges(qualifier: .range), reason: "r", by: Self.alice) } == .invalid)
        #expect(code { _ = try projections.correction(of: ids[0], changes: ClaimChanges(high: .some(5)), reason: "r", by: Self.alice) } == .invalid)
        #expect(try projections.correction(of: ids[0], changes: ClaimChanges(low: 1), reason: "r", by: Self.alice).changes == ClaimChanges(low: 1))
        // A retracted claim can be neither retracted again nor corrected.
        projections.apply(Self.retract(ids[0], seq: 6))
        #expect(code { _ = try projections.retraction(of: ids[0], reason: "again", by: Self.alice) } == .retracted)
        #expect(code { _ = try projections.correction(of: ids[0], changes: ClaimChanges(low: 1), reason: "r", by: Self.alice) } == .retracted)
    }
}

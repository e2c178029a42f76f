import ClaimExtraction
import Foundation
import Testing
@testable import Timeline
import TimelineTestSupport

/// A snapshot must give back exactly the projections it was taken from,
/// indexes included, and a body it did not write must be an error.
@Suite struct ProjectionsSnapshotTests {
    /// Projections touching every optional field: documents with and without
    /// dates and sources, a rejection, claims with ranges, rates, no speaker,
    /// an outlet, dates to the day, month and year, and a retraction.
    static func varied() -> Projections {
        var projections = Projections()
        var range = Fixtures.claim(.ukraine, .civilian, .refugees, .range, 1_500_000, high: 3_000_000, statedOn: "2022-11")
        range.reportedBy = "BBC"
        range.statedOnSource = .frontMatter
        var rate = Fixtures.claim(.russia, .military, .killed, .approximately, 800, speaker: nil, statedOn: "2023")
        rate.per = .day
        rate.statedOnSource = .text
        projections.apply(Fixtures.document("a.txt", sha: "aa", published: "2023-01-20", claims: [
            Fixtures.claim(.russia, .military, .casualties, .wellOver, 100_000, statedOn: "2023-01-20"),
            range, rate,
            Fixtures.claim(.both, .military, .casualties, .atMost, -5, quote: "Négatif, “quoted” \\ and 🇺🇦."),
        ], from: 1))
        projections.apply(Event(seq: 6, recordedAt: Fixtures.day.addingTimeInterval(0.123), payload: .documentRejected(
            DocumentRejected(name: "big.txt", reason: "too_large", message: "larger than 10 bytes", movedTo: "failed/big.txt", size: 11))))
        projections.apply(Event(seq: 7, recordedAt: Fixtures.day, payload: .documentReceived(DocumentReceived(
            document: "bb", name: "b.txt", size: 5, published: PartialDate(year: 2022), publishedFrom: .dateline,
            source: "Reuters", url: "https://example.org/b"))))
        projections.apply(Fixtures.document("c.txt", sha: "cc", claims: [Fixtures.claim(2, speaker: "Someone Else")], from: 8))
        let retracted = projections.claims[0].id
        projections.apply(Event(seq: 10, recordedAt: Fixtures.day, payload: .claimRetracted(ClaimRetracted(claim: retracted, reason: "misquoted"))))
        return projections
    }

    @Test func aSnapshotGivesBackTheSameProjections() throws {
        let original = Self.varied()
        let restored = try Projections(snapshot: original.snapshotContent.encoded())
        #expect(restored == original)
        #expect(Array(restored.documents) == Array(original.documents))
        #expect(Array(restored.claims) == Array(original.claims))
        #expect(restored.summary == original.summary)
        #expect(restored.summary.rejected == 1 && restored.summary.claims == 4)
        #expect(restored.latest(matching: ClaimFilter()) == original.latest(matching: ClaimFilter()))
        #expect(restored.history(matching: ClaimFilter()) == original.history(matching: ClaimFilter()))
    }

    @Test func theRestoredIndexesGoOnAsTheOriginalsWould() throws {
        var original = Self.varied()
        var restored = try Projections(snapshot: original.snapshotContent.encoded())
        let later: [Event] = [
            // A document seen before, and a claim seen before: both ignored.
            Fixtures.document("again.txt", sha: "aa", claims: [], from: 11)[0],
            Fixtures.document("c.txt", sha: "cc", claims: [Fixtures.claim(2, speaker: "Someone Else")], from: 11)[1],
            // A new claim of an old document, and a retraction of an old claim.
            Event(seq: 13, recordedAt: Fixtures.day, payload: .claimExtracted(ClaimExtracted(
                id: ClaimID.make(document: "bb", claim: Fixtures.claim(9)), document: "bb",
                extractor: Fixtures.extractor, claim: Fixtures.claim(9)))),
            Event(seq: 14, recordedAt: Fixtures.day, payload: .claimRetracted(ClaimRetracted(
                claim: original.claims[4].id, reason: "duplicate"))),
        ]
        original.apply(later)
        restored.apply(later)
        #expect(restored == original)
        #expect(restored.summary == original.summary)
        #expect(restored.documents.map(\.claims) == [4, 0, 1, 1])
    }

    @Test func emptyProjectionsRoundTrip() throws {
        let restored = try Projections(snapshot: Projections().snapshotContent.encoded())
        #expect(restored == Projections())
    }

    @Test func aBodyCutShortAnywhereIsAnError() throws {
        let body = Self.varied().snapshotContent.encoded()
        for length in 0..<body.count {
            #expect(throws: ProjectionsSnapshotError.self) { try Projections(snapshot: Array(body.prefix(length))) }
        }
        #expect(throws: ProjectionsSnapshotError.self) { try Projections(snapshot: body + [0]) }
    }

    @Test func flippedBitsNeverCrashTheReader() {
        // The store's CRC catches damage first; this is the reader's own
        // guard: whatever the bytes, an error or some projections, no trap.
        let body = Self.varied().snapshotContent.encoded()
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            var damaged = body
            let index = Int(generator.next() % UInt64(body.count))
            damaged[index] ^= UInt8(1 << (generator.next() % 8))
            _ = try? Projections(snapshot: damaged)
        }
    }

    @Test func aTimeThatCannotBeServedIsRefused() throws {
        var body = Self.varied().snapshotContent.encoded()
        let time = Array(withUnsafeBytes(of: Fixtures.day.timeIntervalSinceReferenceDate.bitPattern.littleEndian) { $0 })
        let nan = Array(withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { $0 })
        var patched = 0
        for start in 0...(body.count - 8) where Array(body[start..<(start + 8)]) == time {
            body.replaceSubrange(start..<(start + 8), with: nan)
            patched += 1
        }
        #expect(patched > 0)
        let error = #expect(throws: ProjectionsSnapshotError.self) { try Projections(snapshot: body) }
        #expect(error?.message.contains("out of range") == true, "\(String(describing: error))")
    }

    @Test func aPoolHoldingAStringTwiceIsRefused() throws {
        var writer = SnapshotWriter(capacity: 64)
        writer.word(UInt64(0))
        writer.unsigned(2)
        writer.string("russia")
        writer.string("russia")
        for _ in 0..<4 { writer.unsigned(0) }  // no text chunks, documents, claims or edits
        let error = #expect(throws: ProjectionsSnapshotError.self) { try Projections(snapshot: writer.bytes) }
        #expect(error?.message.contains("twice") == true, "\(String(describing: error))")
    }

    @Test func aCopyKeepsItsRecordsWhileTheOriginalGoesOn() {
        var projections = Self.varied()
        let content = projections.snapshotContent
        let copy = projections
        projections.apply(Fixtures.document("d.txt", sha: "dd", claims: [Fixtures.claim(3)], from: 11))
        #expect(copy.documents.count == 4)
        #expect(projections.documents.count == 5)
        #expect(content.lastSeq == 10)
        #expect(copy.claims.count + 1 == projections.claims.count)
    }
}

@Suite struct ChunkedArrayTests {
    @Test func holdsManyChunksInOrderAndCopiesAreIndependent() {
        var array = ChunkedArray<Int>()
        let count = 3 * ChunkedArray<Int>.chunkSize + 17
        for i in 0..<count { array.append(i) }
        #expect(array.count == count)
        #expect(Array(array) == Array(0..<count))
        let copy = array
        array[5] = -1
        array.update(at: count - 1) { $0 = -2 }
        array.append(count)
        #expect(copy[5] == 5 && copy[count - 1] == count - 1 && copy.count == count)
        #expect(array[5] == -1 && array[count - 1] == -2 && array.count == count + 1)
        #expect(copy != array)
        #expect(ChunkedArray(0..<count) == copy)
    }
}

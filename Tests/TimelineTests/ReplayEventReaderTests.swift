import ClaimExtraction
import Foundation
import Testing
@testable import Timeline

/// The replay path's own JSON reader must read exactly what JSONDecoder
/// reads, or fall back to it.
@Suite struct ReplayEventReaderTests {
    let codec = EventCodec()

    static let quotes = [
        "Plain sentence.",
        "“You’re looking at well over 100,000,” he told the BBC.",
        "Quotes \"inside\", a backslash \\ and a slash / here.",
        "Tabs\tand\nnewlines\r, a bell \u{7} and an emoji 🇺🇦 with a surrogate pair.",
        "",
    ]

    @Test(arguments: quotes)
    func readsWhatJSONDecoderReads(_ quote: String) throws {
        var claim = Fixtures.claim(.ukraine, .civilian, .refugees, .range, 1_500_000, high: 3_000_000, statedOn: "2022-11", quote: quote)
        claim.reportedBy = "BBC"
        claim.per = .day
        claim.statedOnSource = .frontMatter
        let event = Fixtures.document("a.txt", sha: "aa", claims: [claim], from: 41)[1]
        let bytes = try codec.encode(event)
        let fast = try #require(bytes.withUnsafeBytes { ReplayEventReader.read($0, seq: 42) })
        #expect(fast == (try codec.decodeWithFoundation(bytes, seq: 42)))
        #expect(fast == event)
    }

    @Test func aClaimRecordedBeforeItsDateSourceExistedHasNone() throws {
        let claim = Fixtures.claim(.russia, .military, .killed, .exact, 5_937, statedOn: "2022-09")
        let event = Fixtures.document("a.txt", sha: "aa", claims: [claim], from: 1)[1]
        // The event as it was written before the field existed.
        let text = String(decoding: try codec.encode(event), as: UTF8.self)
        let old = Array(text.replacingOccurrences(of: "\"stated_on_source\":null,", with: "")
            .replacingOccurrences(of: ",\"stated_on_source\":null", with: "").utf8)
        #expect(!String(decoding: old, as: UTF8.self).contains("stated_on_source"))
        let fast = try #require(old.withUnsafeBytes { ReplayEventReader.read($0, seq: 2) })
        #expect(fast == (try codec.decodeWithFoundation(old, seq: 2)))
        guard case .claimExtracted(let read) = fast.payload else {
            Issue.record("not a claim")
            return
        }
        #expect(read.claim.statedOn?.iso == "2022-09")
        #expect(read.claim.statedOnSource == nil)
    }

    @Test func readsNullsAndNegativeNumbers() throws {
        let claim = Fixtures.claim(.russia, .military, .killed, .exact, 5_937, speaker: nil)
        let event = Fixtures.document("a.txt", sha: "aa", claims: [claim], from: 1)[1]
        let bytes = try codec.encode(event)
        #expect(bytes.withUnsafeBytes { ReplayEventReader.read($0, seq: 2) } == event)
    }

    @Test(arguments: [
        DocumentReceived(document: "aa", name: "a.txt", size: 100),
        DocumentReceived(
            document: "bb", name: "b \"quoted\" \\ name.txt", size: 0, published: PartialDate(year: 2023, month: 1, day: 20),
            publishedFrom: .frontMatter, source: "BBC", url: "https://example.org/a?b=c", repairedEncoding: true),
        DocumentReceived(document: "cc", name: "c.txt", size: 7, published: PartialDate(year: 2022, month: 11), publishedFrom: .dateline),
        DocumentReceived(document: "dd", name: "d.txt", size: 7, published: PartialDate(year: 2021)),
    ])
    func readsReceivedDocumentsAsJSONDecoderDoes(_ received: DocumentReceived) throws {
        let event = Event(seq: 3, recordedAt: Fixtures.day, payload: .documentReceived(received))
        let bytes = try codec.encode(event)
        let fast = try #require(bytes.withUnsafeBytes { ReplayEventReader.read($0, seq: 3) })
        #expect(fast == (try codec.decodeWithFoundation(bytes, seq: 3)))
        #expect(fast == event)
    }

    @Test func leavesOtherEventsAndUnknownFieldsToJSONDecoder() throws {
        let rejected = Event(seq: 1, recordedAt: Fixtures.day, payload: .documentRejected(DocumentRejected(
            name: "big.txt", reason: "too_large", message: "too large", movedTo: "failed/big.txt", size: 9)))
        let bytes = try codec.encode(rejected)
        #expect(bytes.withUnsafeBytes { ReplayEventReader.read($0, seq: 1) } == nil)
        #expect(try codec.decode(bytes, seq: 1) == rejected)

        let claimEvent = Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(1)], from: 1)[1]
        var text = String(decoding: try codec.encode(claimEvent), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"low\":", with: "\"confidence\":0.5,\"low\":")
        #expect(Array(text.utf8).withUnsafeBytes { ReplayEventReader.read($0, seq: 2) } == nil)
    }

    @Test(arguments: [
        #"{"data":{"claim":"x"},"recorded_at":"2023-01-01T00:00:00Z","schema":1,"type":"claim.extracted"}"#,
        #"{"data":{"#,
        #"{"data":{},"recorded_at":"2023-01-01T00:00:00Z","schema":1,"type":"claim.extracted"} trailing"#,
        #"{"data":{"low":1e5},"recorded_at":"2023-01-01T00:00:00Z","schema":1,"type":"claim.extracted"}"#,
    ])
    func aBrokenRecordFallsBackAndIsAnError(_ text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { ReplayEventReader.read($0, seq: 1) } == nil)
        #expect(throws: EventDecodingError.self) { try codec.decode(Array(text.utf8), seq: 1) }
    }
}

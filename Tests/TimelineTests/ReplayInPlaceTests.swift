import ClaimExtraction
import EventLog
import Foundation
import Testing
@testable import Timeline

/// Replay reads a claim's record in place (its strings looked up in the
/// pool from their bytes) rather than into an event: the projections must
/// be the ones that applying the events builds, to the order of the
/// strings in the pool, which a snapshot writes.
@Suite struct ReplayInPlaceTests {
    let codec = EventCodec()

    /// Claims of many documents (more than a replay's batch), with the
    /// strings that take other paths among them: escapes, characters other
    /// than ASCII, spellings that are canonically one string, ids that are
    /// not 16 lower-case hex digits; and edits, a re-extraction that hands
    /// a correction on, a claim of no known document and one twice.
    func records() throws -> [[UInt8]] {
        var events: [Event] = []
        func add(_ payload: Event.Payload) {
            events.append(Event(seq: UInt64(events.count + 1), recordedAt: AsOfTests.time(UInt64(events.count + 1)), payload: payload))
        }
        let speakers: [String?] = [
            "Mark Milley", nil, "Сергей Шойгу", "Jos\u{E9} Borrell", "Jose\u{301} Borrell", "K", "\u{212A}", "Ukrainian General Staff",
        ]
        let quotes = [
            "Officials said about 1,000 soldiers had been killed.",
            "“You’re looking at well over 100,000,” he told the BBC.",
            "Quotes \"inside\", a backslash \\ and a slash / here.",
        ]
        var ids: [String] = []
        for d in 0..<400 {
            let sha = String(format: "%064x", d)
            add(.documentReceived(DocumentReceived(
                document: sha, name: "doc-\(d).txt", size: 100 + d, published: d % 3 == 0 ? nil : PartialDate(year: 2023, month: 1 + d % 12),
                source: d % 2 == 0 ? "BBC" : nil)))
            for c in 0..<6 {
                let n = d * 6 + c
                var claim = Fixtures.claim(
                    [Side.russia, .ukraine, .both][n % 3], [Population.military, .civilian][n % 2],
                    [Metric.killed, .wounded, .casualties, .refugees][n % 4], [Qualifier.exact, .atLeast, .range, .nearly][n % 4],
                    1_000 + n, high: n % 4 == 2 ? 2_000 + n : nil, speaker: speakers[n % speakers.count],
                    statedOn: n % 5 == 0 ? nil : "2023-0\(1 + n % 9)", quote: quotes[n % quotes.count] + " \(n)")
                claim.per = n % 7 == 0 ? .day : nil
                claim.reportedBy = n % 11 == 0 ? "Reuters" : nil
                claim.statedOnSource = claim.statedOn == nil ? nil : .text
                let id = n % 97 == 0 ? "claim-\(n)" : n % 89 == 0 ? String(format: "%016X", n) : ClaimID.make(document: sha, claim: claim)
                ids.append(id)
                add(.claimExtracted(ClaimExtracted(
                    id: id, document: sha, extractor: ExtractorInfo(version: "2.\(d / 100).0", lexicon: "ab"), claim: claim)))
            }
            if d == 150 {
                add(.claimRetracted(ClaimRetracted(claim: ids[10], reason: "misread", by: Editor(uid: 0, user: "root"))))
                add(.claimCorrected(ClaimCorrected(
                    claim: ids[20], reason: "the text says so", by: nil, changes: ClaimChanges(qualifier: .approximately))))
                // Document 3 read again: its claim 20 (corrected) is found anew, and takes the correction.
                let sha = String(format: "%064x", 3)
                let found = Fixtures.claim(.both, .military, .killed, .exact, 77_777, quote: "Found anew.")
                let foundID = ClaimID.make(document: sha, claim: found)
                add(.documentReextracted(DocumentReextracted(
                    document: sha, previousExtractor: nil, extractor: ExtractorInfo(version: "3.0.0", lexicon: "cd"),
                    superseded: [SupersededClaim(claim: ids[20], by: foundID)])))
                add(.claimExtracted(ClaimExtracted(
                    id: foundID, document: sha, extractor: ExtractorInfo(version: "3.0.0", lexicon: "cd"), claim: found)))
                // A claim of no document received, and one whose id is held.
                add(.claimExtracted(ClaimExtracted(
                    id: "0123456789abcdef", document: "ff", extractor: Fixtures.extractor, claim: Fixtures.claim(5))))
                add(.claimExtracted(ClaimExtracted(
                    id: ids[30], document: sha, extractor: Fixtures.extractor, claim: Fixtures.claim(6))))
            }
        }
        var records = try events.map { try codec.encode($0) }
        // A claim recorded without its interval: the hedge and figures give it.
        let last = records.count - 1
        let text = String(decoding: records[last], as: UTF8.self)
        let withoutInterval = text.replacingOccurrences(
            of: #","interval":\{[^}]*\}"#, with: "", options: .regularExpression)
        #expect(withoutInterval != text)
        records[last] = Array(withoutInterval.utf8)
        return records
    }

    @Test func aReplayBuildsWhatApplyingEachEventBuilds() throws {
        let records = try records()
        var applied = Projections()
        for (index, record) in records.enumerated() {
            applied.apply(try codec.decodeWithFoundation(record, seq: UInt64(index + 1)))
        }
        #expect(applied.claims.count > 2_400)
        #expect(applied.claim(id: "claim-97") != nil)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timelined-in-place-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try EventLog.open(directory: folder)
        defer { log.close() }
        for batch in stride(from: 0, to: records.count, by: 100) {
            _ = try log.appendBlocking(Array(records[batch..<min(batch + 100, records.count)]))
        }
        var replayed = Projections()
        try LogReplay.apply(log, after: 0, to: &replayed)
        #expect(replayed == applied)
        // Compared whole: the snapshot holds the pool's strings in order and every row.
        let sameSnapshot = replayed.snapshotContent.encoded() == applied.snapshotContent.encoded()
        #expect(sameSnapshot)
        #expect(replayed.latest(matching: ClaimFilter()) == applied.latest(matching: ClaimFilter()))

        // And from any point, on top of the projections of the events before it.
        for start in [1, 700, 2_049, records.count - 3] {
            var prefix = Projections()
            for (index, record) in records.prefix(start).enumerated() {
                prefix.apply(try codec.decodeWithFoundation(record, seq: UInt64(index + 1)))
            }
            let from = try PastProjections.replay(prefix, through: UInt64(records.count), of: log)
            let same = from.snapshotContent.encoded() == applied.snapshotContent.encoded()
            #expect(same, "from \(start)")
        }
    }
}

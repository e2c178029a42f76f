import ClaimExtraction
import EventLog
import Foundation
import Testing
@testable import Timeline

/// Views of the past: the projections as of a seq are the replay of the
/// log's prefix up to it, whatever state the replay starts from, and a
/// time stands for the last seq recorded at or before it.
@Suite struct AsOfTests {
    /// An event a minute from `Fixtures.day`, so that each seq has a time of its own.
    static func time(_ seq: UInt64) -> Date { Fixtures.day.addingTimeInterval(Double(seq) * 60) }

    /// Two documents, a retraction, a correction, a third document and a
    /// second correction: every kind of event, edits of claims recorded
    /// before them.
    static func events() -> [Event] {
        let ab = CorrectionTests.documents()
        let ids = ab.compactMap(\.claimID)
        let c = Fixtures.document("c.txt", sha: "cc", published: "2023-03-01", claims: [
            Fixtures.claim(.russia, .military, .casualties, .exact, 150_000, speaker: "Western officials"),
        ], from: 8)
        let edits = [
            CorrectionTests.retract(ids[0], seq: 6),
            CorrectionTests.correct(ids[2], seq: 7, ClaimChanges(qualifier: .approximately)),
        ]
        let later = [CorrectionTests.correct(c[1].claimID!, seq: 10, ClaimChanges(low: 160_000))]
        return (ab + edits + c + later).map { Event(seq: $0.seq, recordedAt: time($0.seq), payload: $0.payload) }
    }

    /// The events in a log of their own, a few per append as the daemon's batches go.
    @discardableResult
    static func withLog<T>(_ events: [Event], _ body: (EventLog) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timelined-asof-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try EventLog.open(directory: folder)
        defer { log.close() }
        let codec = EventCodec()
        for batch in stride(from: 0, to: events.count, by: 3) {
            _ = try log.appendBlocking(try events[batch..<min(batch + 3, events.count)].map { try codec.encode($0) })
        }
        return try body(log)
    }

    static func prefix(_ events: [Event], through seq: UInt64) -> Projections {
        var projections = Projections()
        projections.apply(Array(events.prefix(Int(seq))))
        return projections
    }

    @Test func asOfEverySeqIsTheReplayOfThatPrefix() throws {
        let events = Self.events()
        try Self.withLog(events) { log in
            for seq in 1...UInt64(events.count) {
                let expected = Self.prefix(events, through: seq)
                #expect(try PastProjections.replay(Projections(), through: seq, of: log) == expected, "seq \(seq)")
                // From any earlier state, and from a snapshot of it, the same.
                for start in 0..<seq {
                    let earlier = Self.prefix(events, through: start)
                    #expect(try PastProjections.replay(earlier, through: seq, of: log) == expected, "\(start) to \(seq)")
                    let snapshot = try Projections(snapshot: earlier.snapshotContent.encoded())
                    let fromSnapshot = try PastProjections.replay(snapshot, through: seq, of: log)
                    #expect(fromSnapshot.claims(matching: ClaimFilter(), includingRetracted: true)
                        == expected.claims(matching: ClaimFilter(), includingRetracted: true), "snapshot \(start) to \(seq)")
                    #expect(fromSnapshot.latest(matching: ClaimFilter()) == expected.latest(matching: ClaimFilter()))
                }
            }
        }
    }

    @Test func editsRecordedAfterThePointAreNotApplied() throws {
        let events = Self.events()
        let ids = events.compactMap(\.claimID)
        try Self.withLog(events) { log in
            // At seq 5 Milley's "over 100,000" stands, uncorrected by the retraction at 6.
            let five = try PastProjections.replay(Projections(), through: 5, of: log)
            #expect(five.claim(id: ids[0])?.retraction == nil)
            #expect(five.claims(matching: ClaimFilter()).map(\.id) == Array(ids[0..<3]))
            #expect(five.claim(id: ids[2])?.claim.qualifier == .exact)
            // At 7 it is retracted and the UN's figure corrected; c.txt is not there yet.
            let seven = try PastProjections.replay(five, through: 7, of: log)
            #expect(seven.claim(id: ids[0])?.retraction?.seq == 6)
            #expect(seven.claim(id: ids[2])?.claim.qualifier == .approximately)
            #expect(try seven.documents(matching: nil).map(\.name) == ["a.txt", "b.txt"])
            #expect(seven.history(matching: ClaimFilter(speaker: "Milley", per: ClaimFilter.totals))
                .flatMap(\.entries).map(\.change).contains(.retracted))
        }
    }

    @Test func aTimeStandsForTheLastSeqRecordedAtOrBeforeIt() throws {
        let events = Self.events()
        let now = Self.time(100)
        try Self.withLog(events) { (log) throws -> Void in
            func seq(_ text: String) throws -> UInt64 {
                try PastProjections.resolve(#require(AsOfPoint(text)), in: log, now: now).seq
            }
            for event in events {
                let stamp = RFC3339.string(from: event.recordedAt)
                #expect(try seq(stamp) == event.seq)
                #expect(try seq(RFC3339.string(from: event.recordedAt.addingTimeInterval(30))) == event.seq)
                #expect(try seq("\(event.seq)") == event.seq)
            }
            #expect(try PastProjections.resolve(.seq(4), in: log).recordedAt == Self.time(4))
            // A day is as of its end; the seeds' day holds every event.
            let day = String(RFC3339.string(from: Fixtures.day).prefix(10))
            #expect(try seq(day) == UInt64(events.count))
            // An offset is read as one.
            let plusOne = RFC3339.string(from: Self.time(3).addingTimeInterval(3600)).dropLast() + "+01:00"
            #expect(try seq(String(plusOne)) == 3)
        }
    }

    @Test func aPointTheLogDoesNotReachIsRefusedNamingItsEnds() throws {
        let events = Self.events()
        try Self.withLog(events) { (log) throws -> Void in
            func error(_ text: String) -> AsOfError? {
                do {
                    _ = try PastProjections.resolve(AsOfPoint(text)!, in: log, now: Self.time(100))
                    return nil
                } catch {
                    return error as? AsOfError
                }
            }
            #expect(error("0")?.code == .beforeStart)
            #expect(error("11")?.code == .pastEnd)
            #expect(error("11")?.message == "seq 11 is past the end of the log, which ends at seq 10, recorded \(RFC3339.string(from: Self.time(10)))")
            #expect(error(RFC3339.string(from: Self.time(0)))?.code == .beforeStart)
            #expect(error("2099-01-01")?.code == .pastEnd)
            #expect(error(RFC3339.string(from: Self.time(101)))?.code == .pastEnd)
        }
        try Self.withLog([]) { log in
            #expect(throws: AsOfError.self) { try PastProjections.resolve(.seq(1), in: log) }
        }
    }

    @Test func onlySeqsDatesAndTimestampsAreRead() {
        for text in ["12", "2026-12-06", "2026-12-06T06:07:26Z", "2026-12-06T06:07:26.557Z", "2026-12-06T07:07:26+01:00"] {
            #expect(AsOfPoint(text) != nil, "\(text)")
        }
        for text in ["", "yesterday", "12a", "-3", "2026-12", "2026-13-01", "2026-12-06T06:07", "99999999999999999999999"] {
            #expect(AsOfPoint(text) == nil, "\(text)")
        }
    }
}

extension Event {
    /// The claim an event extracts.
    var claimID: String? {
        if case .claimExtracted(let extracted) = payload { return extracted.id }
        return nil
    }
}

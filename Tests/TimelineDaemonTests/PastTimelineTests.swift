@testable import EventLog
import Foundation
import Testing
import TimelineTestSupport
import Timeline

@testable import TimelineDaemon

/// Answers for a point of the past: the replay of the log's prefix, started
/// from the nearest state at hand, whatever order the points come in.
@Suite struct PastTimelineTests {
    @Test func everyPointIsTheReplayOfItsPrefixWhateverItStartsFrom() async throws {
        try await withTemporaryFolder { data in
            let log = try EventLog.open(directory: URL(fileURLWithPath: data + "/log"))
            defer { log.close() }
            try await TestEvents.append(TestEvents.batches(count: 80), to: log)
            let last = log.lastSeq
            let snapshots = SnapshotStore(directory: URL(fileURLWithPath: data + "/snapshots"), keep: 3, keepSpread: 4)
            for seq in stride(from: UInt64(10), to: last, by: 10) {
                let projections = try PastProjections.replay(Projections(), through: seq, of: log)
                try snapshots.write(
                    projections.snapshotContent.encoded(), seq: seq, chainHead: try log.chainHead(at: seq),
                    version: Projections.snapshotVersion)
            }
            // A snapshot whose body cannot be read is passed over for an earlier state.
            try snapshots.write(
                [0xFF, 0xFF, 0x01], seq: 35, chainHead: try log.chainHead(at: 35), version: Projections.snapshotVersion)
            let now = try TestEvents.replay(log)
            let past = PastTimeline(log: log, snapshots: snapshots)
            for seq: UInt64 in [1, 37, 36, 39, 9, 10, 11, 42, last - 1, last, 5] {
                let (asOf, projections) = try await past.projections(asOf: .seq(seq)) { $0 == now.lastSeq ? now : nil }
                #expect(asOf.seq == seq && asOf.recordedAt == TestEvents.recordedAt)
                #expect(projections == (try PastProjections.replay(Projections(), through: seq, of: log)), "seq \(seq)")
            }
        }
    }

    @Test func anAnswerStartsFromTheNewestSnapshotAtOrBeforeItsPoint() async throws {
        try await withTemporaryFolder { data in
            let log = try EventLog.open(directory: URL(fileURLWithPath: data + "/log"))
            defer { log.close() }
            try await TestEvents.append(TestEvents.batches(count: 40), to: log)
            // A snapshot at seq 20 that holds only a document of its own: an
            // answer that starts from it shows that document.
            var marked = Projections()
            marked.apply(Event(seq: 20, recordedAt: TestEvents.recordedAt, payload: .documentRejected(DocumentRejected(
                name: "from-the-snapshot.txt", reason: "too_large", message: "too large", movedTo: "failed/x", size: 1))))
            let snapshots = SnapshotStore(directory: URL(fileURLWithPath: data + "/snapshots"))
            try snapshots.write(
                marked.snapshotContent.encoded(), seq: 20, chainHead: try log.chainHead(at: 20),
                version: Projections.snapshotVersion)
            let past = PastTimeline(log: log, snapshots: snapshots)
            let now = try TestEvents.replay(log)
            func names(_ seq: UInt64) async throws -> [String] {
                try await past.projections(asOf: .seq(seq)) { $0 == now.lastSeq ? now : nil }.1.documents(matching: nil).map(\.name)
            }
            let after = try await names(25)
            let before = try await names(19)
            #expect(after.first == "from-the-snapshot.txt")
            #expect(!before.contains("from-the-snapshot.txt"))
        }
    }

    /// As a daemon with snapshots opens the log: the sealed segments are
    /// trusted by their seals and none of their records is indexed. An
    /// answer from a snapshot in one starts the replay at the snapshot's
    /// recorded place, and is the replay of the prefix all the same.
    @Test func anAnswerFromASnapshotInASealedSegmentStartsAtItsRecordedPlace() async throws {
        try await withTemporaryFolder { data in
            let directory = URL(fileURLWithPath: data + "/log")
            var options = EventLog.Options(segmentBytes: 16 << 10)
            let snapshots = SnapshotStore(directory: URL(fileURLWithPath: data + "/snapshots"), keep: 3, keepSpread: 4)
            do {
                let log = try EventLog.open(directory: directory, options: options)
                defer { log.close() }
                try await TestEvents.append(TestEvents.batches(count: 120), to: log)
                for seq in stride(from: UInt64(25), to: log.lastSeq, by: 25) {
                    let projections = try PastProjections.replay(Projections(), through: seq, of: log)
                    try snapshots.write(
                        projections.snapshotContent.encoded(), seq: seq, chainHead: try log.chainHead(at: seq),
                        location: try log.location(of: seq), version: Projections.snapshotVersion)
                }
            }
            options.openCheck = .sealsAndTail
            let log = try EventLog.open(directory: directory, options: options)
            defer { log.close() }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count > 3, "several segments")
            let past = PastTimeline(log: log, snapshots: snapshots)
            let snapshot = try #require(try snapshots.loadNewest(version: Projections.snapshotVersion, through: 60).snapshot)
            let place = try #require(snapshot.location)
            #expect(place.segmentFirstSeq > 1, "in a sealed segment")
            #expect(!log.index.withLock { $0.entries.contains { $0.seq == snapshot.seq } })
            for seq: UInt64 in [60, 33, 100, 26, 25] {
                let (_, projections) = try await past.projections(asOf: .seq(seq)) { _ in nil }
                #expect(projections == (try PastProjections.replay(Projections(), through: seq, of: log)), "seq \(seq)")
                if seq == 60 {
                    let entry = SparseIndex.Entry(seq: snapshot.seq, segmentFirstSeq: place.segmentFirstSeq, offset: place.offset)
                    #expect(log.index.withLock { $0.entries.contains(entry) }, "the snapshot's place is remembered")
                }
            }
        }
    }
}

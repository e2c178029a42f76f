import EventLog
import Foundation
import Testing
import TimelineTestSupport
import Timeline
@testable import TimelineDaemon

/// A start from a snapshot must serve what a replay from scratch serves,
/// and a snapshot that does not fit must be passed over, never applied.
@Suite struct SnapshotRestoreTests {
    /// A log of `count` events in DATA/state/log, a snapshot of the first
    /// `snapshotAt` events beside it, and a daemon to restore with.
    private func prepare(
        in data: String, count: Int, snapshotAt: UInt64, version: String = Projections.snapshotVersion
    ) async throws -> (EventLog, Daemon, CapturedLog, String) {
        let captured = CapturedLog()
        let daemon = try Daemon(configurationFile: nil, overrides: .init(dataDirectory: data), logger: captured.logger)
        let folders = daemon.configuration.folders
        let log = try EventLog.open(directory: URL(fileURLWithPath: folders.log))
        let batches = TestEvents.batches(count: count)
        var before = Projections()
        for batch in batches {
            try await TestEvents.append([batch], to: log)
            for event in batch where event.seq <= snapshotAt { before.apply(event) }
        }
        #expect(log.lastSeq == UInt64(count))
        let seq = before.lastSeq
        let name = try SnapshotStore(directory: URL(fileURLWithPath: folders.snapshots)).write(
            before.snapshotContent.encoded(), seq: seq, chainHead: try log.chainHead(at: seq), version: version)
        return (log, daemon, captured, folders.snapshots + "/" + name)
    }

    @Test func aStartFromASnapshotServesWhatAFullReplayServes() async throws {
        try await withTemporaryFolder { data in
            let (log, daemon, captured, _) = try await prepare(in: data, count: 400, snapshotAt: 250)
            defer { log.close() }
            let restored = try daemon.restore(log, snapshots: daemon.configuration.folders.snapshots)
            #expect(restored.snapshotSeq == 250)
            let replayed = try TestEvents.replay(log)
            #expect(restored.projections == replayed)
            #expect(restored.projections.summary == replayed.summary)
            #expect(restored.projections.summary.claims > 100)
            #expect(captured.contains("snapshot loaded"))
            #expect(captured.contains("replayed=\(400 - restored.snapshotSeq)"))
        }
    }

    @Test func aDamagedSnapshotIsIgnoredAndTheLogReplayed() async throws {
        try await withTemporaryFolder { data in
            let (log, daemon, captured, file) = try await prepare(in: data, count: 120, snapshotAt: 100)
            defer { log.close() }
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            bytes[bytes.count / 2] ^= 0x10
            try bytes.write(to: URL(fileURLWithPath: file))

            let restored = try daemon.restore(log, snapshots: daemon.configuration.folders.snapshots)
            #expect(restored.snapshotSeq == 0)
            #expect(restored.projections == (try TestEvents.replay(log)))
            #expect(captured.contains("snapshot ignored"))
            #expect(captured.contains("CRC32C mismatch"))
        }
    }

    @Test func aSnapshotOfOtherReducersIsIgnored() async throws {
        try await withTemporaryFolder { data in
            let (log, daemon, captured, _) = try await prepare(in: data, count: 60, snapshotAt: 50, version: "projections-0/binary-1")
            defer { log.close() }
            let restored = try daemon.restore(log, snapshots: daemon.configuration.folders.snapshots)
            #expect(restored.snapshotSeq == 0)
            #expect(restored.projections == (try TestEvents.replay(log)))
            #expect(captured.contains("made by version projections-0/binary-1"))
        }
    }

    @Test func aWholeSnapshotWithABodyThisCodeCannotReadIsIgnored() async throws {
        try await withTemporaryFolder { data in
            let (log, daemon, captured, _) = try await prepare(in: data, count: 60, snapshotAt: 50)
            defer { log.close() }
            // A newer snapshot, whole and of this version, but not a body this code wrote.
            try SnapshotStore(directory: URL(fileURLWithPath: daemon.configuration.folders.snapshots)).write(
                [0xFF, 0xFF, 0x01], seq: 55, chainHead: try log.chainHead(at: 55), version: Projections.snapshotVersion)
            let restored = try daemon.restore(log, snapshots: daemon.configuration.folders.snapshots)
            #expect(restored.snapshotSeq == 0)
            #expect(restored.projections == (try TestEvents.replay(log)))
            #expect(captured.contains("its body cannot be read"))
        }
    }
}

/// Snapshots are written as the events come, and once more at the end.
@Suite struct SnapshotterTests {
    private func makeStore(_ data: String) throws -> (EventLog, TimelineStore, SnapshotStore) {
        let log = try EventLog.open(directory: URL(fileURLWithPath: data + "/log"))
        let store = TimelineStore(
            extractor: TestEvents.extractor, inboxPath: data + "/inbox", log: log, followers: EventBroadcaster())
        return (log, store, SnapshotStore(directory: URL(fileURLWithPath: data + "/snapshots")))
    }

    @Test func everyNEventsAndAtTheEnd() async throws {
        try await withTemporaryFolder { data in
            let (log, store, snapshots) = try makeStore(data)
            defer { log.close() }
            let snapshotter = Snapshotter(
                store: snapshots, timeline: store, log: log, everyEvents: 40, everySeconds: 3_600, coveredSeq: 0,
                logger: CapturedLog().logger)
            for batch in TestEvents.batches(count: 100) {
                try await TestEvents.append([batch], to: log)
                await store.apply(batch, chainHead: log.chainHead.hex)
                await snapshotter.applied(through: batch.last!.seq)
            }
            try await waitUntil("a snapshot is written after 40 events") {
                (try snapshots.loadNewest(version: Projections.snapshotVersion, matching: log).snapshot) != nil
            }
            await snapshotter.finish()
            let newest = try #require(try snapshots.loadNewest(version: Projections.snapshotVersion, matching: log).snapshot)
            #expect(newest.seq == 100)
            #expect(try Projections(snapshot: newest.body) == (try TestEvents.replay(log)))
        }
    }

    @Test func aFewEventsAreSnapshottedAfterTheSeconds() async throws {
        try await withTemporaryFolder { data in
            let (log, store, snapshots) = try makeStore(data)
            defer { log.close() }
            let snapshotter = Snapshotter(
                store: snapshots, timeline: store, log: log, everyEvents: 10_000, everySeconds: 1, coveredSeq: 0,
                logger: CapturedLog().logger)
            let batch = TestEvents.batches(count: 3)[0]
            try await TestEvents.append([batch], to: log)
            await store.apply(batch, chainHead: log.chainHead.hex)
            await snapshotter.applied(through: batch.last!.seq)
            try await waitUntil("the timer writes a snapshot", timeout: .seconds(60)) {
                (try snapshots.loadNewest(version: Projections.snapshotVersion, matching: log).snapshot?.seq) == batch.last!.seq
            }
            await snapshotter.finish()
        }
    }
}

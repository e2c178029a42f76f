import Foundation
import Testing
import TimelineTestSupport

@testable import EventLog

@Suite struct SnapshotStoreTests {
    private let head = ChainHash(hex: String(repeating: "ab", count: 32))!

    @Test func theNewestSnapshotIsLoadedWhole() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory.appending(path: "snapshots"))
            #expect(try store.loadNewest(version: "v1").snapshot == nil)
            try store.write(Array("ten".utf8), seq: 10, chainHead: head, version: "v1")
            let name = try store.write(Array("twenty".utf8), seq: 20, chainHead: head, version: "v1")
            #expect(name == "00000000000000000020.snap")
            let loaded = try store.loadNewest(version: "v1")
            #expect(loaded.snapshot == Snapshot(seq: 20, chainHead: head, version: "v1", body: Array("twenty".utf8), fileName: name))
            #expect(loaded.skipped.isEmpty)
            // Written atomically: no temporary file remains.
            let files = try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
            #expect(files.sorted() == ["00000000000000000010.snap", "00000000000000000020.snap"])
        }
    }

    @Test func onlyTheNewestFewAreKept() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory, keep: 2)
            for seq: UInt64 in [5, 1, 9, 7] {
                try store.write([UInt8(seq)], seq: seq, chainHead: head, version: "v1")
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(files == ["00000000000000000007.snap", "00000000000000000009.snap"])
        }
    }

    @Test func olderSnapshotsAreKeptSpreadOverTheLog() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory, keep: 3, keepSpread: 4)
            for seq in stride(from: UInt64(100), through: 10_000, by: 100) {
                try store.write([UInt8(seq % 256)], seq: seq, chainHead: head, version: "v1")
            }
            let seqs = try store.files().map(\.seq).sorted()
            #expect(seqs.count == 7)
            #expect(seqs.suffix(3) == [9_800, 9_900, 10_000])
            // No point of the log is further than a few tenths of it from a snapshot before it.
            let gaps = zip([0] + seqs, seqs).map { $1 - $0 }
            #expect(gaps.max()! <= 4_000, "gaps \(gaps)")
        }
    }

    @Test func theNewestSnapshotAtOrBeforeASeqIsLoaded() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory, keep: 5)
            for seq: UInt64 in [10, 20, 30] {
                try store.write([UInt8(seq)], seq: seq, chainHead: head, version: "v1")
            }
            #expect(try store.loadNewest(version: "v1", through: 29).snapshot?.seq == 20)
            #expect(try store.loadNewest(version: "v1", through: 30).snapshot?.seq == 30)
            #expect(try store.loadNewest(version: "v1", through: 9).snapshot == nil)
            #expect(try store.loadNewest(version: "v1", through: 9).skipped.isEmpty)
        }
    }

    @Test func aDamagedSnapshotIsSkippedForTheNextNewest() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory)
            try store.write(Array("old".utf8), seq: 1, chainHead: head, version: "v1")
            let name = try store.write(Array("new state".utf8), seq: 2, chainHead: head, version: "v1")
            let file = directory.appending(path: name)
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count - 6] ^= 0x04
            try bytes.write(to: file)

            let loaded = try store.loadNewest(version: "v1")
            #expect(loaded.snapshot?.seq == 1)
            #expect(loaded.skipped.map(\.fileName) == [name])
            #expect(loaded.skipped.first?.reason.contains("CRC32C mismatch") == true)

            // Cut short, as a crash of a careless writer would leave it.
            try bytes.prefix(30).write(to: file)
            #expect(try store.loadNewest(version: "v1").snapshot?.seq == 1)
        }
    }

    @Test func aSnapshotOfAnotherVersionIsSkipped() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory)
            try store.write([1], seq: 1, chainHead: head, version: "projections-1")
            try store.write([2], seq: 2, chainHead: head, version: "projections-2")
            let loaded = try store.loadNewest(version: "projections-1")
            #expect(loaded.snapshot?.body.bytes == [1])
            #expect(loaded.skipped.first?.reason.contains("projections-2") == true)
            #expect(try store.loadNewest(version: "projections-3").snapshot == nil)
        }
    }

    @Test func aSnapshotOfAnotherHistoryIsSkipped() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory.appending(path: "log"))
            defer { log.close() }
            for n in 0..<10 { _ = try await log.append([eventBody(n)]) }
            let store = SnapshotStore(directory: directory.appending(path: "snapshots"))
            try store.write([5], seq: 5, chainHead: try log.chainHead(at: 5), version: "v1")
            try store.write([7], seq: 7, chainHead: head, version: "v1")
            try store.write([11], seq: 11, chainHead: log.chainHead, version: "v1")

            let loaded = try store.loadNewest(version: "v1", matching: log)
            #expect(loaded.snapshot?.seq == 5)
            #expect(loaded.skipped.count == 2)
            #expect(loaded.skipped[0].reason.contains("the log ends at seq 10"))
            #expect(loaded.skipped[1].reason.contains("another history"))
        }
    }

    @Test func aTemporaryFileLeftByACrashIsIgnoredAndCleanedUp() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory)
            try store.write([1], seq: 1, chainHead: head, version: "v1")
            let leftover = directory.appending(path: "00000000000000000002.snap.tmp-1-2")
            try Data([1, 2, 3]).write(to: leftover)
            #expect(try store.loadNewest(version: "v1").snapshot?.seq == 1)
            try store.write([3], seq: 3, chainHead: head, version: "v1")
            #expect(!FileManager.default.fileExists(atPath: leftover.path))
        }
    }

    @Test func theSeqASnapshotCoversIsReadFromItsHeaderAlone() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory.appending(path: "snapshots"))
            #expect(try store.files().isEmpty)
            try store.write(Array("ten".utf8), seq: 10, chainHead: head, version: "v1")
            let name = try store.write(Array(repeating: 7, count: 1000), seq: 20, chainHead: head, version: "v2")
            let files = try store.files()
            #expect(files.map(\.name) == [name, "00000000000000000010.snap"])
            #expect(try files.map { try store.coveredSeq(of: $0) } == [20, 10])

            // A damaged body still shows how far the log had come; the
            // load, which checks the whole file, passes it over.
            let url = store.directory.appending(path: name)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count - 100] ^= 0x01
            try bytes.write(to: url)
            #expect(try store.coveredSeq(of: files[0]) == 20)
            #expect(try store.loadNewest(version: "v2").snapshot == nil)

            // A header that disagrees with the name, or a file cut short, does not.
            bytes[16] ^= 0x01
            try bytes.write(to: url)
            #expect(throws: EventLogError.self) { try store.coveredSeq(of: files[0]) }
            try Data(bytes.prefix(500)).write(to: url)
            #expect(throws: EventLogError.self) { try store.coveredSeq(of: files[0]) }
        }
    }

    @Test func aSnapshotKeepsItsRecordsLocationAndTheLoadReadsTheChainHeadThere() async throws {
        try await withTemporaryDirectory { directory in
            var options = smallSegments(2048)
            let logDirectory = directory.appending(path: "log")
            do {
                let log = try EventLog.open(directory: logDirectory, options: options)
                defer { log.close() }
                for n in 0..<60 { _ = try await log.append([eventBody(n)]) }
            }
            // As a start with a snapshot opens it: the sealed segments are
            // trusted by their seals, and no record of theirs is indexed.
            options.openCheck = .sealsAndTail
            let log = try EventLog.open(directory: logDirectory, options: options)
            defer { log.close() }
            let location = try log.location(of: 23)
            #expect(location.seq == 23)
            #expect(location.segmentFirstSeq > 1 && location.segmentFirstSeq <= 23)
            let store = SnapshotStore(directory: directory.appending(path: "snapshots"), keep: 5)
            try store.write([23], seq: 23, chainHead: try log.chainHead(at: 23), location: location, version: "v1")

            let loaded = try #require(try store.loadNewest(version: "v1", matching: log).snapshot)
            #expect(loaded.location == location)
            #expect(loaded.chainHead == (try log.chainHead(at: 23)))
            // The log now starts a read after 23 at that record.
            #expect(log.index.withLock { $0.entry(atOrBefore: 24) } == SparseIndex.Entry(seq: 23, segmentFirstSeq: location.segmentFirstSeq, offset: location.offset))
            #expect(try log.records(after: 23, limit: 1).first?.body == eventBody(23))

            // A location that holds no such record is passed over: the
            // chain head is read from the segment, as without one.
            for wrong in [
                EventLog.RecordLocation(seq: 23, segmentFirstSeq: location.segmentFirstSeq, offset: location.offset + 1),
                EventLog.RecordLocation(seq: 23, segmentFirstSeq: location.segmentFirstSeq, offset: 1 << 40),
                EventLog.RecordLocation(seq: 23, segmentFirstSeq: 999, offset: location.offset),
                try log.location(of: 22).withSeq(23),
            ] {
                #expect(try log.chainHead(at: 23, location: wrong) == (try log.chainHead(at: 23)))
            }
            #expect(log.index.withLock { $0.entries.contains { $0.seq == 23 && $0.offset != location.offset } } == false)
        }
    }

    @Test func aSnapshotOfTheFirstFormatLoadsWithoutALocation() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(directory: directory)
            let name = try store.write(Array("body".utf8), seq: 4, chainHead: head, version: "v1")
            // The same snapshot as format 1 wrote it: a 64-byte header.
            let url = directory.appending(path: name)
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[8] = 1
            bytes.removeSubrange(64..<80)
            bytes.removeLast(4)
            withUnsafeBytes(of: CRC32C.checksum(bytes).littleEndian) { bytes.append(contentsOf: $0) }
            try Data(bytes).write(to: url)

            #expect(try store.coveredSeq(of: try store.files()[0]) == 4)
            let loaded = try #require(try store.loadNewest(version: "v1").snapshot)
            #expect(loaded == Snapshot(seq: 4, chainHead: head, version: "v1", body: Array("body".utf8), fileName: name))
        }
    }
}

extension EventLog.RecordLocation {
    /// This place, said to hold another record.
    fileprivate func withSeq(_ seq: UInt64) -> Self {
        Self(seq: seq, segmentFirstSeq: segmentFirstSeq, offset: offset)
    }
}

import Foundation
import Testing
import TimelineTestSupport

@testable import EventLog

@Suite struct RecoveryTests {
    /// Builds a log whose last segment ends with single records and a batch of
    /// three, and returns the bodies by seq.
    private func buildLog(in directory: URL) async throws -> [[UInt8]] {
        let log = try EventLog.open(directory: directory, options: smallSegments(2048))
        defer { log.close() }
        var bodies: [[UInt8]] = []
        for n in 0..<30 {
            let body = eventBody(n, size: 40 + (n * 7) % 90)
            _ = try await log.append([body])
            bodies.append(body)
        }
        let batch = (30..<33).map { eventBody($0, size: 33) }
        _ = try await log.append(batch)
        bodies += batch
        let last = eventBody(33, size: 71)
        _ = try await log.append([last])
        bodies.append(last)
        return bodies
    }

    @Test func tornTailIsCutAtTheLastWholeRecord() async throws {
        try await withTemporaryDirectory { directory in
            let bodies = try await buildLog(in: directory)
            let lastSegment = try #require(try segmentFiles(in: directory).last)
            let original = try Data(contentsOf: lastSegment)
            let (_, records, _) = try decodeSegment(lastSegment)
            try #require(records.count >= 5)
            // Where each batch ends, and the last seq whole at that point.
            var boundaries: [(end: Int, seq: UInt64)] = [(Int(records[0].offset), records[0].seq - 1)]
            for record in records where !record.batchContinues {
                boundaries.append((Int(record.offset) + frameLength(record), record.seq))
            }
            let firstCut = Int(records[max(0, records.count - 6)].offset)
            let recordsEnd = boundaries[boundaries.count - 1].end

            // Every cut across the last records, and a few into the zeros
            // preallocated after them.
            for cut in firstCut..<(recordsEnd + 16) {
                try original.prefix(cut).write(to: lastSegment)
                let expected = boundaries.last { $0.end <= cut }!
                // A cut record's kept bytes may end in zeros (a length's high
                // bytes): the dropped bytes run to the last that is not.
                let lastByte = original.prefix(cut).dropFirst(expected.end).lastIndex { $0 != 0 }
                let dropped = lastByte.map { $0 + 1 - expected.end } ?? 0
                let log = try EventLog.open(directory: directory, options: smallSegments(2048))
                #expect(log.lastSeq == expected.seq, "cut at \(cut)")
                #expect(log.recoveryReport.droppedBytes == Int64(dropped), "cut at \(cut)")
                #expect((log.recoveryReport.tornTail == nil) == (dropped == 0), "cut at \(cut)")
                let read = try log.records(after: 0)
                #expect(read.count == Int(expected.seq))
                #expect(read.map(\.body) == Array(bodies.prefix(Int(expected.seq))), "cut at \(cut)")
                // Cut back to the last whole batch, then zeros for the next.
                let recovered = try Data(contentsOf: lastSegment)
                #expect(recovered.prefix(expected.end) == original.prefix(expected.end), "cut at \(cut)")
                #expect(recovered.dropFirst(expected.end).allSatisfy { $0 == 0 }, "cut at \(cut)")
                // Appending after recovery continues the chain.
                #expect(try await log.append([eventBody(99)]) == (expected.seq + 1)...(expected.seq + 1))
                log.close()
                #expect(EventLog.verify(directory: directory).isClean, "cut at \(cut)")
            }
        }
    }

    @Test func anUnfinishedBatchIsCutWhole() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([eventBody(1)])
            _ = try await log.append([eventBody(2), eventBody(3), eventBody(4)])
            log.close()
            let segment = try #require(try segmentFiles(in: directory).first)
            let records = try decodeSegment(segment).records
            // Cut right after the batch's second record: two whole records of an unfinished batch.
            let cut = Int(records[2].offset) + frameLength(records[2])
            try Data(contentsOf: segment).prefix(cut).write(to: segment)

            let verify = EventLog.verify(directory: directory)
            #expect(verify.isIntact)
            #expect(verify.tornTail?.droppedRecords == 2)
            #expect(verify.lastSeq == 1)

            let reopened = try EventLog.open(directory: directory)
            defer { reopened.close() }
            #expect(reopened.lastSeq == 1)
            #expect(reopened.recoveryReport.tornTail?.droppedRecords == 2)
            #expect(reopened.recoveryReport.tornTail?.offset == records[1].offset)
        }
    }

    @Test func zerosAfterTheLastRecordAreSpaceForTheNextNotDamage() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([eventBody(1), eventBody(2)])
            log.close()
            let segment = try #require(try segmentFiles(in: directory).first)
            // The open segment is preallocated: its records, then zeros.
            let size = try #require(try FileManager.default.attributesOfItem(atPath: segment.path)[.size] as? Int)
            #expect(size == EventLog.Options().segmentBytes)

            let report = EventLog.verify(directory: directory)
            #expect(report.faults.isEmpty)
            #expect(report.tornTail == nil)
            let reopened = try EventLog.open(directory: directory)
            #expect(reopened.lastSeq == 2)
            #expect(reopened.recoveryReport.tornTail == nil)
            #expect(try await reopened.append([eventBody(3)]) == 3...3)
            reopened.close()
            let again = try EventLog.open(directory: directory)
            defer { again.close() }
            #expect(try again.records(after: 0).map(\.body) == [eventBody(1), eventBody(2), eventBody(3)])
        }
    }

    @Test func debrisAmongTheZerosIsCutAndCountedToItsLastByte() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([eventBody(1), eventBody(2)])
            log.close()
            let segment = try #require(try segmentFiles(in: directory).first)
            let (_, records, _) = try decodeSegment(segment)
            let end = UInt64(try #require(records.last).offset) + UInt64(frameLength(try #require(records.last)))
            // Part of a record whose write a crash cut: bytes, a gap of zeros, bytes.
            let handle = try FileHandle(forWritingTo: segment)
            try handle.seek(toOffset: end)
            try handle.write(contentsOf: Data([0x51, 0x00, 0x00, 0x00, 0x7A]))
            try handle.seek(toOffset: end + 100)
            try handle.write(contentsOf: Data([0x01]))
            try handle.close()

            let report = EventLog.verify(directory: directory)
            #expect(report.faults.isEmpty)
            #expect(report.tornTail?.byteCount == 101)
            let reopened = try EventLog.open(directory: directory)
            #expect(reopened.lastSeq == 2)
            #expect(reopened.recoveryReport.droppedBytes == 101)
            #expect(try await reopened.append([eventBody(3)]) == 3...3)
            reopened.close()
            // The debris is gone: the next open finds the records and zeros.
            let again = try EventLog.open(directory: directory)
            defer { again.close() }
            #expect(again.recoveryReport.tornTail == nil)
            #expect(try again.records(after: 0).map(\.seq) == [1, 2, 3])
        }
    }

    @Test func aSealedSegmentEndsWithItsSealAndNoZeros() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: smallSegments(1024))
            for n in 1...20 { _ = try await log.append([eventBody(n, size: 100)]) }
            log.close()
            let files = try segmentFiles(in: directory)
            #expect(files.count >= 2)
            for file in files.dropLast() {
                let (_, records, leftover) = try decodeSegment(file)
                let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
                let last = try #require(records.last)
                #expect(last.kind == .seal)
                #expect(Int(last.offset) + frameLength(last) == size, "\(file.lastPathComponent)")
                #expect(leftover == 0)
            }
        }
    }

    @Test func aSealedLastSegmentIsFollowedByANewOneOnAppend() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: smallSegments(512))
            for n in 0..<12 { _ = try await log.append([eventBody(n, size: 100)]) }
            log.close()
            var files = try segmentFiles(in: directory)
            #expect(files.count >= 3)
            let lastFirstSeq = try decodeSegment(files.last!).header.firstSeq
            try FileManager.default.removeItem(at: files.removeLast())

            let reopened = try EventLog.open(directory: directory, options: smallSegments(512))
            #expect(reopened.lastSeq == lastFirstSeq - 1)
            #expect(try await reopened.append([eventBody(50)]) == lastFirstSeq...lastFirstSeq)
            reopened.close()
            #expect(try segmentFiles(in: directory).last?.lastPathComponent == LogFormat.segmentFileName(firstSeq: lastFirstSeq))
            #expect(EventLog.verify(directory: directory).isClean)
        }
    }

    @Test func aSegmentLeftHalfCreatedIsRemovedAtOpen() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([eventBody(1)])
            log.close()
            let leftover = directory.appending(path: LogFormat.segmentFileName(firstSeq: 2) + ".tmp")
            try Data([0x89, 0x45]).write(to: leftover)

            let reopened = try EventLog.open(directory: directory)
            defer { reopened.close() }
            #expect(reopened.recoveryReport.removedTemporaryFiles == [leftover.lastPathComponent])
            #expect(!FileManager.default.fileExists(atPath: leftover.path))
            #expect(reopened.lastSeq == 1)
        }
    }
}

import Foundation
import Testing

@testable import EventLog
import TimelineTestSupport

@Suite struct EventLogRoundTripTests {
    @Test func appendedRecordsSurviveReopen() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            #expect(log.recoveryReport.createdNewLog)
            #expect(log.lastSeq == 0)
            #expect(log.chainHead == .zero)
            #expect(try await log.append([eventBody(1)]) == 1...1)
            #expect(try await log.append([eventBody(2), eventBody(3), []]) == 2...4)
            #expect(try await log.append([Data(eventBody(5))]) == 5...5)
            let head = log.chainHead
            log.close()

            let reopened = try EventLog.open(directory: directory)
            defer { reopened.close() }
            #expect(!reopened.recoveryReport.createdNewLog)
            #expect(reopened.recoveryReport.tornTail == nil)
            #expect(reopened.recoveryReport.droppedBytes == 0)
            #expect(reopened.lastSeq == 5)
            #expect(reopened.chainHead == head)
            let records = try reopened.records(after: 0)
            #expect(records.map(\.seq) == [1, 2, 3, 4, 5])
            #expect(records.map(\.body) == [eventBody(1), eventBody(2), eventBody(3), [], eventBody(5)])
            #expect(try await reopened.append([eventBody(6)]) == 6...6)
        }
    }

    @Test func seqsStayGapFreeAcrossSegmentRolls() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: smallSegments())
            var expected: [[UInt8]] = []
            var generator = SplitMix64(seed: 1)
            while expected.count < 300 {
                let batch = (0..<Int.random(in: 1...4, using: &generator)).map { eventBody(expected.count + $0, size: Int.random(in: 10...200, using: &generator)) }
                let range = try await log.append(batch)
                #expect(range.lowerBound == UInt64(expected.count + 1))
                #expect(range.count == batch.count)
                expected += batch
            }
            log.close()

            let files = try segmentFiles(in: directory)
            #expect(files.count > 10)
            var nextSeq: UInt64 = 1
            for (index, file) in files.enumerated() {
                let (header, records, leftover) = try decodeSegment(file)
                #expect(leftover == 0)
                #expect(file.lastPathComponent == LogFormat.segmentFileName(firstSeq: header.firstSeq))
                #expect(header.firstSeq == nextSeq)
                let events = records.filter { $0.kind == .event }
                #expect(events.map(\.seq) == Array(nextSeq..<(nextSeq + UInt64(events.count))))
                // A batch never spans two segments.
                #expect(events.last?.batchContinues == false)
                nextSeq += UInt64(events.count)
                let isLast = index == files.count - 1
                #expect((records.last?.kind == .seal) == !isLast, "\(file.lastPathComponent)")
                if !isLast, let last = records.last, let seal = last.body.withUnsafeBytes({ SegmentSeal(body: $0) }) {
                    #expect(seal.recordCount == UInt64(events.count))
                    #expect(seal.firstSeq == header.firstSeq)
                    #expect(seal.lastSeq == nextSeq - 1)
                    #expect(seal.chainHead == events.last?.chainHead)
                }
            }
            #expect(nextSeq - 1 == UInt64(expected.count))

            let report = EventLog.verify(directory: directory)
            #expect(report.isClean)
            #expect(report.segments == files.count)
            #expect(report.sealedSegments == files.count - 1)
            #expect(report.records == UInt64(expected.count))

            let reopened = try EventLog.open(directory: directory, options: smallSegments())
            defer { reopened.close() }
            #expect(reopened.recoveryReport.segmentCount == files.count)
            let bodies = try reopened.allBodies()
            #expect(bodies.count == expected.count)
            for (seq, body) in bodies { #expect(body == expected[Int(seq) - 1]) }
        }
    }

    /// Reads from the middle use the sparse index; they must match a full read
    /// on both sides of every index entry.
    @Test func readsAfterAnySeqMatchAFullRead() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: smallSegments(16 * 1024))
            defer { log.close() }
            for start in stride(from: 0, to: 600, by: 6) {
                _ = try await log.append((start..<(start + 6)).map { eventBody($0, size: 60) })
            }
            for after: UInt64 in [0, 1, 2, 126, 127, 128, 129, 255, 256, 257, 400, 598, 599] {
                let records = try log.records(after: after, limit: 3)
                #expect(records.map(\.seq) == Array((after + 1)...min(after + 3, 600)).map { $0 }, "after \(after)")
                #expect(records.first?.body == eventBody(Int(after), size: 60))
            }
            #expect(try log.records(after: 600).isEmpty)
            #expect(try log.records(after: 0, limit: 0).isEmpty)

            // Reopening rebuilds the index from the scan.
            log.close()
            let reopened = try EventLog.open(directory: directory, options: smallSegments(16 * 1024))
            defer { reopened.close() }
            for after: UInt64 in [127, 128, 129, 300, 599] {
                #expect(try reopened.records(after: after, limit: 1).first?.seq == after + 1)
            }
        }
    }

    @Test func chainHeadAtASeqIsTheHashOfThatRecord() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: smallSegments())
            defer { log.close() }
            for n in 0..<40 { _ = try await log.append([eventBody(n)]) }
            var decoded: [DecodedRecord] = []
            for file in try segmentFiles(in: directory) {
                decoded += try decodeSegment(file).records.filter { $0.kind == .event }
            }
            #expect(try log.chainHead(at: 0) == .zero)
            var previous = ChainHash.zero
            for record in decoded {
                #expect(record.previousChainHead == previous)
                previous = record.chainHead
                #expect(try log.chainHead(at: record.seq) == previous)
            }
            #expect(log.chainHead == previous)
            #expect(log.position == EventLog.Position(seq: 40, chainHead: previous))
            #expect(ChainHash(hex: previous.hex) == previous)
            #expect(throws: EventLogError.self) { try log.chainHead(at: 41) }
        }
    }

    @Test func aSecondWriterOfTheSameDirectoryIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let error = #expect(throws: EventLogError.self) { try EventLog.open(directory: directory) }
            #expect(error?.code == .locked)
            log.close()
            let again = try EventLog.open(directory: directory)
            again.close()
        }
    }

    @Test func appendsAreRefusedAfterClose() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([eventBody(1)])
            log.close()
            log.close()
            let error = await #expect(throws: EventLogError.self) { try await log.append([eventBody(2)]) }
            #expect(error?.code == .closed)
            // Reads keep working.
            #expect(try log.records(after: 0).count == 1)
        }
    }

    @Test func emptyBatchesAndOversizedRecordsAreRefused() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: EventLog.Options(maxRecordBytes: 100))
            defer { log.close() }
            let empty = await #expect(throws: EventLogError.self) { try await log.append([[UInt8]]()) }
            #expect(empty?.code == .emptyBatch)
            let large = await #expect(throws: EventLogError.self) {
                try await log.append([eventBody(1, size: 50), [UInt8](repeating: 1, count: 101)])
            }
            #expect(large?.code == .recordTooLarge)
            #expect(log.lastSeq == 0)
            #expect(try await log.append([[UInt8](repeating: 1, count: 100)]) == 1...1)
        }
    }

    /// Reads go through a 1 MiB buffer; a larger record must grow it, at open and on replay.
    @Test func aRecordLargerThanTheReadBufferIsReadWhole() async throws {
        try await withTemporaryDirectory { directory in
            let large = (0..<(3 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([eventBody(1), large, eventBody(3)])
            log.close()
            let reopened = try EventLog.open(directory: directory)
            defer { reopened.close() }
            #expect(try reopened.records(after: 0).map(\.body) == [eventBody(1), large, eventBody(3)])
        }
    }

    /// A record larger than a segment fills a segment alone.
    @Test func aBatchLargerThanASegmentGetsASegmentOfItsOwn() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: smallSegments(256))
            _ = try await log.append([eventBody(1, size: 50)])
            _ = try await log.append([eventBody(2, size: 1000), eventBody(3, size: 1000)])
            _ = try await log.append([eventBody(4, size: 50)])
            log.close()
            let files = try segmentFiles(in: directory)
            #expect(try files.map { try decodeSegment($0).records.filter { $0.kind == .event }.count } == [1, 2, 1])
            #expect(EventLog.verify(directory: directory).isClean)
        }
    }

    @Test func theLoggerHearsAboutNewSegments() async throws {
        try await withTemporaryDirectory { directory in
            let messages = MessageCollector()
            var options = smallSegments(256)
            options.logger = { messages.add($0) }
            let log = try EventLog.open(directory: directory, options: options)
            defer { log.close() }
            for n in 0..<5 { _ = try await log.append([eventBody(n, size: 100)]) }
            #expect(messages.all.contains { $0.level == .info && $0.message.contains("started event log segment") })
            #expect(log.statistics.segmentsCreated > 0)
        }
    }

    /// A check that runs while the writer appends (the daemon's background
    /// check, timelined verify beside a running daemon) must not take the
    /// records appended meanwhile, in the zeros preallocated for them, for
    /// damage.
    @Test func verifyWhileAppendsGoOnFindsNoFault() async throws {
        try await withTemporaryDirectory { directory in
            // Segments of 2 MiB, read in two chunks: a seal (and the cut of
            // the zeros after it) can come between the reads of one.
            let log = try EventLog.open(directory: directory, options: smallSegments(2 << 20))
            defer { log.close() }
            // On threads of their own: the checks read in a loop for as long
            // as the appends go on, which must not hold up other tests' tasks.
            let writer = onThread { for n in 0..<3_000 { _ = try log.appendBlocking([eventBody(n, size: 3_000)]) } }
            let checks = onThread { () -> [String] in
                var problems: [String] = []
                var count = 0
                while log.lastSeq < 3_000 || count < 2 {
                    let durable = log.lastSeq
                    let live = log.verify()
                    if !live.faults.isEmpty || live.tornTail != nil || live.lastSeq < durable {
                        problems.append("live: \(live.faults) \(String(describing: live.tornTail)) \(live.lastSeq) < \(durable)")
                    }
                    let offline = EventLog.verify(directory: directory)
                    if !offline.faults.isEmpty { problems.append("offline: \(offline.faults)") }
                    count += 1
                }
                return problems
            }
            try await writer.value
            #expect(try await checks.value == [])
            #expect(log.verify().lastSeq == 3_000)
            #expect(log.statistics.segmentsCreated >= 3)
        }
    }
}

/// Runs `body` on a thread of its own, outside the pool that tasks share.
private func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Task<T, any Error> {
    Task { try await blocking(body) }
}

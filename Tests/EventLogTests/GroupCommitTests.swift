import Foundation
import Testing
import TimelineTestSupport

@testable import EventLog

@Suite struct GroupCommitTests {
    /// Appends queued while the writer is busy go out with one fdatasync.
    @Test func appendsQueuedTogetherShareOneSync() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            defer { log.close() }
            log.pauseWriterForTesting()
            try await withThrowingTaskGroup(of: ClosedRange<UInt64>.self) { group in
                for n in 0..<50 {
                    group.addTask { try await log.append([eventBody(n)]) }
                }
                try await waitUntil("the 50 appends wait for the paused writer") { log.pendingAppendCountForTesting == 50 }
                #expect(log.lastSeq == 0)
                log.resumeWriterForTesting()
                var ranges: [ClosedRange<UInt64>] = []
                for try await range in group { ranges.append(range) }
                #expect(ranges.map(\.lowerBound).sorted() == Array(1...50))
            }
            #expect(log.statistics.syncs == 1)
            #expect(log.statistics.appends == 50)
            #expect(log.lastSeq == 50)
        }
    }

    /// Several tasks appending at once: every append durable, seqs gap-free,
    /// each task's records in its own order, fewer syncs than appends.
    @Test func concurrentAppendsAreGapFreeAndShareSyncs() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: smallSegments(8 * 1024))
            let writers = 8
            let appendsPerWriter = 25
            // The writer starts paused so that the first append of every task
            // is queued before any is written: at least those share a sync,
            // whatever the scheduler does afterwards.
            log.pauseWriterForTesting()
            let results = try await withThrowingTaskGroup(of: [(ClosedRange<UInt64>, [[UInt8]])].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var mine: [(ClosedRange<UInt64>, [[UInt8]])] = []
                        for n in 0..<appendsPerWriter {
                            let batch = (0...(n % 3)).map { eventBody(writer * 1000 + n * 10 + $0, size: 100) }
                            mine.append((try await log.append(batch), batch))
                        }
                        return mine
                    }
                }
                try await waitUntil("the first append of every writer waits for the paused writer") { log.pendingAppendCountForTesting == writers }
                log.resumeWriterForTesting()
                var all: [(ClosedRange<UInt64>, [[UInt8]])] = []
                for try await mine in group {
                    // A task's appends got increasing seqs, in the order it made them.
                    #expect(zip(mine, mine.dropFirst()).allSatisfy { $0.0.upperBound < $1.0.lowerBound })
                    all += mine
                }
                return all
            }
            let totalAppends = writers * appendsPerWriter
            let statistics = log.statistics
            #expect(statistics.appends == UInt64(totalAppends))
            #expect(statistics.syncs <= UInt64(totalAppends - writers + 1) + statistics.segmentsCreated)
            #expect(statistics.syncs - statistics.segmentsCreated < UInt64(totalAppends))

            // Every seq from 1 to the last is used exactly once, by the append that was told so.
            let bySeq = Dictionary(uniqueKeysWithValues: results.flatMap { range, batch in zip(range, batch) })
            #expect(bySeq.keys.sorted() == Array(1...log.lastSeq))
            log.close()
            let reopened = try EventLog.open(directory: directory, options: smallSegments(8 * 1024))
            defer { reopened.close() }
            let bodies = try reopened.allBodies()
            #expect(bodies == bySeq)
            #expect(EventLog.verify(directory: directory).isClean)
        }
    }

    /// Blocking and async appends from threads and tasks mix in one order.
    @Test func blockingAppendsShareTheWriterWithAsyncOnes() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            defer { log.close() }
            let threadDone = DispatchSemaphore(value: 0)
            let blockingResults = MessageCollector()
            Thread.detachNewThread {
                for n in 0..<20 {
                    do {
                        _ = try log.appendBlocking([eventBody(n)])
                    } catch {
                        blockingResults.add(.init(level: .error, message: "\(error)"))
                    }
                }
                threadDone.signal()
            }
            for n in 20..<40 { _ = try await log.append([eventBody(n)]) }
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    threadDone.wait()
                    continuation.resume()
                }
            }
            #expect(blockingResults.all.isEmpty)
            #expect(log.lastSeq == 40)
            #expect(try log.allBodies().count == 40)
        }
    }
}

import Foundation
import Testing
import TimelineTestSupport

@testable import EventLog

@Suite struct SparseIndexTests {
    private func entry(_ seq: UInt64) -> SparseIndex.Entry {
        SparseIndex.Entry(seq: seq, segmentFirstSeq: 1, offset: Int64(seq) * 10)
    }

    @Test func entriesInsertedAnywhereKeepTheIndexInSeqOrderEachOnce() {
        var index = SparseIndex()
        index.add(contentsOf: [1, 129, 1_025].map(entry))
        index.insert(contentsOf: [257, 385, 513].map(entry))
        index.insert(contentsOf: [129, 200, 641, 1_025, 2_000].map(entry))
        #expect(index.entries.map(\.seq) == [1, 129, 200, 257, 385, 513, 641, 1_025, 2_000])
        #expect(index.entry(atOrBefore: 300)?.seq == 257)
        #expect(index.entry(atOrBefore: 0) == nil)
        #expect(index.entry(atOrBefore: .max)?.seq == 2_000)
    }

    /// A start with a snapshot trusts the sealed segments by their seals and
    /// indexes none of their records; a read through one indexes those it
    /// passes, so that the next read there starts near its record.
    @Test func aReadThroughASegmentOpeningDidNotReadIndexesIt() async throws {
        try await withTemporaryDirectory { directory in
            var options = EventLog.Options(segmentBytes: 64 << 10)
            do {
                let log = try EventLog.open(directory: directory, options: options)
                defer { log.close() }
                for n in stride(from: 0, to: 1_000, by: 10) {
                    _ = try await log.append((n..<(n + 10)).map { eventBody($0) })
                }
            }
            options.openCheck = .sealsAndTail
            let log = try EventLog.open(directory: directory, options: options)
            defer { log.close() }
            let before = log.index.withLock { $0.entries }
            #expect(before.allSatisfy { $0.segmentFirstSeq > 1 }, "the first segment is sealed, and not indexed")

            #expect(try log.records(after: 300, limit: 1).first?.body == eventBody(300))
            let learned = log.index.withLock { $0.entries }.filter { $0.segmentFirstSeq == 1 }
            #expect(learned.map(\.seq) == [1, 129, 257])
            // Each is where the record is: reads after any seq give the log's records.
            // (Record seq n holds body n - 1.)
            for seq in [0, 1, 128, 129, 200, 256, 257, 300, 450, 999] {
                let expected = (seq..<min(seq + 2, 1_000)).map { eventBody($0) }
                #expect(try log.records(after: UInt64(seq), limit: 2).map(\.body) == expected)
            }
            var all: [UInt64] = []
            try log.forEachRecord(after: 0) { seq, _ in all.append(seq) }
            #expect(all == Array(1...1_000))
        }
    }
}

import Foundation
import Testing
import TimelineTestSupport

@testable import EventLog

/// A log known to have reached a seq (a snapshot covers it, an append was
/// acknowledged) must not be cut back behind it: opening refuses, with the
/// figures, and leaves every byte as it was; only `cutTail` cuts it, when
/// told to.
@Suite struct KnownSeqTests {
    /// A log of 4 single records, then a batch of 3 (seqs 5...7), then a
    /// single record (8); returns the last segment and where each batch ends.
    private func buildLog(in directory: URL) async throws -> (segment: URL, batchEnds: [(end: Int64, seq: UInt64)]) {
        let log = try EventLog.open(directory: directory, options: options())
        for n in 1...4 { _ = try await log.append([eventBody(n)]) }
        _ = try await log.append([eventBody(5), eventBody(6), eventBody(7)])
        _ = try await log.append([eventBody(8)])
        log.close()
        let segment = try #require(try segmentFiles(in: directory).last)
        let records = try decodeSegment(segment).records
        let ends = records.filter { !$0.batchContinues }.map { ($0.end, $0.seq) }
        return (segment, ends)
    }

    private func known(_ seq: UInt64) -> EventLog.KnownSeq {
        EventLog.KnownSeq(seq: seq, evidence: "snapshot \(seq).snap")
    }

    /// Small segments: every open preallocates the last one to this size,
    /// and the tests read it whole.
    private func options(known seq: UInt64? = nil) -> EventLog.Options {
        var options = smallSegments(4096)
        options.knownSeq = seq.map(known)
        return options
    }

    /// The error opening refuses with, or nil (and an issue) when it opens.
    private func refusal(_ directory: URL, known seq: UInt64) -> EventLogError? {
        do {
            let log = try EventLog.open(directory: directory, options: options(known: seq))
            log.close()
            Issue.record("the log opened at seq \(log.lastSeq) although seq \(seq) was known")
            return nil
        } catch {
            return error as? EventLogError
        }
    }

    /// Every file of the directory with its bytes.
    private func contents(of directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appending(path: name))
        }
        return files
    }

    @Test func aTornTailBehindAKnownSeqIsRefusedAndLeftUntouched() async throws {
        try await withTemporaryDirectory { directory in
            let (segment, ends) = try await buildLog(in: directory)
            // Cut inside the batch 5...7: the log would end at seq 4, and seq 8 was known.
            let afterFour = try #require(ends.first { $0.seq == 4 }).end
            try Data(contentsOf: segment).prefix(Int(afterFour) + 150).write(to: segment)
            let before = try contents(of: directory)

            if let error = refusal(directory, known: 8) {
                #expect(error.code == .dataLoss)
                #expect(error.code.isCorruption)
                #expect(error.segment == segment.lastPathComponent)
                #expect(error.offset == afterFour)
                #expect(error.seq == 5)
                for figure in ["would end the log at seq 4", "snapshot 8.snap shows it reached seq 8",
                               "4 acknowledged records (seq 5...8) would be lost", "at offset \(afterFour)",
                               "Nothing was changed", "timelined verify", "timelined recover --accept-loss"] {
                    #expect(error.message.contains(figure), "\(figure): \(error.message)")
                }
            }
            #expect(try contents(of: directory) == before)

            // Verify says the same, as a fault.
            let report = EventLog.verify(directory: directory, knownSeq: known(8))
            #expect(report.faults.map(\.code) == [.dataLoss])
            #expect(report.tornTail?.offset == afterFour)
            #expect(EventLog.verify(directory: directory).faults.isEmpty)
        }
    }

    @Test func aTornTailAtOrAfterTheKnownSeqIsStillCut() async throws {
        try await withTemporaryDirectory { directory in
            let (segment, ends) = try await buildLog(in: directory)
            let afterSeven = try #require(ends.first { $0.seq == 7 }).end
            // The last append (seq 8) never returned: a crash cut its record short.
            let original = try Data(contentsOf: segment)
            for knownSeq: UInt64 in [7, 3] {
                try original.prefix(Int(afterSeven) + 20).write(to: segment)
                let log = try EventLog.open(directory: directory, options: options(known: knownSeq))
                #expect(log.lastSeq == 7)
                #expect(log.recoveryReport.tornTail?.offset == afterSeven)
                log.close()
                #expect(try Data(contentsOf: segment).prefix(Int(afterSeven)) == original.prefix(Int(afterSeven)))
            }
        }
    }

    @Test func aLogEndingCleanlyBeforeTheKnownSeqIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let (segment, ends) = try await buildLog(in: directory)
            // Cut exactly after a whole batch: no torn tail, but seqs 5...8 are gone.
            let afterFour = try #require(ends.first { $0.seq == 4 }).end
            try Data(contentsOf: segment).prefix(Int(afterFour)).write(to: segment)
            if let error = refusal(directory, known: 8) {
                #expect(error.code == .dataLoss)
                #expect(error.message.contains("the log ends at seq 4 (\(segment.lastPathComponent) at offset \(afterFour))"), "\(error.message)")
                #expect(error.message.contains("4 acknowledged records (seq 5...8) are missing"), "\(error.message)")
            }
            let log = try EventLog.open(directory: directory, options: options(known: 4))
            #expect(log.lastSeq == 4)
            log.close()
        }
    }

    @Test func aDirectoryWithoutSegmentsIsNotStartedAfreshWhenASeqIsKnown() async throws {
        try await withTemporaryDirectory { directory in
            #expect(refusal(directory, known: 3)?.message.contains("the log holds no segment") == true)
            #expect(try segmentFiles(in: directory).isEmpty)
            let log = try EventLog.open(directory: directory, options: options())
            #expect(log.recoveryReport.createdNewLog)
            log.close()
        }
    }

    @Test func cutTailShowsWhatTheCutLosesAndCutsOnlyWhenTold() async throws {
        try await withTemporaryDirectory { directory in
            let (segment, ends) = try await buildLog(in: directory)
            let afterFour = try #require(ends.first { $0.seq == 4 }).end
            let afterSix = try #require(try decodeSegment(segment).records.first { $0.seq == 6 }).end
            // The batch 5...7 loses its last record: 5 and 6 can still be read.
            try Data(contentsOf: segment).prefix(Int(afterSix) + 30).write(to: segment)
            let before = try contents(of: directory)

            let seen = try EventLog.cutTail(directory: directory) { end in
                #expect(end.seq == 4)
                #expect(end.offset == afterFour)
                #expect(end.readableRecords.map(\.seq) == [5, 6])
                #expect(end.readableRecords.map(\.body) == [eventBody(5), eventBody(6)])
                #expect(end.shortfall(of: known(8))?.lostRecords == 4)
                #expect(end.shortfall(of: known(4)) == nil)
                return false
            }
            #expect(seen.tornTail != nil)
            #expect(try contents(of: directory) == before)

            // While the log is open for writing, nothing is done.
            let open = try EventLog.open(directory: directory, options: options())
            #expect(throws: EventLogError.self) { try EventLog.cutTail(directory: directory) { _ in true } }
            open.close()

            // Told to cut: the log ends at seq 4 and opens with 4 known.
            try Data(before[segment.lastPathComponent]!).write(to: segment)
            _ = try EventLog.cutTail(directory: directory) { _ in true }
            #expect(try Data(contentsOf: segment).count == Int(afterFour))
            let log = try EventLog.open(directory: directory, options: options(known: 4))
            #expect(log.lastSeq == 4)
            #expect(log.recoveryReport.tornTail == nil)
            #expect(try await log.append([eventBody(9)]) == 5...5)
            log.close()
            #expect(EventLog.verify(directory: directory).isClean)
        }
    }
}

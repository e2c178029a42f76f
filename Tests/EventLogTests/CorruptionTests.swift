import Foundation
import Testing

@testable import EventLog
import TimelineTestSupport

@Suite struct CorruptionTests {
    /// A log of several segments whose last batch is one record.
    private func buildLog(in directory: URL, options: EventLog.Options = smallSegments(1024)) async throws {
        let log = try EventLog.open(directory: directory, options: options)
        defer { log.close() }
        for n in stride(from: 0, to: 40, by: 2) {
            _ = try await log.append([eventBody(n, size: 70), eventBody(n + 1, size: 90)])
        }
        _ = try await log.append([eventBody(40, size: 80)])
    }

    private func flipBit(_ bit: Int, at offset: Int, in file: URL) throws {
        var bytes = try Data(contentsOf: file)
        bytes[offset] ^= UInt8(1 << bit)
        try bytes.write(to: file)
    }

    /// Flips one bit at sampled positions of every segment: in the tail the
    /// damaged record is cut; before it, open refuses naming segment, offset
    /// and seq, and verify reports the same fault.
    @Test func flippedBitsAreDetectedWherever() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let files = try segmentFiles(in: directory)
            #expect(files.count >= 3)
            let originals = try files.map { try Data(contentsOf: $0) }
            let layouts = try files.map { try decodeSegment($0).records }
            let lastRecord = try #require(layouts.last?.last)
            var generator = SplitMix64(seed: 42)
            var positions: [(file: Int, offset: Int)] = []
            for (index, original) in originals.enumerated() {
                positions += (0..<40).map { _ in (index, Int.random(in: 0..<original.count, using: &generator)) }
                positions += [(index, 0), (index, 12), (index, 63), (index, original.count - 1)]
            }
            // Every byte of the last record's framing and payload header.
            positions += (0..<60).map { (files.count - 1, Int(lastRecord.offset) + $0) }

            for (fileIndex, offset) in positions {
                let file = files[fileIndex]
                let name = file.lastPathComponent
                try flipBit(Int.random(in: 0..<8, using: &generator), at: offset, in: file)
                defer { try? originals[fileIndex].write(to: file) }
                let context = "\(name) offset \(offset)"
                let isTail = fileIndex == files.count - 1 && offset >= Int(lastRecord.offset)
                // Past the last record: the zeros preallocated for the next;
                // a bit set there is debris after the end, cut like a torn write.
                let isPadding = fileIndex == files.count - 1 && offset >= Int(lastRecord.offset) + frameLength(lastRecord)
                let verify = EventLog.verify(directory: directory)

                if isTail {
                    let kept = isPadding ? lastRecord.seq : lastRecord.seq - 1
                    let log = try EventLog.open(directory: directory, options: smallSegments(1024))
                    #expect(log.lastSeq == kept, "\(context)")
                    #expect(log.recoveryReport.tornTail?.offset == lastRecord.offset + (isPadding ? Int64(frameLength(lastRecord)) : 0),
                            "\(context)")
                    #expect(try log.records(after: 0).count == Int(kept), "\(context)")
                    log.close()
                    #expect(verify.faults.isEmpty, "\(context)")
                    #expect(verify.tornTail?.segment == name, "\(context)")
                    continue
                }

                let error = #expect(throws: EventLogError.self, "\(context)") {
                    try EventLog.open(directory: directory, options: smallSegments(1024)).close()
                }
                guard let error else { continue }
                #expect(error.code.isCorruption || error.code == .unsupportedVersion, "\(context): \(error)")
                #expect(error.segment == name, "\(context): \(error)")
                if offset < LogFormat.segmentHeaderLength {
                    #expect(error.offset == 0, "\(context): \(error)")
                } else {
                    // The error points at the record holding the flipped byte, and
                    // names the seq expected there.
                    let record = try #require(layouts[fileIndex].last { $0.offset <= offset })
                    #expect(error.offset == record.offset, "\(context): \(error)")
                    let expectedSeq = record.kind == .seal ? record.seq + 1 : record.seq
                    #expect(error.seq == expectedSeq, "\(context): \(error)")
                }
                #expect(verify.faults.contains { $0.segment == error.segment && $0.offset == error.offset }, "\(context): \(verify.faults)")
            }
        }
    }

    @Test func anUnknownIncompatibleFlagIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let file = try #require(try segmentFiles(in: directory).dropFirst().first)
            var bytes = try [UInt8](Data(contentsOf: file))
            var header = try bytes.withUnsafeBytes { try SegmentHeader(decoding: $0, segment: file.lastPathComponent) }
            header.incompatibleFlags.insert(.init(rawValue: 1 << 5))
            bytes.replaceSubrange(0..<LogFormat.segmentHeaderLength, with: header.encoded())
            try Data(bytes).write(to: file)

            let error = #expect(throws: EventLogError.self) { try EventLog.open(directory: directory) }
            #expect(error?.code == .unknownIncompatibleFlags)
            #expect(error?.segment == file.lastPathComponent)
            #expect(error?.message.contains("0x00000020") == true)
            #expect(EventLog.verify(directory: directory).faults.map(\.code) == [.unknownIncompatibleFlags])
        }
    }

    @Test func anUnknownCompatibleFlagIsIgnored() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let file = try #require(try segmentFiles(in: directory).first)
            var bytes = try [UInt8](Data(contentsOf: file))
            var header = try bytes.withUnsafeBytes { try SegmentHeader(decoding: $0, segment: file.lastPathComponent) }
            header.compatibleFlags.insert(.init(rawValue: 1 << 3))
            bytes.replaceSubrange(0..<LogFormat.segmentHeaderLength, with: header.encoded())
            try Data(bytes).write(to: file)
            let log = try EventLog.open(directory: directory)
            log.close()
        }
    }

    @Test func aNewerFormatVersionIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let file = try #require(try segmentFiles(in: directory).first)
            var bytes = try Data(contentsOf: file)
            bytes[8] = 2
            try bytes.write(to: file)
            let error = #expect(throws: EventLogError.self) { try EventLog.open(directory: directory) }
            #expect(error?.code == .unsupportedVersion)
        }
    }

    @Test func aMissingSegmentIsAGap() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let files = try segmentFiles(in: directory)
            try FileManager.default.removeItem(at: files[1])
            let error = #expect(throws: EventLogError.self) { try EventLog.open(directory: directory) }
            #expect(error?.code == .seqGap)
            #expect(error?.segment == files[2].lastPathComponent)
            #expect(!EventLog.verify(directory: directory).isIntact)
        }
    }

    /// A segment cut short before its seal is not a torn tail when another
    /// segment follows it.
    @Test func anUnsealedSegmentBeforeTheLastIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let file = try segmentFiles(in: directory)[0]
            let seal = try #require(try decodeSegment(file).records.last)
            #expect(seal.kind == .seal)
            try Data(contentsOf: file).prefix(Int(seal.offset)).write(to: file)
            let error = #expect(throws: EventLogError.self) { try EventLog.open(directory: directory) }
            #expect(error?.code == .badSeal)
            #expect(error?.segment == file.lastPathComponent)
        }
    }

    /// With `.sealsAndTail` the open trusts sealed segments; a read that
    /// reaches damage inside one still refuses it.
    @Test func readsRefuseDamageThatAQuickOpenDidNotCheck() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let file = try segmentFiles(in: directory)[0]
            let record = try decodeSegment(file).records[2]
            try flipBit(0, at: Int(record.offset) + 60, in: file)

            #expect(throws: EventLogError.self) { try EventLog.open(directory: directory) }
            var options = smallSegments(1024)
            options.openCheck = .sealsAndTail
            let log = try EventLog.open(directory: directory, options: options)
            defer { log.close() }
            let error = #expect(throws: EventLogError.self) { try log.forEachRecord(after: 0) { _, _ in } }
            #expect(error?.code == .corruptRecord)
            #expect(error?.segment == file.lastPathComponent)
            #expect(error?.offset == record.offset)
            #expect(error?.seq == record.seq)
            // Records in other segments stay readable.
            let nextSegmentStart = try decodeSegment(segmentFiles(in: directory)[1]).header.firstSeq
            #expect(try log.records(after: nextSegmentStart - 1, limit: 1).first?.seq == nextSegmentStart)
        }
    }

    @Test func editingARecordAndItsChecksumBreaksTheChain() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let file = try segmentFiles(in: directory)[1]
            let record = try decodeSegment(file).records[1]
            // Rewrite the body and fix the CRC, as someone editing history would.
            var bytes = try [UInt8](Data(contentsOf: file))
            let payloadStart = Int(record.offset) + 8
            let payloadLength = record.body.count + 41
            bytes[payloadStart + 41] ^= 0x01
            let crc = CRC32C.checksum(bytes[payloadStart..<(payloadStart + payloadLength)])
            withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange((Int(record.offset) + 4)..<(Int(record.offset) + 8), with: $0) }
            try Data(bytes).write(to: file)

            let error = #expect(throws: EventLogError.self) { try EventLog.open(directory: directory) }
            #expect(error?.code == .brokenChain)
            #expect(error?.seq == record.seq + 1)
            #expect(error?.segment == file.lastPathComponent)
            let report = EventLog.verify(directory: directory)
            #expect(report.faults.first?.code == .brokenChain)
        }
    }

    @Test func verifyOfAnIntactLogIsClean() async throws {
        try await withTemporaryDirectory { directory in
            try await buildLog(in: directory)
            let report = EventLog.verify(directory: directory)
            #expect(report.isClean)
            #expect(report.records == 41)
            #expect(report.lastSeq == 41)
            let log = try EventLog.open(directory: directory)
            defer { log.close() }
            #expect(report.chainHead == log.chainHead)
        }
    }
}

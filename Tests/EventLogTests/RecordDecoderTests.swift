import Foundation
import Testing

@testable import EventLog
import TimelineTestSupport

/// The decoder must not depend on how its input is cut: fed the same bytes
/// whole, byte by byte and in random chunks, it yields the same records
/// (swift-nio's ByteToMessageDecoderVerifier, for the log's framing).
@Suite struct RecordDecoderTests {
    /// The records part of a segment holding varied records: an empty body,
    /// small ones, batches and one larger than a read chunk would be.
    private func segmentRecordBytes() async throws -> (bytes: [UInt8], bodies: [[UInt8]], start: Int64) {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            var bodies: [[UInt8]] = [[], eventBody(1, size: 5)]
            _ = try await log.append([[], eventBody(1, size: 5)])
            var generator = SplitMix64(seed: 7)
            for n in 2..<60 {
                let body = eventBody(n, size: Int.random(in: 1...600, using: &generator))
                bodies.append(body)
                _ = try await log.append([body])
            }
            let large = [UInt8](repeating: 0xAB, count: 70_000)
            bodies.append(large)
            _ = try await log.append([large, eventBody(99)])
            bodies.append(eventBody(99))
            log.close()
            // The segment's records, without the zeros preallocated after them.
            let (_, records, _) = try decodeSegment(try #require(try segmentFiles(in: directory).first))
            let end = Int(try #require(records.last).offset) + frameLength(try #require(records.last))
            let bytes = try [UInt8](Data(contentsOf: try #require(try segmentFiles(in: directory).first)))
            return (Array(bytes[LogFormat.segmentHeaderLength..<end]), bodies, Int64(LogFormat.segmentHeaderLength))
        }
    }

    private func decode(
        _ bytes: [UInt8], start: Int64, chunks: [Int], preallocated: Bool = false
    ) throws -> (records: [DecodedRecord], leftover: Int, atEndOfRecords: Bool) {
        var decoder = RecordDecoder(startOffset: start, preallocated: preallocated)
        var records: [DecodedRecord] = []
        var position = 0
        for size in chunks {
            decoder.feed(bytes[position..<(position + size)])
            position += size
            while let record = try decoder.next() { records.append(record) }
        }
        precondition(position == bytes.count, "the chunks cover the input")
        return (records, decoder.bufferedByteCount, decoder.atEndOfRecords)
    }

    private func randomChunks(of count: Int, seed: UInt64, largest: Int) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var chunks: [Int] = []
        var remaining = count
        while remaining > 0 {
            let size = min(remaining, Int.random(in: 1...largest, using: &generator))
            chunks.append(size)
            remaining -= size
        }
        return chunks
    }

    @Test func yieldsTheSameRecordsHoweverTheInputIsChunked() async throws {
        let (bytes, bodies, start) = try await segmentRecordBytes()
        let whole = try decode(bytes, start: start, chunks: [bytes.count])
        #expect(whole.leftover == 0)
        #expect(whole.records.map(\.body) == bodies)
        #expect(whole.records.map(\.seq) == Array(1...UInt64(bodies.count)))
        #expect(whole.records.first?.offset == start)

        let byteByByte = try decode(bytes, start: start, chunks: Array(repeating: 1, count: bytes.count))
        #expect(byteByByte.records == whole.records)
        #expect(byteByByte.leftover == 0)

        for seed: UInt64 in [1, 2, 3, 4, 5] {
            for largest in [3, 100, 5000] {
                let chunked = try decode(bytes, start: start, chunks: randomChunks(of: bytes.count, seed: seed, largest: largest))
                #expect(chunked.records == whole.records, "seed \(seed), chunks up to \(largest)")
                #expect(chunked.leftover == 0)
            }
        }
    }

    @Test func stopsAtTheZerosPreallocatedAfterTheRecords() async throws {
        let (bytes, bodies, start) = try await segmentRecordBytes()
        let padded = bytes + [UInt8](repeating: 0, count: 5_000)
        for chunks in [[padded.count], randomChunks(of: padded.count, seed: 12, largest: 700)] {
            let decoded = try decode(padded, start: start, chunks: chunks, preallocated: true)
            #expect(decoded.records.map(\.body) == bodies)
            #expect(decoded.atEndOfRecords)
            #expect(decoded.leftover == 5_000)
        }
        // Anywhere but a preallocated segment, a zero length is bad framing.
        let error = #expect(throws: EventLogError.self) { try decode(padded, start: start, chunks: [padded.count]) }
        #expect(error?.code == .corruptRecord)
        #expect(error?.offset == start + Int64(bytes.count))
        var partial = RecordDecoder(startOffset: start, preallocated: true)
        partial.feed(bytes.prefix(30))
        #expect(try partial.next() == nil)
        #expect(!partial.atEndOfRecords)
    }

    @Test func yieldsTheChainThatLinksTheRecords() async throws {
        let (bytes, _, start) = try await segmentRecordBytes()
        let records = try decode(bytes, start: start, chunks: [bytes.count]).records
        var head = ChainHash.zero
        for record in records {
            #expect(record.previousChainHead == head)
            head = record.chainHead
        }
        #expect(records.last?.batchContinues == false)
        #expect(records[records.count - 2].batchContinues == true)
    }

    @Test func holdsBackAnIncompleteRecord() async throws {
        let (bytes, _, start) = try await segmentRecordBytes()
        let whole = try decode(bytes, start: start, chunks: [bytes.count]).records
        let cut = Int(whole[10].offset - start) + 20
        let partial = try decode(Array(bytes.prefix(cut)), start: start, chunks: randomChunks(of: cut, seed: 9, largest: 50))
        #expect(partial.records == Array(whole.prefix(10)))
        #expect(partial.leftover == 20)
    }

    @Test func reportsDamageWithItsOffset() async throws {
        var (bytes, _, start) = try await segmentRecordBytes()
        let whole = try decode(bytes, start: start, chunks: [bytes.count]).records
        let damaged = whole[5]
        bytes[Int(damaged.offset - start) + 30] ^= 0x10
        for chunks in [[bytes.count], randomChunks(of: bytes.count, seed: 11, largest: 64)] {
            let error = #expect(throws: EventLogError.self) { try decode(bytes, start: start, chunks: chunks) }
            #expect(error?.code == .corruptRecord)
            #expect(error?.offset == damaged.offset)
        }
    }
}

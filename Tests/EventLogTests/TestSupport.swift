import Foundation
import Synchronization

@testable import EventLog


/// A JSON-looking event body of roughly `size` bytes, different for each `n`.
func eventBody(_ n: Int, size: Int = 120) -> [UInt8] {
    let prefix = #"{"type":"claim.extracted","n":\#(n),"quote":""#
    let filler = String(repeating: Character(UnicodeScalar(UInt8(97 + n % 26))), count: max(0, size - prefix.utf8.count - 2))
    return Array((prefix + filler + #""}"#).utf8)
}

/// Options with tiny segments, so a test sees several rolls.
func smallSegments(_ bytes: Int = 1024) -> EventLog.Options {
    EventLog.Options(segmentBytes: bytes)
}

extension EventLog {
    /// Every record's body, keyed by seq.
    func allBodies() throws -> [UInt64: [UInt8]] {
        var bodies: [UInt64: [UInt8]] = [:]
        try forEachRecord(after: 0) { seq, body in bodies[seq] = Array(body) }
        return bodies
    }
}

/// The segment files of a log directory, in seq order.
func segmentFiles(in directory: URL) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".seg") }
        .sorted()
        .map { directory.appending(path: $0) }
}

/// The records of one segment file, decoded after its header.
func decodeSegment(_ url: URL) throws -> (header: SegmentHeader, records: [DecodedRecord], leftover: Int) {
    let bytes = try [UInt8](Data(contentsOf: url))
    let header = try bytes.withUnsafeBytes { try SegmentHeader(decoding: $0, segment: url.lastPathComponent) }
    var decoder = RecordDecoder(startOffset: Int64(header.headerLength), preallocated: true)
    decoder.feed(bytes[header.headerLength...])
    var records: [DecodedRecord] = []
    while let record = try decoder.next() { records.append(record) }
    // After the records of the open segment, the zeros preallocated for more.
    let rest = bytes.suffix(decoder.bufferedByteCount)
    return (header, records, decoder.atEndOfRecords && isAllZeros(rest) ? 0 : rest.count)
}

/// Whether every byte is zero, compared a block at a time: a segment
/// preallocates 64 MiB by default, and a debug build's per-byte check of
/// that costs seconds of CPU in every test that decodes one.
func isAllZeros(_ bytes: ArraySlice<UInt8>) -> Bool {
    let zeros = [UInt8](repeating: 0, count: 1 << 16)
    return bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let length = min(zeros.count, raw.count - offset)
            if memcmp(raw.baseAddress! + offset, zeros, length) != 0 { return false }
            offset += length
        }
        return true
    }
}

/// The size of a record's frame on disk.
func frameLength(_ record: DecodedRecord) -> Int { Int(record.end - record.offset) }

/// Collects the log's messages for a test to inspect.
final class MessageCollector: Sendable {
    private let messages = Mutex<[EventLog.LogMessage]>([])
    func add(_ message: EventLog.LogMessage) { messages.withLock { $0.append(message) } }
    var all: [EventLog.LogMessage] { messages.withLock { $0 } }
}

import Foundation

/// Writes the body of a projections snapshot: unsigned LEB128 varints,
/// zigzag varints for signed numbers, 8-byte little-endian words for
/// timestamps, and strings either inline or as an index into a table of
/// the strings that repeat (documents' names and hashes, the vocabulary,
/// speakers, extractor versions).
///
/// The table keeps the snapshot small and, more to the point, lets the
/// reader make each repeated string once: a million claims then share a
/// handful of speaker strings, as they did in memory before the snapshot.
struct SnapshotWriter {
    /// A field whose consecutive values are compared before the table is
    /// searched: claims of one document come together, and so do their
    /// hashes, names and extractor, so most look-ups end there.
    enum Field: Int, CaseIterable {
        case name, sha256, status, source, url, reason
        case extractorVersion, extractorLexicon, side, population, metric, qualifier, per, speaker, reportedBy
    }

    private var records: [UInt8] = []
    private var table: [String: UInt32] = [:]
    private var strings: [String] = []
    private var recent: [(value: String, index: UInt32)?] = Array(repeating: nil, count: Field.allCases.count)

    init(capacity: Int) {
        records.reserveCapacity(capacity)
    }

    mutating func unsigned(_ value: UInt64) {
        Self.appendVarint(value, to: &records)
    }

    mutating func unsigned(_ value: Int) {
        unsigned(UInt64(value))
    }

    /// Zigzag: small magnitudes of either sign take few bytes.
    mutating func signed(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { records.append(contentsOf: $0) }
    }

    mutating func date(_ value: Date) {
        word(value.timeIntervalSinceReferenceDate.bitPattern)
    }

    mutating func byte(_ value: UInt8) {
        records.append(value)
    }

    /// A string written where it is used: for those that never repeat (ids, quotes).
    mutating func inline(_ value: String) {
        Self.appendString(value, to: &records)
    }

    /// A string written once in the table and referred to by its index.
    mutating func shared(_ value: String, _ field: Field) {
        if let held = recent[field.rawValue], held.value == value {
            unsigned(UInt64(held.index))
            return
        }
        let index: UInt32
        if let known = table[value] {
            index = known
        } else {
            index = UInt32(strings.count)
            table[value] = index
            strings.append(value)
        }
        recent[field.rawValue] = (value, index)
        unsigned(UInt64(index))
    }

    /// The body: `prefix` words, the string table, then the records.
    mutating func finish(prefix: [UInt64]) -> [UInt8] {
        var head: [UInt8] = []
        for value in prefix { Self.appendVarint(value, to: &head) }
        Self.appendVarint(UInt64(strings.count), to: &head)
        for string in strings { Self.appendString(string, to: &head) }
        var body: [UInt8] = []
        body.reserveCapacity(head.count + records.count)
        body.append(contentsOf: head)
        body.append(contentsOf: records)
        records = []
        return body
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
}

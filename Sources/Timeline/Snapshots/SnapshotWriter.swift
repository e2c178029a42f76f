/// Writes the body of a projections snapshot: unsigned LEB128 varints for
/// counts and lengths, strings as a length and their UTF-8, and the rows of
/// the projections as fixed-width little-endian words, which
/// ``SnapshotReader`` reads back without a branch per byte.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func unsigned(_ value: Int) {
        unsigned(UInt64(value))
    }

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func word(_ value: Int64) {
        word(UInt64(bitPattern: value))
    }

    mutating func word(_ value: Double) {
        word(value.bitPattern)
    }

    mutating func word(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: UnsafeRawBufferPointer) {
        unsigned(value.count)
        bytes.append(contentsOf: value)
    }
}

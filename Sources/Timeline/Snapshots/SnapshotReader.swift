import Foundation

/// Reads what ``SnapshotWriter`` wrote, checking every length against the
/// bytes left, so that a body it does not expect ends in an error, never
/// in a crash or a read past the end.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    private var strings: [String] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    /// The bytes not read yet: an upper bound on how many records can
    /// follow, checked before making room for a count read from the body.
    var remaining: Int { bytes.count - offset }

    func failure(_ message: String) -> ProjectionsSnapshotError {
        ProjectionsSnapshotError(message: message, offset: offset)
    }

    @inline(__always)
    mutating func unsigned() throws(ProjectionsSnapshotError) -> UInt64 {
        // Most numbers here (string indexes, flags, counts of a few) fit one byte.
        if offset < bytes.count, bytes[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
        return try unsignedLong()
    }

    private mutating func unsignedLong() throws(ProjectionsSnapshotError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            guard shift < 64 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw failure("a number runs past the end, or is longer than 64 bits")
    }

    /// An unsigned number that must fit an `Int` (a count, a length, an index).
    mutating func count() throws(ProjectionsSnapshotError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(Int.max) else { throw failure("\(value) is too large for a count") }
        return Int(value)
    }

    mutating func signed() throws(ProjectionsSnapshotError) -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func word() throws(ProjectionsSnapshotError) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw failure("an 8-byte word runs past the end") }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func date() throws(ProjectionsSnapshotError) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(bitPattern: try word()))
    }

    mutating func byte() throws(ProjectionsSnapshotError) -> UInt8 {
        guard offset < bytes.count else { throw failure("a byte runs past the end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func inline() throws(ProjectionsSnapshotError) -> String {
        let length = try count()
        guard bytes.count - offset >= length else { throw failure("a string of \(length) bytes runs past the end") }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    mutating func shared() throws(ProjectionsSnapshotError) -> String {
        let index = try count()
        guard index < strings.count else { throw failure("string \(index) is not in the table of \(strings.count)") }
        return strings[index]
    }

    /// Reads the string table that ``shared()`` refers to.
    mutating func readTable() throws(ProjectionsSnapshotError) {
        let count = try count()
        guard count <= bytes.count - offset else { throw failure("a table of \(count) strings cannot fit") }
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try inline()) }
    }
}

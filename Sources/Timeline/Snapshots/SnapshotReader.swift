/// Reads what ``SnapshotWriter`` wrote, checking every length against the
/// bytes left, so that a body it does not expect ends in an error, never
/// in a crash or a read past the end.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

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

    func failure(_ message: String, at offset: Int) -> ProjectionsSnapshotError {
        ProjectionsSnapshotError(message: message, offset: offset)
    }

    mutating func unsigned() throws(ProjectionsSnapshotError) -> UInt64 {
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

    /// A count of items of at least `size` bytes each, which must fit in
    /// what is left: checked before room is made for them.
    mutating func count(ofItemsAtLeast size: Int, _ what: String) throws(ProjectionsSnapshotError) -> Int {
        let count = try count()
        guard count <= remaining / max(1, size) else { throw failure("\(count) \(what) cannot fit") }
        return count
    }

    mutating func word() throws(ProjectionsSnapshotError) -> UInt64 {
        guard remaining >= 8 else { throw failure("an 8-byte word runs past the end") }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func string() throws(ProjectionsSnapshotError) -> String {
        let length = try count()
        guard remaining >= length else { throw failure("a string of \(length) bytes runs past the end") }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    /// A length and the range of the bytes that follow it, skipped.
    mutating func byteRange() throws(ProjectionsSnapshotError) -> Range<Int> {
        let length = try count()
        guard remaining >= length else { throw failure("\(length) bytes run past the end") }
        defer { offset += length }
        return offset..<(offset + length)
    }

    /// The next `size` bytes, as fixed-width fields to read with
    /// ``Fields``; the caller has checked they are there (``count(ofItemsAtLeast:_:)``).
    mutating func fields(_ size: Int) -> Fields {
        defer { offset += size }
        return Fields(base: bytes.baseAddress! + offset)
    }

    /// Fixed-width little-endian fields, read in order.
    struct Fields {
        private var base: UnsafeRawPointer

        init(base: UnsafeRawPointer) {
            self.base = base
        }

        mutating func word() -> UInt64 {
            defer { base += 8 }
            return UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        }

        mutating func signed() -> Int64 {
            Int64(bitPattern: word())
        }

        mutating func double() -> Double {
            Double(bitPattern: word())
        }

        mutating func half() -> UInt32 {
            defer { base += 4 }
            return UInt32(littleEndian: base.loadUnaligned(as: UInt32.self))
        }
    }
}

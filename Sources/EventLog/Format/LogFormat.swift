/// The numbers of the on-disk format (docs/LOG-FORMAT.md describes them for
/// readers in other languages). Every integer on disk is little-endian.
enum LogFormat {
    /// The first eight bytes of a segment: a non-ASCII byte (so the file is
    /// never taken for text), "EVLOG", then CR LF (so a line-ending
    /// conversion shows up as a bad magic rather than as bad records).
    static let segmentMagic: [UInt8] = [0x89, 0x45, 0x56, 0x4C, 0x4F, 0x47, 0x0D, 0x0A]

    /// The format version this code writes and reads.
    static let formatVersion: UInt16 = 1

    /// The header length version 1 writes.
    static let segmentHeaderLength = 64

    /// `length u32 | crc u32 | payload | length u32`.
    static let frameOverhead = 12

    /// `kind u8 | seq u64 | previous chain head [32]` before the body.
    static let payloadHeaderLength = 41

    /// The smallest frame a reader can meet.
    static let minimumFrameLength = frameOverhead + payloadHeaderLength

    /// A seal's body: record count, first seq, last seq (u64 each), chain head.
    static let sealBodyLength = 8 + 8 + 8 + 32

    /// Bit 7 of the kind byte: the next record belongs to the same batch, so a
    /// tail that ends on a record with this bit set ends mid-batch.
    static let batchContinuesFlag: UInt8 = 0x80

    /// The segment file extension, and the one of a segment being created.
    static let segmentExtension = "seg"
    static let temporarySuffix = ".tmp"

    /// `00000000000000000001.seg`: the first seq, zero-padded to 20 digits so
    /// that names sort as numbers do.
    static func segmentFileName(firstSeq: UInt64) -> String {
        let digits = String(firstSeq)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + "." + segmentExtension
    }

    /// The first seq a segment file's name declares, or `nil` for a file that is not a segment.
    static func firstSeq(ofSegmentFileName name: String) -> UInt64? {
        let suffix = "." + segmentExtension
        guard name.hasSuffix(suffix) else { return nil }
        let digits = name.dropLast(suffix.count)
        guard digits.count == 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }
}

extension UnsafeRawPointer {
    /// A little-endian integer at a byte offset, with no alignment requirement.
    @inline(__always)
    func loadLittleEndian<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

extension UnsafeMutableRawPointer {
    /// Stores an integer little-endian at a byte offset, with no alignment requirement.
    @inline(__always)
    func storeLittleEndian<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends an integer's little-endian bytes.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

/// `0x0000abcd`: how checksums and flags appear in messages.
func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}

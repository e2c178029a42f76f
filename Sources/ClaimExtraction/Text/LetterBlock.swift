/// Eight bytes of text read as one number, first byte highest, to find how
/// many of them are ASCII letters and whether those are capitals with a
/// few operations on all eight at once rather than a test per byte: the
/// tokenizer's per-letter loop was its largest cost.
///
/// Each byte is tested in its own eight bits: its top bit set by the
/// additions below only when it is at or past a bound, with no carry into
/// the next byte (a byte's low seven bits plus 0x1F stay under 0x100).
struct LetterBlock {
    /// The bytes, the first in the highest eight bits.
    let bytes: UInt64

    private static let topBits: UInt64 = 0x8080_8080_8080_8080
    private static let caseBits: UInt64 = 0x2020_2020_2020_2020

    /// The eight bytes at `pointer`.
    @inline(__always)
    init(_ pointer: UnsafePointer<UInt8>) {
        bytes = UInt64(bigEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The bytes with ASCII capitals as lower case (other bytes changed too:
    /// only the letters are meant to be read from it).
    @inline(__always)
    var folded: UInt64 { bytes | LetterBlock.caseBits }

    /// How many bytes from the first are ASCII letters, 0 to 8: as
    /// `Tokenizer.isLetter` says of each.
    @inline(__always)
    var leadingLetters: Int {
        let low = folded & 0x7F7F_7F7F_7F7F_7F7F
        let fromA = (low &+ 0x1F1F_1F1F_1F1F_1F1F) & LetterBlock.topBits  // folded byte ≥ "a"
        let pastZ = (low &+ 0x0505_0505_0505_0505) & LetterBlock.topBits  // folded byte > "z"
        let letters = fromA & ~pastZ & ~bytes  // and under 0x80
        return (~letters & LetterBlock.topBits).leadingZeroBitCount / 8
    }

    /// Whether any of the first `count` bytes, all letters, is lower case.
    @inline(__always)
    func hasLowerCase(first count: Int) -> Bool {
        let leading = UInt64.max << (64 - 8 * count)  // no bits when count is 0
        return bytes & LetterBlock.caseBits & leading != 0
    }
}

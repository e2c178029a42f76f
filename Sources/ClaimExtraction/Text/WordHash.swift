/// A 64-bit hash of a word's bytes, ASCII letters folded to lower case. The
/// extractor looks words up by this hash alone, so that reading an article
/// allocates no strings.
///
/// Bytes are packed eight to a word and mixed once per eight, not once per
/// byte: the multiply of a byte-wise hash is the tokenizer's critical path.
/// A word of up to eight bytes, most English words, is packed whole and
/// then run through a bijective finaliser, so no two of them collide.
struct WordHash {
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    private var mixed: UInt64 = 0xcbf2_9ce4_8422_2325
    private var chunk: UInt64 = 0
    private var count: UInt64 = 0

    /// Adds a byte as it is, without folding its case.
    @inline(__always)
    mutating func addFolded(_ byte: UInt8) {
        chunk = chunk << 8 | UInt64(byte)
        count &+= 1
        if count & 7 == 0 {
            mixed = (mixed ^ chunk) &* WordHash.prime
            mixed ^= mixed >> 29
            chunk = 0
        }
    }

    /// Adds the first `bytes` bytes of `block` (the first byte highest), as
    /// `bytes` calls of ``addFolded(_:)`` would.
    ///
    /// - Important: only at a multiple of eight bytes added, so that the
    ///   bytes start a chunk of their own.
    @inline(__always)
    mutating func addFolded(_ block: UInt64, bytes: Int) {
        assert(count & 7 == 0 && bytes <= 8, "a block starts a chunk")
        count &+= UInt64(bytes)
        if bytes == 8 {
            mixed = (mixed ^ block) &* WordHash.prime
            mixed ^= mixed >> 29
        } else {
            chunk = block >> (64 - 8 * bytes)
        }
    }

    /// Adds a byte, an ASCII capital as its lower-case letter.
    @inline(__always)
    mutating func add(_ byte: UInt8) {
        addFolded(byte &- 0x41 < 26 ? byte | 0x20 : byte)
    }

    /// The hash of the bytes added so far.
    @inline(__always)
    var value: UInt64 {
        // MurmurHash3's finaliser: a bijection that spreads every bit.
        var h = mixed ^ chunk ^ (count << 56)
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    static func of(_ text: some StringProtocol) -> UInt64 {
        var hash = WordHash()
        for byte in text.utf8 { hash.add(byte) }
        return hash.value
    }
}

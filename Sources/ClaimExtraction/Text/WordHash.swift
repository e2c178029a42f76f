/// A 64-bit FNV-1a hash of a word's bytes, ASCII letters folded to lower
/// case. The extractor looks words up by this hash alone, so that reading
/// an article allocates no strings.
struct WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    var value: UInt64 = WordHash.seed

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        let folded = byte &- 0x41 < 26 ? byte | 0x20 : byte
        value = (value ^ UInt64(folded)) &* WordHash.prime
    }

    static func of(_ text: some StringProtocol) -> UInt64 {
        var hash = WordHash()
        for byte in text.utf8 { hash.add(byte) }
        return hash.value
    }
}

/// A fixed set of words, by their ``WordHash``: the grammar words a stage
/// tests a token against ("each", "senior", the head nouns of body names).
///
/// `Set<UInt64>` hashes every probe again with SipHash, a cost that showed
/// in the profile where names and clauses are read; a word hash is already
/// well mixed, so its low bits index a small open-addressed table here.
struct WordSet: Sendable {
    /// Zero marks an empty slot: no word's hash is zero (checked when built).
    private let slots: [UInt64]
    private let mask: Int

    /// The set of `hashes`.
    init(_ hashes: some Sequence<UInt64>) {
        let distinct = Set(hashes)
        precondition(!distinct.contains(0), "a word hash of zero cannot be kept in a WordSet")
        var size = 8
        while size < distinct.count * 4 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        for hash in distinct {
            var i = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = hash
        }
        self.slots = slots
        mask = size - 1
    }

    /// Whether the word whose hash is `hash` is in the set.
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[i]
                if slot == hash { return hash != 0 }
                if slot == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }
}

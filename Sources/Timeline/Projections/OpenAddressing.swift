/// The steps the projections' open-addressing tables share
/// (``PackedTable``, ``FigureTable``, ``StringTable``): a power-of-two
/// number of slots kept at most half full, linear probing from a key's
/// home slot, and growth that moves slots without hashing any key again.
enum OpenAddressing {
    /// The number of slots for `capacity` entries: a power of two, at
    /// least twice `capacity` and at least 8.
    static func slotCount(for capacity: Int) -> Int {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    /// The slots of `old` that are not empty, each put in the first empty
    /// slot from its home in `size` empty slots: a table grown.
    /// - Parameters:
    ///   - home: a slot's home in the new table (the caller has set its shift for `size`).
    static func moved<Slot>(
        _ old: [Slot], into size: Int, empty: Slot, isEmpty: (Slot) -> Bool, home: (Slot) -> Int
    ) -> [Slot] {
        var slots = Array(repeating: empty, count: size)
        for slot in old where !isEmpty(slot) {
            var index = home(slot)
            while !isEmpty(slots[index]) { index = (index + 1) & (size - 1) }
            slots[index] = slot
        }
        return slots
    }

    /// The home slot of a key of three words, in a table whose top `64 -
    /// shift` bits of a hash pick the slot: two rounds of a 64-by-64
    /// multiplication folded to 64 bits (wyhash's mixing), seeded per
    /// table and process as `Hasher` is, so that keys chosen to collide in
    /// one run do not in another.
    static func home(_ a: UInt64, _ b: UInt64, _ c: UInt64, seed: UInt64, shift: Int) -> Int {
        func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let product = a.multipliedFullWidth(by: b)
            return product.high ^ product.low
        }
        let hash = mix(mix(a ^ seed, b ^ 0xA076_1D64_78BD_642F) ^ c ^ 0xE703_7ED1_A0B4_28DB, 0x9E37_79B9_7F4A_7C15)
        return Int(truncatingIfNeeded: hash >> UInt64(shift))
    }

    /// Empties slot `index` of `slots`, moving back the entries after it
    /// that probed past it, so that every key stays reachable from its home.
    static func remove<Slot>(
        at index: Int, in slots: inout [Slot], empty: Slot, isEmpty: (Slot) -> Bool, home: (Slot) -> Int
    ) {
        let mask = slots.count - 1
        var hole = index
        var next = (index + 1) & mask
        while !isEmpty(slots[next]) {
            let home = home(slots[next])
            // Whether `home` lies cyclically in (hole, next]: then the entry stays.
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if !stays {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = empty
    }

    /// The places of `homes` (home slots in a table of `slotCount` slots)
    /// in the order of their homes' top bits, each place's order kept
    /// among equal ones: inserting keys so, each lands near the one before,
    /// in the caches, where keys in their own order would each miss them
    /// in a table of tens of MB.
    static func homeOrder(_ homes: [Int], slotCount: Int) -> [Int] {
        // A counting sort by the top bits of the home slot: stable.
        let bucketBits = min(12, slotCount.trailingZeroBitCount)
        let bucketShift = slotCount.trailingZeroBitCount - bucketBits
        var starts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        for home in homes { starts[home >> bucketShift + 1] += 1 }
        for bucket in 0..<(1 << bucketBits) { starts[bucket + 1] += starts[bucket] }
        var ordered = [Int](repeating: 0, count: homes.count)
        for (place, home) in homes.enumerated() {
            ordered[starts[home >> bucketShift]] = place
            starts[home >> bucketShift] += 1
        }
        return ordered
    }
}

/// Where each claim is in the projections' list, by claim id.
///
/// A claim id is 16 lower-case hex digits (``ClaimID``): 64 bits. Those
/// are kept in an open-addressing table of their own, placed by
/// multiplying the bits (Fibonacci hashing): no per-process hash seed, no
/// hashing of strings, one probe in the usual case. Replay and a snapshot
/// load insert one per claim, a million at a start, and with
/// `Dictionary<String, Int>` that was a fifth of the load. An id of any
/// other form (none is written today) is kept by its string.
struct ClaimIndex: Sendable {
    private var table = PackedTable()
    private var other: [String: Int] = [:]

    var count: Int { table.count + other.count }

    subscript(id: String) -> Int? {
        if let key = Self.pack(id) { return table[key] }
        return other[id]
    }

    /// Records that claim `id` is at `position`, unless it is already known.
    /// - Returns: the position already held, or nil when `id` was new and is now recorded.
    mutating func insert(_ id: String, at position: Int) -> Int? {
        if let key = Self.pack(id) { return table.insert(key, at: position) }
        if let held = other.updateValue(position, forKey: id) {
            other[id] = held
            return held
        }
        return nil
    }

    /// Records that the claim whose id's UTF-8 is `id` (read in place) is
    /// at `position`, as ``insert(_:at:)`` does.
    mutating func insert(utf8 id: UnsafeRawBufferPointer, at position: Int) -> Int? {
        if let key = Self.pack(utf8: id) { return table.insert(key, at: position) }
        return insert(String(decoding: id, as: UTF8.self), at: position)
    }

    /// Records many claims at once, as a snapshot load does: each packed
    /// id (``pack(_:)``) with its position.
    /// - Returns: the first id found twice (in `entries` or already known), or nil.
    mutating func insert(packed entries: [PackedTable.Entry]) -> UInt64? {
        table.insert(contentsOf: entries)
    }

    mutating func reserveCapacity(_ capacity: Int) {
        table.reserveCapacity(capacity)
    }

    /// The 16 lower-case hex digits of `packed`: the id ``pack(_:)`` read.
    static func unpack(_ packed: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for i in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: packed >> UInt64(60 - 4 * i) & 0xF)
                buffer[i] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }

    /// The 64 bits that 16 lower-case hex digits spell; nil for anything
    /// else (upper-case digits too, so that no two ids share a key).
    static func pack(_ id: String) -> UInt64? {
        var id = id
        return id.withUTF8 { pack(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// ``pack(_:)`` of the id whose UTF-8 is `utf8`.
    static func pack(utf8: UnsafeRawBufferPointer) -> UInt64? {
        guard utf8.count == 16 else { return nil }
        var value: UInt64 = 0
        var invalid = false
        // Without a branch per digit: which of a digit or a letter a byte
        // of a hash is cannot be predicted, and a replay packs an id per claim.
        for byte in utf8 {
            let digit = byte &- UInt8(ascii: "0")
            let letter = byte &- UInt8(ascii: "a")
            let isDigit = digit < 10
            invalid = invalid || (!isDigit && letter >= 6)
            value = value << 4 | UInt64(isDigit ? digit : letter &+ 10)
        }
        return invalid ? nil : value
    }
}

/// An open-addressing table from 64-bit keys to positions, with linear
/// probing, kept at most half full.
struct PackedTable: Sendable {
    private struct Slot {
        var key: UInt64
        /// The position plus one; 0 marks an empty slot.
        var entry: UInt32
    }

    private var slots: [Slot] = []
    private var shift = 64
    private(set) var count = 0

    subscript(key: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        var index = home(key)
        while true {
            let slot = slots[index]
            if slot.entry == 0 { return nil }
            if slot.key == key { return Int(slot.entry - 1) }
            index = (index + 1) & (slots.count - 1)
        }
    }

    /// Inserts `key` at `position` unless present.
    /// - Returns: the position already held, or nil when inserted.
    mutating func insert(_ key: UInt64, at position: Int) -> Int? {
        if (count + 1) * 2 > slots.count { grow(to: count + 1) }
        var index = home(key)
        while true {
            let slot = slots[index]
            if slot.entry == 0 {
                slots[index] = Slot(key: key, entry: UInt32(position + 1))
                count += 1
                return nil
            }
            if slot.key == key { return Int(slot.entry - 1) }
            index = (index + 1) & (slots.count - 1)
        }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > slots.count { grow(to: capacity) }
    }

    /// A key and the position it maps to.
    struct Entry: Sendable {
        var key: UInt64
        var position: UInt32
    }

    /// Inserts many keys, in the order of their home slots rather than
    /// the order given: each insert then lands near the one before, in
    /// the caches, where keys in their own order would each miss them
    /// (a million inserts into a 32 MB table went from 0.2 s to a tenth).
    /// - Returns: the first key met that was already present, or nil
    ///   when every key was inserted.
    mutating func insert(contentsOf entries: [Entry]) -> UInt64? {
        reserveCapacity(count + entries.count)
        let ordered = OpenAddressing.homeOrder(entries.map { home($0.key) }, slotCount: slots.count).lazy.map { entries[$0] }
        for entry in ordered where insert(entry.key, at: Int(entry.position)) != nil {
            return entry.key
        }
        return nil
    }

    /// Fibonacci hashing: the top bits of the key times 2^64/φ.
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func grow(to capacity: Int) {
        let size = OpenAddressing.slotCount(for: capacity)
        shift = 64 - size.trailingZeroBitCount
        slots = OpenAddressing.moved(slots, into: size, empty: Slot(key: 0, entry: 0), isEmpty: { $0.entry == 0 }) { home($0.key) }
    }
}

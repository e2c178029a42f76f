/// An open-addressing table from word hashes to lexicon entries. The keys
/// are already hashes, so it skips `Dictionary`'s second hashing: the
/// lookup per word is one multiply and, mostly, one probe.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The entry of `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int32 {
        var i = slot(key)
        while true {
            let value = values[i]
            if value < 0 || keys[i] == key { return value }
            i = (i + 1) & mask
        }
    }

    subscript(key: UInt64) -> Int32? {
        get {
            let found = find(key)
            return found < 0 ? nil : found
        }
        set {
            guard let newValue else { return }
            if (count + 1) * 2 > keys.count { grow() }
            var i = slot(key)
            while values[i] >= 0, keys[i] != key { i = (i + 1) & mask }
            if values[i] < 0 { count += 1 }
            keys[i] = key
            values[i] = newValue
        }
    }

    /// The table as plain memory for ``FrozenWordTable``: keys, values,
    /// and the probe parameters.
    var storage: (keys: [UInt64], values: [Int32], shift: UInt64) { (keys, values, shift) }

    private mutating func grow() {
        var bigger = WordTable(capacity: keys.count)
        for i in keys.indices where values[i] >= 0 { bigger[keys[i]] = values[i] }
        self = bigger
    }
}

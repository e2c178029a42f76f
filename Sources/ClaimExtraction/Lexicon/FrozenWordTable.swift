/// A ``WordTable`` frozen into memory its owner allocated, so that looking a
/// word up touches no reference count. The owner (``CompiledLexicon``)
/// keeps the memory alive and frees it.
struct FrozenWordTable: @unchecked Sendable {
    // Read-only views of memory the compiled lexicon owns for its lifetime.
    let keys: UnsafeBufferPointer<UInt64>
    let values: UnsafeBufferPointer<Int32>
    let mask: Int
    let shift: UInt64

    /// A table with nothing in it, for reading lexicon phrases themselves.
    static let empty = FrozenWordTable(keys: UnsafeBufferPointer(start: nil, count: 0), values: UnsafeBufferPointer(start: nil, count: 0), mask: 0, shift: 0)

    init(keys: UnsafeBufferPointer<UInt64>, values: UnsafeBufferPointer<Int32>, mask: Int, shift: UInt64) {
        self.keys = keys
        self.values = values
        self.mask = mask
        self.shift = shift
    }

    /// The entry of `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int32 {
        guard mask > 0 else { return -1 }
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let value = values[i]
            if value < 0 || keys[i] == key { return value }
            i = (i + 1) & mask
        }
    }
}

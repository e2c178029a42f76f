import Foundation

/// The ids of a ``StringPool``'s strings, found by their text: the pool's
/// look-up table.
///
/// Replay looks up some ten strings per claim (its side, population,
/// metric, hedge, speaker, extractor…), nearly all of them held already.
/// With `Dictionary<String, UInt32>` each look-up seeded and ran SipHash
/// and, for a string not held yet, each growth hashed every string again:
/// a sixth of applying a claim. Here a string of ASCII (all but a few) is
/// hashed by a multiply-and-fold over eight bytes at a time, seeded per
/// process as `Hasher` is (so that strings chosen to collide in one run
/// do not in another), and kept in an open-addressing table of its id and
/// hash, which grows without hashing any string again.
///
/// `String` compares by canonical equivalence, and so must the pool: a
/// string of other characters is kept in a `Dictionary`, which does, and
/// one whose canonical form is ASCII (a Kelvin sign for a K) finds the
/// ASCII string it is equivalent to, as `Dictionary` would.
struct StringTable: Sendable {
    /// A string's id and the low bits of its hash; id 0 marks an empty slot.
    private struct Slot {
        var hash: UInt32
        var id: UInt32
    }

    private static let seed = UInt64.random(in: .min ... .max)

    private var slots: [Slot] = []
    private var shift = 64
    private var asciiCount = 0
    /// The strings that are not all ASCII, by canonical equivalence.
    private var other: [String: UInt32] = [:]

    /// Makes room for `capacity` strings in all.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > slots.count { grow(to: capacity) }
    }

    /// The id of the string equivalent to `string`, looking the ids'
    /// strings up in `strings`.
    func id(of string: String, in strings: ChunkedArray<String>) -> UInt32? {
        let (hash, isASCII) = Self.hash(string)
        guard isASCII else {
            if let id = other[string] { return id }
            // Only a string whose canonical form is ASCII can be equivalent to one held here.
            let canonical = string.precomposedStringWithCanonicalMapping
            let (canonicalHash, canonicalIsASCII) = Self.hash(canonical)
            return canonicalIsASCII ? id(ofASCII: canonical, hash: canonicalHash, in: strings) : nil
        }
        if let id = id(ofASCII: string, hash: hash, in: strings) { return id }
        // An ASCII string can be equivalent to one of other characters held.
        return other.isEmpty ? nil : other[string]
    }

    /// The id of the string whose UTF-8 is `utf8`, when it is ASCII and
    /// held as such: the look-up of a string read in place, with no
    /// `String` made. Nil when it is not found so, which ``id(of:in:)``
    /// then settles (a string of other characters, one equivalent to a
    /// string of other characters held, or one not held).
    func id(ofUTF8 utf8: UnsafeRawBufferPointer, in strings: ChunkedArray<String>) -> UInt32? {
        let (hash, isASCII) = Self.hash(utf8: utf8)
        guard isASCII, !slots.isEmpty else { return nil }
        var index = home(hash)
        while true {
            let slot = slots[index]
            if slot.id == 0 { return nil }
            if slot.hash == hash {
                var held = strings[Int(slot.id)]
                let equal = held.withUTF8 { held in
                    held.count == utf8.count && (utf8.count == 0 || memcmp(held.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
                }
                if equal { return slot.id }
            }
            index = (index + 1) & (slots.count - 1)
        }
    }

    /// Records that `string`, equivalent to no string held (``id(of:in:)``
    /// found none), has id `id`.
    mutating func insert(_ string: String, id: UInt32) {
        let (hash, isASCII) = Self.hash(string)
        guard isASCII else {
            other[string] = id
            return
        }
        if (asciiCount + 1) * 2 > slots.count { grow(to: asciiCount + 1) }
        var index = home(hash)
        while slots[index].id != 0 { index = (index + 1) & (slots.count - 1) }
        slots[index] = Slot(hash: hash, id: id)
        asciiCount += 1
    }

    private func id(ofASCII string: String, hash: UInt32, in strings: ChunkedArray<String>) -> UInt32? {
        guard !slots.isEmpty else { return nil }
        var index = home(hash)
        while true {
            let slot = slots[index]
            if slot.id == 0 { return nil }
            if slot.hash == hash, strings[Int(slot.id)] == string { return slot.id }
            index = (index + 1) & (slots.count - 1)
        }
    }

    /// Fibonacci hashing of the 32-bit hash, which is all a slot keeps:
    /// growing places the slots again without reading their strings.
    private func home(_ hash: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func grow(to capacity: Int) {
        let size = OpenAddressing.slotCount(for: capacity)
        shift = 64 - size.trailingZeroBitCount
        slots = OpenAddressing.moved(slots, into: size, empty: Slot(hash: 0, id: 0), isEmpty: { $0.id == 0 }) { home($0.hash) }
    }

    /// A 32-bit hash of a string's UTF-8 and whether it is all ASCII:
    /// eight bytes at a time, each folded in by a 64-by-64 multiplication
    /// (wyhash's mixing), the length last.
    private static func hash(_ string: String) -> (hash: UInt32, isASCII: Bool) {
        var string = string
        return string.withUTF8 { hash(utf8: UnsafeRawBufferPointer($0)) }
    }

    private static func hash(utf8: UnsafeRawBufferPointer) -> (hash: UInt32, isASCII: Bool) {
        var state = seed
        var bits: UInt64 = 0
        let count = utf8.count
        var offset = 0
        if let raw = utf8.baseAddress {
            while offset + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                bits |= word
                state = mix(state ^ word, 0xA076_1D64_78BD_642F)
                offset += 8
            }
            if offset < count {
                var word: UInt64 = 0
                for i in 0..<(count - offset) { word |= UInt64(utf8[offset + i]) << UInt64(8 * i) }
                bits |= word
                state = mix(state ^ word, 0xE703_7ED1_A0B4_28DB)
            }
        }
        let hash = mix(state ^ UInt64(count), 0x5899_65CC_7537_4CC3)
        return (UInt32(truncatingIfNeeded: hash), bits & 0x8080_8080_8080_8080 == 0)
    }

    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}

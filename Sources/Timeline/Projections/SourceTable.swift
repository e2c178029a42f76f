/// Where each source is in ``SourceIndex``'s list, by its key: an
/// open-addressing table with linear probing, kept at most half full, as
/// ``FigureTable`` is.
///
/// Indexing a claim looks its source up (a replay or a snapshot load, one
/// per claim), and with a `Dictionary` the SipHash of the key's five
/// numbers was a tenth of a snapshot load's indexing. Here a key is hashed
/// by two multiplications, seeded per process as `Hasher` is.
struct SourceTable: Sendable {
    /// A key and its place; ``empty`` marks an empty slot.
    private struct Slot {
        var key: SourceKey
        var place: UInt32

        static let emptyPlace = UInt32.max
        static let empty = Slot(
            key: SourceKey(quantity: QuantityKey(side: 0, population: 0, metric: 0), per: 0, speaker: 0), place: emptyPlace)

        var isEmpty: Bool { place == Self.emptyPlace }
    }

    private static let seed = UInt64.random(in: .min ... .max)

    private var slots: [Slot] = []
    private var shift = 64
    private(set) var count = 0

    /// The place of `key`, nil when it has none; setting nil removes it.
    subscript(key: SourceKey) -> Int? {
        get {
            index(of: key).map { Int(slots[$0].place) }
        }
        set {
            if let index = index(of: key) {
                if let newValue {
                    slots[index].place = UInt32(newValue)
                } else {
                    let shift = self.shift
                    OpenAddressing.remove(at: index, in: &slots, empty: .empty, isEmpty: \.isEmpty) {
                        Self.home($0.key, shift: shift)
                    }
                    count -= 1
                }
            } else if let newValue {
                precondition(newValue < Int(Slot.emptyPlace), "too many sources")
                if (count + 1) * 2 > slots.count {
                    let size = OpenAddressing.slotCount(for: count + 1)
                    shift = 64 - size.trailingZeroBitCount
                    slots = OpenAddressing.moved(slots, into: size, empty: .empty, isEmpty: \.isEmpty) { home($0.key) }
                }
                var index = home(key)
                while !slots[index].isEmpty { index = (index + 1) & (slots.count - 1) }
                slots[index] = Slot(key: key, place: UInt32(newValue))
                count += 1
            }
        }
    }

    private func index(of key: SourceKey) -> Int? {
        guard !slots.isEmpty else { return nil }
        var index = home(key)
        while !slots[index].isEmpty {
            if slots[index].key == key { return index }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    private func home(_ key: SourceKey) -> Int {
        Self.home(key, shift: shift)
    }

    private static func home(_ key: SourceKey, shift: Int) -> Int {
        OpenAddressing.home(
            UInt64(key.quantity.side) << 32 | UInt64(key.quantity.population), UInt64(key.quantity.metric) << 32 | UInt64(key.per),
            UInt64(key.speaker), seed: seed, shift: shift)
    }
}

/// Every source's groups of claims by figure (``SourceIndex``'s by-figure
/// chains), in one open-addressing table with linear probing, kept at most
/// half full.
///
/// A replay or a snapshot load adds a claim to it for every claim, most
/// of them with a figure not seen before: with a `Dictionary`, the
/// hashing of each key (and of every key again each time the table grew)
/// was most of the cost of indexing a claim. Here a key is hashed by two
/// multiplications, and growing moves entries without hashing strings or
/// allocating. The hash is seeded per process, as `Hasher` is, so that
/// figures chosen to collide in one run do not collide in another.
struct FigureTable: Sendable {
    /// A key and its chain; `chain.first == SourceIndex.end` marks an empty slot.
    private struct Slot {
        var low: Int64
        var high: Int64
        /// The source's place, with ``hasHigh`` set for a figure that is a range.
        var source: UInt32
        var qualifier: UInt32
        var chain: SourceIndex.Chain

        static let empty = Slot(low: 0, high: 0, source: 0, qualifier: 0, chain: .empty)
        static let hasHigh: UInt32 = 1 << 31

        init(low: Int64, high: Int64, source: UInt32, qualifier: UInt32, chain: SourceIndex.Chain) {
            self.low = low
            self.high = high
            self.source = source
            self.qualifier = qualifier
            self.chain = chain
        }

        init(_ key: SourceFigure, _ chain: SourceIndex.Chain) {
            precondition(key.source < Int(Self.hasHigh), "too many sources for the figure table")
            low = key.figure.low
            high = key.figure.high ?? 0
            source = UInt32(key.source) | (key.figure.high == nil ? 0 : Self.hasHigh)
            qualifier = key.figure.qualifier
            self.chain = chain
        }

        var isEmpty: Bool { chain.first == SourceIndex.end }

        func holds(_ other: Slot) -> Bool {
            low == other.low && high == other.high && source == other.source && qualifier == other.qualifier
        }
    }

    private static let seed = UInt64.random(in: .min ... .max)

    private var slots: [Slot] = []
    private var shift = 64
    private(set) var count = 0

    /// The chain of `key`, nil when it has no claims; setting nil removes it.
    subscript(key: SourceFigure) -> SourceIndex.Chain? {
        get {
            let probe = Slot(key, .empty)
            guard let index = index(of: probe) else { return nil }
            return slots[index].chain
        }
        set {
            let probe = Slot(key, newValue ?? .empty)
            if let index = index(of: probe) {
                if let newValue { slots[index].chain = newValue } else { remove(at: index) }
            } else if newValue != nil {
                insert(probe)
            }
        }
    }

    /// Calls `change` with the chain of `key` (``SourceIndex/Chain/empty``
    /// when it has none yet), in place: one probe to find or add it.
    mutating func update(_ key: SourceFigure, _ change: (inout SourceIndex.Chain) -> Void) {
        if (count + 1) * 2 > slots.count { grow(to: count + 1) }
        let probe = Slot(key, .empty)
        var index = home(probe)
        while !slots[index].isEmpty, !slots[index].holds(probe) {
            index = (index + 1) & (slots.count - 1)
        }
        if slots[index].isEmpty {
            slots[index] = probe
            count += 1
        }
        change(&slots[index].chain)
        // A change that leaves the chain empty would leave a hole that
        // cuts the probes of the keys after it.
        precondition(!slots[index].isEmpty, "a figure's chain left empty in place")
    }

    /// Calls `change` with the chain of each of `keys` in turn, and the
    /// key's place in `keys`, as ``update(_:_:)`` does, but in the order
    /// of their home slots rather than the order given: each lands near
    /// the one before, in the caches, where keys in their own order would
    /// each miss them (as a snapshot load adds a figure per claim). A
    /// key's calls keep their order among themselves.
    mutating func update(inHomeOrder keys: [SourceFigure], _ change: (Int, inout SourceIndex.Chain) -> Void) {
        reserveCapacity(count + keys.count)
        let ordered = OpenAddressing.homeOrder(keys.map { home(Slot($0, .empty)) }, slotCount: slots.count)
        for place in ordered {
            update(keys[place]) { change(place, &$0) }
        }
    }

    /// Makes room for `capacity` figures in all.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > slots.count { grow(to: capacity) }
    }

    private func index(of probe: Slot) -> Int? {
        guard !slots.isEmpty else { return nil }
        var index = home(probe)
        while !slots[index].isEmpty {
            if slots[index].holds(probe) { return index }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    private mutating func insert(_ slot: Slot) {
        if (count + 1) * 2 > slots.count { grow(to: count + 1) }
        var index = home(slot)
        while !slots[index].isEmpty { index = (index + 1) & (slots.count - 1) }
        slots[index] = slot
        count += 1
    }

    /// Empties the slot at `index`, moving back the entries after it that
    /// probed past it, so that every key stays reachable from its home.
    private mutating func remove(at index: Int) {
        let shift = self.shift
        OpenAddressing.remove(at: index, in: &slots, empty: .empty, isEmpty: \.isEmpty) { Self.home($0, shift: shift) }
        count -= 1
    }

    private func home(_ slot: Slot) -> Int {
        Self.home(slot, shift: shift)
    }

    private static func home(_ slot: Slot, shift: Int) -> Int {
        OpenAddressing.home(
            UInt64(bitPattern: slot.low), UInt64(bitPattern: slot.high), UInt64(slot.source) << 32 | UInt64(slot.qualifier),
            seed: seed, shift: shift)
    }

    private mutating func grow(to capacity: Int) {
        let size = OpenAddressing.slotCount(for: capacity)
        shift = 64 - size.trailingZeroBitCount
        slots = OpenAddressing.moved(slots, into: size, empty: .empty, isEmpty: \.isEmpty) { home($0) }
    }
}

/// A figure of one source: the source's place in ``SourceIndex``'s list
/// and the figure.
struct SourceFigure: Hashable {
    var source: Int
    var figure: FigureKey

    init(_ source: Int, _ row: ClaimRow) {
        self.source = source
        figure = FigureKey(row)
    }
}

/// Where every `stride`-th record starts, so that a read after some seq
/// starts near it instead of at the start of its segment (a subscriber asking
/// for the newest records must not rescan 64 MiB each time).
struct SparseIndex: Sendable {
    struct Entry: Sendable, Hashable {
        var seq: UInt64
        var segmentFirstSeq: UInt64
        var offset: Int64
    }

    /// One entry per this many records: at ~400-byte records a read scans at
    /// most ~50 KiB to its start, and a million records cost ~200 KiB of index.
    static let stride: UInt64 = 128

    private(set) var entries: [Entry] = []

    static func wantsEntry(forSeq seq: UInt64) -> Bool { (seq - 1) % stride == 0 }

    mutating func add(_ entry: Entry) {
        if let last = entries.last, last.seq >= entry.seq { return }
        entries.append(entry)
    }

    mutating func add(contentsOf more: some Sequence<Entry>) {
        for entry in more { add(entry) }
    }

    /// The last entry at or before `seq`.
    func entry(atOrBefore seq: UInt64) -> Entry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].seq <= seq { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : entries[low - 1]
    }
}

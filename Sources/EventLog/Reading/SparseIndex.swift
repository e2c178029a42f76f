/// Where every `stride`-th record starts, so that a read after some seq
/// starts near it instead of at the start of its segment (a subscriber asking
/// for the newest records must not rescan 64 MiB each time).
///
/// Opening fills it for the segments it reads whole; a read through a
/// segment opening did not read (a sealed one, when only seals and the tail
/// are checked) fills in the entries it passes, so that the next read there
/// starts near its record too. An entry may also be any record whose place
/// a reader has checked (a snapshot's, see ``EventLog/chainHead(at:location:)``).
struct SparseIndex: Sendable {
    struct Entry: Sendable, Hashable {
        var seq: UInt64
        var segmentFirstSeq: UInt64
        var offset: Int64
    }

    /// One entry per this many records: at ~400-byte records a read scans at
    /// most ~50 KiB to its start, and a million records cost ~200 KiB of index.
    static let stride: UInt64 = 128

    /// In ascending seq order, each seq once.
    private(set) var entries: [Entry] = []

    static func wantsEntry(forSeq seq: UInt64) -> Bool { (seq - 1) % stride == 0 }

    /// Adds an entry after the last (as records are appended); one at or
    /// before the last entry is ignored.
    mutating func add(_ entry: Entry) {
        if let last = entries.last, last.seq >= entry.seq { return }
        entries.append(entry)
    }

    mutating func add(contentsOf more: some Sequence<Entry>) {
        for entry in more { add(entry) }
    }

    /// Adds entries anywhere in the index; those whose seq it holds already
    /// are left out.
    /// - Parameters:
    ///   - more: entries in ascending seq order.
    mutating func insert(contentsOf more: [Entry]) {
        guard let first = more.first, let last = more.last else { return }
        let start = firstIndex(atOrAfter: first.seq)
        let end = firstIndex(after: last.seq)
        if start == end {
            // The usual case: a stretch the index had no entry in.
            entries.insert(contentsOf: more, at: start)
            return
        }
        var merged: [Entry] = []
        merged.reserveCapacity(end - start + more.count)
        var (i, j) = (start, 0)
        while i < end || j < more.count {
            if j == more.count || (i < end && entries[i].seq <= more[j].seq) {
                if j < more.count, entries[i].seq == more[j].seq { j += 1 }
                merged.append(entries[i])
                i += 1
            } else {
                merged.append(more[j])
                j += 1
            }
        }
        entries.replaceSubrange(start..<end, with: merged)
    }

    /// The position in ``entries`` of the first entry whose seq is at least `seq`.
    func firstIndex(atOrAfter seq: UInt64) -> Int {
        partition { $0 < seq }
    }

    /// The position in ``entries`` of the first entry whose seq is above `seq`.
    func firstIndex(after seq: UInt64) -> Int {
        partition { $0 <= seq }
    }

    /// The last entry at or before `seq`.
    func entry(atOrBefore seq: UInt64) -> Entry? {
        let after = firstIndex(after: seq)
        return after == 0 ? nil : entries[after - 1]
    }

    /// The number of leading entries whose seq is `before` (which holds
    /// for a prefix of them).
    private func partition(_ before: (UInt64) -> Bool) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if before(entries[middle].seq) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Every source that has estimated a quantity (a speaker, or no speaker,
/// for each side, population, metric and rate), with the positions of its
/// claims and its latest standing claim, kept up to date claim by claim.
///
/// `sources` and `latest` read a source's latest claim from here instead of
/// scanning every claim, and a source's claims when they count the reports
/// of a statement; the values a filter may name are its keys' values.
struct SourceIndex: Sendable {
    /// One source's claims of one quantity.
    struct Source: Sendable {
        /// Its claims' positions in seq order, retracted ones included.
        var positions: [UInt32] = []
        /// The position of its latest standing claim (by date, then seq);
        /// nil when every claim is retracted.
        var newest: Int?
    }

    private(set) var sources: [SourceKey: Source] = [:]

    /// Takes the claim at `position` (just added, or read from a snapshot)
    /// into account.
    mutating func add(_ position: Int, in rows: ChunkedArray<ClaimRow>) {
        let row = rows[position]
        let key = SourceKey(row)
        var source = sources.removeValue(forKey: key) ?? Source()
        source.positions.append(UInt32(position))
        if row.isStanding, source.newest.map({ rows[$0].precedes(row) }) ?? true {
            source.newest = position
        }
        sources[key] = source
    }

    /// Finds the latest standing claim of a source again, after one of its
    /// claims was retracted: a person's correction, rare enough for a scan
    /// of the source's claims.
    mutating func recompute(_ key: SourceKey, in rows: ChunkedArray<ClaimRow>) {
        guard var source = sources[key] else { return }
        source.newest = nil
        for position in source.positions.lazy.map(Int.init) where rows[position].isStanding {
            if let held = source.newest, !rows[held].precedes(rows[position]) { continue }
            source.newest = position
        }
        sources[key] = source
    }
}

/// Who estimated what: a quantity, a rate (or none) and a speaker (or
/// none), by the pool ids of their strings.
struct SourceKey: Hashable, Sendable {
    var quantity: QuantityKey
    var per: UInt32
    var speaker: UInt32

    init(_ row: ClaimRow) {
        quantity = row.quantity
        per = row.per
        speaker = row.speaker
    }
}

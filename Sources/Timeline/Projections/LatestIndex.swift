/// Every (side, population, metric) a claim has counted, with its latest
/// standing claim, kept up to date claim by claim, so that `Latest`
/// without a speaker or document filter answers without reading every
/// claim, and the values a filter may name are known.
///
/// It holds what a scan of every claim computes for an empty filter: per
/// quantity, the standing claim with the latest date, then the highest seq.
struct LatestIndex: Sendable {
    /// The position of the quantity's latest standing claim; nil when every
    /// claim of it is retracted.
    private(set) var newest: [QuantityKey: Int?] = [:]

    /// Takes the claim at `position` (just added, or read from a snapshot)
    /// into account.
    mutating func consider(_ position: Int, in rows: ChunkedArray<ClaimRow>) {
        let row = rows[position]
        let key = row.quantity
        guard row.isStanding else {
            if newest[key] == nil { newest[key] = .some(nil) }
            return
        }
        if case let held?? = newest[key], !rows[held].precedes(row) { return }
        newest[key] = position
    }

    /// Finds the latest standing claim of `key` again, after one of its
    /// claims was retracted: a person's correction, rare enough for a scan.
    mutating func recompute(_ key: QuantityKey, in rows: ChunkedArray<ClaimRow>) {
        var best: Int?
        for position in rows.indices {
            let row = rows[position]
            guard row.quantity == key, row.isStanding else { continue }
            if let held = best, !rows[held].precedes(row) { continue }
            best = position
        }
        newest[key] = .some(best)
    }
}

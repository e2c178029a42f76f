import ClaimExtraction

/// The latest claim of each (side, population, metric), kept up to date
/// claim by claim, so that `Latest` without a speaker or document filter
/// answers without reading every claim in the timeline.
///
/// It holds what ``Projections/latest(matching:)`` computes for an empty
/// filter; a filter on side, population or metric picks from it.
public struct LatestIndex: Sendable {
    private var newest: [Quantity: ClaimRecord] = [:]

    public init() {}

    /// The index of `projections` as they stand.
    public init(_ projections: Projections) {
        for record in projections.latest(matching: ClaimFilter()) {
            newest[Quantity(record.claim)] = record
        }
    }

    /// Takes a claim just added to the projections into account.
    public mutating func consider(_ record: ClaimRecord) {
        guard record.retraction == nil else { return }
        let key = Quantity(record.claim)
        if let held = newest[key], !ClaimRecord.chronologically(held, record) { return }
        newest[key] = record
    }

    /// The answer for `filter`, or nil when the filter names a speaker or
    /// a document, which the index does not hold.
    public func latest(matching filter: ClaimFilter) -> [ClaimRecord]? {
        guard filter.speaker == nil, filter.document == nil else { return nil }
        return newest.filter { filter.matches($0.value) }.sorted { $0.key < $1.key }.map(\.value)
    }
}

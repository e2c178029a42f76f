import ClaimExtraction

/// A ``ClaimFilter`` read against rows: its side, population, metric and
/// rate as pool ids, its document as the SHA-256s it names, and what each
/// speaker it meets makes of it, worked out once per distinct name.
struct RowFilter {
    private let filter: ClaimFilter
    private let side: UInt32?
    private let population: UInt32?
    private let metric: UInt32?
    private let per: UInt32?
    /// The SHA-256s (pool ids) of the documents the filter names.
    private let documents: Set<UInt32>?
    /// A value the filter names that no claim carries: nothing matches.
    let matchesNothing: Bool
    private var speakers: [UInt32: Bool] = [:]

    init(_ filter: ClaimFilter, in projections: Projections) {
        self.filter = filter
        let pool = projections.pool
        let side = filter.side.map { pool.existingID($0.rawValue) }
        let population = filter.population.map { pool.existingID($0.rawValue) }
        let metric = filter.metric.map { pool.existingID($0.rawValue) }
        let per = filter.per.map { $0 == ClaimFilter.totals ? StringPool.none : pool.existingID($0) }
        let documents = filter.document.map { wanted in
            Set((try? projections.documentPositions(named: wanted))?.map { projections.documentRows[$0].sha256 } ?? [])
        }
        matchesNothing = side == .some(nil) || population == .some(nil) || metric == .some(nil) || per == .some(nil)
            || documents?.isEmpty == true
        self.side = side ?? nil
        self.population = population ?? nil
        self.metric = metric ?? nil
        self.per = per ?? nil
        self.documents = documents
    }

    /// Whether the filter asks about more than who said what: a date or a
    /// document, which only a claim itself answers.
    var readsClaims: Bool { filter.since != nil || filter.until != nil || documents != nil }

    /// The days `since` and `until` bound (days since 1970-01-01, nil
    /// where open), or nil when the filter names neither.
    var days: (since: Int?, until: Int?)? {
        guard filter.since != nil || filter.until != nil else { return nil }
        return (filter.since?.days.lowerBound, filter.until?.days.upperBound)
    }

    /// The SHA-256s (pool ids) of the documents the filter names, or nil
    /// when it names none.
    var documentSHA256s: Set<UInt32>? { documents }

    /// Whether claims of `key` can pass the filter.
    mutating func matches(_ key: SourceKey, pool: StringPool) -> Bool {
        guard !matchesNothing else { return false }
        if let side, key.quantity.side != side { return false }
        if let population, key.quantity.population != population { return false }
        if let metric, key.quantity.metric != metric { return false }
        if let per, key.per != per { return false }
        if let wanted = filter.speaker {
            if let known = speakers[key.speaker] { return known }
            let matches = ClaimFilter.speaker(pool[optional: key.speaker], matches: wanted)
            speakers[key.speaker] = matches
            return matches
        }
        return true
    }

    /// Whether the claim `row` passes the filter: a standing claim, or a
    /// retracted one too when `includingRetracted`.
    mutating func matches(_ row: ClaimRow, pool: StringPool, includingRetracted: Bool = false) -> Bool {
        guard row.isStanding || includingRetracted, matches(SourceKey(row), pool: pool) else { return false }
        if let documents, !documents.contains(row.documentSHA256) { return false }
        return filter.passes(date: row.effectiveDate)
    }
}

/// A filter that cannot be answered: a document no file (or more than one
/// by a prefix of their names) matches, a speaker with no word, an `until`
/// before `since`.
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter at fault: `document`, `speaker` or `until`.
    public var parameter: String
    public var message: String
    public var description: String { message }
}

extension Projections {
    /// The positions in ``documents`` of the documents `wanted` names: those
    /// of that file name; else those whose SHA-256 starts with it (6 hex
    /// digits or more); else those whose name starts with it, when that is
    /// one name.
    /// - Throws: ``FilterError`` when nothing matches, or a prefix
    ///   matches several names.
    func documentPositions(named wanted: String) throws(FilterError) -> [Int] {
        // A name the pool holds is compared as its id: reading back every
        // document's name took 10 ms a query over 125,000 documents.
        if let id = pool.existingID(wanted) {
            let named = documentRows.indices.filter { documentRows[$0].name == id }
            if !named.isEmpty { return named }
        }
        let hex = wanted.lowercased()
        if hex.count >= 6, hex.allSatisfy(\.isHexDigit) {
            let hashed = documentRows.indices.filter { pool[optional: documentRows[$0].sha256]?.hasPrefix(hex) == true }
            if !hashed.isEmpty { return hashed }
        }
        let prefixed = documentRows.indices.filter { pool[documentRows[$0].name].hasPrefix(wanted) }
        let names = Set(prefixed.map { pool[documentRows[$0].name] })
        if names.count > 1 {
            let some = names.sorted().prefix(5).joined(separator: ", ")
            throw FilterError(parameter: "document", message: "'\(wanted)' starts \(names.count) document names (\(some)\(names.count > 5 ? ", …" : "")); give more of the name")
        }
        guard !prefixed.isEmpty else {
            throw FilterError(parameter: "document", message: "no document is named '\(wanted)', starts with it, or has a SHA-256 starting with it")
        }
        return prefixed
    }

    /// The documents `document` names (``documentPositions(named:)``), or all.
    /// - Throws: ``FilterError`` as ``documentPositions(named:)``.
    public func documents(matching document: String?) throws(FilterError) -> [DocumentRecord] {
        guard let document else { return Array(documents) }
        let documents = self.documents
        return try documentPositions(named: document).map { documents[$0] }
    }

    /// Checks that `filter` can be answered, so that a typo gets an error
    /// rather than an empty answer: its document names documents
    /// (``documentPositions(named:)``), its speaker has a word, its `until`
    /// is not before its `since`.
    /// - Throws: ``FilterError`` naming the parameter at fault.
    public func validate(_ filter: ClaimFilter) throws(FilterError) {
        if let speaker = filter.speaker, ClaimFilter.words(speaker).isEmpty {
            throw FilterError(parameter: "speaker", message: "a speaker filter needs a word of a name, not '\(speaker)'")
        }
        if let since = filter.since, let until = filter.until, since.days.lowerBound > until.days.upperBound {
            throw FilterError(parameter: "until", message: "until \(until) is before since \(since)")
        }
        if let document = filter.document { _ = try documentPositions(named: document) }
    }
}

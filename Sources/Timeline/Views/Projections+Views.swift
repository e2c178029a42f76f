import ClaimExtraction

extension Projections {
    /// For each side, population, metric and rate (totals apart from each
    /// rate), every source's latest estimate that passes `filter`: one row
    /// per speaker and one for claims with no speaker, newest first (by
    /// date, then seq; an undated claim after every dated one).
    ///
    /// A row's `disagreeing` counts the other sources of its quantity and
    /// rate that pass the filter's other fields, whichever speaker it names.
    public func sources(matching filter: ClaimFilter) -> [SourceRow] {
        var everyone = filter
        everyone.speaker = nil
        var rows = RowFilter(everyone, in: self)
        guard !rows.matchesNothing else { return [] }
        var measures: [Measure: [(key: SourceKey, position: Int)]] = [:]
        for source in sourceIndex.sources where rows.matches(source.key, pool: pool) {
            let key = source.key
            var newest: Int?
            if rows.readsClaims {
                for position in candidates(of: key, for: rows) where rows.matches(claimRows[position], pool: pool) {
                    if let held = newest, !claimRows[held].precedes(claimRows[position]) { continue }
                    newest = position
                }
            } else {
                newest = source.newest
            }
            guard let newest else { continue }
            measures[Measure(claims[newest].claim), default: []].append((key, newest))
        }
        var speakers = RowFilter(ClaimFilter(speaker: filter.speaker), in: self)
        var result: [SourceRow] = []
        for (_, newest) in measures.sorted(by: { $0.key < $1.key }) {
            let ordered = newest.sorted { claimRows[$1.position].precedes(claimRows[$0.position]) }
            let records = ordered.map { claims[$0.position] }
            for (i, (key, position)) in ordered.enumerated() where speakers.matches(key, pool: pool) {
                let disagreeing = records.indices.filter { $0 != i && records[$0].claim.disagrees(with: records[i].claim) }
                result.append(SourceRow(
                    record: records[i], reports: reportCount(of: records[i], at: position, source: key),
                    disagreeing: disagreeing.count))
            }
        }
        return result
    }

    /// For each side, population and metric, the latest estimate that passes
    /// `filter`: the first row of ``sources(matching:)`` for it. Totals
    /// only, unless the filter asks for a rate (`per`).
    public func latest(matching filter: ClaimFilter) -> [SourceRow] {
        var filter = filter
        if filter.per == nil { filter.per = ClaimFilter.totals }
        var seen = Set<Measure>()
        return sources(matching: filter).filter { seen.insert(Measure($0.record.claim)).inserted }
    }

    /// The statements (``StatementRule``) that claims passing `filter`
    /// report, each with every report (of any document, within the filter
    /// or not) and its conflicts; with `conflictsOnly`, only statements that
    /// conflict with another. Ordered by speaker (unattributed last),
    /// quantity, rate, then time.
    ///
    /// With `conflictsOnly` the work grows with the claims in documents
    /// that report one of a speaker's figures together (the only ones that
    /// can conflict), not with the log.
    public func statements(matching filter: ClaimFilter, conflictsOnly: Bool = false) -> [Statement] {
        var rows = RowFilter(filter, in: self)
        guard !rows.matchesNothing else { return [] }
        var lookup = StatementLookup()
        var result: [(speaker: String?, measure: Measure, statements: [Statement])] = []
        let linked = conflictsOnly ? claimsInLinkedDocuments() : nil
        for key in sourceIndex.sources.map(\.key) where rows.matches(key, pool: pool) {
            var statements: [[ClaimRecord]]
            if rows.readsClaims || linked != nil {
                // Only the figures of claims that pass can make statements
                // that pass; each is grouped whole, as its statements span it.
                var passing = Set<UInt64>()
                var figures = Set<FigureKey>()
                var records: [ClaimRecord] = []
                let positions = linked.map { $0[key] ?? [] } ?? candidates(of: key, for: rows)
                for position in positions where rows.matches(claimRows[position], pool: pool) {
                    passing.insert(claimRows[position].seq)
                    guard figures.insert(FigureKey(claimRows[position])).inserted else { continue }
                    records += standingRecords(sourceIndex.positions(of: key, withFigureOf: claimRows[position]))
                }
                // In seq order, the order of a source's claims: unattributed
                // claims stand alone in it.
                records.sort { $0.seq < $1.seq }
                statements = StatementRule.statements(records)
                lookup.remember(statements)
                statements.removeAll { reports in !reports.contains { passing.contains($0.seq) } }
            } else {
                statements = StatementRule.statements(standingClaims(of: key))
                lookup.remember(statements)
            }
            var kept: [Statement] = []
            for reports in statements {
                let others = conflicts(of: reports, source: key, &lookup)
                guard !conflictsOnly || !others.isEmpty else { continue }
                kept.append(Statement(
                    record: reports[0], reportClaims: reports.map(\.id), reportDocuments: Self.documentNames(reports),
                    conflicts: others.map { other in
                        Statement.Conflict(
                            statement: other[0].id, qualifier: other[0].claim.qualifier, low: other[0].claim.low,
                            high: other[0].claim.high, documents: Self.documentNames(other))
                    }))
            }
            if !kept.isEmpty { result.append((pool[optional: key.speaker], Measure(kept[0].record.claim), kept)) }
        }
        return result.sorted { a, b in
            switch (a.speaker, b.speaker) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.measure < b.measure
            }
        }.flatMap(\.statements)
    }

    /// Each speaker's estimates of each quantity and rate in time order,
    /// statement by statement (``StatementRule``): a statement's first
    /// report is marked with how it moved from the statement before
    /// (``Change``), its other reports `reported_again`. A claim a person
    /// retracted is shown in its place in time, marked `retracted`, and
    /// counts as no statement; a superseded claim is not shown (a later
    /// reading of its document replaced it). Claims with no speaker have
    /// no history.
    public func history(matching filter: ClaimFilter) -> [Series] {
        var grouped: [String: [Measure: (standing: [ClaimRecord], retracted: [ClaimRecord])]] = [:]
        let claims = self.claims
        for position in positions(matching: filter, includingRetracted: true)
        where claimRows[position].speaker != StringPool.none && !claimRows[position].flags.contains(.superseded) {
            let record = claims[position]
            let standing = claimRows[position].isStanding
            var series = grouped[record.claim.speaker!, default: [:]][Measure(record.claim), default: ([], [])]
            if standing { series.standing.append(record) } else { series.retracted.append(record) }
            grouped[record.claim.speaker!, default: [:]][Measure(record.claim)] = series
        }
        var bySpeaker: [UInt32: [SourceKey]] = [:]
        for key in sourceIndex.sources.lazy.map(\.key) { bySpeaker[key.speaker, default: []].append(key) }
        return grouped.sorted { $0.key < $1.key }.flatMap { speaker, measures in
            let id = pool.existingID(speaker) ?? StringPool.none
            // A statement contradicting a report of the same occasion is no revision.
            var contradicted: [String: Set<String>] = [:]
            for (id, others) in statements(of: bySpeaker[id] ?? [], speaker: id).conflicts {
                contradicted[id] = Set(others.flatMap { $0.map(\.id) })
            }
            return measures.sorted { $0.key < $1.key }.map { measure, records in
                var entries: [Series.Entry] = []
                var previous: [ClaimRecord] = []
                for reports in StatementRule.statements(records.standing) {
                    var change = previous.first.map { Change(from: $0.claim, to: reports[0].claim) } ?? .first
                    let others = reports.reduce(into: Set<String>()) { $0.formUnion(contradicted[$1.id] ?? []) }
                    if previous.contains(where: { others.contains($0.id) }) { change = .conflicting }
                    entries.append(Series.Entry(record: reports[0], change: change))
                    entries += reports.dropFirst().map { Series.Entry(record: $0, change: .reportedAgain) }
                    previous = reports
                }
                for record in records.retracted {
                    let place = entries.firstIndex { ClaimRecord.chronologically(record, $0.record) } ?? entries.endIndex
                    entries.insert(Series.Entry(record: record, change: .retracted), at: place)
                }
                return Series(
                    speaker: speaker, side: measure.quantity.side, population: measure.quantity.population,
                    metric: measure.quantity.metric, per: measure.per, entries: entries)
            }
        }
    }

    /// The statements of one speaker's sources, and their conflicts by
    /// every report's claim id (none for claims with no speaker).
    private func statements(
        of keys: [SourceKey], speaker: UInt32
    ) -> (grouped: [(SourceKey, [[ClaimRecord]])], conflicts: [String: [[ClaimRecord]]]) {
        let grouped = keys.map { key in (key, StatementRule.statements(standingClaims(of: key))) }
        guard speaker != StringPool.none else { return (grouped, [:]) }
        let byStatement = StatementRule.conflicts(
            among: grouped.map(\.1), linked: StatementRule.links(grouped.lazy.flatMap(\.1)))
        var byClaim: [String: [[ClaimRecord]]] = [:]
        for (_, statements) in grouped {
            for reports in statements {
                guard let others = byStatement[reports[0].id] else { continue }
                for report in reports { byClaim[report.id] = others }
            }
        }
        return (grouped, byClaim)
    }

    /// The number of documents reporting the statement `record` (the claim
    /// at `position`) belongs to: only claims of its figure can report it.
    private func reportCount(of record: ClaimRecord, at position: Int, source key: SourceKey) -> Int {
        guard key.speaker != StringPool.none else { return 1 }
        let same = standingRecords(sourceIndex.positions(of: key, withFigureOf: claimRows[position]))
        let statement = StatementRule.statements(same).first { $0.contains { $0.id == record.id } } ?? [record]
        return Set(statement.map(\.documentSHA256)).count
    }

    /// The claims that can report a statement with a conflict, by source:
    /// for each two documents that report one of a speaker's figures
    /// together (``SourceIndex/documentPairsSharingFigures(in:)``), the
    /// speaker's standing claims in one whose source has a claim of
    /// another figure in the other, with every claim of their figures
    /// (a statement's other reports, which a filter may pass alone). Read
    /// as rows, so that only these are made records and grouped.
    private func claimsInLinkedDocuments() -> [SourceKey: [Int]] {
        var found: [SourceKey: Set<Int>] = [:]
        for (speaker, pairs) in sourceIndex.documentPairsSharingFigures(in: claimRows) {
            func claims(in document: UInt32) -> [SourceKey: [Int]] {
                var bySource: [SourceKey: [Int]] = [:]
                for position in sourceIndex.positions(inDocument: document) {
                    let row = claimRows[position]
                    if row.isStanding, row.speaker == speaker { bySource[SourceKey(row), default: []].append(position) }
                }
                return bySource
            }
            for pair in pairs {
                let second = claims(in: pair.second)
                for (key, positions) in claims(in: pair.first) {
                    for a in positions {
                        for b in second[key] ?? [] where FigureKey(claimRows[a]) != FigureKey(claimRows[b]) {
                            for claim in [a, b] where !found[key, default: []].contains(claim) {
                                found[key, default: []].formUnion(sourceIndex.positions(of: key, withFigureOf: claimRows[claim]))
                            }
                        }
                    }
                }
            }
        }
        return found.mapValues { Array($0) }
    }

    /// The positions of the claims of `key` that may pass a filter that
    /// reads claims (``RowFilter/readsClaims``): those of the documents it
    /// names, else those dated in the months and years its `since` and
    /// `until` overlap. In no particular order; each claim's row decides.
    func candidates(of key: SourceKey, for rows: RowFilter) -> [Int] {
        if let documents = rows.documentSHA256s {
            return documents.flatMap { sourceIndex.positions(inDocument: $0) }.filter { SourceKey(claimRows[$0]) == key }
        }
        if let days = rows.days {
            return sourceIndex.positions(of: key, datedFrom: days.since, to: days.until)
        }
        return sourceIndex[key]?.positions.map(Int.init) ?? []
    }

    /// The statements of the same source that conflict with `statement`
    /// (``StatementRule``): a figure that disagrees, on the same occasion,
    /// reported in a document that reports some statement of the
    /// speaker together with a document reporting `statement`. Found from
    /// its documents' claims, so the work grows with the documents that
    /// report it, not with the speaker's claims. Ordered in time
    /// (``ClaimRecord/chronologically(_:_:)``).
    private func conflicts(
        of statement: [ClaimRecord], source key: SourceKey, _ lookup: inout StatementLookup
    ) -> [[ClaimRecord]] {
        guard key.speaker != StringPool.none else { return [] }
        var found: [[ClaimRecord]] = []
        var compared: Set<UInt64> = [statement[0].seq]
        for document in Set(statement.compactMap({ pool.existingID($0.documentSHA256) })) {
            var partners = Set<UInt32>()
            for position in sourceIndex.positions(inDocument: document) {
                let row = claimRows[position]
                // A figure no other document reports links this one to none.
                guard row.isStanding, row.speaker == key.speaker, sourceIndex.figureIsShared(row) else { continue }
                for report in lookup.statement(containing: position, in: self) {
                    if let sha256 = pool.existingID(report.documentSHA256) { partners.insert(sha256) }
                }
            }
            partners.remove(document)
            for partner in partners {
                for position in sourceIndex.positions(inDocument: partner) {
                    let row = claimRows[position]
                    guard row.isStanding, SourceKey(row) == key else { continue }
                    let other = lookup.statement(containing: position, in: self)
                    guard compared.insert(other[0].seq).inserted, statement[0].claim.disagrees(with: other[0].claim),
                          StatementRule.sameOccasion(statement[0].effectiveDate, other[0].effectiveDate) else { continue }
                    found.append(other)
                }
            }
        }
        return found.sorted { ClaimRecord.chronologically($0[0], $1[0]) }
    }

    /// The standing claims at `positions`, in their order.
    func standingRecords(_ positions: [Int]) -> [ClaimRecord] {
        let claims = self.claims
        return positions.compactMap { claimRows[$0].isStanding ? claims[$0] : nil }
    }

    /// The standing claims of one source, in seq order.
    private func standingClaims(of key: SourceKey) -> [ClaimRecord] {
        standingRecords((sourceIndex[key]?.positions ?? []).map(Int.init))
    }

    /// The names of the documents of `reports`, each once, in order.
    private static func documentNames(_ reports: [ClaimRecord]) -> [String] {
        var seen = Set<String>()
        return reports.compactMap { seen.insert($0.documentSHA256).inserted ? $0.documentName : nil }
    }
}

/// The statement each claim belongs to, as one query groups them: a
/// figure's claims are read and grouped once however many claims of it
/// the query meets.
struct StatementLookup {
    /// The statement of every claim grouped so far, by the claim's seq.
    private var statements: [UInt64: [ClaimRecord]] = [:]

    /// Keeps `statements`, every statement of the figures they are of.
    mutating func remember(_ statements: [[ClaimRecord]]) {
        for statement in statements {
            for report in statement { self.statements[report.seq] = statement }
        }
    }

    /// The statement the standing claim at `position` reports.
    mutating func statement(containing position: Int, in projections: Projections) -> [ClaimRecord] {
        let row = projections.claimRows[position]
        if let known = statements[row.seq] { return known }
        remember(StatementRule.statements(projections.standingRecords(
            projections.sourceIndex.positions(of: SourceKey(row), withFigureOf: row))))
        return statements[row.seq] ?? [projections.claims[position]]
    }
}

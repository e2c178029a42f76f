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
        for (key, source) in sourceIndex.sources where rows.matches(key, pool: pool) {
            let newest: Int?
            if rows.readsClaims {
                newest = source.positions.lazy.map(Int.init).filter { rows.matches(self.claimRows[$0], pool: self.pool) }
                    .max { claimRows[$0].precedes(claimRows[$1]) }
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
            for (i, (key, _)) in ordered.enumerated() where speakers.matches(key, pool: pool) {
                let disagreeing = records.indices.filter { $0 != i && records[$0].claim.disagrees(with: records[i].claim) }
                result.append(SourceRow(
                    record: records[i], reports: reportCount(of: records[i], source: key), disagreeing: disagreeing.count))
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
    public func statements(matching filter: ClaimFilter, conflictsOnly: Bool = false) -> [Statement] {
        var rows = RowFilter(filter, in: self)
        guard !rows.matchesNothing else { return [] }
        var bySpeaker: [UInt32: [SourceKey]] = [:]
        for key in sourceIndex.sources.keys { bySpeaker[key.speaker, default: []].append(key) }
        var result: [(speaker: String?, measure: Measure, statements: [Statement])] = []
        for (speaker, keys) in bySpeaker where keys.contains(where: { rows.matches($0, pool: pool) }) {
            let (grouped, conflicts) = statements(of: keys, speaker: speaker)
            for (key, statements) in grouped where rows.matches(key, pool: pool) {
                var kept: [Statement] = []
                for reports in statements {
                    let others = conflicts[reports[0].id] ?? []
                    guard !conflictsOnly || !others.isEmpty else { continue }
                    guard !rows.readsClaims || reports.contains(where: { passes($0, &rows) }) else { continue }
                    kept.append(Statement(
                        record: reports[0], reportClaims: reports.map(\.id), reportDocuments: Self.documentNames(reports),
                        conflicts: others.map { other in
                            Statement.Conflict(
                                statement: other[0].id, qualifier: other[0].claim.qualifier, low: other[0].claim.low,
                                high: other[0].claim.high, documents: Self.documentNames(other))
                        }))
                }
                if !kept.isEmpty { result.append((pool[optional: speaker], Measure(kept[0].record.claim), kept)) }
            }
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
    /// (``Change``), its other reports `reported_again`. Claims with no
    /// speaker have no history.
    public func history(matching filter: ClaimFilter) -> [Series] {
        var grouped: [String: [Measure: [ClaimRecord]]] = [:]
        let claims = self.claims
        for position in positions(matching: filter) where claimRows[position].speaker != StringPool.none {
            let record = claims[position]
            grouped[record.claim.speaker!, default: [:]][Measure(record.claim), default: []].append(record)
        }
        var bySpeaker: [UInt32: [SourceKey]] = [:]
        for key in sourceIndex.sources.keys { bySpeaker[key.speaker, default: []].append(key) }
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
                for reports in StatementRule.statements(records) {
                    var change = previous.first.map { Change(from: $0.claim, to: reports[0].claim) } ?? .first
                    let others = reports.reduce(into: Set<String>()) { $0.formUnion(contradicted[$1.id] ?? []) }
                    if previous.contains(where: { others.contains($0.id) }) { change = .conflicting }
                    entries.append(Series.Entry(record: reports[0], change: change))
                    entries += reports.dropFirst().map { Series.Entry(record: $0, change: .reportedAgain) }
                    previous = reports
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

    /// The number of documents reporting the statement `record` belongs to.
    private func reportCount(of record: ClaimRecord, source key: SourceKey) -> Int {
        guard key.speaker != StringPool.none else { return 1 }
        let claim = record.claim
        let same = standingClaims(of: key) { row in
            row.low == claim.low && (row.flags.contains(.high) ? Int(row.high) : nil) == claim.high
                && pool[row.qualifier] == claim.qualifier.rawValue
        }
        let statement = StatementRule.statements(same).first { $0.contains { $0.id == record.id } } ?? [record]
        return Set(statement.map(\.documentSHA256)).count
    }

    /// The standing claims of one source that `keep` keeps, in seq order.
    private func standingClaims(of key: SourceKey, where keep: (ClaimRow) -> Bool = { _ in true }) -> [ClaimRecord] {
        let claims = self.claims
        return (sourceIndex.sources[key]?.positions ?? []).compactMap { position in
            let row = claimRows[Int(position)]
            return row.isStanding && keep(row) ? claims[Int(position)] : nil
        }
    }

    private func passes(_ record: ClaimRecord, _ rows: inout RowFilter) -> Bool {
        guard let position = claimIndex[record.id] else { return false }
        return rows.matches(claimRows[position], pool: pool)
    }

    /// The names of the documents of `reports`, each once, in order.
    private static func documentNames(_ reports: [ClaimRecord]) -> [String] {
        var seen = Set<String>()
        return reports.compactMap { seen.insert($0.documentSHA256).inserted ? $0.documentName : nil }
    }
}

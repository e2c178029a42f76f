import ClaimExtraction

/// The read side of the timeline: every view the daemon answers from,
/// built by applying events in seq order.
///
/// A pure reducer: `apply` reads nothing but its argument, so replaying the
/// log from scratch gives the same projections as having followed it live.
///
/// - Important: events must be applied in seq order, each once; an event
///   whose seq is not above ``lastSeq`` is ignored.
public struct Projections: Sendable, Equatable {
    /// The version of this code's reducers; a snapshot taken by another
    /// version is not used.
    public static let version = "1"

    /// The seq of the last event applied.
    public internal(set) var lastSeq: UInt64 = 0

    /// The records, stored compactly (``ClaimRow``, ``DocumentRow``): the
    /// strings they name in `pool`, the quotes in `text`. Rows hold no
    /// references, so they copy as bytes and a snapshot loads them as
    /// fixed-width fields; the chunks they live in are shared by copies.
    var pool = StringPool()
    var text = TextArena()
    var documentRows = ChunkedArray<DocumentRow>()
    var claimRows = ChunkedArray<ClaimRow>()

    /// Where each received document (by SHA-256) and each claim (by id) is
    /// in `documentRows` and `claimRows`; rebuilt when a snapshot is loaded.
    var documentIndex: [String: Int] = [:]
    var claimIndex = ClaimIndex()
    var latestIndex = LatestIndex()
    /// Kept as events are applied so that ``summary`` costs nothing: the
    /// daemon reports it after every file.
    var rejectedCount = 0
    var retractedCount = 0
    /// The document the last claim belonged to: a document's claims follow
    /// it in the log, so this spares a hash of its SHA-256 per claim.
    var recentDocument: (sha256: String, index: Int)?

    public init() {}

    /// Every document, in the order it was received or rejected.
    public var documents: DocumentList { DocumentList(rows: documentRows, pool: pool) }
    /// Every claim, in seq order.
    public var claims: ClaimList { ClaimList(rows: claimRows, pool: pool, text: text) }

    /// Applies one event.
    public mutating func apply(_ event: consuming Event) {
        guard event.seq > lastSeq else { return }
        lastSeq = event.seq
        switch event.payload {
        case .documentReceived(let received):
            if let held = documentIndex.updateValue(documentRows.count, forKey: received.document) {
                documentIndex[received.document] = held
                return
            }
            recentDocument = (received.document, documentRows.count)
            documentRows.append(DocumentRow(DocumentRecord(
                name: received.name, sha256: received.document, status: .received, seq: event.seq,
                receivedAt: event.recordedAt, size: received.size, published: received.published,
                source: received.source, url: received.url), pool: &pool))
        case .claimExtracted(let extracted):
            let d: Int
            if let recent = recentDocument, recent.sha256 == extracted.document {
                d = recent.index
            } else {
                guard let found = documentIndex[extracted.document] else { return }
                d = found
                recentDocument = (extracted.document, found)
            }
            guard claimIndex.insert(extracted.id, at: claimRows.count) == nil else { return }
            let document = documentRows.update(at: d) { document in
                document.claims += 1
                return document
            }
            let position = claimRows.count
            claimRows.append(ClaimRow(
                id: extracted.id, seq: event.seq, recordedAt: event.recordedAt, document: document,
                extractor: extracted.extractor, claim: extracted.claim, pool: &pool, text: &text))
            latestIndex.consider(position, in: claimRows)
        case .documentRejected(let rejected):
            rejectedCount += 1
            documentRows.append(DocumentRow(DocumentRecord(
                name: rejected.name, sha256: nil, status: .rejected, seq: event.seq,
                receivedAt: event.recordedAt, size: rejected.size, reason: rejected.reason,
                message: rejected.message, movedTo: rejected.movedTo), pool: &pool))
        case .claimRetracted(let retracted):
            guard let c = claimIndex[retracted.claim] else { return }
            let reason = pool.id(retracted.reason)
            let (wasStanding, key) = claimRows.update(at: c) { row in
                defer {
                    row.retraction = reason
                    row.flags.insert(.retracted)
                }
                return (row.isStanding, row.quantity)
            }
            if wasStanding {
                retractedCount += 1
                latestIndex.recompute(key, in: claimRows)
            }
        }
    }

    /// Makes room for the records of `count` more events, so that a replay
    /// that knows how many events the log holds does not grow the indexes
    /// step by step. A hint only: nothing else changes.
    public mutating func reserveCapacity(forEvents count: Int) {
        claimIndex.reserveCapacity(claimRows.count + count)
        claimRows.reserveCapacity(claimRows.count + count)
    }

    /// Applies events in order.
    public mutating func apply(_ events: some Sequence<Event>) {
        for event in events { apply(event) }
    }

    /// Whether a document with this SHA-256 has been received.
    public func hasDocument(sha256: String) -> Bool {
        documentIndex[sha256] != nil
    }

    /// The claim with this id.
    public func claim(id: String) -> ClaimRecord? {
        claimIndex[id].map { claims[$0] }
    }

    /// The standing claims that pass `filter`, in seq order. Retracted
    /// claims are left out.
    public func claims(matching filter: ClaimFilter) -> [ClaimRecord] {
        let claims = self.claims
        return positions(matching: filter).map { claims[$0] }
    }

    /// For each (side, population, metric), the most recent claim that
    /// passes `filter`: by the date it was stated, then by seq. With a
    /// speaker in the filter, that speaker's latest estimates.
    public func latest(matching filter: ClaimFilter) -> [ClaimRecord] {
        var newest: [QuantityKey: Int] = [:]
        if filter.speaker == nil, filter.document == nil {
            // The index holds the answer for every quantity; the filter
            // picks among them.
            var rows = RowFilter(filter, pool: pool)
            for case let (_, position?) in latestIndex.newest where rows.matches(claimRows[position], pool: pool) {
                newest[claimRows[position].quantity] = position
            }
        } else {
            for position in positions(matching: filter) {
                let row = claimRows[position]
                if let held = newest[row.quantity], !claimRows[held].precedes(row) { continue }
                newest[row.quantity] = position
            }
        }
        let claims = self.claims
        return newest.values.map { claims[$0] }.sorted { Quantity($0.claim) < Quantity($1.claim) }
    }

    /// Each speaker's estimates of each quantity in time order, every entry
    /// marked with how it moved from the one before. Claims with no speaker
    /// have no history.
    public func history(matching filter: ClaimFilter) -> [Series] {
        var grouped: [SeriesKey: [ClaimRecord]] = [:]
        let claims = self.claims
        for position in positions(matching: filter) where claimRows[position].speaker != StringPool.none {
            let record = claims[position]
            grouped[SeriesKey(speaker: record.claim.speaker!, quantity: Quantity(record.claim)), default: []].append(record)
        }
        return grouped.sorted { $0.key < $1.key }.map { key, records in
            let ordered = records.sorted(by: ClaimRecord.chronologically)
            var entries: [Series.Entry] = []
            for (i, record) in ordered.enumerated() {
                let change = i == 0 ? Change.first : Change(from: ordered[i - 1].claim, to: record.claim)
                entries.append(Series.Entry(record: record, change: change))
            }
            return Series(
                speaker: key.speaker, side: key.quantity.side, population: key.quantity.population,
                metric: key.quantity.metric, entries: entries)
        }
    }

    /// The documents whose name or SHA-256 prefix is `document`, or all.
    public func documents(matching document: String?) -> [DocumentRecord] {
        guard let document else { return Array(documents) }
        return documentRows.indices.compactMap { position in
            let row = documentRows[position]
            let matches = ClaimFilter.document(name: pool[row.name], sha256: pool[optional: row.sha256], matches: document)
            return matches ? documents[position] : nil
        }
    }

    /// The positions of the standing claims that pass `filter`, in seq
    /// order, found by comparing the rows' numbers: a claim is read back
    /// into a record only when it is part of the answer.
    func positions(matching filter: ClaimFilter) -> [Int] {
        var rows = RowFilter(filter, pool: pool)
        guard !rows.matchesNothing else { return [] }
        return claimRows.indices.filter { rows.matches(claimRows[$0], pool: pool) }
    }

    /// The sides, populations and metrics that claims in the projections
    /// count, retracted ones included.
    public var vocabulary: (sides: Set<String>, populations: Set<String>, metrics: Set<String>) {
        var known: (sides: Set<String>, populations: Set<String>, metrics: Set<String>) = ([], [], [])
        for key in latestIndex.newest.keys {
            known.sides.insert(pool[key.side])
            known.populations.insert(pool[key.population])
            known.metrics.insert(pool[key.metric])
        }
        return known
    }

    /// Counts for a status line.
    public var summary: Summary {
        Summary(
            documents: documentRows.count - rejectedCount, rejected: rejectedCount,
            claims: claimRows.count - retractedCount, lastSeq: lastSeq)
    }

    /// Counts of what the timeline holds.
    public struct Summary: Sendable, Equatable, Codable {
        public var documents = 0
        public var rejected = 0
        public var claims = 0
        public var lastSeq: UInt64 = 0

        public init(documents: Int = 0, rejected: Int = 0, claims: Int = 0, lastSeq: UInt64 = 0) {
            self.documents = documents
            self.rejected = rejected
            self.claims = claims
            self.lastSeq = lastSeq
        }

        enum CodingKeys: String, CodingKey {
            case documents, rejected, claims
            case lastSeq = "last_seq"
        }
    }

    public static func == (a: Projections, b: Projections) -> Bool {
        a.lastSeq == b.lastSeq && a.documents == b.documents && a.claims == b.claims
    }
}

/// A ``ClaimFilter`` read against rows: its side, population and metric as
/// pool ids, and what each speaker and document it meets makes of it,
/// worked out once per distinct value.
struct RowFilter {
    private let filter: ClaimFilter
    private let side: UInt32?
    private let population: UInt32?
    private let metric: UInt32?
    /// A value the filter names that no claim carries: nothing matches.
    let matchesNothing: Bool
    private var speakers: [UInt32: Bool] = [:]
    private var documents: [UInt64: Bool] = [:]

    init(_ filter: ClaimFilter, pool: StringPool) {
        self.filter = filter
        let side = filter.side.map { pool.existingID($0.rawValue) }
        let population = filter.population.map { pool.existingID($0.rawValue) }
        let metric = filter.metric.map { pool.existingID($0.rawValue) }
        matchesNothing = side == .some(nil) || population == .some(nil) || metric == .some(nil)
        self.side = side ?? nil
        self.population = population ?? nil
        self.metric = metric ?? nil
    }

    /// Whether the standing claim `row` passes the filter.
    mutating func matches(_ row: ClaimRow, pool: StringPool) -> Bool {
        guard !matchesNothing, row.isStanding else { return false }
        if let side, row.side != side { return false }
        if let population, row.population != population { return false }
        if let metric, row.metric != metric { return false }
        if let wanted = filter.speaker {
            if let known = speakers[row.speaker] {
                if !known { return false }
            } else {
                let matches = ClaimFilter.speaker(pool[optional: row.speaker], matches: wanted)
                speakers[row.speaker] = matches
                if !matches { return false }
            }
        }
        if let wanted = filter.document {
            let key = UInt64(row.documentName) << 32 | UInt64(row.documentSHA256)
            if let known = documents[key] {
                if !known { return false }
            } else {
                let matches = ClaimFilter.document(name: pool[row.documentName], sha256: pool[row.documentSHA256], matches: wanted)
                documents[key] = matches
                if !matches { return false }
            }
        }
        return true
    }
}

/// What a figure counts: whose losses, of whom, of what kind.
struct Quantity: Hashable, Comparable {
    var side: Side
    var population: Population
    var metric: Metric

    init(_ claim: Claim) {
        side = claim.side
        population = claim.population
        metric = claim.metric
    }

    static func < (a: Quantity, b: Quantity) -> Bool {
        (a.side, a.population, a.metric) < (b.side, b.population, b.metric)
    }
}

struct SeriesKey: Hashable, Comparable {
    var speaker: String
    var quantity: Quantity

    static func < (a: SeriesKey, b: SeriesKey) -> Bool {
        a.speaker != b.speaker ? a.speaker < b.speaker : a.quantity < b.quantity
    }
}

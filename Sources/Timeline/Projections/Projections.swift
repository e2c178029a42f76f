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
    /// Every document, in the order it was received or rejected.
    public internal(set) var documents = ChunkedArray<DocumentRecord>()
    /// Every claim, in seq order.
    public internal(set) var claims = ChunkedArray<ClaimRecord>()

    /// Where each received document (by SHA-256) and each claim (by id) is
    /// in ``documents`` and ``claims``; rebuilt from them when a snapshot
    /// is loaded.
    var documentIndex: [String: Int] = [:]
    var claimIndex = ClaimIndex()
    /// Kept as events are applied so that ``summary`` costs nothing: the
    /// daemon reports it after every file.
    var rejectedCount = 0
    var retractedCount = 0
    /// The document the last claim belonged to: a document's claims follow
    /// it in the log, so this spares a hash of its SHA-256 per claim.
    var recentDocument: (sha256: String, index: Int)?

    public init() {}

    /// Applies one event.
    public mutating func apply(_ event: consuming Event) {
        guard event.seq > lastSeq else { return }
        lastSeq = event.seq
        switch event.payload {
        case .documentReceived(let received):
            if let held = documentIndex.updateValue(documents.count, forKey: received.document) {
                documentIndex[received.document] = held
                return
            }
            recentDocument = (received.document, documents.count)
            documents.append(DocumentRecord(
                name: received.name, sha256: received.document, status: .received, seq: event.seq,
                receivedAt: event.recordedAt, size: received.size, published: received.published,
                source: received.source, url: received.url))
        case .claimExtracted(let extracted):
            let d: Int
            if let recent = recentDocument, recent.sha256 == extracted.document {
                d = recent.index
            } else {
                guard let found = documentIndex[extracted.document] else { return }
                d = found
                recentDocument = (extracted.document, found)
            }
            guard claimIndex.insert(extracted.id, at: claims.count) == nil else { return }
            let (name, published) = documents.update(at: d) { document in
                document.claims += 1
                return (document.name, document.published)
            }
            claims.append(ClaimRecord(
                id: extracted.id, seq: event.seq, documentName: name,
                documentSHA256: extracted.document, published: published,
                recordedAt: event.recordedAt, extractor: extracted.extractor, claim: extracted.claim))
        case .documentRejected(let rejected):
            rejectedCount += 1
            documents.append(DocumentRecord(
                name: rejected.name, sha256: nil, status: .rejected, seq: event.seq,
                receivedAt: event.recordedAt, size: rejected.size, reason: rejected.reason,
                message: rejected.message, movedTo: rejected.movedTo))
        case .claimRetracted(let retracted):
            guard let c = claimIndex[retracted.claim] else { return }
            let wasStanding = claims.update(at: c) { record in
                defer { record.retraction = retracted.reason }
                return record.retraction == nil
            }
            if wasStanding { retractedCount += 1 }
        }
    }

    /// Makes room for the records of `count` more events, so that a replay
    /// that knows how many events the log holds does not grow the indexes
    /// step by step. A hint only: nothing else changes.
    public mutating func reserveCapacity(forEvents count: Int) {
        claimIndex.reserveCapacity(claims.count + count)
        claims.reserveCapacity(claims.count + count)
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
        claims.filter { $0.retraction == nil && filter.matches($0) }
    }

    /// For each (side, population, metric), the most recent claim that
    /// passes `filter`: by the date it was stated, then by seq. With a
    /// speaker in the filter, that speaker's latest estimates.
    public func latest(matching filter: ClaimFilter) -> [ClaimRecord] {
        var newest: [Quantity: ClaimRecord] = [:]
        for record in claims(matching: filter) {
            let key = Quantity(record.claim)
            if let held = newest[key], !ClaimRecord.chronologically(held, record) { continue }
            newest[key] = record
        }
        return newest.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Each speaker's estimates of each quantity in time order, every entry
    /// marked with how it moved from the one before. Claims with no speaker
    /// have no history.
    public func history(matching filter: ClaimFilter) -> [Series] {
        var grouped: [SeriesKey: [ClaimRecord]] = [:]
        for record in claims(matching: filter) {
            guard let speaker = record.claim.speaker else { continue }
            grouped[SeriesKey(speaker: speaker, quantity: Quantity(record.claim)), default: []].append(record)
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
        return documents.filter { ClaimFilter.document(name: $0.name, sha256: $0.sha256, matches: document) }
    }

    /// Counts for a status line.
    public var summary: Summary {
        Summary(
            documents: documents.count - rejectedCount, rejected: rejectedCount,
            claims: claims.count - retractedCount, lastSeq: lastSeq)
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

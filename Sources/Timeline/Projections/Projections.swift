import ClaimExtraction
import Foundation

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
    public static let version = "3"

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
    /// A person's retractions and corrections, by claim position: rare,
    /// so kept apart from the rows, which say by a flag that they have one.
    var edits: [Int: ClaimEdits] = [:]

    /// Where each received document (by SHA-256) and each claim (by id) is
    /// in `documentRows` and `claimRows`; rebuilt when a snapshot is loaded.
    var documentIndex: [String: Int] = [:]
    var claimIndex = ClaimIndex()
    var sourceIndex = SourceIndex()
    /// Kept as events are applied so that ``summary`` costs nothing: the
    /// daemon reports it after every file.
    var rejectedCount = 0
    /// The claims out of force: retracted, superseded or both.
    var setAsideCount = 0
    /// The document the last claim belonged to: a document's claims follow
    /// it in the log, so this spares a hash of its SHA-256 per claim.
    var recentDocument: (sha256: String, index: Int)?
    /// The latest version of each document that gave a `url`, by url: a
    /// file with the same url and other bytes is a new version of it.
    var urlIndex: [String: Int] = [:]
    /// The claims a re-extraction superseded that a person had edited, by
    /// the id of the claim found in their place, until that claim's
    /// `claim.extracted` (in the same append) takes their edits over.
    var replacing: [String: Int] = [:]

    public init() {}

    /// Every document, in the order it was received or rejected.
    public var documents: DocumentList { DocumentList(rows: documentRows, pool: pool) }
    /// The documents refused, in the order they were: what each
    /// `document.rejected` event says, which is what its report says.
    public var rejectedDocuments: [DocumentRecord] {
        guard rejectedCount > 0, let rejected = pool.existingID(DocumentRecord.Status.rejected.rawValue) else { return [] }
        return documentRows.indices.compactMap { documentRows[$0].status == rejected ? documentRows[$0].record(pool) : nil }
    }
    /// Every claim, in seq order.
    public var claims: ClaimList { ClaimList(rows: claimRows, pool: pool, text: text, edits: edits) }

    /// Applies one event.
    public mutating func apply(_ event: consuming Event) {
        guard event.seq > lastSeq else { return }
        lastSeq = event.seq
        switch event.payload {
        case .documentReceived(let received):
            receive(received, seq: event.seq, at: event.recordedAt)
        case .claimExtracted(let extracted):
            add(EventClaim(extracted: extracted, seq: event.seq, recordedAt: event.recordedAt))
        case .documentRejected(let rejected):
            rejectedCount += 1
            documentRows.append(DocumentRow(DocumentRecord(
                name: rejected.name, sha256: nil, status: .rejected, seq: event.seq,
                receivedAt: event.recordedAt, size: rejected.size, reason: rejected.reason,
                message: rejected.message, movedTo: rejected.movedTo), pool: &pool))
        case .claimRetracted(let retracted):
            // The first retraction stands; the daemon refuses a second.
            guard let c = claimIndex[retracted.claim], claimRows[c].isStanding else { return }
            retract(c, ClaimEdit(reason: retracted.reason, by: retracted.by, at: event.recordedAt, seq: event.seq))
        case .claimCorrected(let corrected):
            // A claim retracted or superseded is no longer corrected; the
            // daemon refuses it.
            guard let c = claimIndex[corrected.claim], claimRows[c].isStanding else { return }
            correct(c, corrected.changes, ClaimEdit(
                reason: corrected.reason, by: corrected.by, at: event.recordedAt, seq: event.seq))
        case .documentReextracted(let reextracted):
            guard let d = documentIndex[reextracted.document] else { return }
            let (version, lexicon) = (pool.id(reextracted.extractor.version), pool.id(reextracted.extractor.lexicon))
            documentRows.update(at: d) { document in
                document.extractorVersion = version
                document.extractorLexicon = lexicon
            }
            recentDocument = (reextracted.document, d)
            supersede(reextracted.superseded, ClaimSupersession(
                reason: .reextracted, document: reextracted.document, by: nil, at: event.recordedAt, seq: event.seq))
        case .documentRevised(let revised):
            guard let d = receive(revised.received, seq: event.seq, at: event.recordedAt) else { return }
            let (previous, current) = (pool.id(revised.previous), pool.id(revised.received.document))
            documentRows.update(at: d) { $0.revises = previous }
            if let p = documentIndex[revised.previous] {
                documentRows.update(at: p) { $0.revisedBy = current }
            }
            supersede(revised.superseded, ClaimSupersession(
                reason: .revised, document: revised.received.document, by: nil, at: event.recordedAt, seq: event.seq))
        }
    }

    /// Applies a `claim.extracted` event read in place from its record
    /// (replay): the same as ``apply(_:)`` with the event the record holds.
    ///
    /// - Parameters:
    ///   - fields: the record's fields, with no escapes in their strings
    ///     (``ExtractedClaimFields/hasEscapes``).
    ///   - buffer: the bytes their offsets count from.
    mutating func apply(_ fields: ExtractedClaimFields, in buffer: UnsafeRawBufferPointer) {
        guard fields.seq > lastSeq else { return }
        lastSeq = fields.seq
        add(RecordClaim(fields: fields, buffer: buffer))
    }

    /// Adds the claim a `claim.extracted` event records, unless its
    /// document is not held or a claim of its id is: the one reducer of
    /// the event, however it was read.
    private mutating func add(_ claim: some ExtractedClaimSource) {
        let d: Int
        if let recent = recentDocument, claim.isOfDocument(recent.sha256) {
            d = recent.index
        } else {
            let sha256 = claim.document
            guard let found = documentIndex[sha256] else { return }
            d = found
            recentDocument = (sha256, found)
        }
        guard claim.insertID(into: &claimIndex, at: claimRows.count) == nil else { return }
        let document = documentRows.update(at: d) { document in
            document.claims += 1
            return document
        }
        let position = claimRows.count
        let row = claim.row(document: document, pool: &pool, text: &text)
        // A document's first claim says which extractor read it.
        if document.extractorVersion == StringPool.none {
            documentRows.update(at: d) { document in
                document.extractorVersion = row.extractorVersion
                document.extractorLexicon = row.extractorLexicon
            }
        }
        claimRows.append(row)
        sourceIndex.add(position, in: claimRows)
        // Looked at only when a re-extraction left a claim waiting:
        // a look-up hashes the id even in an empty dictionary.
        if !replacing.isEmpty, let replaced = replacing.removeValue(forKey: claim.id) {
            carryEdits(from: replaced, to: position)
        }
    }

    /// Adds a received document's row, unless its SHA-256 is held already.
    /// - Returns: its position, or nil for a document held already.
    @discardableResult
    private mutating func receive(_ received: DocumentReceived, seq: UInt64, at date: Date) -> Int? {
        let position = documentRows.count
        if let held = documentIndex.updateValue(position, forKey: received.document) {
            documentIndex[received.document] = held
            return nil
        }
        recentDocument = (received.document, position)
        if let url = received.url { urlIndex[url] = position }
        documentRows.append(DocumentRow(DocumentRecord(
            name: received.name, sha256: received.document, status: .received, seq: seq,
            receivedAt: date, size: received.size, published: received.published,
            source: received.source, url: received.url), pool: &pool))
        return position
    }

    /// A person's retraction of the claim at `c`, which stands.
    private mutating func retract(_ c: Int, _ edit: ClaimEdit) {
        let reason = pool.id(edit.reason)
        let key = claimRows.update(at: c) { row in
            row.retraction = reason
            row.flags.insert(.retracted)
            return SourceKey(row)
        }
        edits[c, default: ClaimEdits()].retraction = edit
        setAsideCount += 1
        sourceIndex.recompute(key, in: claimRows)
    }

    /// A person's correction of the claim at `c`, which stands: `changes`
    /// made over its fields as they are.
    private mutating func correct(_ c: Int, _ changes: ClaimChanges, _ edit: ClaimEdit) {
        let before = claimRows[c]
        let claim = changes.applied(to: before.record(pool, text).claim)
        var after = before
        after.setFields(of: claim, pool: &pool)
        after.flags.insert(.corrected)
        claimRows[c] = after
        var claimEdits = edits[c] ?? ClaimEdits()
        if claimEdits.original == nil { claimEdits.original = before }
        claimEdits.correction = edit
        edits[c] = claimEdits
        sourceIndex.move(c, from: before, in: claimRows)
    }

    /// Takes the claims `superseded` names out of force, each with
    /// `supersession` (and the claim found in its place). A claim a person
    /// edited and that a claim found anew replaces hands its edits on to
    /// that claim when it comes (``carryEdits(from:to:)``).
    private mutating func supersede(_ superseded: [SupersededClaim], _ supersession: ClaimSupersession) {
        for entry in superseded {
            guard let c = claimIndex[entry.claim], !claimRows[c].flags.contains(.superseded) else { continue }
            let wasStanding = claimRows[c].isStanding
            let (key, sha256) = claimRows.update(at: c) { row in
                row.flags.insert(.superseded)
                return (SourceKey(row), row.documentSHA256)
            }
            var claimEdits = edits[c] ?? ClaimEdits()
            claimEdits.supersession = supersession
            claimEdits.supersession?.by = entry.by
            edits[c] = claimEdits
            if wasStanding { setAsideCount += 1 }
            if let d = documentIndex[pool[sha256]] {
                documentRows.update(at: d) { $0.claims -= 1 }
            }
            sourceIndex.recompute(key, in: claimRows)
            if let by = entry.by, claimEdits.correction != nil || claimEdits.retraction != nil {
                replacing[by] = c
            }
        }
    }

    /// Gives the claim at `new`, just found in the place of the one at
    /// `old` (same quote span and subject), what a person did to that one:
    /// the fields a correction set, over the fields found anew (unless the
    /// extractor now finds them so), and a retraction.
    private mutating func carryEdits(from old: Int, to new: Int) {
        guard let claimEdits = edits[old] else { return }
        if let correction = claimEdits.correction, let original = claimEdits.original {
            let changes = ClaimChanges(from: original.record(pool, text).claim, to: claimRows[old].record(pool, text).claim)
            let found = claimRows[new].record(pool, text).claim
            if ClaimFields(changes.applied(to: found)) != ClaimFields(found) {
                correct(new, changes, correction)
            }
        }
        if let retraction = claimEdits.retraction { retract(new, retraction) }
    }

    /// Makes room for the records of `count` more events, so that a replay
    /// that knows how many events the log holds does not grow the indexes
    /// step by step. A hint only: nothing else changes.
    public mutating func reserveCapacity(forEvents count: Int) {
        claimIndex.reserveCapacity(claimRows.count + count)
        claimRows.reserveCapacity(claimRows.count + count)
        sourceIndex.reserveCapacity(claims: claimRows.count + count)
    }

    /// Applies events in order.
    public mutating func apply(_ events: some Sequence<Event>) {
        for event in events { apply(event) }
    }

    /// Applies events in order, each moved out of `events` rather than
    /// copied: a replay applies batches of thousands, and a copy would
    /// retain and release every string of every event once more.
    public mutating func apply(_ events: consuming [Event]) {
        var events = events
        // Reversed with moves (an array's own swaps copy), to pop in order.
        events.withUnsafeMutableBufferPointer { $0.reverse() }
        apply(lastFirst: events)
    }

    /// Applies events given in reverse order (the last first), each moved
    /// out of `events`: a replay's decoding threads hand them over so.
    public mutating func apply(lastFirst events: consuming [Event]) {
        var events = events
        while let event = events.popLast() { apply(event) }
    }

    /// Whether a document with this SHA-256 has been received.
    public func hasDocument(sha256: String) -> Bool {
        documentIndex[sha256] != nil
    }

    /// The claim with this id.
    public func claim(id: String) -> ClaimRecord? {
        claimIndex[id].map { claims[$0] }
    }

    /// The standing claims that pass `filter`, in seq order. Retracted and
    /// superseded claims are left out unless `includingRetracted`.
    public func claims(matching filter: ClaimFilter, includingRetracted: Bool = false) -> [ClaimRecord] {
        let claims = self.claims
        return positions(matching: filter, includingRetracted: includingRetracted).map { claims[$0] }
    }

    /// The positions of the standing claims (and the retracted and
    /// superseded ones too when `includingRetracted`) that pass `filter`, in seq order, found
    /// by comparing the rows' numbers: a claim is read back into a record
    /// only when it is part of the answer.
    ///
    /// When the sources the filter allows (``SourceIndex``) hold less than
    /// a quarter of the claims, only theirs are read (by the months of
    /// `since` and `until`, or the documents named): a chart of one
    /// quantity over a million claims read every row, a third of its time.
    public func positions(matching filter: ClaimFilter, includingRetracted: Bool = false) -> [Int] {
        var rows = RowFilter(filter, in: self)
        guard !rows.matchesNothing else { return [] }
        var keys: [SourceKey] = []
        var held = 0
        for source in sourceIndex.sources where rows.matches(source.key, pool: pool) {
            keys.append(source.key)
            held += source.positions.count
        }
        guard held < claimRows.count / 4 else {
            return claimRows.indices.filter { rows.matches(claimRows[$0], pool: pool, includingRetracted: includingRetracted) }
        }
        var positions: [Int] = []
        for key in keys {
            positions += candidates(of: key, for: rows).filter {
                rows.matches(claimRows[$0], pool: pool, includingRetracted: includingRetracted)
            }
        }
        return positions.sorted()
    }

    /// The sides, populations and metrics that claims in the projections
    /// count, retracted ones included.
    public var vocabulary: (sides: Set<String>, populations: Set<String>, metrics: Set<String>) {
        var known: (sides: Set<String>, populations: Set<String>, metrics: Set<String>) = ([], [], [])
        for key in sourceIndex.sources.lazy.map(\.key) {
            known.sides.insert(pool[key.quantity.side])
            known.populations.insert(pool[key.quantity.population])
            known.metrics.insert(pool[key.quantity.metric])
        }
        return known
    }

    /// Counts for a status line.
    public var summary: Summary {
        Summary(
            documents: documentRows.count - rejectedCount, rejected: rejectedCount,
            claims: claimRows.count - setAsideCount, lastSeq: lastSeq)
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

/// What changed one claim after it was extracted: a person's latest
/// correction, with the row as it was extracted, and retraction; and the
/// later reading of its document that superseded it.
struct ClaimEdits: Sendable, Equatable {
    /// The row before the first correction.
    var original: ClaimRow?
    var correction: ClaimEdit?
    var retraction: ClaimEdit?
    var supersession: ClaimSupersession?
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

/// A quantity and a rate: what one column of estimates counts, totals
/// apart from rates.
struct Measure: Hashable, Comparable {
    var quantity: Quantity
    var per: Rate?

    init(_ claim: Claim) {
        quantity = Quantity(claim)
        per = claim.per
    }

    static func < (a: Measure, b: Measure) -> Bool {
        a.quantity != b.quantity ? a.quantity < b.quantity : (a.per?.rawValue ?? "") < (b.per?.rawValue ?? "")
    }
}

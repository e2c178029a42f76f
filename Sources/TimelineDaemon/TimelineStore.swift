import ClaimExtraction
import EventLog
import Foundation
import Timeline

/// The projections the daemon answers from, and what it is doing.
///
/// The ingest loop is the only writer: it applies each batch of events
/// after the log has made it durable, so a query never sees an event that a
/// crash could take back.
actor TimelineStore {
    private(set) var projections = Projections()
    private(set) var extractor: ExtractorInfo
    /// The extractor new claims are found with, for a re-extraction.
    private(set) var claimExtractor: ClaimExtractor?
    private var lexiconVocabulary = Vocabulary.standard
    /// The re-extraction under way, if one is.
    private var reextraction: TimelineInterface.ReextractionProgress?
    private(set) var chainHead = ""
    private var pending = 0
    private var inboxState = InboxState.idle
    let startedAt = Date()
    let inboxPath: String
    /// The log itself, for the calls that read it rather than the
    /// projections (`Events`, `Verify`); reads need no actor.
    nonisolated let log: EventLog
    /// Where applied events go on to the streams that follow the log.
    nonisolated let followers: EventBroadcaster
    /// The projections at points of the past, for the views asked `asOf`.
    nonisolated let past: PastTimeline

    /// - Parameters:
    ///   - snapshots: the daemon's snapshots, which answers of the past
    ///     start from when one is near the point; nil for none.
    init(
        extractor: ExtractorInfo, inboxPath: String, log: EventLog, followers: EventBroadcaster,
        snapshots: SnapshotStore? = nil
    ) {
        self.extractor = extractor
        self.inboxPath = inboxPath
        self.log = log
        self.followers = followers
        self.past = PastTimeline(log: log, snapshots: snapshots)
    }

    /// Applies events the log has made durable, in seq order, and hands
    /// them on to the followers.
    func apply(_ events: [Event], chainHead: String) {
        projections.apply(events)
        self.chainHead = chainHead
        followers.publish(events)
    }

    /// The projections' records as they stand, for a snapshot written off
    /// the actor; taking them costs the actor next to nothing.
    func snapshotContent() -> Projections.SnapshotContent {
        projections.snapshotContent
    }

    /// The projections as they stand, if they stand at `seq`: a view of
    /// the past at the seq the store has reached is a view of now.
    func projections(at seq: UInt64) -> Projections? {
        projections.lastSeq == seq ? projections : nil
    }

    /// Replaces the projections wholesale (after a replay at start).
    func replace(with projections: Projections, chainHead: String) {
        self.projections = projections
        self.chainHead = chainHead
    }

    /// Records which extractor and lexicon new claims are found with.
    /// - Parameter reader: the extractor made from `lexicon` (the ingest
    ///   loop's own), which a re-extraction reads with.
    func setExtractor(_ extractor: ExtractorInfo, lexicon: Lexicon, reader: ClaimExtractor) {
        self.extractor = extractor
        claimExtractor = reader
        lexiconVocabulary = Vocabulary(lexicon: lexicon)
    }

    /// The extractor to read documents again with, and its version and lexicon.
    var reader: (extractor: ClaimExtractor, info: ExtractorInfo)? {
        claimExtractor.map { ($0, extractor) }
    }

    /// Starts counting a re-extraction of `total` documents.
    /// - Returns: nil once started; the one under way, when one is.
    func beginReextraction(total: Int, dryRun: Bool) -> TimelineInterface.ReextractionProgress? {
        if let reextraction { return reextraction }
        reextraction = .init(done: 0, total: total, dryRun: dryRun, startedAt: Date())
        return nil
    }

    /// Counts `count` more documents read again.
    func reextracted(_ count: Int) { reextraction?.done += count }

    func endReextraction() { reextraction = nil }

    /// The documents a re-extraction reads (``Projections/reextractionTargets(named:)``).
    func reextractionTargets(named names: [String]) throws(FilterError) -> [DocumentRecord] {
        try projections.reextractionTargets(named: names)
    }

    /// The documents a start re-extracts with `reextract_on_upgrade`
    /// (``Projections/outdatedDocuments(for:confirmedThrough:)``), and the
    /// seq the projections stand at as they are chosen.
    func outdatedDocuments(confirmedThrough confirmed: UInt64?) -> (documents: [DocumentRecord], seq: UInt64) {
        (projections.outdatedDocuments(for: extractor, confirmedThrough: confirmed), projections.lastSeq)
    }

    /// What reading each of `plans` again changes, against the projections
    /// as they stand (documents the projections do not hold left out).
    func reextractions(of plans: [DocumentPlan], extractor: ExtractorInfo) -> [Reextraction] {
        plans.compactMap { projections.reextraction(of: $0, extractor: extractor) }
    }

    /// The `document.revised` event for `received`, when it is a new version.
    func revision(of received: DocumentReceived) -> DocumentRevised? {
        projections.revision(of: received)
    }

    func setInbox(pending: Int, state: InboxState) {
        self.pending = pending
        inboxState = state
    }

    func hasDocument(sha256: String) -> Bool {
        projections.hasDocument(sha256: sha256)
    }

    var status: TimelineInterface.Status {
        let summary = projections.summary
        return TimelineInterface.Status(
            version: TimelineVersion.current, extractor: extractor,
            documents: summary.documents, rejected: summary.rejected, claims: summary.claims,
            log: .init(lastSeq: summary.lastSeq, chainHead: chainHead),
            inbox: .init(path: inboxPath, pending: pending, state: inboxState.rawValue),
            startedAt: startedAt, reextraction: reextraction)
    }

    /// The values a filter may name: the lexicon's and every value a claim
    /// in the timeline carries (claims found with an earlier lexicon too).
    var vocabulary: Vocabulary {
        var known = lexiconVocabulary
        let counted = projections.vocabulary
        known.formUnion(Vocabulary(sides: counted.sides, populations: counted.populations, metrics: counted.metrics))
        return known
    }

    /// The `Claims` reply for `filter`, as JSON.
    func claimsReplyJSON(_ filter: ClaimFilter, includingRetracted: Bool = false) -> [UInt8] {
        TimelineInterface.ClaimsReply.json(projections.claims(matching: filter, includingRetracted: includingRetracted))
    }

    /// The `Claims` replies for `filter`, `page` claims each, as JSON, made
    /// one at a time from the projections as they stand now (a value the
    /// caller pages through off the actor).
    func claimPages(_ filter: ClaimFilter, includingRetracted: Bool = false, page: Int) -> ClaimPages {
        ClaimPages(
            projections: projections,
            positions: projections.positions(matching: filter, includingRetracted: includingRetracted), page: page)
    }

    /// The event that makes a person's edit, checked against the
    /// projections as they stand.
    /// - Throws: ``EditError`` when the edit cannot be made.
    func edit(_ kind: EditRequest.Kind, by editor: Editor) throws(EditError) -> Event.Payload {
        switch kind {
        case .retract(let claim, let reason):
            .claimRetracted(try projections.retraction(of: claim, reason: reason, by: editor))
        case .correct(let claim, let changes, let reason):
            .claimCorrected(try projections.correction(of: claim, changes: changes, reason: reason, by: editor))
        }
    }

    func claim(id: String) -> ClaimRecord? { projections.claim(id: id) }

    func latest(_ filter: ClaimFilter) -> [SourceRow] { projections.latest(matching: filter) }
    func sources(_ filter: ClaimFilter) -> [SourceRow] { projections.sources(matching: filter) }
    func statements(_ parameters: TimelineInterface.StatementsParameters) -> [Statement] {
        projections.statements(matching: parameters.filter, conflictsOnly: parameters.conflicts)
    }
    func history(_ filter: ClaimFilter) -> [Series] { projections.history(matching: filter) }
    func claims(_ filter: ClaimFilter) -> [ClaimRecord] { projections.claims(matching: filter) }
    func documents(_ document: String?) throws(FilterError) -> [DocumentRecord] {
        try projections.documents(matching: document)
    }
    func validate(_ filter: ClaimFilter) throws(FilterError) { try projections.validate(filter) }
}

/// The claims of a `Claims` call made with `more`, page by page: each
/// page's records are read back from the rows and encoded only when it is
/// sent, so a million claims never sit in memory as records or JSON.
struct ClaimPages: Sendable {
    let projections: Projections
    let positions: [Int]
    let page: Int
    /// The point of the past the projections are as of, which each page says.
    var asOf: AsOf?

    var count: Int { (positions.count + page - 1) / page }

    /// `{"claims":[…]}` for page `index`.
    func json(_ index: Int) -> [UInt8] {
        let claims = projections.claims
        return TimelineInterface.ClaimsReply.json(
            positions[(index * page)..<min(positions.count, (index + 1) * page)].lazy.map { claims[$0] }, asOf: asOf)
    }
}

/// The sides, populations and metrics a query may filter on.
struct Vocabulary: Sendable {
    var sides: Set<String>
    var populations: Set<String>
    var metrics: Set<String>

    static let standard = Vocabulary(
        sides: [Side.russia, .ukraine, .both].map(\.rawValue),
        populations: [Population.military, .civilian].map(\.rawValue),
        metrics: [Metric.killed, .wounded, .casualties, .missing, .captured, .refugees].map(\.rawValue))

    /// The lexicon's sides (with `both`, the combined total), populations
    /// and metrics.
    init(lexicon: Lexicon) {
        var known = Vocabulary.standard
        known.sides.formUnion(lexicon.sides.map(\.side.rawValue))
        known.sides.formUnion([lexicon.conflict.civilianSide.rawValue, lexicon.conflict.militarySide.rawValue])
        known.populations.formUnion(lexicon.populations.map(\.population.rawValue))
        known.metrics.formUnion(lexicon.metrics.map(\.metric.rawValue))
        self = known
    }

    mutating func formUnion(_ other: Vocabulary) {
        sides.formUnion(other.sides)
        populations.formUnion(other.populations)
        metrics.formUnion(other.metrics)
    }

    init(sides: some Sequence<String>, populations: some Sequence<String>, metrics: some Sequence<String>) {
        self.sides = Set(sides)
        self.populations = Set(populations)
        self.metrics = Set(metrics)
    }
}

/// What the ingest loop is doing, as Status reports it.
enum InboxState: String, Sendable {
    /// Nothing to read.
    case idle
    /// Reading files.
    case busy
    /// Files wait for a temporary failure (no descriptor, no memory) to
    /// pass; they are tried again shortly.
    case waiting
    /// Ingestion waits for the disk to have room again (or another failure
    /// of the state's file system to pass); queries are answered meanwhile.
    case paused
}

extension TimelineStore {
    /// What `STATUS=` says: documents, claims, the inbox's state, refusals.
    var statusLine: String {
        let status = self.status
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)" + (number == 1 ? "" : "s") }
        return "\(count(status.documents, "document")), \(count(status.claims, "claim")), inbox \(status.inbox.state)"
            + (status.inbox.pending > 0 ? " (\(status.inbox.pending) to read)" : "")
            + (status.rejected > 0 ? ", \(status.rejected) rejected" : "")
            + (status.reextraction.map { "; re-extracting \($0.done)/\($0.total)" + ($0.dryRun ? " (dry run)" : "") } ?? "")
    }
}

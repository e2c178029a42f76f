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
    private(set) var chainHead = ""
    private var pending = 0
    private var busy = false
    let startedAt = Date()
    let inboxPath: String
    /// The log itself, for the calls that read it rather than the
    /// projections (`Events`, `Verify`); reads need no actor.
    nonisolated let log: EventLog
    /// Where applied events go on to the streams that follow the log.
    nonisolated let followers: EventBroadcaster

    init(extractor: ExtractorInfo, inboxPath: String, log: EventLog, followers: EventBroadcaster) {
        self.extractor = extractor
        self.inboxPath = inboxPath
        self.log = log
        self.followers = followers
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

    /// Replaces the projections wholesale (after a replay at start).
    func replace(with projections: Projections, chainHead: String) {
        self.projections = projections
        self.chainHead = chainHead
    }

    func setExtractor(_ extractor: ExtractorInfo) {
        self.extractor = extractor
    }

    func setInbox(pending: Int, busy: Bool) {
        self.pending = pending
        self.busy = busy
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
            inbox: .init(path: inboxPath, pending: pending, state: busy || pending > 0 ? "busy" : "idle"),
            startedAt: startedAt)
    }

    /// The values a filter may name: the standard vocabulary and every
    /// value a claim in the timeline carries (a lexicon may add sides).
    var vocabulary: Vocabulary {
        var known = Vocabulary.standard
        for record in projections.claims {
            known.sides.insert(record.claim.side.rawValue)
            known.populations.insert(record.claim.population.rawValue)
            known.metrics.insert(record.claim.metric.rawValue)
        }
        return known
    }

    func latest(_ filter: ClaimFilter) -> [ClaimRecord] { projections.latest(matching: filter) }
    func history(_ filter: ClaimFilter) -> [Series] { projections.history(matching: filter) }
    func claims(_ filter: ClaimFilter) -> [ClaimRecord] { projections.claims(matching: filter) }
    func documents(_ document: String?) -> [DocumentRecord] { projections.documents(matching: document) }
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

    init(sides: [String], populations: [String], metrics: [String]) {
        self.sides = Set(sides)
        self.populations = Set(populations)
        self.metrics = Set(metrics)
    }
}

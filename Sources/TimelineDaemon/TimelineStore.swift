import ClaimExtraction
import Foundation
import Timeline

/// The projections the daemon answers from, and what it is doing.
///
/// The ingest loop is the only writer: it applies each batch of events
/// after the log has made it durable, so a query never sees an event that a
/// crash could take back.
actor TimelineStore {
    private(set) var projections = Projections()
    private var latestIndex = LatestIndex()
    private(set) var extractor: ExtractorInfo
    private var lexiconVocabulary = Vocabulary.standard
    private(set) var chainHead = ""
    private var pending = 0
    private var busy = false
    let startedAt = Date()
    let inboxPath: String

    init(extractor: ExtractorInfo, inboxPath: String) {
        self.extractor = extractor
        self.inboxPath = inboxPath
    }

    /// Applies events the log has made durable, in seq order.
    func apply(_ events: [Event], chainHead: String) {
        projections.apply(events)
        self.chainHead = chainHead
        for event in events {
            switch event.payload {
            case .claimExtracted(let extracted):
                if let record = projections.claim(id: extracted.id) { latestIndex.consider(record) }
            case .claimRetracted:
                latestIndex = LatestIndex(projections)
            default:
                break
            }
        }
    }

    /// Replaces the projections wholesale (after a replay at start).
    func replace(with projections: Projections, chainHead: String) {
        self.projections = projections
        self.chainHead = chainHead
        latestIndex = LatestIndex(projections)
    }

    /// Records which extractor and lexicon new claims are found with.
    func setExtractor(_ extractor: ExtractorInfo, lexicon: Lexicon) {
        self.extractor = extractor
        lexiconVocabulary = Vocabulary(lexicon: lexicon)
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

    /// The values a filter may name: the lexicon's and every value a claim
    /// in the timeline carries (claims found with an earlier lexicon too).
    var vocabulary: Vocabulary {
        var known = lexiconVocabulary
        for record in projections.claims {
            known.sides.insert(record.claim.side.rawValue)
            known.populations.insert(record.claim.population.rawValue)
            known.metrics.insert(record.claim.metric.rawValue)
        }
        return known
    }

    func latest(_ filter: ClaimFilter) -> [ClaimRecord] {
        latestIndex.latest(matching: filter) ?? projections.latest(matching: filter)
    }
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

    init(sides: [String], populations: [String], metrics: [String]) {
        self.sides = Set(sides)
        self.populations = Set(populations)
        self.metrics = Set(metrics)
    }
}

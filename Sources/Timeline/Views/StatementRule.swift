import ClaimExtraction

/// When claims are reports of one statement, and when two statements'
/// reports conflict.
///
/// Claims are reports of one statement when they have the same speaker,
/// side, population, metric, rate and figure (hedge, figure, range's
/// upper figure), and their dates (``ClaimRecord/effectiveDate``: stated,
/// else published) lie within ``windowDays`` of each other, one after
/// another. A claim with no date joins the earliest dated statement of its
/// figure, or, with none dated, the undated one: nothing says it was
/// another occasion. A claim with no speaker is a statement of its own.
///
/// Two statements of one speaker, quantity and rate conflict when their
/// figures disagree (``ClaimExtraction/Claim/disagrees(with:)``), their
/// dates are within the window (or either is unknown), and two different
/// documents reporting them are reports of the same occasion: the
/// documents share another statement of that speaker. So "1.5 to 3
/// million refugees" in one report of an interview and "15 to 30 million"
/// in another, which share the interview's other figures, conflict.
public enum StatementRule {
    /// How many days apart two reports of one figure may be dated and still
    /// report one statement: a week, for a statement made on one day and
    /// reported over the following days ("said on Sunday" in Monday's
    /// paper, weekly round-ups).
    public static let windowDays = 7

    /// The claims of one source (one speaker, quantity and rate) as
    /// statements: each statement's reports dated first, by date then seq,
    /// then undated by seq; statements ordered by their first report
    /// (``ClaimRecord/chronologically(_:_:)``).
    static func statements(_ records: [ClaimRecord]) -> [[ClaimRecord]] {
        guard records.first?.claim.speaker != nil else { return records.map { [$0] } }
        var figures: [Figure: [ClaimRecord]] = [:]
        for record in records { figures[Figure(record.claim), default: []].append(record) }
        var statements: [[ClaimRecord]] = []
        for same in figures.values {
            let dated = same.filter { $0.effectiveDate != nil }.sorted {
                ($0.effectiveDate!.days.lowerBound, $0.seq) < ($1.effectiveDate!.days.lowerBound, $1.seq)
            }
            var chained: [[ClaimRecord]] = []
            var end = Int.min
            for record in dated {
                let days = record.effectiveDate!.days
                if chained.isEmpty || days.lowerBound - end > windowDays {
                    chained.append([record])
                } else {
                    chained[chained.count - 1].append(record)
                }
                end = max(end, days.upperBound)
            }
            let undated = same.filter { $0.effectiveDate == nil }.sorted { $0.seq < $1.seq }
            if !undated.isEmpty {
                if chained.isEmpty { chained.append([]) }
                chained[0].append(contentsOf: undated)
            }
            statements.append(contentsOf: chained)
        }
        return statements.sorted { ClaimRecord.chronologically($0[0], $1[0]) }
    }

    /// Whether two statements' dates allow one occasion.
    static func sameOccasion(_ a: PartialDate?, _ b: PartialDate?) -> Bool {
        guard let a, let b else { return true }
        return a.daysApart(from: b) <= windowDays
    }

    /// The conflicts among the statements of one speaker: for each
    /// statement of `sources` (one list per quantity and rate), the
    /// statements that conflict with it, by its id. `linked` holds the
    /// pairs of documents (SHA-256) that report one statement of the
    /// speaker, of any quantity.
    ///
    /// Only statements in linked documents are compared, so the work grows
    /// with the links, not with the square of a source's statements.
    static func conflicts(
        among sources: [[[ClaimRecord]]], linked: Set<DocumentPair>
    ) -> [String: [[ClaimRecord]]] {
        guard !linked.isEmpty else { return [:] }
        var partners: [String: [String]] = [:]
        for pair in linked {
            partners[pair.first, default: []].append(pair.second)
            partners[pair.second, default: []].append(pair.first)
        }
        var found: [String: [[ClaimRecord]]] = [:]
        for statements in sources {
            var byDocument: [String: [Int]] = [:]
            for (i, reports) in statements.enumerated() {
                for document in Set(reports.map(\.documentSHA256)) { byDocument[document, default: []].append(i) }
            }
            var compared = Set<[Int]>()
            for (i, a) in statements.enumerated() {
                for document in Set(a.map(\.documentSHA256)) {
                    for partner in partners[document] ?? [] {
                        for j in byDocument[partner] ?? [] where j > i && compared.insert([i, j]).inserted {
                            let b = statements[j]
                            guard a[0].claim.disagrees(with: b[0].claim),
                                  sameOccasion(a[0].effectiveDate, b[0].effectiveDate) else { continue }
                            found[a[0].id, default: []].append(b)
                            found[b[0].id, default: []].append(a)
                        }
                    }
                }
            }
        }
        return found
    }

    /// The pairs of documents that report one of `statements` together.
    static func links(_ statements: some Sequence<[ClaimRecord]>) -> Set<DocumentPair> {
        var pairs = Set<DocumentPair>()
        for statement in statements {
            let documents = Array(Set(statement.map(\.documentSHA256)))
            for (i, x) in documents.enumerated() {
                for y in documents[(i + 1)...] { pairs.insert(DocumentPair(x, y)) }
            }
        }
        return pairs
    }

    /// A figure as a statement states it.
    private struct Figure: Hashable {
        var qualifier: Qualifier
        var low: Int
        var high: Int?
        var per: Rate?

        init(_ claim: Claim) {
            qualifier = claim.qualifier
            low = claim.low
            high = claim.high
            per = claim.per
        }
    }
}

/// Two documents, by SHA-256, in either order.
struct DocumentPair: Hashable {
    var first: String
    var second: String

    init(_ a: String, _ b: String) {
        (first, second) = a < b ? (a, b) : (b, a)
    }
}

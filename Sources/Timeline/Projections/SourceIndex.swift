import ClaimExtraction

/// Every source that has estimated a quantity (a speaker, or no speaker,
/// for each side, population, metric and rate), with the positions of its
/// claims and its latest standing claim, kept up to date claim by claim.
///
/// `sources` and `latest` read a source's latest claim from here instead of
/// scanning every claim, and a source's claims when they count the reports
/// of a statement; the values a filter may name are its keys' values.
///
/// Three more ways in are kept as claims are added, so that a view reads a
/// few claims near its answer rather than all of a source's:
///
/// - by figure: a source's claims of one figure (hedge, figure, range's
///   upper figure), the only claims that can be reports of one statement
///   (``StatementRule``);
/// - by date: a source's dated claims by the month their date falls in
///   (or the year, for a date known only to the year), for `since` and
///   `until`;
/// - by document: every claim of a document, for `document` filters and
///   for the documents that report one statement together, which decide
///   conflicts;
/// - the figures more than one document reports (``sharedFigures``): only
///   documents that report one of a speaker's figures together can hold
///   that speaker's conflicting statements, so `statements --conflicts`
///   starts from them instead of every statement of the log.
///
/// Each of these is a chain through the claims' positions: the first and
/// last position of a group, and for each claim the next one of its group
/// (``ChunkedArray`` of `UInt32`, one word per claim per chain). A group
/// costs no array of its own, and a claim is added in constant time.
/// Retracted claims stay in every chain; a query skips them.
struct SourceIndex: Sendable {
    /// One source's claims of one quantity.
    struct Source: Sendable {
        /// Whose estimates: the quantity, rate and speaker.
        let key: SourceKey
        /// Its claims' positions in seq order, retracted ones included.
        var positions: [UInt32] = []
        /// The position of its latest standing claim (by date, then seq);
        /// nil when every claim is retracted.
        var newest: Int?
        /// Its dated claims by the month or year of their date.
        var dates: [DateBucket: Chain] = [:]
    }

    /// The first and last position of a group of claims; the positions
    /// between follow ``SourceIndex``'s chains.
    struct Chain: Sendable {
        var first: UInt32
        var last: UInt32

        /// A group with no claims yet.
        static let empty = Chain(first: SourceIndex.end, last: SourceIndex.end)
    }

    /// The mark of a chain's end.
    static let end = UInt32.max

    /// Every source in the order first met, each changed in place as a
    /// claim is added (a dictionary of sources would have to take a source
    /// out and put it back to change it without copying its groups, and
    /// that cost two hashes and a shift of its neighbours per claim). A
    /// source whose claims corrections all moved elsewhere stays, empty,
    /// out of `slots`.
    private var all: [Source] = []
    /// Where each source that has claims is in `all`.
    private var slots = SourceTable()
    /// Every source's claims by figure, by the source's place in `all`.
    private var figures = FigureTable()
    /// The claims of each document, by the pool id of its SHA-256
    /// (``Chain/empty`` for an id that is no document with claims): an id
    /// is a small number, so no hashing.
    private var documents = ChunkedArray<Chain>()
    /// For each claim, the next claim of its source with the same figure.
    private var nextOfFigure = ChunkedArray<UInt32>()
    /// For each dated claim, the next claim of its source in the same date bucket.
    private var nextOfDate = ChunkedArray<UInt32>()
    /// For each claim, the next claim of its document.
    private var nextOfDocument = ChunkedArray<UInt32>()
    /// The figures of a speaker's source whose claims come from more than
    /// one document, retracted claims included (so it may hold a figure
    /// whose reports now stand in one document: a reader checks).
    private(set) var sharedFigures = Set<SourceFigure>()

    /// The sources that have claims, in the order first met.
    var sources: LazyFilterSequence<[Source]> { all.lazy.filter { !$0.positions.isEmpty } }

    /// The source `key`, when it has claims.
    subscript(key: SourceKey) -> Source? {
        slots[key].map { all[$0] }
    }

    /// An index of no claims.
    init() {}

    /// The index of `rows`, each added in position order, as a snapshot
    /// load builds it (on a core of its own: it needs nothing but the rows).
    ///
    /// The by-figure chains are linked last, in the figure table's order
    /// (``FigureTable/update(inHomeOrder:_:)``): a claim's figure is
    /// mostly one not seen before, and in position order each would be a
    /// miss of the caches in a table of tens of MB.
    init(claims rows: ChunkedArray<ClaimRow>) {
        reserveCapacity(claims: rows.count)
        var figureKeys: [SourceFigure] = []
        figureKeys.reserveCapacity(rows.count)
        for position in rows.indices {
            figureKeys.append(SourceFigure(add(position, in: rows, linkingFigure: false), rows[position]))
        }
        var shared = Set<SourceFigure>()
        figures.update(inHomeOrder: figureKeys) { position, chain in
            if Self.joinsAnotherDocument(chain, rows[position], in: rows) { shared.insert(figureKeys[position]) }
            Self.link(UInt32(position), into: &chain, &nextOfFigure)
        }
        sharedFigures = shared
    }

    /// Whether a claim `row` added to the figure chain `chain` makes it a
    /// figure of more than one document. A chain of one document's claims
    /// has that document first; one of several is shared already.
    private static func joinsAnotherDocument(_ chain: Chain, _ row: ClaimRow, in rows: ChunkedArray<ClaimRow>) -> Bool {
        row.speaker != StringPool.none && chain.first != end && rows[Int(chain.first)].documentSHA256 != row.documentSHA256
    }

    /// Makes room for `count` claims in all, as a snapshot load or a replay
    /// that knows how many are coming does. The by-figure table is made
    /// big enough for a figure per claim, as most are: growing it step by
    /// step moved every figure held at each step.
    mutating func reserveCapacity(claims count: Int) {
        nextOfFigure.reserveCapacity(count)
        nextOfDate.reserveCapacity(count)
        nextOfDocument.reserveCapacity(count)
        figures.reserveCapacity(count)
    }

    /// The place of `key` in `all`, a new empty source if it has none.
    private mutating func slot(_ key: SourceKey) -> Int {
        if let slot = slots[key] { return slot }
        all.append(Source(key: key))
        slots[key] = all.count - 1
        return all.count - 1
    }

    /// Takes the claim at `position` (just added, or read from a snapshot)
    /// into account. Claims are added in position order, each once.
    mutating func add(_ position: Int, in rows: ChunkedArray<ClaimRow>) {
        add(position, in: rows, linkingFigure: true)
    }

    /// ``add(_:in:)``, leaving the claim out of its figure's chain when
    /// not `linkingFigure` (the caller links it).
    /// - Returns: the place of the claim's source in `all`.
    @discardableResult
    private mutating func add(_ position: Int, in rows: ChunkedArray<ClaimRow>, linkingFigure: Bool) -> Int {
        let row = rows[position]
        let slot = slot(SourceKey(row))
        let here = UInt32(position)
        all[slot].positions.append(here)
        if row.isStanding, all[slot].newest.map({ rows[$0].precedes(row) }) ?? true {
            all[slot].newest = position
        }
        nextOfFigure.append(Self.end)
        nextOfDate.append(Self.end)
        nextOfDocument.append(Self.end)
        if linkingFigure {
            let figure = SourceFigure(slot, row)
            var shared = false
            figures.update(figure) { chain in
                shared = Self.joinsAnotherDocument(chain, row, in: rows)
                Self.link(here, into: &chain, &nextOfFigure)
            }
            if shared { sharedFigures.insert(figure) }
        }
        if let bucket = DateBucket(row.effectiveDate) {
            Self.link(here, into: &all[slot].dates[bucket, default: .empty], &nextOfDate)
        }
        let document = Int(row.documentSHA256)
        while documents.count <= document { documents.append(.empty) }
        documents.update(at: document) { Self.link(here, into: &$0, &nextOfDocument) }
        return slot
    }

    /// Puts `position`, after every position of `chain`, at its end.
    private static func link(_ position: UInt32, into chain: inout Chain, _ next: inout ChunkedArray<UInt32>) {
        if chain.first == end {
            chain = Chain(first: position, last: position)
        } else if chain.last != position {
            next[Int(chain.last)] = position
            chain.last = position
        }
    }

    /// The positions of a chain, in seq order.
    private static func positions(of chain: Chain?, _ next: ChunkedArray<UInt32>) -> [Int] {
        guard let chain else { return [] }
        var result: [Int] = []
        var position = chain.first
        while position != end {
            result.append(Int(position))
            position = next[Int(position)]
        }
        return result
    }

    /// Finds the latest standing claim of a source again, after one of its
    /// claims was retracted: a person's correction, rare enough for a scan
    /// of the source's claims.
    mutating func recompute(_ key: SourceKey, in rows: ChunkedArray<ClaimRow>) {
        guard let slot = slots[key] else { return }
        var newest: Int?
        for position in all[slot].positions.lazy.map(Int.init) where rows[position].isStanding {
            if let held = newest, !rows[held].precedes(rows[position]) { continue }
            newest = position
        }
        all[slot].newest = newest
    }

    /// Moves the claim at `position` to the groups its row now belongs to,
    /// after a correction changed it from `before`: its source, figure and
    /// date bucket may all be others now. The chains stay in position
    /// order; both sources' latest claims are found again. A person's
    /// correction, rare enough for walks along the chains it leaves and joins.
    mutating func move(_ position: Int, from before: ClaimRow, in rows: ChunkedArray<ClaimRow>) {
        let row = rows[position]
        let here = UInt32(position)
        let (oldKey, newKey) = (SourceKey(before), SourceKey(row))
        guard let old = slots[oldKey] else { return }
        let new = slot(newKey)
        let (oldBucket, newBucket) = (DateBucket(before.effectiveDate), DateBucket(row.effectiveDate))
        let (oldFigure, newFigure) = (SourceFigure(old, before), SourceFigure(new, row))
        if oldFigure != newFigure {
            Self.unlink(here, from: &figures[oldFigure], &nextOfFigure)
            Self.insert(here, into: &figures[newFigure], &nextOfFigure)
            let documents = Set(Self.positions(of: figures[newFigure], nextOfFigure).map { rows[$0].documentSHA256 })
            if row.speaker != StringPool.none, documents.count > 1 { sharedFigures.insert(newFigure) }
        }
        if old != new || oldBucket != newBucket {
            if let oldBucket { Self.unlink(here, from: &all[old].dates[oldBucket], &nextOfDate) }
            if let newBucket { Self.insert(here, into: &all[new].dates[newBucket], &nextOfDate) }
        }
        if old != new {
            all[old].positions.removeAll { $0 == here }
            if all[old].positions.isEmpty {
                all[old].newest = nil
                slots[oldKey] = nil
            }
            let at = all[new].positions.firstIndex { $0 > here } ?? all[new].positions.endIndex
            all[new].positions.insert(here, at: at)
            recompute(oldKey, in: rows)
        }
        recompute(newKey, in: rows)
    }

    /// Takes `position` out of `chain`, which holds it; nil when it was
    /// the chain's only claim.
    private static func unlink(_ position: UInt32, from chain: inout Chain?, _ next: inout ChunkedArray<UInt32>) {
        guard var found = chain else { return }
        defer { next[Int(position)] = end }
        if found.first == position {
            chain = next[Int(position)] == end ? nil : Chain(first: next[Int(position)], last: found.last)
            return
        }
        var previous = found.first
        while next[Int(previous)] != position {
            previous = next[Int(previous)]
            guard previous != end else { return }
        }
        next[Int(previous)] = next[Int(position)]
        if found.last == position { found.last = previous }
        chain = found
    }

    /// Puts `position`, in no chain, into `chain` in position order.
    private static func insert(_ position: UInt32, into chain: inout Chain?, _ next: inout ChunkedArray<UInt32>) {
        guard var found = chain else {
            chain = Chain(first: position, last: position)
            return
        }
        if position < found.first {
            next[Int(position)] = found.first
            found.first = position
        } else if position > found.last {
            next[Int(found.last)] = position
            found.last = position
        } else {
            var previous = found.first
            while next[Int(previous)] < position { previous = next[Int(previous)] }
            next[Int(position)] = next[Int(previous)]
            next[Int(previous)] = position
        }
        chain = found
    }

    /// The positions of the claims of `key` with the figure of `row`, in
    /// seq order, retracted ones included.
    func positions(of key: SourceKey, withFigureOf row: ClaimRow) -> [Int] {
        guard let slot = slots[key] else { return [] }
        return Self.positions(of: figures[SourceFigure(slot, row)], nextOfFigure)
    }

    /// The positions of the dated claims of `key` whose date may overlap
    /// the days `since...until` (days since 1970-01-01; nil is unbounded):
    /// every claim dated in a month or year that overlaps them, in no
    /// particular order. A claim's own date decides whether it passes.
    func positions(of key: SourceKey, datedFrom since: Int?, to until: Int?) -> [Int] {
        guard let source = self[key] else { return [] }
        var result: [Int] = []
        for (bucket, chain) in source.dates where bucket.overlaps(from: since, to: until) {
            result += Self.positions(of: chain, nextOfDate)
        }
        return result
    }

    /// Whether the figure of the claim `row` is one that claims of more
    /// than one document report (or were, before a retraction): when it is
    /// not, its statement is reported by its document alone.
    func figureIsShared(_ row: ClaimRow) -> Bool {
        guard let slot = slots[SourceKey(row)] else { return false }
        return sharedFigures.contains(SourceFigure(slot, row))
    }

    /// For each speaker, the pairs of documents (pool ids of their
    /// SHA-256, the smaller first) that report one of its figures
    /// together: the only documents where the speaker's statements can
    /// conflict (``StatementRule``). Work grows with the shared figures'
    /// claims.
    func documentPairsSharingFigures(in rows: ChunkedArray<ClaimRow>) -> [UInt32: Set<DocumentIDPair>] {
        var result: [UInt32: Set<DocumentIDPair>] = [:]
        for shared in sharedFigures {
            let documents = Set(Self.positions(of: figures[shared], nextOfFigure).map { rows[$0].documentSHA256 }).sorted()
            let speaker = all[shared.source].key.speaker
            for (i, first) in documents.enumerated() {
                for second in documents[(i + 1)...] { result[speaker, default: []].insert(DocumentIDPair(first, second)) }
            }
        }
        return result
    }

    /// The positions of the claims of the document whose SHA-256 has pool
    /// id `sha256`, in seq order, retracted ones included.
    func positions(inDocument sha256: UInt32) -> [Int] {
        guard Int(sha256) < documents.count else { return [] }
        return Self.positions(of: documents[Int(sha256)], nextOfDocument)
    }
}

/// Two documents by the pool ids of their SHA-256, the smaller first.
struct DocumentIDPair: Hashable {
    let first: UInt32
    let second: UInt32

    init(_ first: UInt32, _ second: UInt32) {
        (self.first, self.second) = first < second ? (first, second) : (second, first)
    }
}

/// Who estimated what: a quantity, a rate (or none) and a speaker (or
/// none), by the pool ids of their strings.
struct SourceKey: Hashable, Sendable {
    var quantity: QuantityKey
    var per: UInt32
    var speaker: UInt32

    init(_ row: ClaimRow) {
        self.init(quantity: row.quantity, per: row.per, speaker: row.speaker)
    }

    init(quantity: QuantityKey, per: UInt32, speaker: UInt32) {
        self.quantity = quantity
        self.per = per
        self.speaker = speaker
    }
}

/// A figure as a statement states it, within one source: the hedge (by
/// pool id), the figure and the range's upper figure.
struct FigureKey: Hashable, Sendable {
    var qualifier: UInt32
    var low: Int64
    /// The upper figure, or nil for a figure that is no range.
    var high: Int64?

    init(_ row: ClaimRow) {
        qualifier = row.qualifier
        low = row.low
        high = row.flags.contains(.high) ? row.high : nil
    }
}

/// The month a date known to the month or day falls in, or the year of a
/// date known only to the year: a date lies within its bucket, so the
/// buckets that overlap a span of days hold every date that can.
struct DateBucket: Hashable, Sendable {
    var year: Int
    /// 1 to 12; 0 for a date known only to the year.
    var month: Int

    init?(_ date: PartialDate?) {
        guard let date else { return nil }
        year = date.year
        month = date.day == nil && date.month == nil ? 0 : (date.month ?? 1)
    }

    /// Whether any day of the bucket lies within `since...until` (days
    /// since 1970-01-01; nil is unbounded).
    func overlaps(from since: Int?, to until: Int?) -> Bool {
        let days = PartialDate(year: year, month: month == 0 ? nil : month).days
        if let since, days.upperBound < since { return false }
        if let until, days.lowerBound > until { return false }
        return true
    }
}

import ClaimExtraction
import Foundation

/// What reading a stored document again changes: the claims in force
/// compared with those the extractor finds now. Decided from the
/// projections and the new reading alone (pure), so that `--dry-run` shows
/// what a run appends.
///
/// A claim found with the same fields at the same span is unchanged and
/// stays (no event); one found at the same quote span with the same subject
/// (side, population, metric) but other fields is `changed`: superseded by
/// the claim found now, which takes over a person's correction or
/// retraction of it; the claims in force found nowhere now are `removed`
/// (superseded by nothing); the claims found now in no such place are
/// `added`.
public struct Reextraction: Sendable, Equatable {
    /// A claim found otherwise.
    public struct Change: Sendable, Equatable {
        /// The claim in force, with its fields as extracted.
        public var old: ClaimRecord
        /// The claim found in its place.
        public var new: ClaimExtracted
    }

    /// The document read again: its SHA-256 and file name.
    public var document: String
    public var name: String
    public var previousExtractor: ExtractorInfo?
    public var extractor: ExtractorInfo
    public var added: [ClaimExtracted] = []
    /// The claims in force found nowhere now, with their fields as extracted.
    public var removed: [ClaimRecord] = []
    public var changed: [Change] = []

    /// Whether the reading finds the claims in force: then nothing is appended.
    public var isUnchanged: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// The event that records the reading: what it supersedes, by what.
    public var event: DocumentReextracted {
        DocumentReextracted(
            document: document, previousExtractor: previousExtractor, extractor: extractor,
            superseded: changed.map { SupersededClaim(claim: $0.old.id, by: $0.new.id) }
                + removed.map { SupersededClaim(claim: $0.id) })
    }

    /// The events to append, unnumbered: `document.reextracted`, then a
    /// `claim.extracted` for each claim found anew, in the order of the
    /// document; none for an unchanged reading.
    public func events(recordedAt: Date) -> [Event] {
        guard !isUnchanged else { return [] }
        let found = (changed.map(\.new) + added).sorted { ($0.claim.span.start, $0.id) < ($1.claim.span.start, $1.id) }
        return [Event(recordedAt: recordedAt, payload: .documentReextracted(event))]
            + found.map { Event(recordedAt: recordedAt, payload: .claimExtracted($0)) }
    }
}

extension Projections {
    /// What reading the received document of `plan` again changes, its
    /// claims found with `extractor`; nil when the projections hold no
    /// such document.
    ///
    /// A claim found anew whose id another claim of the log holds (a claim
    /// found otherwise keeps the key fields its id is made of, or an
    /// earlier reading found it and was superseded since) is given the next
    /// free id (``ClaimID/next(after:)``), so that every id names one claim.
    public func reextraction(of plan: DocumentPlan, extractor: ExtractorInfo) -> Reextraction? {
        let sha256 = plan.received.document
        guard let d = documentIndex[sha256] else { return nil }
        let row = documentRows[d]
        var result = Reextraction(
            document: sha256, name: pool[row.name], previousExtractor: row.extractor(pool), extractor: extractor)
        let claims = self.claims
        var inForce: [ClaimRecord] = []
        if let id = pool.existingID(sha256) {
            for position in sourceIndex.positions(inDocument: id) where !claimRows[position].flags.contains(.superseded) {
                var record = claims[position]
                if let original = edits[position]?.original { record.claim = original.record(pool, text).claim }
                inForce.append(record)
            }
        }
        var found = plan.claims
        // Unchanged: the same fields at the same span (the id may be the
        // next free one, given when the claim was found otherwise before).
        found.removeAll { new in
            guard let i = inForce.firstIndex(where: { $0.claim == new.claim }) else { return false }
            inForce.remove(at: i)
            return true
        }
        var taken: Set<String> = []
        func free(_ claim: ClaimExtracted) -> ClaimExtracted {
            var claim = claim
            while claimIndex[claim.id] != nil || taken.contains(claim.id) { claim.id = ClaimID.next(after: claim.id) }
            taken.insert(claim.id)
            return claim
        }
        for new in found {
            if let i = inForce.firstIndex(where: { $0.claim.span == new.claim.span && Quantity($0.claim) == Quantity(new.claim) }) {
                result.changed.append(Reextraction.Change(old: inForce.remove(at: i), new: free(new)))
            } else {
                result.added.append(free(new))
            }
        }
        result.removed = inForce
        return result
    }

    /// The `document.revised` event for `received` when it is a new version
    /// of a document: one received before with the same `url` and other
    /// bytes, whose claims not yet superseded it supersedes. Nil when
    /// `received` gives no url, or no document has it.
    public func revision(of received: DocumentReceived) -> DocumentRevised? {
        guard let url = received.url, let p = urlIndex[url] else { return nil }
        guard let previous = pool[optional: documentRows[p].sha256], previous != received.document else { return nil }
        let superseded = pool.existingID(previous).map { id in
            sourceIndex.positions(inDocument: id).filter { !claimRows[$0].flags.contains(.superseded) }
                .map { SupersededClaim(claim: claimRows[$0].idString(pool)) }
        } ?? []
        return DocumentRevised(received: received, previous: previous, superseded: superseded)
    }

    /// The documents a start with `extractor` re-extracts when asked to
    /// upgrade (`reextract_on_upgrade`): none when every document whose
    /// reader an event names was read by `extractor`; else every document
    /// not known to have been read by it (those whose reader no event names
    /// included: a newer reading may find claims where the older found
    /// none). Versions a newer one replaced are left out.
    ///
    /// - Parameter confirmed: the seq the log stood at when a run with
    ///   `extractor` that finished chose its documents, nil for none. That
    ///   run found the claims in force of each document it read, or
    ///   recorded them anew, though an unchanged reading leaves no event to
    ///   say so: only documents read after it (received, or re-extracted,
    ///   since) are judged by their reader. A seq past the log's end (a log
    ///   cut back since) confirms nothing.
    public func outdatedDocuments(for extractor: ExtractorInfo, confirmedThrough confirmed: UInt64?) -> [DocumentRecord] {
        let confirmed = confirmed.flatMap { $0 <= lastSeq ? $0 : nil }
        let current = documentRows.indices.filter { d in
            documentRows[d].sha256 != StringPool.none && !documentRows[d].isRevised
                && confirmed.map { lastReading(ofDocument: d) > $0 } ?? true
        }
        let readBy = current.map { documentRows[$0].extractor(pool) }
        guard readBy.contains(where: { $0 != nil && $0 != extractor }) else { return [] }
        let documents = self.documents
        return zip(current, readBy).filter { $1 != extractor }.map { documents[$0.0] }
    }

    /// The seq of the last event that read document `d`: its receipt, or a
    /// re-extraction since, which found claims (numbered after it) or
    /// superseded some.
    private func lastReading(ofDocument d: Int) -> UInt64 {
        let row = documentRows[d]
        return sourceIndex.positions(inDocument: row.sha256).reduce(row.seq) { latest, position in
            max(latest, claimRows[position].seq, edits[position]?.supersession?.seq ?? 0)
        }
    }

    /// The received documents, in the order received, that a re-extraction
    /// reads: those `names` names (``documentPositions(named:)``), or all
    /// with `names` empty; never a version a newer one replaced.
    /// - Throws: ``FilterError`` (`documents`) for a name that names no
    ///   document, only rejected ones, or only versions a newer one replaced.
    public func reextractionTargets(named names: [String]) throws(FilterError) -> [DocumentRecord] {
        var positions: [Int] = []
        if names.isEmpty {
            positions = documentRows.indices.filter { documentRows[$0].sha256 != StringPool.none }
        } else {
            for name in names {
                let named: [Int]
                do {
                    named = try documentPositions(named: name).filter { documentRows[$0].sha256 != StringPool.none }
                } catch {
                    throw FilterError(parameter: "documents", message: error.message)
                }
                guard !named.isEmpty else {
                    throw FilterError(parameter: "documents", message: "'\(name)' names only rejected files, which have no stored bytes")
                }
                let current = named.filter { !documentRows[$0].isRevised }
                guard !current.isEmpty else {
                    let newer = pool[documentRows[named[0]].revisedBy]
                    throw FilterError(
                        parameter: "documents",
                        message: "'\(name)' is an earlier version of a document (revised by \(newer)); re-extract the newest version")
                }
                positions += current
            }
        }
        let documents = self.documents
        var seen: Set<Int> = []
        return positions.filter { seen.insert($0).inserted && !documentRows[$0].isRevised }.sorted().map { documents[$0] }
    }
}

import ClaimExtraction
import Foundation

extension Projections {
    /// The version string a snapshot of the projections is tagged with: the
    /// reducers' ``version`` and the version of the body's encoding. A
    /// snapshot with any other tag is not used (the log is replayed instead),
    /// so a change to `apply` bumps ``version`` and a change to the encoding
    /// bumps the number here.
    public static let snapshotVersion = "projections-\(version)/binary-1"

    /// The records of the projections, detached for a snapshot: taking one
    /// costs a few hundred pointer copies however many records there are
    /// (the records live in shared chunks), and the projections it was taken
    /// from stay free to change.
    public var snapshotContent: SnapshotContent {
        SnapshotContent(lastSeq: lastSeq, documents: documents, claims: claims)
    }

    /// What a snapshot holds: every record, without the indexes (a load
    /// rebuilds them).
    public struct SnapshotContent: Sendable {
        /// The last seq applied: the seq the snapshot covers.
        public let lastSeq: UInt64
        let documents: ChunkedArray<DocumentRecord>
        let claims: ChunkedArray<ClaimRecord>

        /// The snapshot body, for ``EventLog/SnapshotStore/write(_:seq:chainHead:version:)``
        /// with ``Projections/snapshotVersion``. Takes a while for a large
        /// timeline (about a second per million events), so run it off the
        /// task that changes the projections.
        public func encoded() -> [UInt8] {
            var writer = SnapshotWriter(capacity: 64 + 80 * documents.count + 200 * claims.count)
            writer.unsigned(documents.count)
            for document in documents { Self.write(document, to: &writer) }
            writer.unsigned(claims.count)
            for claim in claims { Self.write(claim, to: &writer) }
            return writer.finish(prefix: [lastSeq])
        }

        private static func write(_ document: DocumentRecord, to writer: inout SnapshotWriter) {
            var flags: UInt64 = 0
            if document.sha256 != nil { flags |= DocumentFlags.sha256 }
            if document.size != nil { flags |= DocumentFlags.size }
            if document.published != nil { flags |= DocumentFlags.published }
            if document.source != nil { flags |= DocumentFlags.source }
            if document.url != nil { flags |= DocumentFlags.url }
            if document.reason != nil { flags |= DocumentFlags.reason }
            if document.message != nil { flags |= DocumentFlags.message }
            if document.movedTo != nil { flags |= DocumentFlags.movedTo }
            writer.unsigned(flags)
            writer.shared(document.name, .name)
            if let sha256 = document.sha256 { writer.shared(sha256, .sha256) }
            writer.shared(document.status.rawValue, .status)
            writer.unsigned(document.seq)
            writer.date(document.receivedAt)
            if let size = document.size { writer.signed(size) }
            if let published = document.published { write(published, to: &writer) }
            if let source = document.source { writer.shared(source, .source) }
            if let url = document.url { writer.shared(url, .url) }
            writer.signed(document.claims)
            if let reason = document.reason { writer.shared(reason, .reason) }
            if let message = document.message { writer.inline(message) }
            if let movedTo = document.movedTo { writer.inline(movedTo) }
        }

        private static func write(_ record: ClaimRecord, to writer: inout SnapshotWriter) {
            let claim = record.claim
            var flags: UInt64 = 0
            if claim.high != nil { flags |= ClaimFlags.high }
            if claim.per != nil { flags |= ClaimFlags.per }
            if claim.speaker != nil { flags |= ClaimFlags.speaker }
            if claim.reportedBy != nil { flags |= ClaimFlags.reportedBy }
            if claim.statedOn != nil { flags |= ClaimFlags.statedOn }
            if record.published != nil { flags |= ClaimFlags.published }
            if record.retraction != nil { flags |= ClaimFlags.retraction }
            if claim.interval.lower != nil { flags |= ClaimFlags.lower }
            if claim.interval.lowerClosed { flags |= ClaimFlags.lowerClosed }
            if claim.interval.upper != nil { flags |= ClaimFlags.upper }
            if claim.interval.upperClosed { flags |= ClaimFlags.upperClosed }
            writer.unsigned(flags)
            writer.inline(record.id)
            writer.unsigned(record.seq)
            writer.shared(record.documentName, .name)
            writer.shared(record.documentSHA256, .sha256)
            if let published = record.published { write(published, to: &writer) }
            writer.date(record.recordedAt)
            writer.shared(record.extractor.version, .extractorVersion)
            writer.shared(record.extractor.lexicon, .extractorLexicon)
            writer.shared(claim.side.rawValue, .side)
            writer.shared(claim.population.rawValue, .population)
            writer.shared(claim.metric.rawValue, .metric)
            writer.shared(claim.qualifier.rawValue, .qualifier)
            writer.signed(claim.low)
            if let high = claim.high { writer.signed(high) }
            if let per = claim.per { writer.shared(per.rawValue, .per) }
            if let lower = claim.interval.lower { writer.signed(lower) }
            if let upper = claim.interval.upper { writer.signed(upper) }
            if let speaker = claim.speaker { writer.shared(speaker, .speaker) }
            if let reportedBy = claim.reportedBy { writer.shared(reportedBy, .reportedBy) }
            if let statedOn = claim.statedOn { write(statedOn, to: &writer) }
            writer.inline(claim.quote)
            writer.signed(claim.span.start)
            writer.signed(claim.span.end)
            if let retraction = record.retraction { writer.inline(retraction) }
        }

        private static func write(_ date: PartialDate, to writer: inout SnapshotWriter) {
            writer.signed(date.year)
            writer.byte(UInt8(clamping: date.month ?? 0))
            writer.byte(UInt8(clamping: date.day ?? 0))
        }
    }

    /// Projections loaded from a snapshot body that ``SnapshotContent/encoded()``
    /// made, with the indexes rebuilt: equal to the projections it was taken from.
    ///
    /// - Parameters:
    ///   - body: the snapshot's body (``EventLog/Snapshot/body``), which must be
    ///     tagged with ``snapshotVersion``.
    /// - Throws: ``ProjectionsSnapshotError`` when the body is not one this
    ///   code wrote: cut short, with trailing bytes, or inconsistent (records
    ///   out of seq order, a claim id or document twice).
    public init(snapshot body: [UInt8]) throws(ProjectionsSnapshotError) {
        self.init()
        let result: Result<Void, ProjectionsSnapshotError> = body.withUnsafeBytes { raw in
            do throws(ProjectionsSnapshotError) {
                var reader = SnapshotReader(raw)
                try load(&reader)
                guard reader.atEnd else { throw reader.failure("bytes follow the last record") }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private mutating func load(_ reader: inout SnapshotReader) throws(ProjectionsSnapshotError) {
        lastSeq = try reader.unsigned()
        try reader.readTable()

        let documentCount = try reader.count()
        guard documentCount <= reader.remaining else { throw reader.failure("\(documentCount) documents cannot fit") }
        documents.reserveCapacity(documentCount)
        documentIndex.reserveCapacity(documentCount)
        var previousSeq: UInt64 = 0
        for position in 0..<documentCount {
            let document = try Self.readDocument(&reader)
            guard document.seq > previousSeq, document.seq <= lastSeq else {
                throw reader.failure("document \(position) has seq \(document.seq), out of order")
            }
            previousSeq = document.seq
            if document.status == .received {
                guard let sha256 = document.sha256 else { throw reader.failure("received document \(position) has no SHA-256") }
                guard documentIndex.updateValue(position, forKey: sha256) == nil else {
                    throw reader.failure("document \(sha256) is received twice")
                }
            } else {
                rejectedCount += 1
            }
            documents.append(consume document)
        }

        let claimCount = try reader.count()
        guard claimCount <= reader.remaining else { throw reader.failure("\(claimCount) claims cannot fit") }
        claims.reserveCapacity(claimCount)
        claimIndex.reserveCapacity(claimCount)
        previousSeq = 0
        for position in 0..<claimCount {
            let record = try Self.readClaim(&reader)
            guard record.seq > previousSeq, record.seq <= lastSeq else {
                throw reader.failure("claim \(position) has seq \(record.seq), out of order")
            }
            previousSeq = record.seq
            guard claimIndex.insert(record.id, at: position) == nil else {
                throw reader.failure("claim \(record.id) appears twice")
            }
            if record.retraction != nil { retractedCount += 1 }
            claims.append(consume record)
        }
    }

    private static func readDocument(_ reader: inout SnapshotReader) throws(ProjectionsSnapshotError) -> DocumentRecord {
        let flags = try reader.unsigned()
        let name = try reader.shared()
        let sha256 = flags & DocumentFlags.sha256 != 0 ? try reader.shared() : nil
        let status = DocumentRecord.Status(rawValue: try reader.shared())
        let seq = try reader.unsigned()
        let receivedAt = try reader.date()
        let size = flags & DocumentFlags.size != 0 ? try reader.signed() : nil
        let published = flags & DocumentFlags.published != 0 ? try readDate(&reader) : nil
        let source = flags & DocumentFlags.source != 0 ? try reader.shared() : nil
        let url = flags & DocumentFlags.url != 0 ? try reader.shared() : nil
        let claims = try reader.signed()
        let reason = flags & DocumentFlags.reason != 0 ? try reader.shared() : nil
        let message = flags & DocumentFlags.message != 0 ? try reader.inline() : nil
        let movedTo = flags & DocumentFlags.movedTo != 0 ? try reader.inline() : nil
        return DocumentRecord(
            name: name, sha256: sha256, status: status, seq: seq, receivedAt: receivedAt, size: size,
            published: published, source: source, url: url, claims: claims, reason: reason, message: message,
            movedTo: movedTo)
    }

    private static func readClaim(_ reader: inout SnapshotReader) throws(ProjectionsSnapshotError) -> ClaimRecord {
        let flags = try reader.unsigned()
        let id = try reader.inline()
        let seq = try reader.unsigned()
        let documentName = try reader.shared()
        let documentSHA256 = try reader.shared()
        let published = flags & ClaimFlags.published != 0 ? try readDate(&reader) : nil
        let recordedAt = try reader.date()
        let extractor = ExtractorInfo(version: try reader.shared(), lexicon: try reader.shared())
        let side = Side(try reader.shared())
        let population = Population(try reader.shared())
        let metric = Metric(try reader.shared())
        let qualifier = Qualifier(try reader.shared())
        let low = try reader.signed()
        let high = flags & ClaimFlags.high != 0 ? try reader.signed() : nil
        let per = flags & ClaimFlags.per != 0 ? Rate(try reader.shared()) : nil
        let lower = flags & ClaimFlags.lower != 0 ? try reader.signed() : nil
        let upper = flags & ClaimFlags.upper != 0 ? try reader.signed() : nil
        let speaker = flags & ClaimFlags.speaker != 0 ? try reader.shared() : nil
        let reportedBy = flags & ClaimFlags.reportedBy != 0 ? try reader.shared() : nil
        let statedOn = flags & ClaimFlags.statedOn != 0 ? try readDate(&reader) : nil
        let quote = try reader.inline()
        let start = try reader.signed()
        let end = try reader.signed()
        guard start <= end else { throw reader.failure("a span ends at \(end), before its start \(start)") }
        let retraction = flags & ClaimFlags.retraction != 0 ? try reader.inline() : nil
        var claim = Claim(
            side: side, population: population, metric: metric, qualifier: qualifier, low: low, high: high,
            per: per, speaker: speaker, reportedBy: reportedBy, statedOn: statedOn, quote: quote,
            span: ByteSpan(start: start, end: end))
        claim.interval = Interval(
            lower: lower, lowerClosed: flags & ClaimFlags.lowerClosed != 0,
            upper: upper, upperClosed: flags & ClaimFlags.upperClosed != 0)
        return ClaimRecord(
            id: id, seq: seq, documentName: documentName, documentSHA256: documentSHA256, published: published,
            recordedAt: recordedAt, extractor: extractor, claim: claim, retraction: retraction)
    }

    private static func readDate(_ reader: inout SnapshotReader) throws(ProjectionsSnapshotError) -> PartialDate {
        let year = try reader.signed()
        let month = try reader.byte()
        let day = try reader.byte()
        return PartialDate(year: year, month: month == 0 ? nil : Int(month), day: day == 0 ? nil : Int(day))
    }
}

/// Which optional fields of a document record follow in a snapshot.
private enum DocumentFlags {
    static let sha256: UInt64 = 1 << 0
    static let size: UInt64 = 1 << 1
    static let published: UInt64 = 1 << 2
    static let source: UInt64 = 1 << 3
    static let url: UInt64 = 1 << 4
    static let reason: UInt64 = 1 << 5
    static let message: UInt64 = 1 << 6
    static let movedTo: UInt64 = 1 << 7
}

/// Which optional fields of a claim record follow in a snapshot, and the
/// closed ends of its interval.
private enum ClaimFlags {
    static let high: UInt64 = 1 << 0
    static let per: UInt64 = 1 << 1
    static let speaker: UInt64 = 1 << 2
    static let reportedBy: UInt64 = 1 << 3
    static let statedOn: UInt64 = 1 << 4
    static let published: UInt64 = 1 << 5
    static let retraction: UInt64 = 1 << 6
    static let lower: UInt64 = 1 << 7
    static let lowerClosed: UInt64 = 1 << 8
    static let upper: UInt64 = 1 << 9
    static let upperClosed: UInt64 = 1 << 10
}

import ClaimExtraction
import EventLog
import Foundation

extension Projections {
    /// The version string a snapshot of the projections is tagged with: the
    /// reducers' ``version`` and the version of the body's encoding. A
    /// snapshot with any other tag is not used (the log is replayed instead),
    /// so a change to `apply` bumps ``version`` and a change to the encoding
    /// bumps the number here.
    public static let snapshotVersion = "projections-\(version)/binary-5"

    /// The records of the projections, detached for a snapshot: taking one
    /// costs a few hundred pointer copies however many records there are
    /// (the rows, strings and quotes live in shared chunks), and the
    /// projections it was taken from stay free to change.
    public var snapshotContent: SnapshotContent {
        SnapshotContent(
            lastSeq: lastSeq, strings: pool.strings, text: text, documents: documentRows, claims: claimRows, edits: edits)
    }

    /// What a snapshot holds: the string pool, the quotes and every row,
    /// without the indexes (a load rebuilds them).
    ///
    /// The body, in order: `lastSeq` (an 8-byte word); the pool (a count,
    /// then each string but the placeholder as a length and its UTF-8); the
    /// quotes' chunks (a count, then each as a length and its bytes); the
    /// documents (a count, then ``documentRowSize`` bytes each); the claims
    /// (a count, then ``claimRowSize`` bytes each); a person's edits (a
    /// count, then each claim's position and edits). docs/LOG-FORMAT.md
    /// lists the rows' fields.
    public struct SnapshotContent: Sendable {
        /// The last seq applied: the seq the snapshot covers.
        public let lastSeq: UInt64
        let strings: ChunkedArray<String>
        let text: TextArena
        let documents: ChunkedArray<DocumentRow>
        let claims: ChunkedArray<ClaimRow>
        let edits: [Int: ClaimEdits]

        /// The snapshot body, for ``EventLog/SnapshotStore/write(_:seq:chainHead:version:)``
        /// with ``Projections/snapshotVersion``. Takes a while for a large
        /// timeline (a few tenths of a second per million events), so run
        /// it off the task that changes the projections.
        public func encoded() -> [UInt8] {
            let textBytes = (0..<text.chunkCount).reduce(0) { sum, chunk in sum + text.withChunk(chunk) { $0.count } }
            var writer = SnapshotWriter(
                capacity: 64 + 80 * strings.count + textBytes + 16 * text.chunkCount
                    + Projections.documentRowSize * documents.count + Projections.claimRowSize * claims.count)
            writer.word(lastSeq)
            writer.unsigned(strings.count - 1)
            for id in 1..<strings.count { writer.string(strings[id]) }
            writer.unsigned(text.chunkCount)
            for chunk in 0..<text.chunkCount { text.withChunk(chunk) { writer.raw($0) } }
            writer.unsigned(documents.count)
            for row in documents { Self.write(row, to: &writer) }
            writer.unsigned(claims.count)
            for row in claims { Self.write(row, to: &writer) }
            writer.unsigned(edits.count)
            for (position, claimEdits) in edits.sorted(by: { $0.key < $1.key }) {
                writer.unsigned(position)
                writer.unsigned((claimEdits.original == nil ? 0 : 1) | (claimEdits.correction == nil ? 0 : 2)
                    | (claimEdits.retraction == nil ? 0 : 4) | (claimEdits.supersession == nil ? 0 : 8))
                if let original = claimEdits.original { Self.write(original, to: &writer) }
                for edit in [claimEdits.correction, claimEdits.retraction].compactMap({ $0 }) {
                    writer.string(edit.reason)
                    writer.word(edit.at.timeIntervalSinceReferenceDate)
                    writer.word(edit.seq)
                    writer.unsigned(edit.by == nil ? 0 : edit.by!.user == nil ? 1 : 2)
                    if let by = edit.by {
                        writer.word(UInt64(by.uid))
                        if let user = by.user { writer.string(user) }
                    }
                }
                if let supersession = claimEdits.supersession {
                    writer.string(supersession.reason.rawValue)
                    writer.string(supersession.document)
                    writer.unsigned(supersession.by == nil ? 0 : 1)
                    if let by = supersession.by { writer.string(by) }
                    writer.word(supersession.at.timeIntervalSinceReferenceDate)
                    writer.word(supersession.seq)
                }
            }
            return writer.bytes
        }

        private static func write(_ row: DocumentRow, to writer: inout SnapshotWriter) {
            writer.word(row.seq)
            writer.word(row.receivedAt)
            writer.word(row.size)
            writer.word(row.claims)
            writer.word(row.published.bits)
            writer.word(row.name)
            writer.word(row.sha256)
            writer.word(row.status)
            writer.word(row.source)
            writer.word(row.url)
            writer.word(row.reason)
            writer.word(row.message)
            writer.word(row.movedTo)
            writer.word(row.extractorVersion)
            writer.word(row.extractorLexicon)
            writer.word(row.revises)
            writer.word(row.revisedBy)
            writer.word(row.flags.rawValue)
        }

        private static func write(_ row: ClaimRow, to writer: inout SnapshotWriter) {
            writer.word(row.id)
            writer.word(row.seq)
            writer.word(row.recordedAt)
            writer.word(row.low)
            writer.word(row.high)
            writer.word(row.lower)
            writer.word(row.upper)
            writer.word(row.spanStart)
            writer.word(row.spanEnd)
            writer.word(row.published.bits)
            writer.word(row.statedOn.bits)
            writer.word(row.quote.chunk)
            writer.word(row.quote.offset)
            writer.word(row.quote.length)
            writer.word(row.documentName)
            writer.word(row.documentSHA256)
            writer.word(row.extractorVersion)
            writer.word(row.extractorLexicon)
            writer.word(row.side)
            writer.word(row.population)
            writer.word(row.metric)
            writer.word(row.qualifier)
            writer.word(row.per)
            writer.word(row.speaker)
            writer.word(row.reportedBy)
            writer.word(row.statedOnSource)
            writer.word(row.retraction)
            writer.word(row.flags.rawValue)
        }
    }

    /// Whether a time, in seconds since the reference date, can be served:
    /// a finite number within some three thousand years of it.
    private static func isServable(_ time: Double) -> Bool {
        time.isFinite && abs(time) < 1e11
    }

    /// The bytes of a document row in a snapshot: five words and thirteen half-words.
    static let documentRowSize = 5 * 8 + 13 * 4
    /// The bytes of a claim row in a snapshot: eleven words and seventeen half-words.
    static let claimRowSize = 11 * 8 + 17 * 4

    /// Projections loaded from a snapshot body that ``SnapshotContent/encoded()``
    /// made, with the indexes rebuilt: equal to the projections it was taken from.
    ///
    /// Every row is checked before it is kept (seqs in order, each string
    /// and quote it names present, spans in order, ids and documents once),
    /// so that a body this code did not write is an error, never a crash
    /// later when the row is read. The quotes are not copied: the
    /// projections read them from `body` (mapped from the snapshot's file)
    /// for as long as they live.
    ///
    /// - Parameters:
    ///   - body: the snapshot's body (``EventLog/Snapshot/body``), which must be
    ///     tagged with ``snapshotVersion``.
    /// - Throws: ``ProjectionsSnapshotError`` when the body is not one this
    ///   code wrote: cut short, with trailing bytes, or inconsistent.
    public init(snapshot body: Snapshot.Body) throws(ProjectionsSnapshotError) {
        let result: Result<Projections, ProjectionsSnapshotError> = body.withUnsafeBytes { raw in
            do throws(ProjectionsSnapshotError) {
                var projections = Projections()
                var reader = SnapshotReader(raw)
                try projections.load(&reader, body: body)
                guard reader.atEnd else { throw reader.failure("bytes follow the last record") }
                return .success(projections)
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    /// ``init(snapshot:)-(Snapshot.Body)`` for a body in an array.
    public init(snapshot body: [UInt8]) throws(ProjectionsSnapshotError) {
        try self.init(snapshot: Snapshot.Body(body))
    }

    private mutating func load(_ reader: inout SnapshotReader, body: Snapshot.Body) throws(ProjectionsSnapshotError) {
        lastSeq = try reader.word()

        let stringCount = try reader.count(ofItemsAtLeast: 1, "strings")
        var strings = ChunkedArray<String>()
        strings.reserveCapacity(stringCount + 1)
        strings.append("")
        for _ in 0..<stringCount { strings.append(try reader.string()) }
        // The pool's look-up table is built on another core while the rows
        // are read: checking them needs only the number of strings.
        let lookup = BackgroundWork { [strings] in StringPool.lookupTable(strings) }
        pool = StringPool(strings: strings, lookup: StringTable())

        let chunkCount = try reader.count(ofItemsAtLeast: 1, "text chunks")
        var chunks: [Range<Int>] = []
        chunks.reserveCapacity(chunkCount)
        for _ in 0..<chunkCount { chunks.append(try reader.byteRange()) }
        text = TextArena(loading: chunks, of: body)

        let documentCount = try reader.count(ofItemsAtLeast: Self.documentRowSize, "documents")
        documentRows.reserveCapacity(documentCount)
        documentIndex.reserveCapacity(documentCount)
        var previousSeq: UInt64 = 0
        for position in 0..<documentCount {
            let start = reader.offset
            var fields = reader.fields(Self.documentRowSize)
            var row = DocumentRow()
            row.seq = fields.word()
            row.receivedAt = fields.double()
            row.size = fields.signed()
            row.claims = fields.signed()
            row.published = PackedDate(bits: fields.word())
            row.name = fields.half()
            row.sha256 = fields.half()
            row.status = fields.half()
            row.source = fields.half()
            row.url = fields.half()
            row.reason = fields.half()
            row.message = fields.half()
            row.movedTo = fields.half()
            row.extractorVersion = fields.half()
            row.extractorLexicon = fields.half()
            row.revises = fields.half()
            row.revisedBy = fields.half()
            row.flags = DocumentRow.Flags(rawValue: fields.half())
            func failure(_ message: String) -> ProjectionsSnapshotError {
                reader.failure("document \(position): \(message)", at: start)
            }
            guard row.seq > previousSeq, row.seq <= lastSeq else { throw failure("seq \(row.seq) out of order") }
            previousSeq = row.seq
            guard pool.contains(row.name), pool.contains(row.status) else { throw failure("no name or status") }
            guard pool.containsOrNone(row.sha256), pool.containsOrNone(row.source), pool.containsOrNone(row.url),
                  pool.containsOrNone(row.reason), pool.containsOrNone(row.message), pool.containsOrNone(row.movedTo),
                  pool.containsOrNone(row.extractorVersion), pool.containsOrNone(row.extractorLexicon),
                  pool.containsOrNone(row.revises), pool.containsOrNone(row.revisedBy) else {
                throw failure("a string it names is not in the pool of \(pool.count)")
            }
            guard DocumentRow.Flags.all.isSuperset(of: row.flags) else { throw failure("unknown flags") }
            // No more claims than the rest of the body can hold.
            guard row.claims >= 0, row.claims <= Int64(reader.remaining / Self.claimRowSize) else {
                throw failure("it counts \(row.claims) claims")
            }
            guard Self.isServable(row.receivedAt) else { throw failure("its time \(row.receivedAt) is out of range") }
            if pool[row.status] == DocumentRecord.Status.received.rawValue {
                guard row.sha256 != StringPool.none else { throw failure("received, with no SHA-256") }
                guard documentIndex.updateValue(position, forKey: pool[row.sha256]) == nil else {
                    throw failure("\(pool[row.sha256]) is received twice")
                }
                if row.url != StringPool.none { urlIndex[pool[row.url]] = position }
            } else {
                rejectedCount += 1
            }
            documentRows.append(row)
        }

        let claimCount = try reader.count(ofItemsAtLeast: Self.claimRowSize, "claims")
        claimRows.reserveCapacity(claimCount)
        claimIndex.reserveCapacity(claimCount)
        var packedIDs: [PackedTable.Entry] = []
        packedIDs.reserveCapacity(claimCount)
        previousSeq = 0
        for position in 0..<claimCount {
            let start = reader.offset
            let row = Self.claimRow(reader.fields(Self.claimRowSize))
            func failure(_ message: String) -> ProjectionsSnapshotError {
                reader.failure("claim \(position): \(message)", at: start)
            }
            guard row.seq > previousSeq, row.seq <= lastSeq else { throw failure("seq \(row.seq) out of order") }
            previousSeq = row.seq
            if let fault = fault(in: row) { throw failure(fault) }
            if row.flags.contains(.textID) {
                guard row.id <= UInt64(UInt32.max), pool.contains(UInt32(row.id)) else { throw failure("its id is not in the pool") }
                guard claimIndex.insert(pool[UInt32(row.id)], at: position) == nil else {
                    throw failure("claim \(pool[UInt32(row.id)]) appears twice")
                }
            } else {
                packedIDs.append(PackedTable.Entry(key: row.id, position: UInt32(position)))
            }
            if !row.isStanding { setAsideCount += 1 }
            claimRows.append(row)
        }
        // The source index is built on another core while the ids are
        // indexed and the edits read: it needs nothing but the rows.
        let sources = BackgroundWork { [claimRows] in SourceIndex(claims: claimRows) }
        if let twice = claimIndex.insert(packed: packedIDs) {
            throw reader.failure("claim \(ClaimIndex.unpack(twice)) appears twice")
        }
        try loadEdits(&reader)
        // A string twice would leave rows that name its first id out of
        // every filter that names it.
        guard let ids = lookup.value else { throw reader.failure("the pool holds a string twice") }
        pool = StringPool(strings: strings, lookup: ids)
        sourceIndex = sources.value
    }

    /// The edits section: each edited claim's position, what it holds, the
    /// row as extracted and the edits, checked against the claims' rows.
    private mutating func loadEdits(_ reader: inout SnapshotReader) throws(ProjectionsSnapshotError) {
        let count = try reader.count(ofItemsAtLeast: 2, "edits")
        var previous = -1
        for _ in 0..<count {
            let start = reader.offset
            let position = try reader.count()
            func failure(_ message: String) -> ProjectionsSnapshotError {
                reader.failure("the edits of claim \(position): \(message)", at: start)
            }
            guard position > previous, position < claimRows.count else { throw failure("no such claim, or out of order") }
            previous = position
            let held = try reader.unsigned()
            guard held & ~15 == 0 else { throw failure("unknown contents") }
            var claimEdits = ClaimEdits()
            if held & 1 != 0 {
                guard reader.remaining >= Self.claimRowSize else { throw failure("its original row runs past the end") }
                let original = Self.claimRow(reader.fields(Self.claimRowSize))
                if let fault = fault(in: original) { throw failure("its original row: \(fault)") }
                claimEdits.original = original
            }
            func edit() throws(ProjectionsSnapshotError) -> ClaimEdit {
                let reason = try reader.string()
                let at = Double(bitPattern: try reader.word())
                let seq = try reader.word()
                let editor = try reader.unsigned()
                guard editor <= 2 else { throw failure("an unknown kind of editor") }
                var by: Editor?
                if editor > 0 {
                    let uid = try reader.word()
                    guard uid <= UInt64(UInt32.max) else { throw failure("a uid out of range") }
                    by = Editor(uid: UInt32(uid), user: editor == 2 ? try reader.string() : nil)
                }
                // An edit a claim took over from the one it replaced is older than it.
                guard Self.isServable(at), seq > 0, seq <= lastSeq else {
                    throw failure("an edit's time or seq is out of range")
                }
                return ClaimEdit(reason: reason, by: by, at: Date(timeIntervalSinceReferenceDate: at), seq: seq)
            }
            if held & 2 != 0 { claimEdits.correction = try edit() }
            if held & 4 != 0 { claimEdits.retraction = try edit() }
            if held & 8 != 0 {
                let reason = ClaimSupersession.Reason(rawValue: try reader.string())
                let document = try reader.string()
                let by = try reader.unsigned()
                guard by <= 1 else { throw failure("an unknown form of supersession") }
                let replacement = by == 1 ? try reader.string() : nil
                let at = Double(bitPattern: try reader.word())
                let seq = try reader.word()
                guard reason == .reextracted || reason == .revised else { throw failure("an unknown supersession") }
                guard Self.isServable(at), seq > claimRows[position].seq, seq <= lastSeq else {
                    throw failure("its supersession's time or seq is out of range")
                }
                claimEdits.supersession = ClaimSupersession(
                    reason: reason, document: document, by: replacement,
                    at: Date(timeIntervalSinceReferenceDate: at), seq: seq)
            }
            let flags = claimRows[position].flags
            guard (claimEdits.original != nil) == (claimEdits.correction != nil),
                  flags.contains(.corrected) == (claimEdits.correction != nil),
                  flags.contains(.retracted) == (claimEdits.retraction != nil),
                  flags.contains(.superseded) == (claimEdits.supersession != nil) else {
                throw failure("its edits do not match its row's flags")
            }
            edits[position] = claimEdits
        }
        let corrected = claimRows.indices.count { claimRows[$0].flags.contains(.corrected) }
        let superseded = claimRows.indices.count { claimRows[$0].flags.contains(.superseded) }
        guard corrected == edits.values.count(where: { $0.correction != nil }),
              superseded == edits.values.count(where: { $0.supersession != nil }) else {
            throw reader.failure("a corrected or superseded claim has no edits")
        }
    }

    /// A claim row as ``SnapshotContent`` wrote it.
    private static func claimRow(_ fields: SnapshotReader.Fields) -> ClaimRow {
        var fields = fields
        var row = ClaimRow()
        row.id = fields.word()
        row.seq = fields.word()
        row.recordedAt = fields.double()
        row.low = fields.signed()
        row.high = fields.signed()
        row.lower = fields.signed()
        row.upper = fields.signed()
        row.spanStart = fields.signed()
        row.spanEnd = fields.signed()
        row.published = PackedDate(bits: fields.word())
        row.statedOn = PackedDate(bits: fields.word())
        row.quote = TextRef(chunk: fields.half(), offset: fields.half(), length: fields.half())
        row.documentName = fields.half()
        row.documentSHA256 = fields.half()
        row.extractorVersion = fields.half()
        row.extractorLexicon = fields.half()
        row.side = fields.half()
        row.population = fields.half()
        row.metric = fields.half()
        row.qualifier = fields.half()
        row.per = fields.half()
        row.speaker = fields.half()
        row.reportedBy = fields.half()
        row.statedOnSource = fields.half()
        row.retraction = fields.half()
        row.flags = ClaimRow.Flags(rawValue: fields.half())
        return row
    }

    /// What is wrong with a claim row read from a snapshot, or nil: flags
    /// this code does not know, a string or quote it names that is not
    /// there, a time out of range, a span that ends before it starts.
    private func fault(in row: ClaimRow) -> String? {
        guard ClaimRow.Flags.all.isSuperset(of: row.flags) else { return "unknown flags" }
        guard pool.contains(row.documentName), pool.contains(row.documentSHA256),
              pool.contains(row.extractorVersion), pool.contains(row.extractorLexicon),
              pool.contains(row.side), pool.contains(row.population), pool.contains(row.metric),
              pool.contains(row.qualifier), pool.containsOrNone(row.per), pool.containsOrNone(row.speaker),
              pool.containsOrNone(row.reportedBy), pool.containsOrNone(row.statedOnSource),
              pool.containsOrNone(row.retraction) else {
            return "a string it names is not in the pool of \(pool.count)"
        }
        guard row.flags.contains(.retracted) == (row.retraction != StringPool.none) else {
            return "a retraction with no reason, or a reason with no retraction"
        }
        guard text.contains(row.quote) else { return "its quote is not in the text" }
        guard Self.isServable(row.recordedAt) else { return "its time \(row.recordedAt) is out of range" }
        guard row.spanStart <= row.spanEnd else { return "its span ends before it starts" }
        return nil
    }
}

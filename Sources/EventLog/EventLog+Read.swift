import Glibc

extension EventLog {
    /// Calls `body` with each durable record after a seq, in seq order, the
    /// body handed over in place (no copy, no allocation per record).
    ///
    /// Reads the segments in 1 MiB chunks and checks each record's CRC and seq
    /// on the way; the hash chain was checked when the log was opened. Records
    /// appended while it runs are not visited: it stops at the last seq that
    /// was durable when it started.
    ///
    /// - Parameters:
    ///   - seq: visit records with a greater seq (0 for all).
    ///   - body: receives each record's seq and body.
    /// - Throws: whatever `body` throws (which stops the walk), or
    ///   ``EventLogError`` when a segment cannot be read or a record is damaged
    ///   (with its segment, offset and seq).
    /// - Important: the buffer passed to `body` is valid only during that call;
    ///   copy what you keep.
    public func forEachRecord(after seq: UInt64, _ body: (UInt64, UnsafeRawBufferPointer) throws -> Void) throws {
        try walk(after: seq) { view, _ in
            try body(view.seq, view.body)
            return true
        }
    }

    /// Calls `body` with each durable record after `seq` up to `last`
    /// included, in seq order, as ``forEachRecord(after:_:)`` does: for a
    /// replay of the log's prefix, which stops reading at `last`.
    ///
    /// - Parameters:
    ///   - seq: visit records with a greater seq (0 for all).
    ///   - last: visit no record with a greater seq.
    ///   - body: receives each record's seq and body.
    /// - Throws: as ``forEachRecord(after:_:)``.
    public func forEachRecord(
        after seq: UInt64, through last: UInt64, _ body: (UInt64, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard last > seq else { return }
        try walk(after: seq) { view, _ in
            guard view.seq <= last else { return false }
            try body(view.seq, view.body)
            return view.seq < last
        }
    }

    /// The durable records after a seq, copied out: for small reads (a
    /// subscriber catching up, a tool).
    /// - Parameters:
    ///   - seq: return records with a greater seq (0 for all).
    ///   - limit: return at most this many.
    /// - Returns: the records in seq order.
    /// - Throws: ``EventLogError`` as ``forEachRecord(after:_:)``.
    public func records(after seq: UInt64, limit: Int = .max) throws -> [Record] {
        var records: [Record] = []
        guard limit > 0 else { return records }
        try walk(after: seq) { view, _ in
            records.append(Record(seq: view.seq, body: Array(view.body)))
            return records.count < limit
        }
        return records
    }

    /// The chain head after a given record: the SHA-256 of its payload. A
    /// snapshot tagged with a seq and chain head belongs to this log only if
    /// this agrees.
    /// - Parameters:
    ///   - seq: a durable seq, or 0 (whose chain head is ``ChainHash/zero``).
    /// - Returns: the chain head after record `seq`.
    /// - Throws: ``EventLogError/Code/seqOutOfRange`` when the log does not hold
    ///   `seq`; ``EventLogError`` when reading fails.
    public func chainHead(at seq: UInt64) throws -> ChainHash {
        let position = self.position
        if seq == 0 { return .zero }
        if seq == position.seq { return position.chainHead }
        guard seq < position.seq else {
            throw EventLogError(.seqOutOfRange, "seq \(seq) is past the end of the log (last seq \(position.seq))", seq: seq)
        }
        var head: ChainHash?
        try walk(after: seq - 1) { view, _ in
            head = view.chainHead
            return false
        }
        guard let head else {
            throw EventLogError(.seqOutOfRange, "the log holds no record with seq \(seq)", seq: seq)
        }
        return head
    }

    /// The chain head after record `seq`, as ``chainHead(at:)`` gives it,
    /// read from the frame at `location` when that frame is whole and holds
    /// `seq`: one record read rather than the records before it in its
    /// segment. The record's place is then remembered, so that a read after
    /// `seq` (the replay after a snapshot) starts there too. A location that
    /// does not hold the record is passed over.
    ///
    /// - Parameters:
    ///   - seq: a durable seq, or 0.
    ///   - location: where record `seq` was (``location(of:)``), if known.
    /// - Returns: the chain head after record `seq`.
    /// - Throws: as ``chainHead(at:)``.
    public func chainHead(at seq: UInt64, location: RecordLocation?) throws -> ChainHash {
        if let location, location.seq == seq, seq > 0, seq <= lastSeq, let head = chainHead(reading: location) {
            return head
        }
        return try chainHead(at: seq)
    }

    /// Where record `seq` is, for ``chainHead(at:location:)`` to read it
    /// there later (a snapshot keeps its record's location).
    /// - Parameters:
    ///   - seq: a durable seq.
    /// - Returns: the record's segment and the offset of its frame.
    /// - Throws: ``EventLogError/Code/seqOutOfRange`` when the log does not
    ///   hold `seq`; ``EventLogError`` when reading fails.
    public func location(of seq: UInt64) throws -> RecordLocation {
        var found: RecordLocation?
        if seq > 0 {
            try walk(after: seq - 1) { _, location in
                found = location
                return false
            }
        }
        guard let found else {
            throw EventLogError(.seqOutOfRange, "the log holds no record with seq \(seq) (last seq \(lastSeq))", seq: seq)
        }
        return found
    }

    /// The chain head after the record at `location`, when a whole frame
    /// holding that seq is there; the index then remembers the place.
    private func chainHead(reading location: RecordLocation) -> ChainHash? {
        let view = shared.withLock { $0.view }
        guard let segmentIndex = view.segments.firstIndex(where: { $0.firstSeq == location.segmentFirstSeq }) else { return nil }
        let segment = view.segments[segmentIndex]
        guard location.seq >= segment.firstSeq, location.offset >= Int64(segment.headerLength),
              let file = try? SystemFile.open(directoryPath + "/" + segment.fileName, name: segment.fileName, flags: O_RDONLY)
        else { return nil }
        defer { file.close() }
        guard let limit = segmentIndex == view.segments.count - 1 ? view.lastSegmentEnd : try? file.size(),
              location.offset < limit else { return nil }
        // A record is a few hundred bytes; the reader grows for a larger one.
        let reader = SegmentFrameReader(file: file, start: location.offset, limit: limit, chunkBytes: 16 << 10)
        guard case .frame(_, let payload) = try? reader.next() else { return nil }
        let record = PayloadView(bytes: payload)
        guard record.kind == .event, record.seq == location.seq else { return nil }
        index.withLock {
            $0.insert(contentsOf: [SparseIndex.Entry(seq: location.seq, segmentFirstSeq: segment.firstSeq, offset: location.offset)])
        }
        return record.chainHead
    }

    /// Visits durable records after `seq` until `visit` returns false,
    /// with each record's location. Where the index has no entries for the
    /// stretch read (a sealed segment that opening did not read), it
    /// learns those of the records passed.
    func walk(after seq: UInt64, _ visit: (PayloadView, RecordLocation) throws -> Bool) throws {
        let view = shared.withLock { $0.view }
        let last = view.position.seq
        guard seq < last else { return }
        let wanted = seq + 1
        let known = index.withLock { $0 }
        // Start at the nearest indexed record at or before the first wanted one,
        // or else at the start of the segment holding it.
        var segmentIndex = view.segments.lastIndex { $0.firstSeq <= wanted } ?? 0
        var expected = view.segments[segmentIndex].firstSeq
        var startOffset = Int64(view.segments[segmentIndex].headerLength)
        if let entry = known.entry(atOrBefore: wanted), entry.segmentFirstSeq == view.segments[segmentIndex].firstSeq {
            expected = entry.seq
            startOffset = entry.offset
        }
        // The next entry the index has from where the walk starts: the
        // records it wants an entry for before that one have none.
        var nextKnown = known.firstIndex(atOrAfter: expected)
        var learned: [SparseIndex.Entry] = []
        defer {
            if !learned.isEmpty { index.withLock { $0.insert(contentsOf: learned) } }
        }
        while segmentIndex < view.segments.count {
            let segment = view.segments[segmentIndex]
            let isLast = segmentIndex == view.segments.count - 1
            let startsAtHeader = startOffset == Int64(segment.headerLength)
            guard !startsAtHeader || segment.firstSeq == expected else {
                throw EventLogError(
                    .seqGap, "segment \(segment.fileName) starts at seq \(segment.firstSeq) but seq \(expected) should come next",
                    segment: segment.fileName, offset: 0, seq: expected)
            }
            let file = try SystemFile.open(directoryPath + "/" + segment.fileName, name: segment.fileName, flags: O_RDONLY)
            defer { file.close() }
            file.adviseSequential()
            let limit = isLast ? view.lastSegmentEnd : try file.size()
            let reader = SegmentFrameReader(file: file, start: startOffset, limit: limit)
            records: while true {
                switch try reader.next() {
                case .end:
                    break records
                case .bad(let offset, let reason):
                    throw EventLogError(
                        .corruptRecord, "segment \(segment.fileName) is damaged at offset \(offset), where seq \(expected) should be: \(reason)",
                        segment: segment.fileName, offset: offset, seq: expected)
                case .frame(let offset, let payload):
                    let record = PayloadView(bytes: payload)
                    if record.kind == .seal { break records }
                    guard record.kind == .event, record.seq == expected else {
                        throw EventLogError(
                            .seqGap, "record at offset \(offset) of segment \(segment.fileName) has seq \(record.seq) (\(record.kind)) where seq \(expected) should be",
                            segment: segment.fileName, offset: offset, seq: expected)
                    }
                    if SparseIndex.wantsEntry(forSeq: record.seq) {
                        while nextKnown < known.entries.count, known.entries[nextKnown].seq < record.seq { nextKnown += 1 }
                        if nextKnown == known.entries.count || known.entries[nextKnown].seq != record.seq {
                            learned.append(.init(seq: record.seq, segmentFirstSeq: segment.firstSeq, offset: offset))
                        }
                    }
                    let location = RecordLocation(seq: record.seq, segmentFirstSeq: segment.firstSeq, offset: offset)
                    if record.seq >= wanted, try !visit(record, location) { return }
                    if record.seq == last { return }
                    expected += 1
                }
            }
            segmentIndex += 1
            if segmentIndex < view.segments.count {
                startOffset = Int64(view.segments[segmentIndex].headerLength)
            }
        }
        throw EventLogError(
            .seqGap, "the segments end at seq \(expected - 1) but the log's last seq is \(last); a segment was cut short while the log was open",
            seq: expected)
    }
}

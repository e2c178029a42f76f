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
        try walk(after: seq) { view in
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
        try walk(after: seq) { view in
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
        try walk(after: seq) { view in
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
        try walk(after: seq - 1) { view in
            head = view.chainHead
            return false
        }
        guard let head else {
            throw EventLogError(.seqOutOfRange, "the log holds no record with seq \(seq)", seq: seq)
        }
        return head
    }

    /// Visits durable records after `seq` until `visit` returns false.
    func walk(after seq: UInt64, _ visit: (PayloadView) throws -> Bool) throws {
        let view = shared.withLock { $0.view }
        let last = view.position.seq
        guard seq < last else { return }
        let wanted = seq + 1
        // Start at the nearest indexed record at or before the first wanted one,
        // or else at the start of the segment holding it.
        var segmentIndex = view.segments.lastIndex { $0.firstSeq <= wanted } ?? 0
        var expected = view.segments[segmentIndex].firstSeq
        var startOffset = Int64(view.segments[segmentIndex].headerLength)
        if let entry = index.withLock({ $0.entry(atOrBefore: wanted) }),
            entry.segmentFirstSeq == view.segments[segmentIndex].firstSeq
        {
            expected = entry.seq
            startOffset = entry.offset
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
                    if record.seq >= wanted, try !visit(record) { return }
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

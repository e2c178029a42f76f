import Glibc

/// The check of one segment on its own, starting from what its header says
/// (first seq, chain head in). Whether the header agrees with the segment
/// before it is for ``LogScan`` to decide, which is what lets segments be
/// checked in parallel.
///
/// The rules, in the order a record meets them: framing and CRC, kind, seq one
/// more than the previous, the previous chain head carried, a seal agreeing
/// with what it closes and ending the segment. Damage in the last segment
/// after which no whole record follows is a torn tail; anything else is a
/// fault. The last segment may end in zeros (space preallocated for its
/// next records): they end it as the end of the file would.
struct SegmentScan: Sendable {
    let name: String
    let isLast: Bool

    /// The header, when it could be read.
    private(set) var header: SegmentHeader?
    /// The segment up to its last whole batch; `nil` after a fault.
    private(set) var segment: ScannedSegment?
    /// The first fault found; the rest of the segment is not checked.
    private(set) var fault: EventLogError?
    /// The torn tail of the last segment.
    private(set) var tornTail: TornTail?
    /// The seq after the segment's last whole batch, and the chain head before it.
    private(set) var nextSeq: UInt64 = 0
    private(set) var chainHead = ChainHash.zero
    /// Where every ``SparseIndex/stride``-th record starts (entries past a
    /// cut torn tail included; callers filter).
    private(set) var indexEntries: [SparseIndex.Entry] = []

    /// Checks a segment.
    /// - Parameters:
    ///   - everyRecord: check each record; when false (only for a segment
    ///     before the last) trust its records after checking header and seal.
    ///   - end: for the last segment of a log being written, where its
    ///     durable records ended when the check began: records appended
    ///     since are not checked. Nil checks the whole file.
    init(directory: String, name: String, isLast: Bool, everyRecord: Bool, end: Int64? = nil) {
        self.name = name
        self.isLast = isLast
        do {
            try scan(path: directory + "/" + name, everyRecord: everyRecord, end: end)
        } catch let error as EventLogError {
            fail(error)
        } catch {
            fail(EventLogError(.io, "reading segment \(name) failed: \(error)", segment: name))
        }
    }

    private mutating func fail(_ error: EventLogError) {
        fault = error
        segment = nil
    }

    private mutating func scan(path: String, everyRecord: Bool, end: Int64?) throws {
        let file = try SystemFile.open(path, name: name, flags: O_RDONLY)
        defer { file.close() }
        file.adviseSequential()
        let size = min(try file.size(), end ?? .max)
        let headerBytes = try file.read(count: Int(min(size, 4096)), at: 0)
        let header = try headerBytes.withUnsafeBytes { try SegmentHeader(decoding: $0, segment: name) }
        self.header = header
        let nameSeq = LogFormat.firstSeq(ofSegmentFileName: name)
        guard header.firstSeq == nameSeq else {
            throw EventLogError(
                .badHeader,
                "segment \(name): its header says it starts at seq \(header.firstSeq) but its name says \(nameSeq.map(String.init) ?? "?"); was it renamed?",
                segment: name, offset: 0, seq: header.firstSeq)
        }
        nextSeq = header.firstSeq
        chainHead = header.chainHeadIn
        var segment = ScannedSegment(
            fileName: name, firstSeq: header.firstSeq, headerLength: header.headerLength,
            recordCount: 0, end: Int64(header.headerLength), sealed: false)
        if !isLast && !everyRecord {
            try checkSealOnly(file: file, size: size, segment: &segment)
        } else {
            // Read without a committed end, the last segment may be sealed
            // and cut to its seal by the writer while it is read.
            try checkEveryRecord(file: file, size: size, mayShrink: isLast && end == nil, segment: &segment)
        }
        self.segment = segment
    }

    /// Trusts a sealed segment's records after checking its header and seal:
    /// a faster open for a long log, with full checks left to reads and to verify.
    private mutating func checkSealOnly(file: SystemFile, size: Int64, segment: inout ScannedSegment) throws {
        let name = self.name
        let firstSeq = segment.firstSeq
        func unsealed(_ detail: String) -> EventLogError {
            EventLogError(
                .badSeal, "segment \(name) is followed by another segment but does not end with a valid seal: \(detail)",
                segment: name, offset: size, seq: firstSeq)
        }
        guard size >= segment.end + Int64(LogFormat.minimumFrameLength) else {
            throw unsealed("it holds \(size) bytes, too few for a seal")
        }
        let lengthBytes = try file.read(count: 4, at: size - 4)
        let length = lengthBytes.withUnsafeBytes { Int64($0.baseAddress!.loadLittleEndian(at: 0, as: UInt32.self)) }
        let start = size - length - Int64(LogFormat.frameOverhead)
        guard length >= LogFormat.payloadHeaderLength, start >= segment.end else {
            throw unsealed("its last bytes do not end a record")
        }
        let frame = try file.read(count: Int(size - start), at: start)
        let seal: SegmentSeal = try frame.withUnsafeBytes { raw in
            guard RecordFrame.isWholeValidFrame(at: raw.baseAddress!, available: raw.count) else {
                throw unsealed("its last record is damaged")
            }
            let view = PayloadView(bytes: RecordFrame.payload(raw.baseAddress!, length: Int(length)))
            guard view.kind == .seal, let seal = SegmentSeal(body: view.body),
                seal.firstSeq == firstSeq, seal.lastSeq >= seal.firstSeq,
                seal.recordCount == seal.lastSeq - seal.firstSeq + 1,
                view.seq == seal.lastSeq, view.previous == seal.chainHead
            else {
                throw unsealed("its last record is not a seal that agrees with the segment's header")
            }
            return seal
        }
        nextSeq = seal.lastSeq + 1
        chainHead = seal.chainHead
        segment.recordCount = seal.recordCount
        segment.end = size
        segment.sealed = true
    }

    private mutating func checkEveryRecord(
        file: SystemFile, size: Int64, mayShrink: Bool, segment: inout ScannedSegment
    ) throws {
        let name = self.name
        var reader = SegmentFrameReader(file: file, start: segment.end, limit: size, mayShrink: mayShrink)
        // The state after the last whole batch: a torn tail is cut back to it.
        var committedEnd = segment.end
        var committedSeq = nextSeq
        var committedHead = chainHead
        var committedRecords: UInt64 = 0
        var batchOpen = false
        var damage: (offset: Int64, reason: String)?

        scan: while true {
            switch try reader.next() {
            case .end:
                break scan
            case .bad(let offset, let reason):
                // The last segment is preallocated: zeros from here to its
                // end are space not written yet, not damage.
                if isLast, try file.endOfContent(in: offset..<size) == offset { break scan }
                // Or a writer appended here since the frame was read (the
                // daemon runs while timelined verify reads): read on.
                if isLast, case .frame = try SegmentFrameReader(file: file, start: offset, limit: size, mayShrink: mayShrink).next() {
                    reader = SegmentFrameReader(file: file, start: offset, limit: size, mayShrink: mayShrink)
                    continue scan
                }
                damage = (offset, reason)
                break scan
            case .frame(let offset, let payload):
                let view = PayloadView(bytes: payload)
                if segment.sealed {
                    throw EventLogError(
                        .badSeal, "segment \(name) has a record at offset \(offset) after its seal; a sealed segment is never written again",
                        segment: name, offset: offset, seq: view.seq)
                }
                switch view.kind {
                case .event:
                    guard view.seq == nextSeq else {
                        throw EventLogError(
                            .seqGap, "record at offset \(offset) of segment \(name) has seq \(view.seq) where seq \(nextSeq) should follow",
                            segment: name, offset: offset, seq: nextSeq)
                    }
                    guard view.previous == chainHead else {
                        throw EventLogError(
                            .brokenChain,
                            "record seq \(view.seq) at offset \(offset) of segment \(name) carries chain head \(view.previous) but the record before it hashes to \(chainHead); a record was changed",
                            segment: name, offset: offset, seq: view.seq)
                    }
                    if SparseIndex.wantsEntry(forSeq: view.seq) {
                        indexEntries.append(.init(seq: view.seq, segmentFirstSeq: segment.firstSeq, offset: offset))
                    }
                    chainHead = view.chainHead
                    nextSeq += 1
                    segment.recordCount += 1
                    batchOpen = view.batchContinues
                    if !batchOpen {
                        committedEnd = reader.offset
                        committedSeq = nextSeq
                        committedHead = chainHead
                        committedRecords = segment.recordCount
                    }
                case .seal:
                    if let fault = sealFault(view, offset: offset, segment: segment, batchOpen: batchOpen) {
                        throw fault
                    }
                    segment.sealed = true
                    committedEnd = reader.offset
                default:
                    throw EventLogError(
                        .corruptRecord, "record at offset \(offset) of segment \(name) has \(view.kind), which format version 1 does not define",
                        segment: name, offset: offset, seq: nextSeq)
                }
            }
        }

        if let damage {
            // A record that follows ends at most three bytes past the last one
            // that is not zero: its closing length's high bytes may be zeros.
            let recordsFollow = try isLast && hasWholeFrame(
                in: file, after: damage.offset, size: min(size, file.endOfContent(in: damage.offset..<size) + 3))
            if !isLast || recordsFollow {
                let why = isLast
                    ? "whole records follow the damage, so it is not a write cut short by a crash"
                    : "a segment that another segment follows is never left incomplete by a crash"
                throw EventLogError(
                    .corruptRecord,
                    "segment \(name) is damaged at offset \(damage.offset), where seq \(nextSeq) should be: \(damage.reason); \(why). Restore the segment from a backup; timelined verify lists every fault",
                    segment: name, offset: damage.offset, seq: nextSeq)
            }
        }
        if isLast, damage != nil || batchOpen {
            let reason = damage.map { "damaged or incomplete record at offset \($0.offset): \($0.reason)" }
                ?? "the last batch ends without its final record"
            let contentEnd = try file.endOfContent(in: committedEnd..<size)
            tornTail = TornTail(
                segment: name, offset: committedEnd, byteCount: contentEnd - committedEnd,
                droppedRecords: Int(segment.recordCount - committedRecords), reason: reason)
            nextSeq = committedSeq
            chainHead = committedHead
            segment.recordCount = committedRecords
            segment.end = committedEnd
        } else {
            segment.end = reader.offset
        }
        if !isLast && !segment.sealed {
            throw EventLogError(
                .badSeal,
                "segment \(name) is not sealed although another segment follows it; records at its end may be missing",
                segment: name, offset: segment.end, seq: nextSeq)
        }
    }

    private func sealFault(_ view: PayloadView, offset: Int64, segment: ScannedSegment, batchOpen: Bool) -> EventLogError? {
        let name = self.name
        let lastSeq = nextSeq - 1
        func fault(_ detail: String) -> EventLogError {
            EventLogError(.badSeal, "the seal at offset \(offset) of segment \(name) \(detail)", segment: name, offset: offset, seq: nextSeq)
        }
        guard let seal = SegmentSeal(body: view.body), !view.batchContinues else {
            return fault("is malformed")
        }
        if batchOpen { return fault("closes a batch whose final record is missing") }
        if segment.recordCount == 0 { return fault("seals a segment with no records") }
        if seal.recordCount != segment.recordCount {
            return fault("counts \(seal.recordCount) records but the segment holds \(segment.recordCount)")
        }
        if seal.firstSeq != segment.firstSeq || seal.lastSeq != lastSeq || view.seq != lastSeq {
            return fault("covers seq \(seal.firstSeq)...\(seal.lastSeq) but the segment holds \(segment.firstSeq)...\(lastSeq)")
        }
        if seal.chainHead != chainHead || view.previous != chainHead {
            return fault("states chain head \(seal.chainHead) but the records hash to \(chainHead)")
        }
        return nil
    }

    /// Whether a whole record with a correct CRC starts anywhere after the
    /// damage: if one does, the damage is in the middle of the log (a torn
    /// write only ever leaves an incomplete end).
    private func hasWholeFrame(in file: SystemFile, after offset: Int64, size: Int64) throws -> Bool {
        let start = offset + 1
        guard size - start >= Int64(LogFormat.minimumFrameLength) else { return false }
        let rest = try file.read(count: Int(size - start), at: start)
        return rest.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            for position in 0...(raw.count - LogFormat.minimumFrameLength)
            where RecordFrame.isWholeValidFrame(at: base + position, available: raw.count - position) {
                return true
            }
            return false
        }
    }
}

import Glibc

/// What a scan learned about one segment.
struct ScannedSegment: Sendable, Hashable {
    var fileName: String
    var firstSeq: UInt64
    var headerLength: Int
    /// Event records up to ``end``.
    var recordCount: UInt64
    /// The offset after the last whole batch (or after the seal): where the
    /// segment ends once a torn tail is cut.
    var end: Int64
    var sealed: Bool
}

/// One walk over a log's segments, shared by recovery at open (which stops at
/// the first fault) and by ``EventLog/verify(directory:)`` (which lists them all).
///
/// The rules, in the order a record meets them: framing and CRC, kind, seq one
/// more than the previous, the previous chain head carried, seals agreeing
/// with what they close, and every segment but the last sealed. A fault in the
/// last segment after which no whole record follows is a torn tail, anything
/// else is corruption.
struct LogScan {
    enum Mode {
        /// Throw the first fault. With `fullCheck` false, a sealed segment
        /// before the last is trusted after checking its header and seal.
        case recover(fullCheck: Bool)
        /// Collect every fault.
        case verify
    }

    let directory: String
    let mode: Mode

    private(set) var segments: [ScannedSegment] = []
    private(set) var faults: [EventLogError] = []
    private(set) var tornTail: TornTail?
    private(set) var records: UInt64 = 0
    /// Where every ``SparseIndex/stride``-th record of the fully checked
    /// segments starts (entries past a cut torn tail included; callers filter).
    private(set) var indexEntries: [SparseIndex.Entry] = []
    /// The next seq expected, and the chain head before it.
    private(set) var expectedSeq: UInt64 = 1
    private(set) var chainHead = ChainHash.zero
    /// After a fault (in verify mode) the next segment's header is taken as
    /// the new starting point instead of being compared with what came before.
    private var resynchronizing = false

    var lastSeq: UInt64 { expectedSeq - 1 }

    /// The log's segment file names in seq order; other files are ignored.
    static func segmentFileNames(in directory: String) throws -> [String] {
        try FileSystem.list(directory)
            .compactMap { name in LogFormat.firstSeq(ofSegmentFileName: name).map { (name, $0) } }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }

    init(directory: String, mode: Mode) {
        self.directory = directory
        self.mode = mode
    }

    /// Scans the segments in order.
    /// - Throws: in recover mode, the first fault; in both modes, I/O errors.
    mutating func run(segmentFileNames names: [String]) throws {
        for (index, name) in names.enumerated() {
            try scanSegment(name, isLast: index == names.count - 1)
        }
    }

    private mutating func report(_ fault: EventLogError) throws {
        if case .recover = mode { throw fault }
        faults.append(fault)
        resynchronizing = true
    }

    private var checksEveryRecord: Bool {
        switch mode {
        case .recover(let fullCheck): fullCheck
        case .verify: true
        }
    }

    private mutating func scanSegment(_ name: String, isLast: Bool) throws {
        let file = try SystemFile.open(directory + "/" + name, name: name, flags: O_RDONLY)
        defer { file.close() }
        file.adviseSequential()
        let size = try file.size()
        let header: SegmentHeader
        do {
            let headerBytes = try file.read(count: Int(min(size, 4096)), at: 0)
            header = try headerBytes.withUnsafeBytes { try SegmentHeader(decoding: $0, segment: name) }
        } catch let error as EventLogError where error.code != .io {
            try report(error)
            return
        }
        let nameSeq = LogFormat.firstSeq(ofSegmentFileName: name)
        guard header.firstSeq == nameSeq else {
            try report(EventLogError(
                .badHeader,
                "segment \(name): its header says it starts at seq \(header.firstSeq) but its name says \(nameSeq.map(String.init) ?? "?"); was it renamed?",
                segment: name, offset: 0, seq: header.firstSeq))
            return
        }
        if resynchronizing {
            expectedSeq = header.firstSeq
            chainHead = header.chainHeadIn
            resynchronizing = false
        } else if header.firstSeq != expectedSeq {
            let previous = segments.last?.fileName ?? "the start of the log"
            try report(EventLogError(
                .seqGap,
                segments.isEmpty
                    ? "segment \(name) starts at seq \(header.firstSeq) but the log starts at seq 1; are earlier segments missing?"
                    : "segment \(name) starts at seq \(header.firstSeq) but \(previous) ends at seq \(expectedSeq - 1); records or segments are missing",
                segment: name, offset: 0, seq: expectedSeq))
            return
        } else if header.chainHeadIn != chainHead {
            try report(EventLogError(
                .brokenChain,
                "segment \(name) carries chain head \(header.chainHeadIn) in its header but the records before it end at \(chainHead); a segment was replaced or edited",
                segment: name, offset: 0, seq: header.firstSeq))
            return
        }
        var segment = ScannedSegment(
            fileName: name, firstSeq: header.firstSeq, headerLength: header.headerLength,
            recordCount: 0, end: Int64(header.headerLength), sealed: false)
        if !isLast && !checksEveryRecord {
            try checkSealOnly(file: file, size: size, header: header, segment: &segment)
        } else {
            try checkEveryRecord(file: file, size: size, isLast: isLast, segment: &segment)
        }
    }

    /// Trusts a sealed segment's records after checking its header and seal:
    /// a faster open for a long log, with full checks left to reads and to verify.
    private mutating func checkSealOnly(file: SystemFile, size: Int64, header: SegmentHeader, segment: inout ScannedSegment) throws {
        let name = segment.fileName
        func unsealed(_ detail: String) -> EventLogError {
            EventLogError(
                .badSeal, "segment \(name) is followed by another segment but does not end with a valid seal: \(detail)",
                segment: name, offset: size, seq: header.firstSeq)
        }
        guard size >= Int64(header.headerLength + LogFormat.minimumFrameLength) else {
            return try report(unsealed("it holds \(size) bytes, too few for a seal"))
        }
        let lengthBytes = try file.read(count: 4, at: size - 4)
        let length = lengthBytes.withUnsafeBytes { Int64($0.baseAddress!.loadLittleEndian(at: 0, as: UInt32.self)) }
        let start = size - length - Int64(LogFormat.frameOverhead)
        guard length >= LogFormat.payloadHeaderLength, start >= Int64(header.headerLength) else {
            return try report(unsealed("its last bytes do not end a record"))
        }
        let frame = try file.read(count: Int(size - start), at: start)
        try frame.withUnsafeBytes { raw in
            guard RecordFrame.isWholeValidFrame(at: raw.baseAddress!, available: raw.count) else {
                return try report(unsealed("its last record is damaged"))
            }
            let view = PayloadView(bytes: RecordFrame.payload(raw.baseAddress!, length: Int(length)))
            guard view.kind == .seal, let seal = SegmentSeal(body: view.body),
                seal.firstSeq == header.firstSeq, seal.lastSeq >= seal.firstSeq,
                seal.recordCount == seal.lastSeq - seal.firstSeq + 1,
                view.seq == seal.lastSeq, view.previous == seal.chainHead
            else {
                return try report(unsealed("its last record is not a seal that agrees with the segment's header"))
            }
            expectedSeq = seal.lastSeq + 1
            chainHead = seal.chainHead
            records += seal.recordCount
            segment.recordCount = seal.recordCount
            segment.end = size
            segment.sealed = true
            segments.append(segment)
        }
    }

    private mutating func checkEveryRecord(file: SystemFile, size: Int64, isLast: Bool, segment: inout ScannedSegment) throws {
        let name = segment.fileName
        let reader = SegmentFrameReader(file: file, start: segment.end, limit: size)
        // The state after the last whole batch: a torn tail is cut back to it.
        var committedEnd = segment.end
        var committedSeq = expectedSeq
        var committedHead = chainHead
        var committedRecords: UInt64 = 0
        var batchOpen = false
        var damage: (offset: Int64, reason: String)?

        scan: while true {
            switch try reader.next() {
            case .end:
                break scan
            case .bad(let offset, let reason):
                damage = (offset, reason)
                break scan
            case .frame(let offset, let payload):
                let view = PayloadView(bytes: payload)
                if segment.sealed {
                    return try report(EventLogError(
                        .badSeal, "segment \(name) has a record at offset \(offset) after its seal; a sealed segment is never written again",
                        segment: name, offset: offset, seq: view.seq))
                }
                switch view.kind {
                case .event:
                    guard view.seq == expectedSeq else {
                        return try report(EventLogError(
                            .seqGap, "record at offset \(offset) of segment \(name) has seq \(view.seq) where seq \(expectedSeq) should follow",
                            segment: name, offset: offset, seq: expectedSeq))
                    }
                    guard view.previous == chainHead else {
                        return try report(EventLogError(
                            .brokenChain,
                            "record seq \(view.seq) at offset \(offset) of segment \(name) carries chain head \(view.previous) but the record before it hashes to \(chainHead); a record was changed",
                            segment: name, offset: offset, seq: view.seq))
                    }
                    if SparseIndex.wantsEntry(forSeq: view.seq) {
                        indexEntries.append(.init(seq: view.seq, segmentFirstSeq: segment.firstSeq, offset: offset))
                    }
                    chainHead = view.chainHead
                    expectedSeq += 1
                    segment.recordCount += 1
                    batchOpen = view.batchContinues
                    if !batchOpen {
                        committedEnd = reader.offset
                        committedSeq = expectedSeq
                        committedHead = chainHead
                        committedRecords = segment.recordCount
                    }
                case .seal:
                    if let fault = sealFault(view, offset: offset, segment: segment, batchOpen: batchOpen) {
                        return try report(fault)
                    }
                    segment.sealed = true
                    committedEnd = reader.offset
                default:
                    return try report(EventLogError(
                        .corruptRecord, "record at offset \(offset) of segment \(name) has \(view.kind), which format version 1 does not define",
                        segment: name, offset: offset, seq: expectedSeq))
                }
            }
        }

        if let damage {
            let recordsFollow = try isLast && hasWholeFrame(in: file, after: damage.offset, size: size)
            if !isLast || recordsFollow {
                let why = isLast
                    ? "whole records follow the damage, so it is not a write cut short by a crash"
                    : "a segment that another segment follows is never left incomplete by a crash"
                return try report(EventLogError(
                    .corruptRecord,
                    "segment \(name) is damaged at offset \(damage.offset), where seq \(expectedSeq) should be: \(damage.reason); \(why). Restore the segment from a backup, or run timelinectl verify for every fault",
                    segment: name, offset: damage.offset, seq: expectedSeq))
            }
        }
        if isLast, damage != nil || batchOpen {
            let dropped = Int(segment.recordCount - committedRecords)
            let reason = damage.map { "damaged or incomplete record at offset \($0.offset): \($0.reason)" }
                ?? "the last batch ends without its final record"
            tornTail = TornTail(
                segment: name, offset: committedEnd, byteCount: size - committedEnd,
                droppedRecords: dropped, reason: reason)
            expectedSeq = committedSeq
            chainHead = committedHead
            segment.recordCount = committedRecords
            segment.end = committedEnd
        } else {
            segment.end = reader.offset
        }
        if !isLast && !segment.sealed {
            return try report(EventLogError(
                .badSeal,
                "segment \(name) is not sealed although another segment follows it; records at its end may be missing",
                segment: name, offset: segment.end, seq: expectedSeq))
        }
        records += segment.recordCount
        segments.append(segment)
    }

    private func sealFault(_ view: PayloadView, offset: Int64, segment: ScannedSegment, batchOpen: Bool) -> EventLogError? {
        let name = segment.fileName
        func fault(_ detail: String) -> EventLogError {
            EventLogError(.badSeal, "the seal at offset \(offset) of segment \(name) \(detail)", segment: name, offset: offset, seq: expectedSeq - 1)
        }
        guard let seal = SegmentSeal(body: view.body), !view.batchContinues else {
            return fault("is malformed")
        }
        if batchOpen { return fault("closes a batch whose final record is missing") }
        if segment.recordCount == 0 { return fault("seals a segment with no records") }
        if seal.recordCount != segment.recordCount {
            return fault("counts \(seal.recordCount) records but the segment holds \(segment.recordCount)")
        }
        if seal.firstSeq != segment.firstSeq || seal.lastSeq != expectedSeq - 1 || view.seq != expectedSeq - 1 {
            return fault("covers seq \(seal.firstSeq)...\(seal.lastSeq) but the segment holds \(segment.firstSeq)...\(expectedSeq - 1)")
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

import DurableFiles
import Dispatch
import Synchronization

/// One walk over a log's segments, shared by recovery at open (which stops at
/// the first fault) and by ``EventLog/verify(directory:)`` (which lists them all).
///
/// Segments are checked in parallel, each from its own header
/// (``SegmentScan``); then, in order, each header is checked against the
/// segment before it: its first seq one past that segment's last, its chain
/// head in equal to that segment's chain head. Together that is the whole
/// chain, checked once, with both cores at work on a long log.
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
    private(set) var indexEntries: [SparseIndex.Entry] = []
    /// The next seq expected, and the chain head before it.
    private(set) var expectedSeq: UInt64 = 1
    private(set) var chainHead = ChainHash.zero

    var lastSeq: UInt64 { expectedSeq - 1 }

    /// The log's segment file names in seq order; other files are ignored.
    static func segmentFileNames(in directory: String) throws -> [String] {
        try fileStep(directory) { try FileSystem.list(directory) }
            .compactMap { name in LogFormat.firstSeq(ofSegmentFileName: name).map { (name, $0) } }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }

    init(directory: String, mode: Mode) {
        self.directory = directory
        self.mode = mode
    }

    /// Scans the segments and links them.
    /// - Throws: in recover mode, the first fault in log order.
    mutating func run(segmentFileNames names: [String], lastSegmentEnd: Int64? = nil) throws {
        let everyRecord: Bool
        switch mode {
        case .recover(let fullCheck): everyRecord = fullCheck
        case .verify: everyRecord = true
        }
        let scans = Self.scanInParallel(directory: directory, names: names, everyRecord: everyRecord, lastSegmentEnd: lastSegmentEnd)

        // After a fault (in verify mode) the next segment's header is taken as
        // the new starting point instead of being compared with what came before.
        var resynchronizing = false
        for scan in scans {
            if let header = scan.header, !resynchronizing {
                if let fault = linkFault(header, segment: scan.name) {
                    try report(fault)
                }
            }
            if let fault = scan.fault {
                try report(fault)
                resynchronizing = true
                continue
            }
            guard let segment = scan.segment else { continue }
            resynchronizing = false
            segments.append(segment)
            records += segment.recordCount
            indexEntries += scan.indexEntries
            expectedSeq = scan.nextSeq
            chainHead = scan.chainHead
            tornTail = scan.tornTail
        }
    }

    private static func scanInParallel(
        directory: String, names: [String], everyRecord: Bool, lastSegmentEnd: Int64?
    ) -> [SegmentScan] {
        let results = Mutex<[SegmentScan?]>(Array(repeating: nil, count: names.count))
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let isLast = index == names.count - 1
            let scan = SegmentScan(
                directory: directory, name: names[index], isLast: isLast, everyRecord: everyRecord,
                end: isLast ? lastSegmentEnd : nil)
            results.withLock { $0[index] = scan }
        }
        return results.withLock { $0.map { $0! } }
    }

    private func linkFault(_ header: SegmentHeader, segment name: String) -> EventLogError? {
        if header.firstSeq != expectedSeq {
            let previous = segments.last?.fileName
            return EventLogError(
                .seqGap,
                previous.map { "segment \(name) starts at seq \(header.firstSeq) but \($0) ends at seq \(expectedSeq - 1); records or segments are missing" }
                    ?? "segment \(name) starts at seq \(header.firstSeq) but the log starts at seq 1; are earlier segments missing?",
                segment: name, offset: 0, seq: expectedSeq)
        }
        if header.chainHeadIn != chainHead {
            return EventLogError(
                .brokenChain,
                "segment \(name) carries chain head \(header.chainHeadIn) in its header but the records before it end at \(chainHead); a segment was replaced or edited",
                segment: name, offset: 0, seq: header.firstSeq)
        }
        return nil
    }

    private mutating func report(_ fault: EventLogError) throws {
        if case .recover = mode { throw fault }
        faults.append(fault)
    }
}

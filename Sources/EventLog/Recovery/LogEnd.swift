/// Where a log ends once its torn tail, if any, is cut: the seq of its last
/// whole batch, and the segment and offset where that batch ends. What
/// ``EventLog/open(directory:options:)`` compares with
/// ``EventLog/Options/knownSeq`` before it cuts anything, and what
/// ``EventLog/cutTail(directory:_:)`` shows before it cuts.
public struct LogEnd: Sendable, Hashable {
    /// The seq of the last whole record (0 for a log with none).
    public let seq: UInt64
    /// The segment the log ends in; nil when the directory holds no segment.
    public let segment: String?
    /// Where the segment's last whole batch (or its seal) ends: where a torn
    /// tail is cut.
    public let offset: Int64?
    /// The bytes after ``offset`` that hold no whole batch, if any.
    public let tornTail: TornTail?
    /// The whole records after the cut that can still be read: the start of
    /// the batch the torn tail cut short, in seq order. Read by
    /// ``EventLog/cutTail(directory:_:)`` only; opening leaves it empty.
    public let readableRecords: [EventLog.Record]

    /// Describes the end of a log.
    /// - Parameters:
    ///   - seq: the seq of the last whole record.
    ///   - segment: the segment it ends in.
    ///   - offset: where its last whole batch ends.
    ///   - tornTail: what follows, if it is a torn tail.
    ///   - readableRecords: whole records after the cut.
    public init(seq: UInt64, segment: String?, offset: Int64?, tornTail: TornTail?, readableRecords: [EventLog.Record] = []) {
        self.seq = seq
        self.segment = segment
        self.offset = offset
        self.tornTail = tornTail
        self.readableRecords = readableRecords
    }

    /// How far the log falls short of a seq it is known to have reached.
    /// - Parameters:
    ///   - known: the seq it reached and what shows it.
    /// - Returns: the shortfall, or nil when the log reaches `known` (or
    ///   `known` is nil).
    public func shortfall(of known: EventLog.KnownSeq?) -> LogShortfall? {
        guard let known, known.seq > seq else { return nil }
        return LogShortfall(end: self, known: known)
    }

    /// Where the log ends, for a person: "00000000000000004120.seg at
    /// offset 64", or "no segment".
    public var place: String {
        guard let segment else { return "no segment" }
        return offset.map { "\(segment) at offset \($0)" } ?? segment
    }
}

/// A log that ends, or would end once its torn tail is cut, before a seq it
/// is known to have reached: acknowledged records are missing. Opening the
/// log refuses with ``error``; `timelined recover --accept-loss` cuts it
/// knowingly.
public struct LogShortfall: Sendable, Hashable {
    /// Where the log ends (or would end).
    public let end: LogEnd
    /// The seq it reached, and what shows it.
    public let known: EventLog.KnownSeq

    /// How many records are missing.
    public var lostRecords: UInt64 { known.seq - end.seq }

    /// The seqs missing.
    public var lostSeqs: ClosedRange<UInt64> { (end.seq + 1)...known.seq }

    /// What is wrong, with the figures, in one sentence: where the log ends,
    /// the seq known reached and what shows it, and how many records that
    /// leaves out.
    public var summary: String {
        let loss = "\(lostRecords) acknowledged record\(lostRecords == 1 ? "" : "s") (seq \(lostSeqs.lowerBound)...\(lostSeqs.upperBound))"
        let reached = "\(known.evidence) shows it reached seq \(known.seq)"
        if let torn = end.tornTail {
            return "cutting the torn tail of \(end.place) (\(torn.reason)) would end the log at seq \(end.seq), but \(reached): \(loss) would be lost"
        }
        if end.segment == nil {
            return "the log holds no segment, but \(reached): \(loss) are missing"
        }
        return "the log ends at seq \(end.seq) (\(end.place)), but \(reached): \(loss) are missing"
    }

    /// The refusal: ``EventLogError/Code/dataLoss`` with the summary, that
    /// nothing was changed, and what to do; at the segment and offset where
    /// the log ends and the first seq missing.
    public var error: EventLogError {
        EventLogError(
            .dataLoss,
            "\(summary). Nothing was changed. `timelined verify` shows the log's end; restore the damaged "
                + "segment from a backup, or run `timelined recover` to see what would be lost and "
                + "`timelined recover --accept-loss` to cut the log there and set aside the snapshots past its end",
            segment: end.segment, offset: end.offset, seq: lostSeqs.lowerBound)
    }
}

extension LogEnd {
    /// Where a scan found the log to end: after its torn tail is cut, the
    /// last segment's last whole batch.
    init(_ scan: LogScan, readableRecords: [EventLog.Record] = []) {
        let last = scan.segments.last
        self.init(
            seq: scan.lastSeq, segment: scan.tornTail?.segment ?? last?.fileName,
            offset: scan.tornTail?.offset ?? last?.end, tornTail: scan.tornTail, readableRecords: readableRecords)
    }
}

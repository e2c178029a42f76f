/// What ``EventLog/verify(directory:)`` found walking every record of a log.
public struct VerifyReport: Sendable, Hashable {
    /// Segment files examined.
    public let segments: Int
    /// Segments that end with a correct seal.
    public let sealedSegments: Int
    /// Event records that passed every check.
    public let records: UInt64
    /// The last seq of the checked records (0 when there are none).
    public let lastSeq: UInt64
    /// The chain head after the last checked record.
    public let chainHead: ChainHash
    /// Corruption found: each names its segment, byte offset and seq. After a
    /// fault the rest of that segment is not checked; the next segment is
    /// checked from its own header.
    public let faults: [EventLogError]
    /// Bytes at the end of the last segment holding no whole batch: what a
    /// crash leaves, reported apart from corruption because opening the log
    /// cuts it safely.
    public let tornTail: TornTail?

    /// Describes a verification.
    /// - Parameters:
    ///   - segments: segment files examined.
    ///   - sealedSegments: segments with a correct seal.
    ///   - records: event records that passed.
    ///   - lastSeq: the last checked seq.
    ///   - chainHead: the chain head after it.
    ///   - faults: corruption found.
    ///   - tornTail: a torn tail found.
    public init(
        segments: Int, sealedSegments: Int, records: UInt64, lastSeq: UInt64,
        chainHead: ChainHash, faults: [EventLogError], tornTail: TornTail?
    ) {
        self.segments = segments
        self.sealedSegments = sealedSegments
        self.records = records
        self.lastSeq = lastSeq
        self.chainHead = chainHead
        self.faults = faults
        self.tornTail = tornTail
    }

    /// No corruption (a torn tail may remain: opening the log cuts it).
    public var isIntact: Bool { faults.isEmpty }

    /// No corruption and no torn tail: the log is exactly as its last append left it.
    public var isClean: Bool { faults.isEmpty && tornTail == nil }
}

/// What ``EventLog/open(directory:options:)`` found and repaired.
public struct RecoveryReport: Sendable, Hashable {
    /// The torn tail that was cut from the last segment, if there was one.
    public let tornTail: TornTail?
    /// Leftover files of a segment creation that a crash interrupted, removed
    /// (never segments: a segment is renamed into place only once complete).
    public let removedTemporaryFiles: [String]
    /// Whether the directory held no segment, so a new log was started.
    public let createdNewLog: Bool
    /// The number of segment files after recovery.
    public let segmentCount: Int
    /// The last seq after recovery (0 for an empty log).
    public let lastSeq: UInt64
    /// The chain head after recovery.
    public let chainHead: ChainHash

    /// How many bytes the cut removed (0 when the log closed cleanly).
    public var droppedBytes: Int64 { tornTail?.byteCount ?? 0 }

    /// Describes a recovery.
    /// - Parameters:
    ///   - tornTail: the torn tail cut, if any.
    ///   - removedTemporaryFiles: temporary files removed.
    ///   - createdNewLog: whether a new log was started.
    ///   - segmentCount: segment files after recovery.
    ///   - lastSeq: the last seq after recovery.
    ///   - chainHead: the chain head after recovery.
    public init(
        tornTail: TornTail?, removedTemporaryFiles: [String], createdNewLog: Bool,
        segmentCount: Int, lastSeq: UInt64, chainHead: ChainHash
    ) {
        self.tornTail = tornTail
        self.removedTemporaryFiles = removedTemporaryFiles
        self.createdNewLog = createdNewLog
        self.segmentCount = segmentCount
        self.lastSeq = lastSeq
        self.chainHead = chainHead
    }
}

/// Everything that can go wrong in the log, as one error type: a ``code`` a
/// caller matches, a ``message`` a person can act on, and where it happened.
///
/// ```swift
/// do {
///     log = try EventLog.open(directory: url)
/// } catch let error as EventLogError where error.code.isCorruption {
///     logger.critical("\(error)")   // names the segment, offset and seq
/// }
/// ```
public struct EventLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added, so match the ones
    /// you handle and treat the rest alike.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name, as it appears in ``EventLogError/description``.
        public let name: String

        private init(_ name: String) { self.name = name }

        /// A system call failed (see ``EventLogError/errno``).
        public static let io = Code("io")
        /// Another `EventLog` (in this or another process) has the directory open for writing.
        public static let locked = Code("locked")
        /// A segment header is damaged: wrong magic, length or checksum, or a
        /// file name that disagrees with it.
        public static let badHeader = Code("bad-header")
        /// A segment was written by a format version this code does not read.
        public static let unsupportedVersion = Code("unsupported-version")
        /// A segment sets an incompatible-feature flag this code does not know;
        /// reading it anyway could misread records, so the log is refused.
        public static let unknownIncompatibleFlags = Code("unknown-incompatible-flags")
        /// A record's framing or checksum is wrong, or its kind is unknown.
        public static let corruptRecord = Code("corrupt-record")
        /// A record does not carry the chain head of the record before it, or a
        /// segment header does not carry the previous segment's chain head.
        public static let brokenChain = Code("broken-chain")
        /// A record's seq is not one more than the previous record's.
        public static let seqGap = Code("seq-gap")
        /// A segment's seal is missing, disagrees with the segment's records, or
        /// is followed by more bytes.
        public static let badSeal = Code("bad-seal")
        /// An appended body is larger than ``EventLog/Options/maxRecordBytes``.
        public static let recordTooLarge = Code("record-too-large")
        /// `append` was given no bodies.
        public static let emptyBatch = Code("empty-batch")
        /// The log was closed.
        public static let closed = Code("closed")
        /// An earlier write or sync failed; the log accepts no more appends
        /// until it is opened again (which cuts any unacknowledged tail).
        public static let writerStopped = Code("writer-stopped")
        /// A seq that the log does not hold was asked for.
        public static let seqOutOfRange = Code("seq-out-of-range")
        /// A snapshot file could not be written.
        public static let snapshot = Code("snapshot")
        /// The log ends, or would end once a torn tail is cut, before a seq it
        /// is known to have reached (``EventLog/Options/knownSeq``):
        /// acknowledged records are missing. Nothing was changed.
        public static let dataLoss = Code("data-loss")

        /// Whether this code means the log's content cannot be trusted, as
        /// opposed to a failure of the machine or of the caller.
        public var isCorruption: Bool {
            [.badHeader, .corruptRecord, .brokenChain, .seqGap, .badSeal, .dataLoss].contains(self)
        }

        /// The code's stable name.
        public var description: String { name }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A sentence for a person: what is wrong and what to do about it.
    public let message: String
    /// The segment file's name (not its path), when the failure is in one.
    public let segment: String?
    /// The byte offset in ``segment`` where the damaged header or record starts.
    public let offset: Int64?
    /// The seq of the record concerned (for damage: the seq the record at
    /// ``offset`` should have had).
    public let seq: UInt64?
    /// The `errno` of a failed system call.
    public let errno: Int32?

    /// Makes an error.
    /// - Parameters:
    ///   - code: what kind of failure.
    ///   - message: a sentence for a person.
    ///   - segment: the segment file's name.
    ///   - offset: the byte offset in the segment.
    ///   - seq: the record's seq.
    ///   - errno: the failed system call's `errno`.
    public init(
        _ code: Code, _ message: String,
        segment: String? = nil, offset: Int64? = nil, seq: UInt64? = nil, errno: Int32? = nil
    ) {
        self.code = code
        self.message = message
        self.segment = segment
        self.offset = offset
        self.seq = seq
        self.errno = errno
    }

    /// One line: the message, then the context as `key=value` pairs, ready for a log line.
    public var description: String {
        var context = ["code=\(code)"]
        if let segment { context.append("segment=\(segment)") }
        if let offset { context.append("offset=\(offset)") }
        if let seq { context.append("seq=\(seq)") }
        if let errno { context.append("errno=\(errno)") }
        return "\(message) [\(context.joined(separator: " "))]"
    }
}

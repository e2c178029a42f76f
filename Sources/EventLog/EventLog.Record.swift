extension EventLog {
    /// A record as ``EventLog/records(after:limit:)`` returns it.
    public struct Record: Sendable, Hashable {
        /// The record's seq.
        public let seq: UInt64
        /// The bytes that were appended.
        public let body: [UInt8]

        /// Makes a record value.
        /// - Parameters:
        ///   - seq: its seq.
        ///   - body: its bytes.
        public init(seq: UInt64, body: [UInt8]) {
            self.seq = seq
            self.body = body
        }
    }

    /// A point in the log: a seq and the chain head after it, read together so
    /// they always agree (a snapshot is tagged with both).
    public struct Position: Sendable, Hashable {
        /// The last seq (0 before the first record).
        public let seq: UInt64
        /// The chain head after that record (``ChainHash/zero`` before the first).
        public let chainHead: ChainHash

        /// Makes a position.
        /// - Parameters:
        ///   - seq: the seq.
        ///   - chainHead: the chain head after it.
        public init(seq: UInt64, chainHead: ChainHash) {
            self.seq = seq
            self.chainHead = chainHead
        }
    }

    /// Counters of the writer's work since the log was opened.
    public struct Statistics: Sendable, Hashable {
        /// Calls to `append` that completed.
        public var appends: UInt64 = 0
        /// Records appended.
        public var records: UInt64 = 0
        /// `fdatasync` calls on segments. Below ``appends`` when appends shared
        /// syncs (group commit).
        public var syncs: UInt64 = 0
        /// Segments created.
        public var segmentsCreated: UInt64 = 0

        /// All zero.
        public init() {}
    }
}

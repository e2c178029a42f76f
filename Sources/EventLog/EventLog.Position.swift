extension EventLog {
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
}

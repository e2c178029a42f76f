extension EventLog {
    /// A seq the log is known to have reached, and what proves it: a
    /// snapshot covering it, a record of the last append acknowledged. Given
    /// in ``Options/knownSeq``, it turns a log that would end before it into
    /// a refusal (``EventLogError/Code/dataLoss``) instead of a quiet cut.
    ///
    /// ```swift
    /// var options = EventLog.Options()
    /// options.knownSeq = .init(seq: 4_500, evidence: "snapshot 00000000000000004500.snap")
    /// ```
    public struct KnownSeq: Sendable, Hashable {
        /// The seq the log held, durably, at some earlier time.
        public var seq: UInt64
        /// What shows it, for messages: "snapshot 00000000000000004500.snap".
        public var evidence: String

        /// Says that the log reached `seq`.
        /// - Parameters:
        ///   - seq: the seq the log is known to have held.
        ///   - evidence: what shows it, named for a person.
        public init(seq: UInt64, evidence: String) {
            self.seq = seq
            self.evidence = evidence
        }
    }
}

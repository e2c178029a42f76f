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
}

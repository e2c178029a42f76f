extension EventLog {
    /// How a log is opened and written.
    public struct Options: Sendable {
        /// A segment is sealed and a new one started before a batch that would
        /// take it past this many bytes. A batch larger than this fills a
        /// segment alone, because a batch never spans segments.
        public var segmentBytes: Int
        /// The largest body an append accepts, in bytes.
        public var maxRecordBytes: Int
        /// How much of the log opening reads and checks.
        public var openCheck: OpenCheck
        /// The seq the log is known to have reached, if the opener can prove
        /// one. Opening refuses, before it changes anything, when the log
        /// would end before it: when it ends there already, or when cutting a
        /// torn tail would end it there. `nil` trusts the log's end as found.
        public var knownSeq: KnownSeq?
        /// Where the log reports what it did (recovery, new segments, failures).
        /// Called on whatever thread did the work; keep it quick.
        public var logger: @Sendable (LogMessage) -> Void

        /// The defaults: 64 MiB segments, 16 MiB records, every record checked at open, no
        /// known seq, no logging.
        /// - Parameters:
        ///   - segmentBytes: the size at which a segment is sealed. Any size works (tests use a
        ///     few hundred bytes); small ones make many files.
        ///   - maxRecordBytes: the largest body accepted.
        ///   - openCheck: how much opening checks.
        ///   - knownSeq: the seq the log is known to have reached, if any.
        ///   - logger: receives the log's messages.
        public init(
            segmentBytes: Int = 64 << 20,
            maxRecordBytes: Int = 16 << 20,
            openCheck: OpenCheck = .everyRecord,
            knownSeq: KnownSeq? = nil,
            logger: @escaping @Sendable (LogMessage) -> Void = { _ in }
        ) {
            self.segmentBytes = segmentBytes
            self.maxRecordBytes = maxRecordBytes
            self.openCheck = openCheck
            self.knownSeq = knownSeq
            self.logger = logger
        }
    }
}

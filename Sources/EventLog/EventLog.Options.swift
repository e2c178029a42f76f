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
        /// Where the log reports what it did (recovery, new segments, failures).
        /// Called on whatever thread did the work; keep it quick.
        public var logger: @Sendable (LogMessage) -> Void

        /// The defaults: 64 MiB segments, 16 MiB records, every record checked at open, no logging.
        /// - Parameters:
        ///   - segmentBytes: the size at which a segment is sealed. Any size works (tests use a
        ///     few hundred bytes); small ones make many files.
        ///   - maxRecordBytes: the largest body accepted.
        ///   - openCheck: how much opening checks.
        ///   - logger: receives the log's messages.
        public init(
            segmentBytes: Int = 64 << 20,
            maxRecordBytes: Int = 16 << 20,
            openCheck: OpenCheck = .everyRecord,
            logger: @escaping @Sendable (LogMessage) -> Void = { _ in }
        ) {
            self.segmentBytes = segmentBytes
            self.maxRecordBytes = maxRecordBytes
            self.openCheck = openCheck
            self.logger = logger
        }
    }

    /// How much of the log ``EventLog/open(directory:options:)`` reads.
    public struct OpenCheck: Sendable, Hashable {
        let checksEveryRecord: Bool

        /// Every record of every segment: CRC, seq and hash chain, and each seal.
        /// Damage anywhere stops the open. The default: a log that held years of
        /// claims is still read in seconds.
        public static let everyRecord = OpenCheck(checksEveryRecord: true)
        /// Every record of the last segment; of the sealed ones, only the header,
        /// the seal and their links. Damage inside a sealed segment then surfaces
        /// when a read reaches it (reads check CRC and seq) or in ``EventLog/verify(directory:)``.
        public static let sealsAndTail = OpenCheck(checksEveryRecord: false)
    }

    /// A message for the caller's log: the daemon forwards these to swift-log,
    /// so the log itself needs no logging package.
    public struct LogMessage: Sendable, Hashable {
        /// How much the message matters.
        public struct Level: Sendable, Hashable, CustomStringConvertible {
            /// The level's name.
            public let name: String
            /// Routine: a new segment, a clean open.
            public static let info = Level(name: "info")
            /// Repaired without loss of acknowledged data: a torn tail cut.
            public static let warning = Level(name: "warning")
            /// The log stopped accepting appends.
            public static let error = Level(name: "error")
            /// The level's name.
            public var description: String { name }
        }

        /// How much the message matters.
        public let level: Level
        /// A sentence for a person.
        public let message: String
        /// Fields for structured logging (`segment`, `offset`, `seq`, …).
        public let metadata: [String: String]

        /// Makes a message.
        /// - Parameters:
        ///   - level: how much it matters.
        ///   - message: the sentence.
        ///   - metadata: structured fields.
        public init(level: Level, message: String, metadata: [String: String] = [:]) {
            self.level = level
            self.message = message
            self.metadata = metadata
        }
    }
}

extension EventLog {
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

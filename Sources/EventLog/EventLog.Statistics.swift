extension EventLog {
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

/// What ``SnapshotStore/loadNewest(version:matching:)`` found.
public struct SnapshotLoad: Sendable, Hashable {
    /// A snapshot file that was passed over, and why.
    public struct Skipped: Sendable, Hashable, CustomStringConvertible {
        /// The file's name.
        public let fileName: String
        /// Why it was not used, for a log line.
        public let reason: String

        /// Describes a skipped file.
        /// - Parameters:
        ///   - fileName: the file's name.
        ///   - reason: why it was not used.
        public init(fileName: String, reason: String) {
            self.fileName = fileName
            self.reason = reason
        }

        /// `file: reason`, for a log line.
        public var description: String { "\(fileName): \(reason)" }
    }

    /// The newest usable snapshot, or `nil` (replay the whole log).
    public let snapshot: Snapshot?
    /// Newer files that were not used, newest first.
    public let skipped: [Skipped]

    /// Describes a load.
    /// - Parameters:
    ///   - snapshot: the snapshot chosen.
    ///   - skipped: the files passed over.
    public init(snapshot: Snapshot?, skipped: [Skipped]) {
        self.snapshot = snapshot
        self.skipped = skipped
    }
}

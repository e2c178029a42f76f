/// A snapshot as ``SnapshotStore`` loads it: opaque bytes (the projections'
/// state) covering the log up to ``seq``.
public struct Snapshot: Sendable, Hashable {
    /// The last seq the snapshot covers; replay continues after it.
    public let seq: UInt64
    /// The chain head after ``seq`` when the snapshot was taken.
    public let chainHead: ChainHash
    /// The writer's version string (the projection code's version); a
    /// snapshot is used only by the same version.
    public let version: String
    /// The snapshot's bytes, as given to ``SnapshotStore/write(_:seq:chainHead:version:)``.
    public let body: [UInt8]
    /// The file it was read from.
    public let fileName: String

    /// Makes a snapshot value.
    /// - Parameters:
    ///   - seq: the last seq covered.
    ///   - chainHead: the chain head after it.
    ///   - version: the writer's version string.
    ///   - body: the bytes.
    ///   - fileName: the file's name.
    public init(seq: UInt64, chainHead: ChainHash, version: String, body: [UInt8], fileName: String) {
        self.seq = seq
        self.chainHead = chainHead
        self.version = version
        self.body = body
        self.fileName = fileName
    }
}

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

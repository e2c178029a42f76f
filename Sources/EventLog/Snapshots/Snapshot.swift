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

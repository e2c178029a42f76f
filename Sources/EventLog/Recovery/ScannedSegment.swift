/// What a scan learned about one segment.
struct ScannedSegment: Sendable, Hashable {
    var fileName: String
    var firstSeq: UInt64
    var headerLength: Int
    /// Event records up to ``end``.
    var recordCount: UInt64
    /// The offset after the last whole batch (or after the seal): where the
    /// segment ends once a torn tail is cut.
    var end: Int64
    var sealed: Bool
}

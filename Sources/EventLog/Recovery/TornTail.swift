/// Bytes at the end of the last segment that hold no whole batch of records:
/// what a crash during an append leaves behind. Opening the log cuts them;
/// ``EventLog/verify(directory:)`` reports them without cutting.
///
/// A torn tail is not corruption. No append that returned can be in it,
/// because an append returns only after its records are synced; the records
/// it held (if any) belonged to appends that never returned.
public struct TornTail: Sendable, Hashable, CustomStringConvertible {
    /// The segment file's name.
    public let segment: String
    /// Where the cut goes: the end of the last whole batch.
    public let offset: Int64
    /// How many bytes follow the cut.
    public let byteCount: Int64
    /// Whole records after the cut that belonged to a batch whose end is missing.
    public let droppedRecords: Int
    /// What was found at the cut, for a log line.
    public let reason: String

    /// Describes a torn tail.
    /// - Parameters:
    ///   - segment: the segment file's name.
    ///   - offset: where the cut goes.
    ///   - byteCount: how many bytes follow it.
    ///   - droppedRecords: whole records of an unfinished batch among them.
    ///   - reason: what was found there.
    public init(segment: String, offset: Int64, byteCount: Int64, droppedRecords: Int, reason: String) {
        self.segment = segment
        self.offset = offset
        self.byteCount = byteCount
        self.droppedRecords = droppedRecords
        self.reason = reason
    }

    /// One line for a log: where, how much, and why.
    public var description: String {
        "torn tail in \(segment) at offset \(offset): \(byteCount) bytes (\(droppedRecords) whole records of an unfinished batch); \(reason)"
    }
}

extension EventLog {
    /// Where a record is in the log's files: the segment holding it and the
    /// byte offset of its frame there, so that a reader can start at the
    /// record without reading the ones before it.
    ///
    /// A snapshot is stored with its record's location; loading it reads
    /// that one record to check the log's chain head there
    /// (``EventLog/chainHead(at:location:)``), and the replay after it
    /// starts there. A location is only ever a hint: the log reads the frame
    /// at it and uses it only when that frame is whole (lengths, CRC) and
    /// holds the record's seq.
    public struct RecordLocation: Sendable, Hashable {
        /// The record's seq.
        public let seq: UInt64
        /// The first seq of the segment holding it (the segment file's name).
        public let segmentFirstSeq: UInt64
        /// The byte offset of its frame in that segment.
        public let offset: Int64

        /// Makes a location.
        /// - Parameters:
        ///   - seq: the record's seq.
        ///   - segmentFirstSeq: the first seq of its segment.
        ///   - offset: the byte offset of its frame in that segment.
        public init(seq: UInt64, segmentFirstSeq: UInt64, offset: Int64) {
            self.seq = seq
            self.segmentFirstSeq = segmentFirstSeq
            self.offset = offset
        }
    }
}

/// A segment as readers find it: its file and where its records start.
struct SegmentRef: Sendable, Hashable {
    var fileName: String
    var firstSeq: UInt64
    var headerLength: Int
}

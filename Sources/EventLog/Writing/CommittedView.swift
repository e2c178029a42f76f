/// What readers may read: the segments, and how far into the last one the
/// synced records reach. Replaced as a whole after each sync, so a reader's
/// copy never mixes two moments.
struct CommittedView: Sendable {
    var segments: [SegmentRef]
    var lastSegmentEnd: Int64
    var position: EventLog.Position
}

import EventLog
import Foundation

/// The projections as they stood at a point in the log's past: the replay
/// of the log's prefix up to that point, from the newest state at or
/// before it that the caller holds (a snapshot, an earlier answer).
///
/// Events after the point are never read, so corrections, retractions and
/// any other event recorded later are not applied.
public enum PastProjections {
    /// The seq and time that a view as of `point` answers for: the seq
    /// itself, or the last seq recorded at or before the time (found by
    /// bisection on `recorded_at`, which the log's one writer stamps in
    /// seq order: about 20 records read for a million).
    ///
    /// - Parameters:
    ///   - point: the point asked for.
    ///   - log: the log.
    ///   - now: the present, past which no time is answered.
    /// - Throws: ``AsOfError`` when the point is before the log's first
    ///   event, after its last (a seq) or later than `now` (a time);
    ///   `EventLogError` or ``EventDecodingError`` when a record cannot be read.
    public static func resolve(_ point: AsOfPoint, in log: EventLog, now: Date = Date()) throws -> AsOf {
        let last = log.lastSeq
        guard last > 0 else { throw AsOfError(.beforeStart, "the log holds no events yet: nothing to show as of \(point)") }
        switch point.kind {
        case .seq(let seq):
            guard seq > 0 else {
                throw AsOfError(.beforeStart, "seq 0 is before the log's first event (\(try describe(1, in: log)))")
            }
            guard seq <= last else {
                throw AsOfError(.pastEnd, "seq \(seq) is past the end of the log, which ends at \(try describe(last, in: log))")
            }
            return AsOf(seq: seq, recordedAt: try recordedAt(seq, in: log))
        case .time(let limit, let inclusive):
            if inclusive ? limit > now : limit.addingTimeInterval(-86_400) > now {
                throw AsOfError(.pastEnd, "\(point) is later than now (\(RFC3339.string(from: now))); the log ends at \(try describe(last, in: log))")
            }
            let lastTime = try recordedAt(last, in: log)
            if point.includes(recordedAt: lastTime) { return AsOf(seq: last, recordedAt: lastTime) }
            let firstTime = try recordedAt(1, in: log)
            guard point.includes(recordedAt: firstTime) else {
                throw AsOfError(.beforeStart, "no event was recorded by \(point): the log starts at seq 1, recorded \(RFC3339.string(from: firstTime))")
            }
            // Included at `low`, not at `high`.
            var (low, lowTime, high) = (UInt64(1), firstTime, last)
            while high - low > 1 {
                let middle = low + (high - low) / 2
                let time = try recordedAt(middle, in: log)
                if point.includes(recordedAt: time) { (low, lowTime) = (middle, time) } else { high = middle }
            }
            return AsOf(seq: low, recordedAt: lowTime)
        }
    }

    /// Brings `start` (the projections at a seq at or before `seq`: empty,
    /// a snapshot's, an earlier answer's) to `seq` by replaying the events
    /// between, and no further.
    ///
    /// - Parameters:
    ///   - start: the state to begin from; its ``Projections/lastSeq`` must not be after `seq`.
    ///     Pass it as the last use of the caller's value, so that its indexes change in place.
    ///   - seq: the last event to apply.
    ///   - log: the log holding the events after `start`.
    /// - Returns: the projections as they stood when the log reached `seq`.
    /// - Throws: ``EventDecodingError`` or `EventLogError` when a record cannot be read.
    public static func replay(_ start: consuming Projections, through seq: UInt64, of log: EventLog) throws -> Projections {
        precondition(start.lastSeq <= seq, "a replay cannot go back: \(start.lastSeq) is after \(seq)")
        let from = start.lastSeq
        // Taken, not copied, when the caller is done with it: a copy would
        // copy every index at the first event applied.
        var projections = start
        projections.reserveCapacity(forEvents: Int(seq - from))
        try LogReplay.apply(log, after: from, through: seq, to: &projections)
        return projections
    }

    /// When the event `seq` was recorded.
    static func recordedAt(_ seq: UInt64, in log: EventLog) throws -> Date {
        guard let record = try log.records(after: seq - 1, limit: 1).first, record.seq == seq else {
            throw AsOfError(.pastEnd, "the log holds no event with seq \(seq)")
        }
        return try EventCodec().decode(record.body, seq: seq).recordedAt
    }

    /// `seq 45 (recorded 2026-12-06T06:07:26.557Z)`.
    private static func describe(_ seq: UInt64, in log: EventLog) throws -> String {
        "seq \(seq), recorded \(RFC3339.string(from: try recordedAt(seq, in: log)))"
    }
}

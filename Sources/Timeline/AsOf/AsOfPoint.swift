import Foundation

/// A point in the log's past that a view is asked at (`--as-of`, the
/// `asOf` parameter): a seq, or a time, which stands for the last seq
/// recorded at or before it.
public struct AsOfPoint: Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        case seq(UInt64)
        /// The events recorded before `limit`, or at it too when `inclusive`.
        case time(limit: Date, inclusive: Bool)
    }

    let kind: Kind
    /// The text it was read from, for messages.
    public let text: String

    /// Reads `SEQ` (digits), `DATE` (`YYYY-MM-DD`: the end of that day,
    /// UTC) or `TIMESTAMP` (RFC 3339, `2026-12-06T06:07:26Z` or with an
    /// offset, milliseconds allowed); nil for anything else.
    public init?(_ text: String) {
        self.text = text
        if !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            guard let seq = UInt64(text) else { return nil }
            kind = .seq(seq)
        } else if text.utf8.count == 10, let day = RFC3339.date(from: text + "T00:00:00Z") {
            // A day is as of its end: every event recorded before the next midnight.
            kind = .time(limit: day.addingTimeInterval(86_400), inclusive: false)
        } else if let date = RFC3339.date(from: text) {
            kind = .time(limit: date, inclusive: true)
        } else {
            return nil
        }
    }

    /// A seq.
    public static func seq(_ seq: UInt64) -> AsOfPoint { AsOfPoint("\(seq)")! }

    /// Whether an event recorded at `date` comes at or before this time
    /// (always, for a seq).
    func includes(recordedAt date: Date) -> Bool {
        guard case .time(let limit, let inclusive) = kind else { return true }
        // recorded_at is kept to the millisecond: compare in milliseconds, so
        // that the time an event shows is as of that event.
        let event = (date.timeIntervalSince1970 * 1000).rounded()
        let bound = (limit.timeIntervalSince1970 * 1000).rounded()
        return inclusive ? event <= bound : event < bound
    }

    public var description: String { text }

    /// What `--as-of` and `asOf` take, for a usage message.
    public static let usage = "a seq (digits), a date (YYYY-MM-DD, as of its end, UTC) or an RFC 3339 timestamp (2026-12-06T06:07:26Z)"
}

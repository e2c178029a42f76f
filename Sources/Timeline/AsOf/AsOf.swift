import Foundation

/// The point a view of the past answers as of: the last event it includes
/// and when that event was recorded. Replies of `Latest`, `History`,
/// `Claims` and `Documents` called with `asOf` carry it as `as_of`.
public struct AsOf: Sendable, Equatable, Codable {
    /// The seq of the last event included.
    public var seq: UInt64
    /// When that event was recorded.
    public var recordedAt: Date

    public init(seq: UInt64, recordedAt: Date) {
        self.seq = seq
        self.recordedAt = recordedAt
    }

    enum CodingKeys: String, CodingKey {
        case seq
        case recordedAt = "recorded_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(UInt64.self, forKey: .seq)
        recordedAt = try c.decodeTimestamp(forKey: .recordedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encodeTimestamp(recordedAt, forKey: .recordedAt)
    }

    /// `as of seq 30, recorded 2026-12-06T06:07:26.557Z`: the line a table
    /// of the past starts with.
    public var line: String { "as of seq \(seq), recorded \(RFC3339.string(from: recordedAt))" }
}

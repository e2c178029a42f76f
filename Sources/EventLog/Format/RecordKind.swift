/// What a record is: the low seven bits of the first payload byte.
///
/// A struct with static members rather than an enum, because a later format
/// may add kinds (behind an incompatible flag, so that old readers refuse it).
public struct RecordKind: Sendable, Hashable, CustomStringConvertible {
    /// The kind's number on disk (0–127).
    public let rawValue: UInt8

    /// Wraps a kind number.
    /// - Parameters:
    ///   - rawValue: the number in the low seven bits of the kind byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue & 0x7F }

    /// A caller's record: the body is opaque bytes and the record has a seq of its own.
    public static let event = RecordKind(rawValue: 1)
    /// The footer of a full segment: record count, first and last seq, chain head.
    /// It takes no seq of its own (it carries the segment's last seq) and is not
    /// part of the hash chain.
    public static let seal = RecordKind(rawValue: 2)

    /// Whether version 1 of the format defines this kind.
    public var isKnown: Bool { self == .event || self == .seal }

    /// The kind's name ("event", "seal"), or its number when unknown.
    public var description: String {
        switch self {
        case .event: "event"
        case .seal: "seal"
        default: "kind \(rawValue)"
        }
    }
}

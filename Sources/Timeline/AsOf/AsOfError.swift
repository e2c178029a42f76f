import Foundation

/// Why a view cannot be given as of a point: the point is not one, or the
/// log does not reach it.
public struct AsOfError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What a caller can match on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        /// Not a seq, a date or a timestamp.
        public static let unreadable = Code(name: "unreadable")
        /// Before the log's first event, or the log holds none.
        public static let beforeStart = Code(name: "before-start")
        /// After the log's last event (a seq), or later than now (a time).
        public static let pastEnd = Code(name: "past-end")
        public var description: String { name }
    }

    public var code: Code
    /// One line a person can act on, naming the point and the log's ends.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

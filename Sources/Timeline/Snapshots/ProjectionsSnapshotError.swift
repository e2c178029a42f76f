/// A projections snapshot whose body cannot be read: the daemon then
/// ignores the snapshot and replays the log from the start.
public struct ProjectionsSnapshotError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where in the body it was found.
    public var offset: Int

    /// The message and the offset, for a log line.
    public var description: String { "\(message) (at byte \(offset) of the body)" }
}

/// What an offline command (`timelined verify`, `timelined recover`)
/// found, ready to print.
public struct OfflineOutcome: Sendable {
    /// The report, one finding per line (or one JSON object).
    public var output: String
    /// The exit status; each command says what its values mean.
    public var status: Int32

    /// Makes an outcome.
    /// - Parameters:
    ///   - output: the report.
    ///   - status: the exit status.
    public init(output: String, status: Int32) {
        self.output = output
        self.status = status
    }

    /// A report line: a label in a column of 12, then the text
    /// (`records     4500`).
    static func line(_ label: String, _ text: String) -> String {
        label.padding(toLength: max(label.count + 1, 12), withPad: " ", startingAt: 0) + text
    }
}

/// An interface could not be registered: its description does not declare
/// what it is registered as, or it clashes with another.
public struct VarlinkInterfaceError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem, for a caller to match on.
    public struct Code: Hashable, Sendable {
        let name: String
        /// The description has no `interface NAME` line.
        public static let missingInterfaceName = Code(name: "missingInterfaceName")
        /// The description's `interface` line names another interface.
        public static let nameMismatch = Code(name: "nameMismatch")
        /// Two interfaces, or an interface and `org.varlink.service`, share a name.
        public static let duplicateInterface = Code(name: "duplicateInterface")
    }

    /// What kind of problem.
    public var code: Code
    /// A sentence naming the interface and the problem.
    public var message: String

    /// The ``message``.
    public var description: String { message }
}

/// An interface a server serves: its name, its description in Varlink's
/// interface definition language, and the handler that answers its calls.
///
/// The description is served verbatim by
/// `org.varlink.service.GetInterfaceDescription`; the method names in it let
/// the server answer `MethodNotFound` before the handler runs.
public struct VarlinkInterface: Sendable {
    /// The interface name, e.g. `io.timelined.Timeline`.
    public let name: String
    /// The IDL text, as served to clients.
    public let description: String
    /// The methods the description declares.
    public let methods: Set<String>
    /// The handler for calls of those methods.
    public let handler: any VarlinkHandler

    /// Registers a handler for an interface.
    ///
    /// - Parameters:
    ///   - name: The interface name; must match the description's `interface` line.
    ///   - description: The interface in Varlink IDL.
    ///   - handler: Answers the calls.
    /// - Throws: ``VarlinkInterfaceError`` if the description declares no
    ///   interface name or another one than `name`.
    public init(name: String, description: String, handler: some VarlinkHandler) throws(VarlinkInterfaceError) {
        let scanned = VarlinkInterfaceDescription(scanning: description)
        guard let declared = scanned.name else {
            throw VarlinkInterfaceError(
                code: .missingInterfaceName,
                message: "the description of \(name) has no 'interface \(name)' line"
            )
        }
        guard declared == name else {
            throw VarlinkInterfaceError(
                code: .nameMismatch,
                message: "the description registered as \(name) declares interface \(declared)"
            )
        }
        self.name = name
        self.description = description
        self.methods = scanned.methods
        self.handler = handler
    }

    /// Registers a closure as the handler for an interface.
    ///
    /// - Parameters:
    ///   - name: The interface name; must match the description's `interface` line.
    ///   - description: The interface in Varlink IDL.
    ///   - handle: Answers the calls, as ``VarlinkHandler/handle(_:replies:)`` does.
    /// - Throws: ``VarlinkInterfaceError`` as ``init(name:description:handler:)``.
    public init(
        name: String,
        description: String,
        handle: @escaping @Sendable (VarlinkCall, VarlinkReplies) async throws -> Void
    ) throws(VarlinkInterfaceError) {
        try self.init(name: name, description: description, handler: VarlinkClosureHandler(body: handle))
    }
}

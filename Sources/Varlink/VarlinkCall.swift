/// A method call as a service receives it.
///
/// The flags say how to answer: ``more`` lets the service send several
/// replies, ``oneway`` asks for none. The ``parameters`` stay JSON text until
/// the handler decodes them into its own type with ``parameters(as:)``.
public struct VarlinkCall: Sendable {
    /// The fully qualified method name, `interface.Method`.
    public var method: String
    /// The call's input parameters.
    public var parameters: VarlinkParameters
    /// The caller accepts several replies, each but the last marked `continues`.
    public var more: Bool
    /// The caller wants no reply at all.
    public var oneway: Bool
    /// The caller asks to take over the connection after the reply with a
    /// protocol of the method's choosing. The server refuses such calls.
    public var upgrade: Bool
    /// The calling process, when the call came over a Unix socket.
    public var peer: VarlinkPeerCredentials?

    /// Creates a call, as a test or an in-process caller builds one.
    ///
    /// - Parameters:
    ///   - method: The fully qualified method name.
    ///   - parameters: The input parameters.
    ///   - more: Whether several replies are accepted.
    ///   - oneway: Whether no reply is wanted.
    ///   - upgrade: Whether the caller asks for a protocol upgrade.
    ///   - peer: The calling process.
    public init(
        method: String,
        parameters: VarlinkParameters = VarlinkParameters(),
        more: Bool = false,
        oneway: Bool = false,
        upgrade: Bool = false,
        peer: VarlinkPeerCredentials? = nil
    ) {
        self.method = method
        self.parameters = parameters
        self.more = more
        self.oneway = oneway
        self.upgrade = upgrade
        self.peer = peer
    }

    /// The interface part of ``method``: everything before its last dot.
    public var interfaceName: String {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return String(method[..<dot])
    }

    /// The method part of ``method``: everything after its last dot.
    public var methodName: String {
        guard let dot = method.lastIndex(of: ".") else { return method }
        return String(method[method.index(after: dot)...])
    }

    /// Decodes the input parameters into the handler's type.
    ///
    /// - Parameter type: The `Decodable` type of the method's input.
    /// - Returns: The decoded parameters.
    /// - Throws: ``VarlinkError`` `org.varlink.service.InvalidParameter` naming
    ///   the missing or mistyped parameter; a handler lets it propagate, and
    ///   the caller receives it as the reply.
    public func parameters<T: Decodable>(as type: T.Type = T.self) throws(VarlinkError) -> T {
        try parameters.decode(as: type)
    }
}

extension VarlinkCall: Codable {
    enum CodingKeys: String, CodingKey {
        case method, parameters, more, oneway, upgrade
    }

    /// Decodes the wire form of a call; ``peer`` is not part of it.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` if `method` is missing or a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.method = try container.decode(String.self, forKey: .method)
        self.parameters = try container.decodeIfPresent(VarlinkParameters.self, forKey: .parameters) ?? VarlinkParameters()
        self.more = try container.decodeIfPresent(Bool.self, forKey: .more) ?? false
        self.oneway = try container.decodeIfPresent(Bool.self, forKey: .oneway) ?? false
        self.upgrade = try container.decodeIfPresent(Bool.self, forKey: .upgrade) ?? false
        self.peer = nil
    }

    /// Encodes the wire form of a call, leaving out flags that are false.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(parameters, forKey: .parameters)
        if more { try container.encode(true, forKey: .more) }
        if oneway { try container.encode(true, forKey: .oneway) }
        if upgrade { try container.encode(true, forKey: .upgrade) }
    }
}

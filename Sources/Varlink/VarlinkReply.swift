/// A successful reply as a client receives it.
public struct VarlinkReply: Sendable, Equatable {
    /// The method's output parameters.
    public var parameters: VarlinkParameters
    /// More replies follow for the same `more` call.
    public var continues: Bool

    /// Creates a reply.
    ///
    /// - Parameters:
    ///   - parameters: The output parameters.
    ///   - continues: Whether more replies follow.
    public init(parameters: VarlinkParameters = VarlinkParameters(), continues: Bool = false) {
        self.parameters = parameters
        self.continues = continues
    }

    /// Decodes the output parameters into the caller's type.
    ///
    /// - Parameter type: The `Decodable` type of the method's output.
    /// - Returns: The decoded parameters.
    /// - Throws: ``VarlinkError`` `InvalidParameter` naming the member that
    ///   does not match `type`.
    public func parameters<T: Decodable>(as type: T.Type = T.self) throws(VarlinkError) -> T {
        try parameters.decode(as: type)
    }
}

extension VarlinkReply: Codable {
    enum CodingKeys: String, CodingKey {
        case parameters, continues
    }

    /// Decodes the wire form of a reply.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` if a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.parameters = try container.decodeIfPresent(VarlinkParameters.self, forKey: .parameters) ?? VarlinkParameters()
        self.continues = try container.decodeIfPresent(Bool.self, forKey: .continues) ?? false
    }

    /// Encodes the wire form of a reply, leaving out `continues` when false.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameters, forKey: .parameters)
        if continues { try container.encode(true, forKey: .continues) }
    }
}

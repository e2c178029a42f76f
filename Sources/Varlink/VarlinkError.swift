import Foundation

/// A Varlink error reply: a qualified error name and its parameters.
///
/// A service throws it from a handler to answer a call with an error; a
/// client receives it when the service answered with one. The standard
/// errors of `org.varlink.service` have factory methods in
/// `VarlinkError+Standard.swift`.
///
/// ```swift
/// throw VarlinkError(name: "io.timelined.Timeline.ClaimNotFound", parameters: ["claim": .string(id)])
/// ```
public struct VarlinkError: Error, Sendable, Equatable {
    /// The fully qualified error name, `interface.ErrorName`.
    public var name: String
    /// The error's parameters, as declared by the interface's `error` line.
    public var parameters: VarlinkParameters

    /// Creates an error from JSON values.
    ///
    /// - Parameters:
    ///   - name: The fully qualified error name, e.g. `org.varlink.service.InvalidParameter`.
    ///   - parameters: The error's parameters.
    public init(name: String, parameters: [String: VarlinkValue] = [:]) {
        self.name = name
        self.parameters = VarlinkParameters(parameters)
    }

    /// Creates an error whose parameters are encoded from a value.
    ///
    /// - Parameters:
    ///   - name: The fully qualified error name.
    ///   - parameters: A value that encodes to a JSON object.
    /// - Throws: `EncodingError` if `parameters` does not encode to an object.
    public init(name: String, encoding parameters: some Encodable) throws {
        self.name = name
        self.parameters = try VarlinkParameters(encoding: parameters)
    }

    /// Creates an error from parameters already in hand.
    ///
    /// - Parameters:
    ///   - name: The fully qualified error name.
    ///   - parameters: The error's parameters.
    public init(name: String, parameters: VarlinkParameters) {
        self.name = name
        self.parameters = parameters
    }

    /// Decodes the error's parameters into a caller's type.
    ///
    /// - Parameter type: The `Decodable` type to decode.
    /// - Returns: The decoded parameters.
    /// - Throws: ``VarlinkError`` `InvalidParameter` if they do not match `type`.
    public func parameters<T: Decodable>(as type: T.Type = T.self) throws(VarlinkError) -> T {
        try parameters.decode(as: type)
    }
}

extension VarlinkError: CustomStringConvertible {
    /// The name followed by the parameters' JSON, as a log line shows it.
    public var description: String {
        let values = parameters.values
        guard !values.isEmpty,
            let json = try? VarlinkJSON.encoder.encode(values),
            let text = String(data: json, encoding: .utf8)
        else { return name }
        return "\(name) \(text)"
    }
}

extension VarlinkError: Codable {
    enum CodingKeys: String, CodingKey {
        case name = "error"
        case parameters
    }

    /// Decodes the wire form `{"error": name, "parameters": {...}}`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` if `error` is missing or not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decode(String.self, forKey: .name)
        self.parameters = try container.decodeIfPresent(VarlinkParameters.self, forKey: .parameters) ?? VarlinkParameters()
    }

    /// Encodes the wire form `{"error": name, "parameters": {...}}`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(parameters, forKey: .parameters)
    }
}

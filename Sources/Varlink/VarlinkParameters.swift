import Foundation

/// The `parameters` object of a Varlink message, kept as JSON text until a
/// caller decodes it into the type it expects.
///
/// Decoding is deferred because the receiver learns the parameters' type only
/// from the method name, after the message has been read: a service switches
/// on ``VarlinkCall/methodName`` and then asks for its own `Decodable` type.
/// A received message is parsed a second time for that, which for the small
/// objects Varlink carries costs less than building an intermediate tree.
///
/// - Important: Equality compares the decoded JSON values, not the text, so
///   `{"a":1,"b":2}` equals `{"b":2,"a":1}`.
public struct VarlinkParameters: Sendable {
    enum Storage: Sendable {
        /// The JSON text of exactly one object.
        case object(Data)
        /// A whole message whose `parameters` member (absent or null meaning
        /// empty) holds the object; kept whole to avoid cutting it out.
        case member(of: Data)
        /// Values built in code, encoded when needed.
        case values([String: VarlinkValue])
    }

    let storage: Storage

    init(storage: Storage) {
        self.storage = storage
    }

    /// Empty parameters, `{}`.
    public init() {
        self.storage = .values([:])
    }

    /// Parameters built from JSON values, as for an error reply.
    ///
    /// - Parameter values: The members of the object.
    public init(_ values: [String: VarlinkValue]) {
        self.storage = .values(values)
    }

    /// Parameters encoded from a value whose JSON form is an object.
    ///
    /// - Parameter value: A struct or dictionary to encode.
    /// - Throws: `EncodingError.invalidValue` if the value does not encode to
    ///   a JSON object, or what its `encode(to:)` throws.
    public init(encoding value: some Encodable) throws {
        let json = try VarlinkJSON.encoder.encode(value)
        guard json.first == UInt8(ascii: "{") else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "Varlink parameters must be a JSON object")
            )
        }
        self.storage = .object(json)
    }

    /// Decodes the parameters into the type the caller expects.
    ///
    /// Absent parameters decode as the empty object, so a type whose members
    /// are all optional accepts a call that sent none.
    ///
    /// - Parameter type: The `Decodable` type to decode.
    /// - Returns: The decoded value.
    /// - Throws: ``VarlinkError`` `org.varlink.service.InvalidParameter`
    ///   naming the first member that is missing or of the wrong type (taken
    ///   from the decoding error's coding path; empty if none is known).
    public func decode<T: Decodable>(as type: T.Type = T.self) throws(VarlinkError) -> T {
        do {
            switch storage {
            case .object(let json):
                return try VarlinkJSON.decoder.decode(T.self, from: json)
            case .member(let message):
                if let value = try VarlinkJSON.decoder.decode(MemberEnvelope<T>.self, from: message).parameters {
                    return value
                }
                return try VarlinkJSON.decoder.decode(T.self, from: VarlinkJSON.emptyObject)
            case .values(let values):
                return try VarlinkJSON.decoder.decode(T.self, from: VarlinkJSON.encoder.encode(values))
            }
        } catch let error as DecodingError {
            throw VarlinkError.invalidParameter(VarlinkParameters.parameterName(in: error, dropping: storage))
        } catch {
            // A Decodable's own init(from:) may throw anything; name no member.
            throw VarlinkError.invalidParameter("")
        }
    }

    /// The parameters as JSON values, or an empty object if they are not
    /// valid JSON (which a received message already proved they are).
    public var values: [String: VarlinkValue] {
        if case .values(let values) = storage { return values }
        return (try? decode(as: [String: VarlinkValue].self)) ?? [:]
    }

    /// The JSON text of the parameters object.
    ///
    /// - Throws: `DecodingError` if stored message text is not valid JSON.
    public func jsonData() throws -> Data {
        switch storage {
        case .object(let json):
            return json
        case .member, .values:
            return try VarlinkJSON.encoder.encode(values)
        }
    }

    /// The member a decoding error is about: the first key of its coding path,
    /// after the envelope's `parameters` key when decoding from a message.
    private static func parameterName(in error: DecodingError, dropping storage: Storage) -> String {
        var path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        if case .member = storage, path.first?.stringValue == "parameters" {
            path.removeFirst()
        }
        return path.first?.stringValue ?? ""
    }
}

/// Reads only the `parameters` member of a message; the rest is skipped.
struct MemberEnvelope<T: Decodable>: Decodable {
    var parameters: T?
}

extension VarlinkParameters: Equatable {
    /// Compares the decoded JSON values of both sides.
    public static func == (lhs: VarlinkParameters, rhs: VarlinkParameters) -> Bool {
        lhs.values == rhs.values
    }
}

extension VarlinkParameters: Codable {
    /// Decodes a JSON object.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.typeMismatch` if the value is not an object.
    public init(from decoder: any Decoder) throws {
        self.storage = .values(try [String: VarlinkValue](from: decoder))
    }

    /// Encodes the parameters as a JSON object.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `DecodingError` if stored message text is not valid JSON,
    ///   or what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch storage {
        case .values(let values):
            try values.encode(to: encoder)
        case .object, .member:
            try decode(as: [String: VarlinkValue].self).encode(to: encoder)
        }
    }
}

/// No parameters: encodes as `{}` and decodes from any object.
///
/// For methods declared `()` on either side:
/// `try client.call("org.example.Ping", returning: VarlinkEmpty.self)`.
public struct VarlinkEmpty: Codable, Sendable, Equatable {
    /// Creates the empty value.
    public init() {}

    /// Accepts any JSON object; members are ignored.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.typeMismatch` if the value is not an object.
    public init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: AnyCodingKey.self)
    }

    /// Writes `{}`.
    ///
    /// - Parameter encoder: The encoder to write to.
    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: AnyCodingKey.self)
    }
}

/// A coding key for reading an object without knowing its members.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

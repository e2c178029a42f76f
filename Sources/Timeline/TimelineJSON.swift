import Foundation

/// The JSON conventions every part of timelined shares: sorted keys,
/// unescaped slashes. Timestamps encode themselves as RFC 3339 text (see
/// ``RFC3339``), whatever encoder carries them.
public enum TimelineJSON {
    /// An encoder for the wire and the log.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A decoder that reads what ``encoder(pretty:)`` writes.
    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }
}

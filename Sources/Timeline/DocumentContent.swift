import ClaimExtraction
import Crypto
import Foundation

/// A document's bytes as the extractor sees them: decoded as UTF-8, with
/// the content address that identifies them in the log.
///
/// The daemon and `timelinectl extract` both read files through this, so
/// the same bytes give the same text, hash and claims in both.
public struct DocumentContent: Sendable {
    /// SHA-256 of the bytes, lower-case hex.
    public var sha256: String
    /// The text; invalid UTF-8 sequences are replaced with U+FFFD.
    public var text: String
    /// Whether any bytes had to be replaced.
    public var repaired: Bool

    public init(bytes: [UInt8]) {
        sha256 = hex(SHA256.hash(data: bytes))
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
            repaired = false
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            repaired = true
        }
    }

    /// The extractor's input for this content.
    public func document(name: String) -> Document {
        Document(name: name, text: text)
    }
}

import ClaimExtraction
import Crypto
import Foundation

/// A document's bytes as the extractor sees them: decoded as text, with
/// the content address that identifies them in the log.
///
/// The daemon and `timelinectl extract` both read files through this, so
/// the same bytes give the same text, hash and claims in both.
///
/// UTF-8 is read as it is; UTF-16 (with a byte order mark, or plainly
/// UTF-16 by its zero bytes) is decoded, and claims' spans are then UTF-8
/// offsets in the decoded text. Bytes that are not text at all (a PDF, an
/// image, an archive, anything with zero bytes or many control codes) are
/// ``refusal``: no claims are read from them.
public struct DocumentContent: Sendable {
    /// SHA-256 of the bytes, lower-case hex.
    public var sha256: String
    /// The text; invalid sequences are replaced with U+FFFD.
    public var text: String
    /// Whether any bytes had to be replaced.
    public var repaired: Bool
    /// The encoding the bytes were decoded from.
    public var encoding: Encoding
    /// Why the bytes are not read as text, when they are not.
    public var refusal: Refusal?

    /// A text encoding a document may come in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
    }

    /// Why a file is not a text: a code a program can match and a message
    /// for a person.
    public struct Refusal: Sendable, Equatable {
        public var reason: String
        public var message: String
    }

    public init(bytes: [UInt8]) {
        sha256 = hex(SHA256.hash(data: bytes))
        refusal = nil
        if let order = Self.utf16(bytes) {
            encoding = order
            var repaired = false
            text = Self.decodeUTF16(bytes, bigEndian: order == .utf16BigEndian, repaired: &repaired)
            self.repaired = repaired
            return
        }
        encoding = .utf8
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
            repaired = false
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            repaired = true
        }
        refusal = Self.binary(bytes)
        if refusal != nil { text = "" }
    }

    /// The extractor's input for this content: nothing to read when the
    /// bytes are not text.
    public func document(name: String) -> Document {
        Document(name: name, text: text)
    }

    /// UTF-16 by its byte order mark, or by zero bytes in every other place
    /// of an even-sized text that begins with them (ASCII in UTF-16).
    static func utf16(_ bytes: [UInt8]) -> Encoding? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16LittleEndian }
        if bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16BigEndian }
        guard bytes.count % 2 == 0, bytes.count >= 8 else { return nil }
        let sample = min(bytes.count, 4_096) / 2 * 2
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: sample, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 9, evenZeros == 0 { return .utf16LittleEndian }
        if evenZeros * 10 >= pairs * 9, oddZeros == 0 { return .utf16BigEndian }
        return nil
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, repaired: inout Bool) -> String {
        let hasMark = (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = hasMark ? 2 : 0
        while i + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(high) << 8 | UInt16(low))
            i += 2
        }
        if i < bytes.count { repaired = true }
        if let valid = String(validating: units, as: UTF16.self) { return valid + (i < bytes.count ? "\u{FFFD}" : "") }
        repaired = true
        return String(decoding: units, as: UTF16.self)
    }

    /// Whether the bytes are something other than text: a known file
    /// signature, a zero byte, or more than one byte in a hundred a control
    /// code no text uses, in the first 64 KiB.
    static func binary(_ bytes: [UInt8]) -> Refusal? {
        let signatures: [(String, [UInt8])] = [
            ("a PDF", Array("%PDF-".utf8)), ("a ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
            ("a gzip archive", [0x1F, 0x8B]), ("a PNG image", [0x89, 0x50, 0x4E, 0x47]),
            ("a JPEG image", [0xFF, 0xD8, 0xFF]), ("a GIF image", Array("GIF8".utf8)),
            ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ]
        for (kind, signature) in signatures where bytes.starts(with: signature) {
            return Refusal(reason: "binary", message: "not a text: \(kind)")
        }
        let sample = bytes.prefix(65_536)
        var controls = 0
        for byte in sample where byte < 0x20 {
            if byte == 0 {
                return Refusal(reason: "binary", message: "not a text: it holds zero bytes")
            }
            if byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
        }
        guard controls * 100 > sample.count else { return nil }
        return Refusal(reason: "binary", message: "not a text: \(controls) control codes in its first \(sample.count) bytes")
    }
}

import Foundation

/// A reply's envelope read in one pass over its bytes, with no value tree:
/// `continues`, `error` and where `parameters` lies.
///
/// A page of a `more` stream is a megabyte of parameters around a few bytes
/// of envelope; JSONDecoder would map every value of it to read those few
/// bytes, and the decoder of the parameters would map them again. This
/// reads the envelope of the replies servers send (plain keys, a plain
/// error name) and checks the parameters' structure as it steps over them;
/// anything else it leaves to JSONDecoder, which also says what is wrong.
struct VarlinkReplyEnvelope {
    var error: String?
    var continues = false
    /// The bytes of the parameters object, or nil when it is absent or null.
    var parameters: Range<Int>?

    /// Reads `message`, or returns nil when it is not a reply this reader
    /// takes (it may still be a valid one).
    static func read(_ message: Data) -> VarlinkReplyEnvelope? {
        message.withUnsafeBytes { bytes in
            var reader = Reader(bytes: bytes)
            return reader.envelope()
        }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func envelope() -> VarlinkReplyEnvelope? {
            var envelope = VarlinkReplyEnvelope()
            guard take(UInt8(ascii: "{")) else { return nil }
            if take(UInt8(ascii: "}")) { return atEnd() ? envelope : nil }
            repeat {
                guard let key = plainString(), take(UInt8(ascii: ":")) else { return nil }
                if key.elementsEqual("continues".utf8) {
                    if literal("true") { envelope.continues = true } else if !literal("false") { return nil }
                } else if key.elementsEqual("error".utf8) {
                    guard let name = plainString() else { return nil }
                    envelope.error = String(decoding: name, as: UTF8.self)
                } else if key.elementsEqual("parameters".utf8) {
                    skipWhitespace()
                    if literal("null") { continue }
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else { return nil }
                    let start = offset
                    guard skipValue(depth: 0) else { return nil }
                    envelope.parameters = start..<offset
                } else {
                    guard skipValue(depth: 0) else { return nil }
                }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) && atEnd() ? envelope : nil
        }

        private mutating func skipWhitespace() {
            while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x0D || bytes[offset] == 0x09 {
                offset += 1
            }
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        private mutating func atEnd() -> Bool {
            skipWhitespace()
            return offset == bytes.count
        }

        private mutating func literal(_ text: StaticString) -> Bool {
            skipWhitespace()
            let count = text.utf8CodeUnitCount
            guard offset + count <= bytes.count, memcmp(bytes.baseAddress! + offset, text.utf8Start, count) == 0 else {
                return false
            }
            offset += count
            return true
        }

        /// A string without escapes, its bytes between the quotes.
        private mutating func plainString() -> UnsafeRawBufferPointer? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = offset
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    offset += 1
                    return UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)])
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                offset += 1
            }
            return nil
        }

        /// Steps over a string, checking its escapes.
        private mutating func skipString() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return true
                case UInt8(ascii: "\\"):
                    guard offset < bytes.count else { return false }
                    switch bytes[offset] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        offset += 1
                    case UInt8(ascii: "u"):
                        guard offset + 5 <= bytes.count, (1..<5).allSatisfy({ bytes[offset + $0].isHexDigit }) else {
                            return false
                        }
                        offset += 5
                    default:
                        return false
                    }
                case 0..<0x20:
                    return false
                default:
                    continue
                }
            }
            return false
        }

        /// Steps over one value of any kind.
        private mutating func skipValue(depth: Int) -> Bool {
            guard depth < 512 else { return false }
            skipWhitespace()
            guard offset < bytes.count else { return false }
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"):
                offset += 1
                if take(UInt8(ascii: "}")) { return true }
                repeat {
                    guard skipString(), take(UInt8(ascii: ":")), skipValue(depth: depth + 1) else { return false }
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "}"))
            case UInt8(ascii: "["):
                offset += 1
                if take(UInt8(ascii: "]")) { return true }
                repeat {
                    guard skipValue(depth: depth + 1) else { return false }
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default:
                let start = offset
                while offset < bytes.count, bytes[offset].isNumberByte { offset += 1 }
                return offset > start
            }
        }
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }

    fileprivate var isNumberByte: Bool {
        (0x30...0x39).contains(self) || self == 0x2D || self == 0x2B || self == 0x2E || self == 0x45 || self == 0x65
    }
}

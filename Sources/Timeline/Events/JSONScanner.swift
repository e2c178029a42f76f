import Foundation

/// A forward-only reader of JSON text, for the replay path: it reads the
/// values a caller asks for straight out of the record's bytes, with no
/// intermediate tree and no allocation for keys.
///
/// Foundation's JSONDecoder builds a value tree and a decoder per
/// container; on replay, which reads every event in the log, that is most
/// of the start-up time. The scanner reads the same JSON the encoder writes.
///
/// - Important: the buffer must outlive the scanner.
struct JSONScanner {
    struct Malformed: Error {
        var offset: Int
        var expected: StaticString
    }

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    private func fail(_ expected: StaticString) -> Malformed {
        Malformed(offset: offset, expected: expected)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard offset < bytes.count else { throw fail("more JSON") }
        return bytes[offset]
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8, _ what: StaticString) throws {
        guard try peek() == byte else { throw fail(what) }
        offset += 1
    }

    /// Reads an object, calling `field` with each key's raw bytes; `field`
    /// must read or skip the value.
    mutating func readObject(_ field: (inout JSONScanner, UnsafeRawBufferPointer) throws -> Void) throws {
        try expect(0x7B, "{")
        if try peek() == 0x7D {
            offset += 1
            return
        }
        while true {
            let key = try readRawString()
            try expect(0x3A, ":")
            try field(&self, key)
            switch try peek() {
            case 0x2C: offset += 1
            case 0x7D: offset += 1; return
            default: throw fail(", or }")
            }
        }
    }

    /// Reads an array, calling `element` for each, which must read or skip it.
    mutating func readArray(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(0x5B, "[")
        if try peek() == 0x5D {
            offset += 1
            return
        }
        while true {
            try element(&self)
            switch try peek() {
            case 0x2C: offset += 1
            case 0x5D: offset += 1; return
            default: throw fail(", or ]")
            }
        }
    }

    /// Lends the JSON text being read.
    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(bytes)
    }

    /// The first byte of the value that comes next, which is left unread:
    /// `{`, `[`, `"`, `t`, `f`, `n` or a number's.
    mutating func nextByte() throws -> UInt8 {
        try peek()
    }

    /// The first key of the object that comes next, without consuming
    /// anything; nil when the next value is not an object with a key.
    mutating func peekFirstKey() throws -> UnsafeRawBufferPointer? {
        let start = offset
        defer { offset = start }
        guard try peek() == 0x7B else { return nil }
        offset += 1
        guard try peek() == 0x22 else { return nil }
        return try readRawString()
    }

    /// Whether the next value is `null`; consumes it if so.
    mutating func readNull() throws -> Bool {
        guard try peek() == 0x6E else { return false }
        guard offset + 4 <= bytes.count, bytes[offset + 1] == 0x75, bytes[offset + 2] == 0x6C, bytes[offset + 3] == 0x6C
        else { throw fail("null") }
        offset += 4
        return true
    }

    mutating func readBool() throws -> Bool {
        let first = try peek()
        if first == 0x74, offset + 4 <= bytes.count, bytes[offset + 1] == 0x72, bytes[offset + 2] == 0x75, bytes[offset + 3] == 0x65 {
            offset += 4
            return true
        }
        if first == 0x66, offset + 5 <= bytes.count, bytes[offset + 1] == 0x61, bytes[offset + 2] == 0x6C,
           bytes[offset + 3] == 0x73, bytes[offset + 4] == 0x65 {
            offset += 5
            return false
        }
        throw fail("true or false")
    }

    /// Reads an integer; a fraction or exponent is refused.
    mutating func readInt() throws -> Int {
        var negative = false
        if try peek() == 0x2D {
            negative = true
            offset += 1
        }
        let start = offset
        var value = 0
        while offset < bytes.count, case let digit = Int(bytes[offset]) - 48, (0...9).contains(digit) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (plus, overflow2) = times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { throw fail("an integer that fits 64 bits") }
            value = plus
            offset += 1
        }
        guard offset > start else { throw fail("an integer") }
        if offset < bytes.count, bytes[offset] == 0x2E || bytes[offset] == 0x65 || bytes[offset] == 0x45 {
            throw fail("an integer")
        }
        return negative ? -value : value
    }

    mutating func readOptionalInt() throws -> Int? {
        try readNull() ? nil : readInt()
    }

    mutating func readString() throws -> String {
        let start = offset
        let (raw, escaped) = try scanString()
        // scanString leaves escapes in place; only then is there work.
        if !escaped { return String(decoding: raw, as: UTF8.self) }
        offset = start
        return try readEscapedString()
    }

    mutating func readOptionalString() throws -> String? {
        try readNull() ? nil : readString()
    }

    /// A string's bytes when it has no escapes, else nil (and nothing read).
    mutating func readPlainString() throws -> UnsafeRawBufferPointer? {
        let start = offset
        let (raw, escaped) = try scanString()
        if escaped {
            offset = start
            return nil
        }
        return raw
    }

    /// A string's bytes between the quotes, escapes left as they are, and
    /// whether there are any (which are checked: a bad one throws).
    mutating func readStringBytes() throws -> (bytes: UnsafeRawBufferPointer, escaped: Bool) {
        let start = offset
        let string = try scanString()
        if string.escaped {
            let end = offset
            offset = start
            _ = try readEscapedString()
            offset = end
        }
        return string
    }

    /// The bytes between the quotes, escapes left as they are.
    private mutating func readRawString() throws -> UnsafeRawBufferPointer {
        try scanString().bytes
    }

    /// The bytes between the quotes, escapes left as they are, and
    /// whether there were any.
    private mutating func scanString() throws -> (bytes: UnsafeRawBufferPointer, escaped: Bool) {
        try expect(0x22, "a string")
        let start = offset
        var escaped = false
        let base = bytes.baseAddress!
        // Eight bytes at a time: a word is searched for a quote or a
        // backslash with a few integer operations, where a byte loop took
        // one byte per step and memchr cost more to call than a short
        // string costs to read.
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let found = Self.zeroBytes(word ^ 0x2222_2222_2222_2222) | Self.zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
            if found == 0 {
                offset += 8
                continue
            }
            offset += found.trailingZeroBitCount / 8
            if bytes[offset] == 0x22 {
                offset += 1
                return (UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)]), escaped)
            }
            // A backslash escapes the byte after it, which ends no string.
            escaped = true
            offset += 2
        }
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x22:
                offset += 1
                return (UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)]), escaped)
            case 0x5C:
                escaped = true
                offset += 2
            default:
                offset += 1
            }
        }
        throw fail("the end of a string")
    }

    /// The high bit of each byte of `word` that is zero, and of no byte
    /// before it (bytes after the first zero one may be marked wrongly,
    /// so only the lowest mark counts).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    private mutating func readEscapedString() throws -> String {
        try expect(0x22, "a string")
        var utf8: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case 0x22:
                return String(decoding: utf8, as: UTF8.self)
            case 0x5C:
                guard offset < bytes.count else { throw fail("an escape") }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: utf8.append(escape)
                case 0x62: utf8.append(0x08)
                case 0x66: utf8.append(0x0C)
                case 0x6E: utf8.append(0x0A)
                case 0x72: utf8.append(0x0D)
                case 0x74: utf8.append(0x09)
                case 0x75:
                    var scalar = try readHex4()
                    if (0xD800...0xDBFF).contains(scalar), offset + 6 <= bytes.count,
                       bytes[offset] == 0x5C, bytes[offset + 1] == 0x75 {
                        offset += 2
                        let low = try readHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a low surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    utf8.append(contentsOf: Unicode.Scalar(scalar).map { Array(String($0).utf8) } ?? [0xEF, 0xBF, 0xBD])
                default:
                    throw fail("a valid escape")
                }
            default:
                utf8.append(byte)
            }
        }
        throw fail("the end of a string")
    }

    private mutating func readHex4() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw fail("a hex digit")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// Skips one value of any kind, returning the bytes it spanned.
    @discardableResult
    mutating func skipValue() throws -> Range<Int> {
        let first = try peek()
        let start = offset
        switch first {
        case 0x22:
            _ = try readRawString()
        case 0x7B:
            try readObject { scanner, _ in try scanner.skipValue() }
        case 0x5B:
            offset += 1
            if try peek() == 0x5D {
                offset += 1
            } else {
                while true {
                    try skipValue()
                    switch try peek() {
                    case 0x2C: offset += 1
                    case 0x5D: offset += 1; return start..<offset
                    default: throw fail(", or ]")
                    }
                }
            }
        case 0x74, 0x66:
            _ = try readBool()
        case 0x6E:
            _ = try readNull()
        default:
            while offset < bytes.count {
                switch bytes[offset] {
                case 0x2D, 0x2B, 0x2E, 0x30...0x39, 0x65, 0x45: offset += 1
                default: return start..<offset
                }
            }
        }
        return start..<offset
    }

    /// Whether the JSON text has nothing but whitespace left.
    mutating func atEnd() -> Bool {
        skipWhitespace()
        return offset == bytes.count
    }
}

extension UnsafeRawBufferPointer {
    /// Whether these bytes spell `literal`.
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        guard count > 0 else { return true }
        return memcmp(baseAddress!, literal.utf8Start, count) == 0
    }
}

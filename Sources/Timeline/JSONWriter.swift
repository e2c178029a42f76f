/// Writes JSON byte for byte as `TimelineJSON.encoder()` does (sorted keys
/// given in order, slashes and non-ASCII text as they are), compact or, with
/// `pretty`, as `TimelineJSON.encoder(pretty: true)` does (two-space
/// indents, `"key" : value`), but straight into a byte buffer:
/// `JSONEncoder` builds a tree of boxed values per object first, which made
/// it most of the time `timelinectl extract --json` took on a large file,
/// and nearly all the time the daemon spent streaming `claims --csv`.
///
/// The caller says what to write in order: `openObject()`, then `key(_:)`
/// and a value per member, then `closeObject()`; arrays likewise, with
/// `element()` before each value.
///
/// - Important: the writer does not sort: give an object's keys in the
///   order `sortedKeys` puts them (for the plain lower-case ASCII keys
///   timelined uses, byte order). Keys are written as given, unescaped.
///   A test compares what a type writes with what `JSONEncoder` writes for
///   it (`JSONWriterTests`).
public struct JSONWriter: Sendable {
    /// What has been written and not yet taken with ``removeAll()``.
    public private(set) var bytes: [UInt8] = []
    /// Whether members and elements go on lines of their own.
    public let pretty: Bool
    private var depth = 0
    /// Whether the open container has no member yet.
    private var empty = false

    public init(pretty: Bool = false, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// Forgets what has been written (after the caller wrote it out), keeping
    /// the buffer's memory; the nesting stays as it is.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    public mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        empty = true
    }

    public mutating func closeObject() {
        close(UInt8(ascii: "}"))
    }

    public mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        depth += 1
        empty = true
    }

    public mutating func closeArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts the next member of the open object: its separator, indent and
    /// `"name" : `.
    public mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        append(name)
        if pretty { append("\" : ") } else { append("\":") }
    }

    /// Starts the next element of the open array: its separator and indent.
    public mutating func element() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    private mutating func close(_ mark: UInt8) {
        depth -= 1
        if pretty {
            // An empty container is written with a blank line inside: "[\n\n]".
            if empty { bytes.append(0x0A) }
            newline()
        }
        bytes.append(mark)
        empty = false
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<depth {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    // MARK: Values

    public mutating func null() {
        append("null")
    }

    public mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    public mutating func int(_ value: Int) {
        // Digits from the last, into a buffer wide enough for Int.min.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var magnitude = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[buffer.count - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                count += 1
                buffer[buffer.count - count] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - count)...]))
        }
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string($0) }
    }

    /// A string from its UTF-8 bytes: quotes, backslashes and control
    /// characters escaped as JSONEncoder escapes them (`\"`, `\\`, `\b`,
    /// `\t`, `\n`, `\f`, `\r`, else `\u00XX` in lower-case hex); every
    /// other byte, `/` and non-ASCII text included, as it is.
    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var run = 0
        for i in utf8.indices {
            let b = utf8[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            run = i + 1
            switch b {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                bytes.append(hex.utf8Start[Int(b >> 4)])
                bytes.append(hex.utf8Start[Int(b & 0xF)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string, or null for nil.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An integer, or null for nil.
    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }
}

/// A file's name as the kernel has it: bytes, not necessarily UTF-8.
///
/// Linux allows any byte but `/` and NUL in a name, so a name is kept as
/// its bytes from the folder listing or the inotify event to the system
/// calls that open and move the file: a name that is not UTF-8 is taken
/// and moved like any other.
///
/// - Important: show a name to a person (a log line, a table, an error)
///   only as ``shown``, never its raw bytes: a newline in a name would
///   forge a log line, an escape sequence would drive the terminal.
public struct FileName: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name's bytes, without a NUL.
    public let bytes: [UInt8]

    public init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }

    public init(_ text: String) { bytes = Array(text.utf8) }

    public init(stringLiteral text: String) { self.init(text) }

    /// Whether the bytes are UTF-8.
    public var isUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The name as text, to record: itself when its bytes are UTF-8, else
    /// with each byte that is not as `\xNN`.
    public var text: String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var text = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            // The longest prefix that is UTF-8, then one byte escaped.
            var end = rest.endIndex
            while end > rest.startIndex, String(validating: rest[rest.startIndex..<end], as: UTF8.self) == nil {
                end -= 1
            }
            if end > rest.startIndex {
                text += String(decoding: rest[rest.startIndex..<end], as: UTF8.self)
                rest = rest[end...]
            } else {
                text += DisplayText.hexEscape(rest.first!)
                rest = rest.dropFirst()
            }
        }
        return text
    }

    /// The name to show a person: ``text`` with its control characters escaped.
    public var shown: String { DisplayText.escaping(text) }

    public var description: String { shown }

    /// Whether the name starts with `prefix` (bytes compared).
    public func hasPrefix(_ prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }

    /// Whether the name ends with `suffix` (bytes compared).
    public func hasSuffix(_ suffix: String) -> Bool { bytes.reversed().starts(with: suffix.utf8.reversed()) }

    /// The name followed by `suffix`.
    public func appending(_ suffix: String) -> FileName { FileName(bytes: bytes + suffix.utf8) }

    /// `folder/name` as a NUL-terminated path for a system call.
    public func path(in folder: String) -> [CChar] {
        (Array(folder.utf8) + [UInt8(ascii: "/")] + bytes + [0]).map { CChar(bitPattern: $0) }
    }

    /// `folder/name` to show a person.
    public func shownPath(in folder: String) -> String { DisplayText.escaping(folder) + "/" + shown }

    public static func < (lhs: FileName, rhs: FileName) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}

/// Text made safe to show: what a name or a message from outside holds
/// reaches a log line or a terminal only escaped.
public enum DisplayText {
    /// `text` with every control character (C0, DEL, C1: newlines, ESC…)
    /// as `\xNN`, and the invisible marks that reorder a line (bidi
    /// controls) as `\u{NNNN}`.
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if !needsEscape(scalar) {
                escaped.unicodeScalars.append(scalar)
            } else if scalar.value < 0x100 {
                escaped += hexEscape(UInt8(scalar.value))
            } else {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return escaped
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func hexEscape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "\\x" + (hex.count == 1 ? "0" : "") + hex
    }
}

import Foundation

/// JSON lines (one JSON object per line) read straight from a reply's JSON.
public enum JSONLines {
    /// Appends to `lines` each element of the array `member` of the JSON
    /// object `json`, as its text, one to a line: `claims --jsonl` streams
    /// a million claims so, where decoding each and encoding it again took
    /// a minute.
    ///
    /// - Important: `json` is compact, as the daemon writes it: an element
    ///   holds no line break between its tokens (and JSON allows none
    ///   inside a string).
    /// - Throws: `JSONScanner.Malformed` when `json` is not such an object.
    public static func append(rowsOf member: StaticString, in json: Data, to lines: inout [UInt8]) throws {
        try json.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes)
            try scanner.readObject { scanner, key in
                guard key.equals(member) else { try scanner.skipValue(); return }
                try scanner.readArray { scanner in
                    let element = try scanner.skipValue()
                    lines.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[element]))
                    lines.append(0x0A)
                }
            }
        }
    }
}

/// The block of `Key: value` lines some files begin with (`Published:
/// 2023-01-20`, `Source: BBC`, `URL: …`), ended by a blank line.
struct FrontMatter: Sendable, Hashable {
    /// One `Key: value` line.
    struct Field: Sendable, Hashable {
        /// Lower-cased, spaces as underscores.
        var key: String
        var value: String
    }

    /// The fields, in order.
    var fields: [Field]
    /// The byte offset where the article text starts.
    var body: Int

    /// The first value among `keys`.
    func value(_ keys: String...) -> String? {
        for key in keys {
            if let found = fields.first(where: { $0.key == key }) { return found.value }
        }
        return nil
    }

    /// Keys that make a first block front matter rather than a headline
    /// with a colon.
    static let knownKeys: Set<String> = [
        "published", "date", "source", "url", "link", "title", "author", "byline", "outlet",
        "updated", "language", "section", "publisher", "dateline", "published_at", "date_published",
    ]

    /// The front matter at the start of `bytes`, if the file has one: every
    /// line of its first block is `Key: value` and one key is known (with
    /// a YAML block right after it, if there is one); or a YAML block
    /// between `---` lines, whose `Key: value` lines are read (lists and
    /// nested values are skipped).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> FrontMatter? {
        var lineStart = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = 3 }
        if let fenced = fenced(bytes, from: lineStart) { return fenced }
        var fields: [Field] = []
        var known = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == 0x0D || bytes[trimmedEnd - 1] == 0x20 { trimmedEnd -= 1 }
            if trimmedEnd == lineStart {
                guard !fields.isEmpty, known else { return nil }
                let after = min(lineEnd + 1, bytes.count)
                // ("Published: 2023-08-22" a feed puts above the file's own
                // YAML block: both are the front matter, the first first.)
                if let fenced = fenced(bytes, from: after) { return FrontMatter(fields: fields + fenced.fields, body: fenced.body) }
                return FrontMatter(fields: fields, body: after)
            }
            guard let field = field(bytes, lineStart, trimmedEnd) else { return nil }
            if knownKeys.contains(field.key) { known = true }
            fields.append(field)
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// A YAML block: `---` on the first line, up to the next `---` or `...`.
    private static func fenced(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> FrontMatter? {
        func line(_ lineStart: Int) -> (end: Int, trimmed: Int) {
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var trimmed = end
            while trimmed > lineStart, bytes[trimmed - 1] == 0x0D || bytes[trimmed - 1] == 0x20 { trimmed -= 1 }
            return (end, trimmed)
        }
        func isFence(_ lineStart: Int, _ trimmed: Int, _ mark: UInt8) -> Bool {
            trimmed - lineStart == 3 && (lineStart..<trimmed).allSatisfy { bytes[$0] == mark }
        }
        let first = line(start)
        guard isFence(start, first.trimmed, UInt8(ascii: "-")) else { return nil }
        var fields: [Field] = []
        var lineStart = first.end + 1
        while lineStart < bytes.count {
            let current = line(lineStart)
            if isFence(lineStart, current.trimmed, UInt8(ascii: "-")) || isFence(lineStart, current.trimmed, UInt8(ascii: ".")) {
                return FrontMatter(fields: fields, body: min(current.end + 1, bytes.count))
            }
            if let field = field(bytes, lineStart, current.trimmed) {
                fields.append(Field(key: field.key, value: unquoted(field.value)))
            }
            lineStart = current.end + 1
        }
        return nil
    }

    /// A YAML scalar without its quotes: `"2024-02-20"` → `2024-02-20`.
    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
        return String(value.dropFirst().dropLast())
    }

    private static func field(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Field? {
        var colon = start
        while colon < end, bytes[colon] != UInt8(ascii: ":") {
            let b = bytes[colon]
            let allowed = Tokenizer.isLetter(b) || b &- 0x30 < 10 || b == 0x20 || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
            guard allowed, colon - start < 32 else { return nil }
            colon += 1
        }
        guard colon > start, colon < end, Tokenizer.isLetter(bytes[start]) else { return nil }
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        guard valueStart < end else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
            .lowercased().split(separator: " ").joined(separator: "_")
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
        return Field(key: key, value: value)
    }
}

import Foundation

/// The text a reader sees in a page saved with its HTML, or in an article a
/// scraper left markup and character references in: tags removed, blocks
/// (`<p>`, `<li>`, `<br>`, headings) as line breaks, the contents of
/// `<script>`, `<style>`, navigation and other page furniture dropped, and
/// references (`&amp;`, `&#8217;`, `&nbsp;`) decoded.
///
/// Every byte of the reduced text remembers where in the original it came
/// from, so that a claim read in the reduced text still points into the
/// document's own bytes.
struct MarkupText: Sendable {
    /// The reduced text, UTF-8.
    var bytes: [UInt8]
    /// For each byte of `bytes`, and one past the last, the offset of the
    /// original byte it stands for.
    var origins: [Int]

    /// The span in the original text that `span` of the reduced text was
    /// read from.
    func original(_ span: ByteSpan) -> ByteSpan {
        ByteSpan(start: origins[span.start], end: max(origins[span.start], origins[span.end]))
    }

    /// The reduced text of `bytes`, or nil when the text after `body` has no
    /// tag and no character reference: then it is read as it is.
    ///
    /// Front matter (the bytes before `body`) is kept as it is.
    static func reduce(_ bytes: UnsafeBufferPointer<UInt8>, from body: Int) -> MarkupText? {
        var reducer = Reducer(bytes, body: body)
        guard reducer.hasMarkup() else { return nil }
        return reducer.run()
    }

    /// Whether the text after `body` holds a tag of HTML or a comment, the
    /// markup of a page (character references alone are plain text's too).
    static func hasTags(_ bytes: UnsafeBufferPointer<UInt8>, from body: Int) -> Bool {
        var reducer = Reducer(bytes, body: body)
        _ = reducer.hasMarkup()
        return reducer.tagsFound
    }

    /// Elements whose contents a reader never sees as the article: code,
    /// styles, page furniture. A `<script>` or `<style>` ends only at its own
    /// end tag; the others may nest.
    static let hidden: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select",
        "button", "nav", "aside", "footer", "form", "head",
    ]
    static let rawText: Set<String> = ["script", "style"]

    /// Elements that end a paragraph: their tags are line breaks.
    static let blocks: Set<String> = [
        "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "section", "article", "header", "main", "figure", "figcaption", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "title", "pre", "address", "body", "html",
    ]

    /// Elements seen inside text; their tags are dropped without a break.
    static let inline: Set<String> = [
        "a", "span", "b", "i", "u", "em", "strong", "small", "sup", "sub", "mark", "abbr", "cite", "q",
        "time", "img", "picture", "source", "font", "label", "code", "s", "del", "ins", "wbr", "meta",
        "link", "input", "video", "audio", "bdi", "bdo", "data", "var", "kbd", "samp", "dfn",
    ]

    /// The named references news pages use; the rest are kept as written.
    static let references: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "minus": "\u{2212}", "hellip": "\u{2026}",
        "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "shy": "\u{AD}", "middot": "\u{B7}",
        "bull": "\u{2022}", "deg": "\u{B0}", "euro": "\u{20AC}", "pound": "\u{A3}", "cent": "\u{A2}",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "times": "\u{D7}", "prime": "\u{2032}",
        "eacute": "\u{E9}", "egrave": "\u{E8}", "aacute": "\u{E1}", "agrave": "\u{E0}", "oacute": "\u{F3}",
        "iacute": "\u{ED}", "uacute": "\u{FA}", "ouml": "\u{F6}", "uuml": "\u{FC}", "auml": "\u{E4}",
        "ccedil": "\u{E7}", "ntilde": "\u{F1}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
    ]
}

extension MarkupText {
    /// One pass over the text.
    fileprivate struct Reducer {
        let bytes: UnsafeBufferPointer<UInt8>
        let body: Int
        var output: [UInt8] = []
        var origins: [Int] = []
        /// Whether the page is laid out by block tags: then a single line
        /// break in the source is a space, as a browser shows it.
        var laidOut = false
        /// Whether ``hasMarkup()`` found a tag or a comment, not only
        /// character references.
        var tagsFound = false

        init(_ bytes: UnsafeBufferPointer<UInt8>, body: Int) {
            self.bytes = bytes
            self.body = body
        }

        /// Whether the text has a tag of HTML or a character reference.
        /// Counts the block tags on the way.
        mutating func hasMarkup() -> Bool {
            guard let base = bytes.baseAddress else { return false }
            var found = false
            var blockTags = 0
            // The bytes are looked at only where a "<" or an "&" is: a text
            // without markup is passed over at memchr's speed.
            func next(_ byte: UInt8, from start: Int) -> Int? {
                guard start < bytes.count, let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
                return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            }
            var i = body
            while let at = next(UInt8(ascii: "<"), from: i) {
                if let tag = tag(at: at) {
                    found = true
                    if MarkupText.blocks.contains(tag.name) { blockTags += 1 }
                    i = tag.end
                    continue
                }
                if comment(at: at) != nil { found = true }
                i = at + 1
            }
            tagsFound = found
            if !found {
                i = body
                while let at = next(UInt8(ascii: "&"), from: i) {
                    if reference(at: at) != nil {
                        found = true
                        break
                    }
                    i = at + 1
                }
            }
            laidOut = blockTags >= 2
            return found
        }

        mutating func run() -> MarkupText {
            output.reserveCapacity(bytes.count)
            origins.reserveCapacity(bytes.count + 1)
            for i in 0..<body { append(bytes[i], from: i) }
            var i = body
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "<") {
                    if let end = comment(at: i) {
                        i = end
                        continue
                    }
                    if let tag = tag(at: i) {
                        i = take(tag, at: i)
                        continue
                    }
                } else if b == UInt8(ascii: "&"), let reference = reference(at: i) {
                    var utf8 = Array(String(Character(reference.scalar)).utf8)
                    if reference.scalar == "\u{AD}" { utf8 = [] }
                    for byte in utf8 { append(byte, from: i) }
                    i = reference.end
                    continue
                } else if b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09 {
                    i = space(at: i)
                    continue
                }
                append(b, from: i)
                i += 1
            }
            origins.append(bytes.count)
            return MarkupText(bytes: output, origins: origins)
        }

        private mutating func append(_ byte: UInt8, from origin: Int) {
            output.append(byte)
            origins.append(origin)
        }

        /// A run of white space: kept as written in a text without block
        /// tags; in a laid-out page a blank line stays a paragraph break and
        /// any other run is one space.
        private mutating func space(at start: Int) -> Int {
            var i = start
            var lines = 0
            while i < bytes.count, bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x20 || bytes[i] == 0x09 {
                if bytes[i] == 0x0A { lines += 1 }
                i += 1
            }
            if !laidOut {
                for k in start..<i { append(bytes[k], from: k) }
            } else if lines >= 2 {
                breakLine(at: start, blank: true)
            } else if let last = output.last, last != 0x20, last != 0x0A {
                append(0x20, from: start)
            }
            return i
        }

        /// Ends the line (a blank line for a paragraph) unless the text
        /// already ends one.
        private mutating func breakLine(at origin: Int, blank: Bool) {
            while output.count > body, output.last == 0x20 {
                output.removeLast()
                origins.removeLast()
            }
            guard output.count > body else { return }
            var trailing = 0
            for byte in output.reversed() {
                guard byte == 0x0A else { break }
                trailing += 1
            }
            let wanted = blank ? 2 : 1
            for _ in trailing..<max(trailing, wanted) { append(0x0A, from: origin) }
        }

        /// Handles a tag: a block's is a line break, a hidden element is
        /// skipped with its contents, any other tag is dropped.
        private mutating func take(_ tag: Tag, at start: Int) -> Int {
            if !tag.closing, MarkupText.hidden.contains(tag.name), !tag.selfClosing {
                // Page furniture stands apart from the text around it; code does not.
                if !MarkupText.rawText.contains(tag.name) { breakLine(at: start, blank: true) }
                return end(of: tag, from: tag.end) ?? tag.end
            }
            if MarkupText.blocks.contains(tag.name) {
                breakLine(at: start, blank: tag.name != "br")
            }
            return tag.end
        }

        /// Where an open hidden element ends: after its end tag, counting
        /// the same element nested in it. Nil when it never ends, so that a
        /// stray tag does not hide the rest of a page.
        private func end(of open: Tag, from start: Int) -> Int? {
            var depth = 1
            var i = start
            let raw = MarkupText.rawText.contains(open.name)
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<") {
                    if !raw, let end = comment(at: i) {
                        i = end
                        continue
                    }
                    if let tag = tag(at: i), tag.name == open.name {
                        if tag.closing {
                            depth -= 1
                            if depth == 0 { return tag.end }
                        } else if !raw, !tag.selfClosing {
                            depth += 1
                        }
                        i = tag.end
                        continue
                    }
                }
                i += 1
            }
            return nil
        }

        struct Tag {
            var name: String
            var closing: Bool
            var selfClosing: Bool
            /// One past its `>`.
            var end: Int
        }

        /// The tag starting at `start` (a `<`), when it is one of HTML's:
        /// a known element name, then attributes up to `>` (quoted values
        /// may hold `>`), within 2,000 bytes.
        func tag(at start: Int) -> Tag? {
            var i = start + 1
            var closing = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") {
                closing = true
                i += 1
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?") {
                // <!DOCTYPE html>, <?xml …?>: declarations, dropped like tags.
                let limit = min(bytes.count, start + 2_000)
                var k = i
                while k < limit, bytes[k] != UInt8(ascii: ">") { k += 1 }
                let name = word(from: i + 1).lowercased()
                guard k < limit, name == "doctype" || name == "xml" else { return nil }
                return Tag(name: name, closing: false, selfClosing: true, end: k + 1)
            }
            let nameStart = i
            while i < bytes.count, i - nameStart < 12, Tokenizer.isLetter(bytes[i]) || bytes[i] &- 0x30 < 10 { i += 1 }
            guard i > nameStart, Tokenizer.isLetter(bytes[nameStart]) else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self).lowercased()
            guard MarkupText.blocks.contains(name) || MarkupText.inline.contains(name) || MarkupText.hidden.contains(name)
            else { return nil }
            guard i < bytes.count else { return nil }
            let next = bytes[i]
            guard next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x20 || next == 0x0A
                || next == 0x09 || next == 0x0D
            else { return nil }
            let limit = min(bytes.count, start + 2_000)
            var quote: UInt8 = 0
            while i < limit {
                let b = bytes[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    let selfClosing = bytes[i - 1] == UInt8(ascii: "/") || name == "br" || name == "hr"
                        || name == "img" || name == "meta" || name == "link" || name == "input"
                    return Tag(name: name, closing: closing, selfClosing: selfClosing, end: i + 1)
                } else if b == UInt8(ascii: "<") {
                    return nil
                }
                i += 1
            }
            return nil
        }

        private func word(from start: Int) -> String {
            var i = start
            while i < bytes.count, i - start < 12, Tokenizer.isLetter(bytes[i]) { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }

        /// One past the end of the comment (`<!-- … -->`) or CDATA section
        /// at `start`.
        func comment(at start: Int) -> Int? {
            for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>")] where matches(open, at: start) {
                var i = start + open.utf8.count
                while i < bytes.count {
                    if matches(close, at: i) { return i + close.utf8.count }
                    i += 1
                }
                return nil
            }
            return nil
        }

        private func matches(_ literal: String, at start: Int) -> Bool {
            var i = start
            for byte in literal.utf8 {
                guard i < bytes.count, bytes[i] == byte else { return false }
                i += 1
            }
            return true
        }

        /// The character reference at `start` (a `&`): `&name;`, `&#8217;`
        /// or `&#x2019;`.
        func reference(at start: Int) -> (scalar: Unicode.Scalar, end: Int)? {
            var i = start + 1
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "#") {
                i += 1
                var hex = false
                if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "x") {
                    hex = true
                    i += 1
                }
                var value: UInt32 = 0
                let digitsStart = i
                while i < bytes.count, i - digitsStart < 7 {
                    let b = bytes[i]
                    if b &- 0x30 < 10 {
                        value = value * (hex ? 16 : 10) + UInt32(b - 0x30)
                    } else if hex, (b | 0x20) &- UInt8(ascii: "a") < 6 {
                        value = value * 16 + UInt32((b | 0x20) - UInt8(ascii: "a") + 10)
                    } else {
                        break
                    }
                    i += 1
                }
                guard i > digitsStart, i < bytes.count, bytes[i] == UInt8(ascii: ";"),
                      value != 0, let scalar = Unicode.Scalar(value)
                else { return nil }
                return (scalar, i + 1)
            }
            let nameStart = i
            while i < bytes.count, i - nameStart < 8, Tokenizer.isLetter(bytes[i]) { i += 1 }
            guard i > nameStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
            guard let scalar = MarkupText.references[name] else { return nil }
            return (scalar, i + 1)
        }
    }
}

import Foundation

/// Splits a document's tokens into sentences the way a reader does: at a
/// full stop, question or exclamation mark followed by a capital, a figure
/// or a quote; at the end of a line (headlines, bullets, datelines), unless
/// the text is hard-wrapped; never after "Gen." or an initial.
struct SentenceSplitter {
    let lexicon: LexiconView

    /// The sentences of `tokens`, in order.
    ///
    /// - Parameters:
    ///   - tokens: the document's tokens.
    ///   - bytes: the document's text, to tell whether lines are wrapped.
    ///   - body: where the text after any front matter starts.
    func split(_ tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, body: Int = 0) -> [Sentence] {
        var sentences: [Sentence] = []
        let wrapped = SentenceSplitter.isHardWrapped(bytes, from: body)
        let tableLines = wrapped ? SentenceSplitter.tableLines(tokens) : []
        var start = 0
        var paragraph = 0

        func breaksParagraph(_ token: Token) -> Bool {
            token.has(.blankLineBefore) || (token.has(.lineBefore) && !wrapped)
        }

        func close(_ end: Int) {
            guard start < end else { return }
            if !sentences.isEmpty, breaksParagraph(tokens[start]) { paragraph += 1 }
            var first = start
            while first < end, tokens[first].mark == .bullet { first += 1 }
            if first < end {
                sentences.append(Sentence(
                    tokens: first..<end,
                    span: ByteSpan(start: Int(tokens[first].start), end: Int(tokens[end - 1].end)),
                    paragraph: paragraph))
            }
            start = end
        }

        let count = tokens.count
        var i = 0
        while i < count {
            let token = tokens[i]
            if i > start, breaksParagraph(token) || (token.mark == .bullet && token.has(.lineBefore))
                || (token.has(.lineBefore) && tableLines.contains(i)) {
                close(i)
            }
            // A run of words with no end in sight is no sentence a reader
            // could follow: it is cut at a line's end, else at any word, so
            // that what is read of a sentence stays bounded by its length.
            if i - start >= SentenceSplitter.longest, token.has(.lineBefore) || i - start >= 2 * SentenceSplitter.longest {
                close(i)
            }
            if endsSentence(tokens, at: i) {
                var j = i + 1
                while j < count, !tokens[j].has(.spaceBefore),
                      tokens[j].mark == .closeQuote || tokens[j].mark == .closeParen {
                    j += 1
                }
                // "… as of 31 January 2026.[10] It states": a footnote's
                // marker closes the sentence it is glued to.
                while let close = SentenceSplitter.footnote(tokens, bytes: bytes, at: j) { j = close }
                if j >= count || startsSentence(tokens[j]) {
                    close(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        close(count)
        return sentences
    }

    /// The end of a footnote's marker glued to the token before `i`:
    /// "[10]", "[citation needed]".
    static func footnote(_ tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard i < tokens.count, !tokens[i].has(.spaceBefore), tokens[i].mark == .openParen,
              bytes[Int(tokens[i].start)] == UInt8(ascii: "[")
        else { return nil }
        var k = i + 1
        while k < tokens.count, k <= i + 3 {
            if tokens[k].mark == .closeParen { return bytes[Int(tokens[k].start)] == UInt8(ascii: "]") && k > i + 1 ? k + 1 : nil }
            guard tokens[k].kind == .number || tokens[k].isWord else { return nil }
            k += 1
        }
        return nil
    }

    /// The most tokens a sentence holds before a line's end cuts it; twice
    /// as many before any word does. The longest sentences of real news
    /// hold about a hundred.
    static let longest = 400

    /// The first tokens of a pipe table's lines (`PipeTable`) and of the
    /// line after its last: a row is a line of its own even in wrapped text.
    static func tableLines(_ tokens: UnsafeBufferPointer<Token>) -> Set<Int> {
        var starts: Set<Int> = []
        var lineStart = 0
        var piped = false
        var previousPiped = false
        for i in 0..<tokens.count {
            if i > 0, tokens[i].has(.lineBefore) {
                if piped || previousPiped { starts.insert(lineStart) }
                previousPiped = piped
                piped = false
                lineStart = i
            }
            if tokens[i].hash == PipeTable.pipe { piped = true }
        }
        if piped || previousPiped { starts.insert(lineStart) }
        return starts
    }

    private func endsSentence(_ tokens: UnsafeBufferPointer<Token>, at i: Int) -> Bool {
        let token = tokens[i]
        switch token.mark {
        case .period, .exclamation, .question, .ellipsis:
            return true
        default:
            // "in the U.S. The next day": an abbreviation ends a sentence
            // when a capitalised grammar word follows it.
            guard token.has(.abbreviation), i + 1 < tokens.count else { return false }
            if let entry = lexicon.entry(of: token), entry.isTitleAbbreviation { return false }
            let next = tokens[i + 1]
            return next.has(.capitalized) && lexicon.english(next).contains(.function) && next.has(.spaceBefore)
        }
    }

    private func startsSentence(_ token: Token) -> Bool {
        guard token.has(.spaceBefore) else { return false }
        if token.has(.lineBefore) { return true }
        switch token.kind {
        case .number, .ordinal: return true
        case .word, .code: return token.has(.capitalized)
        case .punctuation:
            return token.mark == .openQuote || token.mark == .bullet || token.mark == .openParen
                || token.mark == .period || token.mark == .dash
        }
    }

    /// Whether the lines of the text are wrapped at a width rather than
    /// ended at paragraphs: most long lines then end mid-sentence.
    static func isHardWrapped(_ bytes: UnsafeBufferPointer<UInt8>, from body: Int) -> Bool {
        guard let base = bytes.baseAddress, body < bytes.count else { return false }
        var long = 0
        var open = 0
        var widest = 0
        var lineStart = body
        while lineStart < bytes.count {
            let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
            let lineEnd = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
            var e = lineEnd
            while e > lineStart, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x0D || bytes[e - 1] == 0x09 { e -= 1 }
            let length = e - lineStart
            widest = max(widest, length)
            if length >= 40 {
                long += 1
                let last = bytes[e - 1]
                let ends = last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
                    || last == UInt8(ascii: "\"") || last == UInt8(ascii: ":") || last == UInt8(ascii: ")")
                    || last == 0x9D || last == 0x99
                if !ends { open += 1 }
            }
            lineStart = lineEnd + 1
        }
        return long >= 4 && widest <= 100 && open * 10 >= long * 6
    }
}

/// A sentence's tokens with the lexicon that reads them: the view every
/// stage after splitting works on.
struct SentenceScope {
    let tokens: UnsafeBufferPointer<Token>
    let range: Range<Int>
    let lexicon: LexiconView
    /// The document's text, for the few strings a claim needs (names).
    let bytes: UnsafeBufferPointer<UInt8>

    /// The text of tokens `from..<to`, as written.
    func text(_ from: Int, _ to: Int) -> String {
        let start = Int(tokens[from].start), end = Int(tokens[to - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    @inline(__always) subscript(_ i: Int) -> Token { tokens[i] }

    /// The longest phrase of `kind` starting at `i`, inside the sentence.
    @inline(__always)
    func match(_ kind: PhraseRole.Kind, at i: Int) -> PhraseMatch? {
        guard i >= range.lowerBound, i < range.upperBound else { return nil }
        guard let found = lexicon.match(kind, in: tokens, at: i, limit: range.upperBound) else { return nil }
        return kind == .rate && timesAnother(after: found.end) ? nil : found
    }

    /// Whether any phrase of `kind` stands in the sentence.
    func names(_ kind: PhraseRole.Kind) -> Bool {
        range.contains { tokens[$0].entry >= 0 && lexicon.starts(kind, tokens[$0]) && match(kind, at: $0) != nil }
    }

    /// Whether the sentence is a question: it ends with a question mark,
    /// past closing quotes and brackets.
    var isQuestion: Bool {
        var last = range.upperBound - 1
        while last > range.lowerBound, tokens[last].mark == .closeQuote || tokens[last].mark == .closeParen { last -= 1 }
        return last >= range.lowerBound && tokens[last].mark == .question
    }

    /// Whether token `k` is a lower-case word of more than four bytes
    /// ending with `suffix`: a participle by its shape ("citing" with
    /// "ing", "declassified" with "ed").
    func isParticiple(_ k: Int, endingWith suffix: StaticString) -> Bool {
        let token = tokens[k]
        guard token.isWord, !token.has(.capitalized) else { return false }
        let start = Int(token.start), end = Int(token.end), count = suffix.utf8CodeUnitCount
        guard end - start > 4 else { return false }
        return (0..<count).allSatisfy { bytes[end - count + $0] == suffix.utf8Start[$0] }
    }

    /// Whether the words at `k` make a period before them the distance to
    /// another time: "a day earlier", "a week later", "24 hours after".
    private func timesAnother(after k: Int) -> Bool {
        k < range.upperBound && SentenceScope.relativeTimes.contains(tokens[k].hash)
    }

    private static let relativeTimes = WordSet(["earlier", "later", "after", "before", "ago", "prior"].map(WordHash.of))

    /// The longest phrase of `kind` ending right before `end`, inside the sentence.
    @inline(__always)
    func match(_ kind: PhraseRole.Kind, endingAt end: Int) -> PhraseMatch? {
        guard end > range.lowerBound, end <= range.upperBound else { return nil }
        return lexicon.match(kind, in: tokens, endingAt: end, floor: range.lowerBound)
    }

    @inline(__always)
    func english(_ i: Int) -> English.WordClass {
        lexicon.english(tokens[i])
    }

    /// Whether token `i`, inside the sentence, is the grammar word `keyword`.
    @inline(__always)
    func `is`(_ i: Int, _ keyword: Keyword) -> Bool {
        i >= range.lowerBound && i < range.upperBound && tokens[i].keyword == keyword
    }

    /// Whether the sentence is a line of its own (a headline, a table's
    /// row), not a sentence of a paragraph.
    var isLine: Bool {
        guard !range.isEmpty else { return false }
        // ("- Killed: 46,000": a bullet opens the line, not the sentence.)
        var first = range.lowerBound
        while first > 0, !tokens[first].has(.lineBefore), tokens[first - 1].mark == .bullet { first -= 1 }
        // ("1. Russian military losses": nor does a section's number.)
        if first >= 2, !tokens[first].has(.lineBefore), tokens[first - 1].mark == .period, tokens[first - 2].kind == .number,
           tokens[first - 2].digits <= 2, tokens[first - 2].has(.lineBefore) {
            first -= 2
        }
        guard tokens[first].has(.lineBefore) else { return false }
        return endsLine
    }

    /// Whether the sentence opens the text or a line.
    var opensLine: Bool {
        range.lowerBound == 0 || tokens[range.lowerBound].has(.lineBefore)
    }

    /// Whether the text or a line ends with the sentence.
    var endsLine: Bool {
        range.upperBound >= tokens.count || tokens[range.upperBound].has(.lineBefore)
    }

    /// Punctuation that ends a clause: a comma, semicolon, colon, dash,
    /// bracket or full stop.
    @inline(__always)
    func isClausePunctuation(_ i: Int) -> Bool {
        switch tokens[i].mark {
        case .comma, .semicolon, .colon, .period, .dash, .openParen, .closeParen, .exclamation, .question, .ellipsis:
            return true
        default:
            return false
        }
    }

    /// The first index at or after `i` that is not a quotation mark.
    func skipQuotes(from i: Int) -> Int {
        var k = i
        while k < range.upperBound, tokens[k].isQuote { k += 1 }
        return k
    }

    /// The last index at or before `i` that is not a quotation mark.
    func skipQuotes(back i: Int) -> Int {
        var k = i
        while k >= range.lowerBound, tokens[k].isQuote { k -= 1 }
        return k
    }

    /// The other side, for a lexicon of two sides.
    func opposite(_ side: Int) -> Int? {
        guard lexicon.sides.count == 2, side >= 0 else { return nil }
        return 1 - side
    }

    /// The side a phrase ending before `end` names: a lexicon side's index,
    /// or ``SentenceScope/enemy`` for "the enemy".
    func side(endingAt end: Int) -> Int? {
        sideMatch(endingAt: end)?.side
    }

    /// The side a phrase ending before `end` names, and where it starts.
    func sideMatch(endingAt end: Int) -> (side: Int, start: Int)? {
        if let found = match(.side, endingAt: end) { return (Int(found.role.value), found.start) }
        if let found = match(.enemy, endingAt: end) { return (SentenceScope.enemy, found.start) }
        return nil
    }

    /// The side a phrase starting at `start` names, and where it ends.
    func side(at start: Int) -> (side: Int, end: Int)? {
        if let found = match(.side, at: start) { return (Int(found.role.value), found.end) }
        if let found = match(.enemy, at: start) { return (SentenceScope.enemy, found.end) }
        return nil
    }

    /// The side index that stands for the speaker's enemy.
    static let enemy = -1
}

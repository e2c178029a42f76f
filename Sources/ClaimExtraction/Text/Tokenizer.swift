/// The tables a ``Tokenizer`` reads: the lexicon's word index (to tag each
/// word as it is hashed) and the scale words (to tell "1.500 million" from
/// "1.500 soldiers").
struct TokenizerTables: @unchecked Sendable {
    var index: FrozenWordTable
    // A read-only view of the entries the compiled lexicon owns.
    var entries: UnsafeBufferPointer<LexiconView.Entry>
    /// The index's slots again, each with its key, entry and keyword side
    /// by side (`index.keys[i]`, `index.values[i]`, that entry's keyword),
    /// so that tagging a word touches one cache line rather than three:
    /// the lookup per word was the tokenizer's most stalled load.
    var slots: UnsafeBufferPointer<WordSlot>

    /// One slot of ``slots``.
    struct WordSlot: Sendable {
        var key: UInt64
        var entry: Int32
        var keyword: Keyword
    }

    /// Tables for reading the lexicon's own phrases, before it is compiled.
    static let bootstrap = TokenizerTables(
        index: .empty, entries: UnsafeBufferPointer(start: nil, count: 0), slots: UnsafeBufferPointer(start: nil, count: 0))

    /// The entry of a word hash and its keyword, probing as `index` does.
    @inline(__always) func tag(_ hash: UInt64) -> (entry: Int32, keyword: Keyword) {
        guard index.mask > 0 else { return (-1, .none) }
        var i = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> index.shift)
        while true {
            let slot = slots[i]
            if slot.entry < 0 || slot.key == hash { return (slot.entry, slot.keyword) }
            i = (i + 1) & index.mask
        }
    }

    /// The value of a scale word ("million", the "m" of "7.8m"), or nil.
    @inline(__always) func scale(_ hash: UInt64) -> Double? {
        let found = entry(hash)
        guard found >= 0, entries[Int(found)].scale > 0 else { return nil }
        return entries[Int(found)].scale
    }

    /// For phrases read before the lexicon is built.
    static let abbreviations = WordSet(English.abbreviations.map(WordHash.of))

    /// The entry of a word hash, or -1.
    @inline(__always) func entry(_ hash: UInt64) -> Int32 { index.find(hash) }

    @inline(__always) func keyword(_ entry: Int32) -> Keyword {
        entry >= 0 ? entries[Int(entry)].keyword : .none
    }

    func isAbbreviation(_ hash: UInt64) -> Bool {
        if entries.isEmpty { return TokenizerTables.abbreviations.contains(hash) }
        let found = entry(hash)
        return found >= 0 && entries[Int(found)].isAbbreviation
    }
}

/// Splits UTF-8 text into words, numbers and punctuation in one pass over
/// the bytes, reading numbers the way reporting writes them: "100,000",
/// "1,00,000" (Indian grouping), "100 000" and "100.000" (translated text),
/// "1.5", "7.8m".
///
/// It allocates nothing but the token array, so that it is never the
/// bottleneck: the hash of each word is built as its bytes go by.
struct Tokenizer {
    let tables: TokenizerTables

    /// The tokens of `bytes[start..<end]`.
    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) -> [Token] {
        withTokens(bytes, from: start, to: end) { Array($0) }
    }

    /// Calls `body` with the tokens of `bytes[start..<end]`, in memory that
    /// lives for the call: a document's tokens without the copy an array
    /// of them would take.
    func withTokens<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil,
        _ body: (UnsafeBufferPointer<Token>) throws -> Result
    ) rethrows -> Result {
        let end = end ?? bytes.count
        var tokens = TokenSink(capacity: (end - start) / 4 + 16)
        defer { tokens.free() }
        tokenize(bytes, from: start, to: end, into: &tokens)
        return try body(UnsafeBufferPointer(start: tokens.base, count: tokens.count))
    }

    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into tokens: inout TokenSink) {
        var i = start
        var flags: Token.Flags = [.spaceBefore, .lineBefore, .blankLineBefore]
        var lineBreaks = 0

        @inline(__always) func byte(_ at: Int) -> UInt8 { at < end ? bytes[at] : 0 }

        func emit(_ kind: Token.Kind, _ mark: Token.Mark, from s: Int, to e: Int, hash: UInt64, extra: Token.Flags = [], value: Double = 0, digits: UInt8 = 0) {
            tokens.append(Token(
                start: Int32(s), end: Int32(e), kind: kind, mark: mark, flags: flags.union(extra), keyword: .none,
                digits: digits, hash: hash, entry: -1, value: value))
            flags = []
            lineBreaks = 0
        }

        func punctuation(_ mark: Token.Mark, _ s: Int, _ length: Int, _ text: UInt64) {
            emit(.punctuation, mark, from: s, to: s + length, hash: text)
        }

        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                lineBreaks += 1
                flags.formUnion([.spaceBefore, .lineBefore])
                if lineBreaks >= 2 { flags.insert(.blankLineBefore) }
                i += 1
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
                flags.insert(.spaceBefore)
                i += 1
                continue
            }
            if Tokenizer.isLetter(b) || (b >= 0xC3 && b != 0xE2 && b != 0xEF && !Tokenizer.isPictograph(bytes, at: i, end: end)) {
                i = word(bytes, at: i, end: end, tokens: &tokens, flags: &flags, lineBreaks: &lineBreaks)
                continue
            }
            if b &- 0x30 < 10 {
                i = number(bytes, at: i, end: end, tokens: &tokens, flags: &flags, lineBreaks: &lineBreaks)
                continue
            }
            switch b {
            case 0xC2:
                switch byte(i + 1) {
                case 0xA0: flags.insert(.spaceBefore)
                case 0xA3, 0xA5: punctuation(.currency, i, 2, Symbol.currency)
                case 0xAB: punctuation(.openQuote, i, 2, Symbol.doubleQuote)
                case 0xBB: punctuation(.closeQuote, i, 2, Symbol.doubleQuote)
                case 0xB7: punctuation(.bullet, i, 2, Symbol.bullet)
                default: punctuation(.other, i, 2, 0)
                }
                i += 2
            case 0xE2:
                let b1 = byte(i + 1), b2 = byte(i + 2)
                if b1 == 0x80 {
                    switch b2 {
                    case 0x80...0x8D, 0xAF: flags.insert(.spaceBefore)
                    case 0xA8, 0xA9:
                        lineBreaks += 1
                        flags.formUnion([.spaceBefore, .lineBefore])
                    case 0x98: punctuation(.openQuote, i, 3, Symbol.singleQuote)
                    case 0x99:
                        if clitic(bytes, at: i, width: 3, end: end, tokens: &tokens, flags: &flags, lineBreaks: &lineBreaks) {
                            i = Int(tokens[tokens.count - 1].end)
                            continue
                        }
                        punctuation(.closeQuote, i, 3, Symbol.singleQuote)
                    case 0x9C, 0x9E: punctuation(.openQuote, i, 3, Symbol.doubleQuote)
                    case 0x9D: punctuation(.closeQuote, i, 3, Symbol.doubleQuote)
                    case 0x90, 0x91:
                        punctuation(.hyphen, i, 3, Symbol.hyphen)
                    case 0x92...0x95: punctuation(.dash, i, 3, Symbol.dash)
                    case 0xA2, 0xA3: punctuation(.bullet, i, 3, Symbol.bullet)
                    case 0xA6: punctuation(.ellipsis, i, 3, Symbol.ellipsis)
                    default: punctuation(.other, i, 3, 0)
                    }
                } else if b1 == 0x81, b2 == 0x9F {
                    flags.insert(.spaceBefore)
                } else if b1 == 0x82, b2 == 0xAC || b2 == 0xB4 || b2 == 0xBD || b2 == 0xB9 {
                    punctuation(.currency, i, 3, Symbol.currency)
                } else {
                    punctuation(.other, i, 3, 0)
                }
                i += 3
            case 0xF0 where Tokenizer.isPictograph(bytes, at: i, end: end):
                // "🔴 Kharkiv Oblast …": an emoji is a mark, no word.
                punctuation(.other, i, 4, 0)
                i += 4
            case 0xEF:
                // A byte-order mark or another symbol of the BMP's last block.
                if byte(i + 1) == 0xBB, byte(i + 2) == 0xBF {
                    i += 3
                    continue
                }
                punctuation(.other, i, 3, 0)
                i += 3
            case UInt8(ascii: "'"):
                if clitic(bytes, at: i, width: 1, end: end, tokens: &tokens, flags: &flags, lineBreaks: &lineBreaks) {
                    i = Int(tokens[tokens.count - 1].end)
                    continue
                }
                let opens = flags.contains(.spaceBefore) || tokens.last?.mark == .openParen
                punctuation(opens ? .openQuote : .closeQuote, i, 1, Symbol.singleQuote)
                i += 1
            case UInt8(ascii: "\""):
                let opens = flags.contains(.spaceBefore) || tokens.last?.mark == .openParen
                punctuation(opens ? .openQuote : .closeQuote, i, 1, Symbol.doubleQuote)
                i += 1
            case UInt8(ascii: "."):
                var e = i + 1
                while e < end, bytes[e] == UInt8(ascii: ".") { e += 1 }
                if e - i >= 3 {
                    punctuation(.ellipsis, i, e - i, Symbol.ellipsis)
                    i = e
                } else {
                    punctuation(.period, i, 1, Symbol.period)
                    i += 1
                }
            case UInt8(ascii: ","): punctuation(.comma, i, 1, Symbol.comma); i += 1
            case UInt8(ascii: ";"): punctuation(.semicolon, i, 1, Symbol.semicolon); i += 1
            case UInt8(ascii: ":"): punctuation(.colon, i, 1, Symbol.colon); i += 1
            case UInt8(ascii: "!"): punctuation(.exclamation, i, 1, Symbol.exclamation); i += 1
            case UInt8(ascii: "?"): punctuation(.question, i, 1, Symbol.question); i += 1
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                punctuation(.openParen, i, 1, Symbol.openParen); i += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                punctuation(.closeParen, i, 1, Symbol.closeParen); i += 1
            case UInt8(ascii: "%"): punctuation(.percent, i, 1, Symbol.percent); i += 1
            case UInt8(ascii: "$"): punctuation(.currency, i, 1, Symbol.currency); i += 1
            case UInt8(ascii: "/"): punctuation(.slash, i, 1, Symbol.slash); i += 1
            case UInt8(ascii: "-"):
                var e = i + 1
                while e < end, bytes[e] == UInt8(ascii: "-") { e += 1 }
                let next = byte(e)
                if flags.contains(.lineBefore), next == 0x20 {
                    punctuation(.bullet, i, e - i, Symbol.bullet)
                } else if e - i == 1, !flags.contains(.spaceBefore), next != 0x20, next != 0x0A, next != 0 {
                    punctuation(.hyphen, i, 1, Symbol.hyphen)
                } else {
                    punctuation(.dash, i, e - i, Symbol.dash)
                }
                i = e
            case UInt8(ascii: "*"):
                punctuation(flags.contains(.lineBefore) ? .bullet : .other, i, 1, Symbol.bullet)
                i += 1
            default:
                punctuation(.other, i, 1, Symbol.base | 0x100 | UInt64(b))
                i += 1
            }
        }
    }

    /// Where the tokenizer writes: memory it grows itself, so that a token
    /// costs a store and a count rather than `Array.append`'s check that
    /// the array is not shared (a call into the runtime per token).
    private struct TokenSink {
        private(set) var base: UnsafeMutablePointer<Token>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        @inline(__always)
        mutating func append(_ token: Token) {
            if count == capacity { grow() }
            (base + count).initialize(to: token)
            count += 1
        }

        var last: Token? { count > 0 ? base[count - 1] : nil }

        subscript(_ i: Int) -> Token { base[i] }

        private mutating func grow() {
            let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }

        /// Frees the memory: the tokens are plain values, with nothing to deinitialise.
        func free() { base.deallocate() }
    }

    // MARK: Words

    private func word(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int,
        tokens: inout TokenSink, flags: inout Token.Flags, lineBreaks: inout Int
    ) -> Int {
        var i = start
        var hash = WordHash()
        var letters = 0
        // Whether every letter so far is an ASCII capital ("UNSC", not "Kyiv" or "ÉTAT").
        var capitalsOnly = true
        var hasDigit = false
        let capitalized = Tokenizer.isUpper(bytes[start]) || (bytes[start] == 0xC3 && start + 1 < end && bytes[start + 1] < 0x9F)
        // Most words are ASCII letters alone: eight of them at a time, while
        // they last; the loop below reads what follows.
        // Whether the letters ended at a space or a mark, which ends the
        // word: the loop below would stop there at once.
        var ended = false
        if let base = bytes.baseAddress {
            while i + 8 <= end {
                let block = LetterBlock(base + i)
                let count = block.leadingLetters
                hash.addFolded(block.folded, bytes: count)
                letters &+= count
                if block.hasLowerCase(first: count) { capitalsOnly = false }
                i &+= count
                if count < 8 {
                    let b = bytes[i]
                    ended = b < 0x80 && b &- 0x30 >= 10 && b != UInt8(ascii: "'")
                    break
                }
            }
        }
        while !ended, i < end {
            let b = bytes[i]
            let folded = b | 0x20
            if folded &- 0x61 < 26 {
                // An ASCII letter, the common case: fold and hash in one step.
                letters &+= 1
                if b >= 0x61 { capitalsOnly = false }
                hash.addFolded(folded)
                i &+= 1
            } else if b &- 0x30 < 10 {
                // "more than18,500": a word glued to a figure by a typo.
                if !hasDigit, letters >= 2, tables.entry(hash.value) >= 0 { break }
                hasDigit = true
                hash.add(b)
                i += 1
            } else if b >= 0xC3, b != 0xE2, b != 0xEF, !Tokenizer.isPictograph(bytes, at: i, end: end) {
                // A letter outside ASCII: take its whole sequence.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var k = 0
                while k < length, i < end { hash.add(bytes[i]); i += 1; k += 1 }
                letters += 1
                capitalsOnly = false
            } else if (b == UInt8(ascii: "'") || (b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99)),
                      let after = Optional(b == 0xE2 ? i + 3 : i + 1), after < end, Tokenizer.isUpper(bytes[after]) {
                // O'Brien: an apostrophe before a capital is part of a name.
                hash.add(UInt8(ascii: "'"))
                i = after
            } else {
                break
            }
        }
        var extra: Token.Flags = []
        if capitalized { extra.insert(.capitalized) }
        if letters >= 2, capitalsOnly { extra.insert(.allCaps) }
        var wordEnd = i
        // "U.S.", "U.N.": letters and full stops make one word.
        if letters == 1, i + 2 < end, bytes[i] == UInt8(ascii: "."), Tokenizer.isLetter(bytes[i + 1]), bytes[i + 2] == UInt8(ascii: ".") {
            var k = i
            while k + 1 < end, bytes[k] == UInt8(ascii: "."), Tokenizer.isLetter(bytes[k + 1]),
                  k + 2 >= end || !Tokenizer.isLetter(bytes[k + 2]) {
                hash.add(bytes[k + 1])
                k += 2
            }
            if k < end, bytes[k] == UInt8(ascii: ".") { k += 1 }
            wordEnd = k
            extra.formUnion([.abbreviation, .allCaps])
        } else if i < end, bytes[i] == UInt8(ascii: "."),
                  (letters == 1 && capitalized) || tables.isAbbreviation(hash.value) {
            wordEnd = i + 1
            extra.insert(.abbreviation)
        }
        let key = hash.value
        let tag = hasDigit ? (entry: Int32(-1), keyword: Keyword.none) : tables.tag(key)
        tokens.append(Token(
            start: Int32(start), end: Int32(wordEnd), kind: hasDigit && letters > 0 ? .code : .word,
            mark: .none, flags: flags.union(extra), keyword: tag.keyword, digits: 0, hash: key,
            entry: tag.entry, value: 0))
        flags = []
        lineBreaks = 0
        return wordEnd
    }

    /// An apostrophe glued to a word and followed by letters ("Moscow's",
    /// "it's", "You're") makes a clitic token of its own, spelt with a
    /// straight apostrophe. Returns false when the apostrophe is a quote.
    private func clitic(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, width: Int, end: Int,
        tokens: inout TokenSink, flags: inout Token.Flags, lineBreaks: inout Int
    ) -> Bool {
        guard let last = tokens.last, last.kind == .word, Int(last.end) == start,
              start + width < end, Tokenizer.isLetter(bytes[start + width]) else { return false }
        var hash = WordHash()
        hash.add(UInt8(ascii: "'"))
        var i = start + width
        while i < end, Tokenizer.isLetter(bytes[i]) { hash.add(bytes[i]); i += 1 }
        let entry = tables.entry(hash.value)
        tokens.append(Token(
            start: Int32(start), end: Int32(i), kind: .word, mark: .none, flags: [], keyword: tables.keyword(entry),
            digits: 0, hash: hash.value, entry: entry, value: 0))
        flags = []
        lineBreaks = 0
        return true
    }

    // MARK: Numbers

    /// Whether the full stop at `dot` stands in a date written with dots,
    /// day first: one or two digits, a dot, one or two digits, a dot, and
    /// two or four digits, with no digit, dot or letter glued around.
    static func isDottedDate(_ bytes: UnsafeBufferPointer<UInt8>, around dot: Int, end: Int) -> Bool {
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < end && bytes[k] &- 0x30 < 10 }
        func glued(_ k: Int) -> Bool { k >= 0 && k < end && (isDigit(k) || bytes[k] == UInt8(ascii: ".") && isDigit(k + 1) || isLetter(bytes[k])) }
        var start = dot
        while start > 0, start > dot - 6, isDigit(start - 1) || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
        var runs: [Int] = []
        var k = start
        var run = 0
        while k < end, k < start + 11 {
            if isDigit(k) {
                run += 1
            } else if bytes[k] == UInt8(ascii: "."), isDigit(k + 1), runs.count < 2 {
                runs.append(run)
                run = 0
            } else {
                break
            }
            k += 1
        }
        runs.append(run)
        guard runs.count == 3, (1...2).contains(runs[0]), (1...2).contains(runs[1]), runs[2] == 2 || runs[2] == 4,
              start == 0 || !glued(start - 1), !glued(k)
        else { return false }
        return true
    }

    private func number(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int,
        tokens: inout TokenSink, flags: inout Token.Flags, lineBreaks: inout Int
    ) -> Int {
        @inline(__always) func digit(_ at: Int) -> Bool { at < end && bytes[at] &- 0x30 < 10 }
        @inline(__always) func digitRun(_ at: Int) -> Int {
            var k = at
            while digit(k) { k += 1 }
            return k - at
        }
        var i = start
        var value = 0.0
        var digits = 0
        while digit(i) {
            value = value * 10 + Double(bytes[i] &- 0x30)
            digits += 1
            i += 1
        }
        // The separator a figure's groups use, once seen: "100,000",
        // "1,00,000", "100.000" or "100 000".
        var separator: UInt8 = 0
        var decimal = false
        func take(_ count: Int, at: Int) {
            for k in at..<(at + count) { value = value * 10 + Double(bytes[k] &- 0x30) }
        }
        func fraction(_ from: Int, _ to: Int) {
            var scale = 0.1
            for k in from..<to {
                value += Double(bytes[k] &- 0x30) * scale
                scale /= 10
            }
        }
        while i < end, !decimal {
            let b = bytes[i]
            if b == UInt8(ascii: ","), separator == 0 || separator == b {
                let run = digitRun(i + 1)
                if run == 3, separator != 0 || digits <= 3 {
                    take(3, at: i + 1)
                    i += 4
                    separator = b
                    continue
                }
                // Indian grouping: 1,00,000 and 10,00,000.
                if run == 2, separator != 0 || digits <= 2, i + 3 < end, bytes[i + 3] == b, digitRun(i + 4) >= 2 {
                    take(2, at: i + 1)
                    i += 3
                    separator = b
                    continue
                }
                // A decimal comma, as translations write it: "1,5 million".
                if run == 1 || run == 2, separator == 0, scaleWord(after: i + 1 + run, in: bytes, end: end) != nil {
                    fraction(i + 1, i + 1 + run)
                    i += 1 + run
                    decimal = true
                }
                break
            }
            if b == UInt8(ascii: "."), digit(i + 1) {
                // "06.03.2024", "24.02.22": a date written with dots is its
                // day, month and year, not a decimal.
                if separator == 0, Tokenizer.isDottedDate(bytes, around: i, end: end) { break }
                let run = digitRun(i + 1)
                let after = i + 1 + run
                let nextGroup = after + 1 < end && bytes[after] == b && digitRun(after + 1) == 3
                // "1.500" in translated text is fifteen hundred; "1.500
                // million" and "1.5" are decimals.
                if run == 3, separator == b || (separator == 0 && digits <= 3),
                   nextGroup || scaleWord(after: after, in: bytes, end: end) == nil {
                    take(3, at: i + 1)
                    i = after
                    separator = b
                    continue
                }
                if separator == b { break }
                fraction(i + 1, after)
                i = after
                decimal = true
                break
            }
            if separator == 0 || separator == 0x20, digits <= 3 || separator == 0x20 {
                // "100 000": a space (plain, no-break or thin) before exactly three digits.
                var gap = 0
                if b == 0x20 { gap = 1 }
                else if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { gap = 2 }
                else if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x89 || bytes[i + 2] == 0xAF { gap = 3 }
                if gap > 0, digitRun(i + gap) == 3 {
                    let after = i + gap + 3
                    let continues = after + 1 < end && (bytes[after] == UInt8(ascii: ",") || bytes[after] == UInt8(ascii: ".")) && digit(after + 1)
                    if !continues {
                        take(3, at: i + gap)
                        i = after
                        separator = 0x20
                        continue
                    }
                }
            }
            break
        }
        var grouped = separator != 0
        var kind = Token.Kind.number
        var tokenEnd = i
        // Letters glued to the digits: an ordinal, a scale, or a code.
        if i < end, Tokenizer.isLetter(bytes[i]) {
            var k = i
            var suffix = WordHash()
            while k < end, Tokenizer.isLetter(bytes[k]) { suffix.add(bytes[k]); k += 1 }
            let length = k - i
            if length == 2, Tokenizer.ordinalSuffixes.contains(suffix.value) {
                kind = .ordinal
                tokenEnd = k
            } else if length <= 2, !(k < end && bytes[k] &- 0x30 < 10), let scale = tables.scale(suffix.value) {
                value *= scale
                tokenEnd = k
                grouped = true
            } else {
                while k < end, Tokenizer.isLetter(bytes[k]) || bytes[k] &- 0x30 < 10 { k += 1 }
                kind = .code
                tokenEnd = k
            }
        }
        var hash = WordHash()
        for k in start..<tokenEnd { hash.add(bytes[k]) }
        tokens.append(Token(
            start: Int32(start), end: Int32(tokenEnd), kind: kind, mark: .none,
            flags: flags.union(grouped ? .grouped : []), keyword: .none, digits: UInt8(min(digits, 255)),
            hash: hash.value, entry: -1, value: value))
        flags = []
        lineBreaks = 0
        return tokenEnd
    }

    /// The value of the scale word after `at` (past spaces), if one follows.
    private func scaleWord(after at: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Double? {
        var i = at
        while i < end, bytes[i] == 0x20 { i += 1 }
        guard i > at || (i < end && Tokenizer.isLetter(bytes[i])) else { return nil }
        var hash = WordHash()
        let wordStart = i
        while i < end, Tokenizer.isLetter(bytes[i]) { hash.add(bytes[i]); i += 1 }
        guard i > wordStart else { return nil }
        return tables.scale(hash.value)
    }

    // MARK: Byte classes

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    /// Whether a pictograph (U+1F000–U+1FFFF: emoji, coloured circles)
    /// starts at `i`: a symbol, though its lead byte is one letters have.
    @inline(__always) static func isPictograph(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        bytes[i] == 0xF0 && i + 3 < end && bytes[i + 1] == 0x9F
    }

    /// The hashes punctuation tokens carry, so that lexicon phrases can
    /// hold a hyphen: constants, outside the range word hashes fall in
    /// only by a one-in-2^32 chance.
    enum Symbol {
        static let base: UInt64 = 0xFFFF_FFFF_0000_0000
        static let currency = base | 1
        static let doubleQuote = base | 2
        static let singleQuote = base | 3
        static let bullet = base | 4
        static let hyphen = base | 5
        static let dash = base | 6
        static let ellipsis = base | 7
        static let period = base | 8
        static let comma = base | 9
        static let semicolon = base | 10
        static let colon = base | 11
        static let exclamation = base | 12
        static let question = base | 13
        static let openParen = base | 14
        static let closeParen = base | 15
        static let percent = base | 16
        static let slash = base | 17
    }

    static let ordinalSuffixes = WordSet(["st", "nd", "rd", "th"].map(WordHash.of))

    /// The token hashes of a lexicon phrase, split as articles are. A word
    /// that starts with an apostrophe ("'s") is the clitic it is in text.
    static func phraseHashes(_ text: String) -> [UInt64] {
        let tokenizer = Tokenizer(tables: .bootstrap)
        var hashes: [UInt64] = []
        for piece in text.split(separator: " ") {
            if piece.first == "'" || piece.first == "\u{2019}" {
                hashes.append(WordHash.of("'" + piece.dropFirst()))
                continue
            }
            var bytes = Array(piece.utf8)
            bytes.append(0x20)
            bytes.withUnsafeBufferPointer { buffer in
                hashes += tokenizer.tokenize(buffer, from: 0, to: buffer.count).map(\.hash)
            }
        }
        return hashes
    }
}

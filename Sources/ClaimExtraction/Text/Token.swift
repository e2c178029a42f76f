/// One word, number or punctuation mark of a document, by byte offsets.
///
/// A plain value with no references, so that an article's tokens sit in one
/// contiguous array.
struct Token: Sendable {
    /// What a token is. Its raw values are its cases' order, and fit in
    /// three bits (see `kindAndMark`).
    enum Kind: UInt8, Sendable, CaseIterable {
        case word
        /// Digits, with their grouping removed: `value` holds the number.
        case number
        /// "10th", "1st": a position, never a count.
        case ordinal
        /// Letters and digits mixed ("M1", "2S19"): a name, never a count.
        case code
        case punctuation
    }

    /// Which punctuation mark, for `.punctuation` tokens. Its raw values
    /// are its cases' order, and fit in five bits (see `kindAndMark`).
    enum Mark: UInt8, Sendable, CaseIterable {
        case none, comma, period, semicolon, colon, exclamation, question, ellipsis
        case openParen, closeParen, openQuote, closeQuote
        case hyphen, dash, bullet, slash, percent, currency, other
    }

    /// Spacing and case facts the sentence splitter and the name finder need.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// White space (or a line break) comes before the token.
        static let spaceBefore = Flags(rawValue: 1)
        /// A line break comes before the token.
        static let lineBefore = Flags(rawValue: 2)
        /// A blank line comes before the token.
        static let blankLineBefore = Flags(rawValue: 4)
        /// The first letter is upper case.
        static let capitalized = Flags(rawValue: 8)
        /// The token is an abbreviation that swallowed its full stop ("Gen.").
        static let abbreviation = Flags(rawValue: 16)
        /// A number written with group separators ("100,000", "1.500").
        static let grouped = Flags(rawValue: 32)
        /// Every letter is upper case and there are at least two ("UNSC").
        static let allCaps = Flags(rawValue: 64)
    }

    var start: Int32
    var end: Int32
    /// The folded hash of the token's text (for words, its lookup key).
    var hash: UInt64
    /// The value of a number.
    var value: Double
    /// The lexicon entry of a word, or -1.
    var entry: Int32
    /// `kind` in the low three bits and `mark` above them: with both in one
    /// byte a token is 32 bytes, not 40, and a document's tokens, which
    /// every stage walks again long after the tokenizer wrote them, take a
    /// fifth less memory to fetch.
    private var kindAndMark: UInt8
    var flags: Flags
    /// The grammar word a word is, if it is one the stages test.
    var keyword: Keyword
    /// The number of digits before any decimal point, for numbers.
    var digits: UInt8

    init(
        start: Int32, end: Int32, kind: Kind, mark: Mark, flags: Flags, keyword: Keyword, digits: UInt8, hash: UInt64,
        entry: Int32, value: Double
    ) {
        self.start = start
        self.end = end
        self.hash = hash
        self.value = value
        self.entry = entry
        assert(kind.rawValue < 8 && mark.rawValue < 32, "kind and mark share one byte")
        kindAndMark = kind.rawValue | mark.rawValue << 3
        self.flags = flags
        self.keyword = keyword
        self.digits = digits
    }

    @inline(__always) var kind: Kind {
        get { unsafeBitCast(kindAndMark & 7, to: Kind.self) }
        set { kindAndMark = kindAndMark & ~7 | newValue.rawValue }
    }

    @inline(__always) var mark: Mark {
        get { unsafeBitCast(kindAndMark >> 3, to: Mark.self) }
        set { kindAndMark = kindAndMark & 7 | newValue.rawValue << 3 }
    }

    @inline(__always) func has(_ flag: Flags) -> Bool { flags.contains(flag) }
    @inline(__always) var isWord: Bool { kind == .word }
    @inline(__always) var isPunctuation: Bool { kind == .punctuation }
    @inline(__always) var isQuote: Bool { mark == .openQuote || mark == .closeQuote }
}

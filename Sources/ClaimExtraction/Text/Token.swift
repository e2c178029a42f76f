/// One word, number or punctuation mark of a document, by byte offsets.
///
/// A plain value with no references, so that an article's tokens sit in one
/// contiguous array.
struct Token: Sendable {
    /// What a token is.
    enum Kind: UInt8, Sendable {
        case word
        /// Digits, with their grouping removed: `value` holds the number.
        case number
        /// "10th", "1st": a position, never a count.
        case ordinal
        /// Letters and digits mixed ("M1", "2S19"): a name, never a count.
        case code
        case punctuation
    }

    /// Which punctuation mark, for `.punctuation` tokens.
    enum Mark: UInt8, Sendable {
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
    var kind: Kind
    var mark: Mark
    var flags: Flags
    /// The grammar word a word is, if it is one the stages test.
    var keyword: Keyword
    /// The number of digits before any decimal point, for numbers.
    var digits: UInt8
    /// The folded hash of the token's text (for words, its lookup key).
    var hash: UInt64
    /// The lexicon entry of a word, or -1.
    var entry: Int32
    /// The value of a number.
    var value: Double

    @inline(__always) func has(_ flag: Flags) -> Bool { flags.contains(flag) }
    @inline(__always) var isWord: Bool { kind == .word }
    @inline(__always) var isPunctuation: Bool { kind == .punctuation }
    @inline(__always) var isQuote: Bool { mark == .openQuote || mark == .closeQuote }
}

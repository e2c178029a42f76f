/// A sentence of a document: a headline, a bullet line, or a sentence of a
/// paragraph, as a range of tokens and of bytes.
struct Sentence: Sendable, Hashable {
    /// Its tokens, bullets excluded.
    var tokens: Range<Int>
    /// Its bytes, from its first token to its last.
    var span: ByteSpan
    /// The paragraph it belongs to, counted from 0; a line of its own is a
    /// paragraph.
    var paragraph: Int
}

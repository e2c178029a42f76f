/// A ``Lexicon`` compiled into lookup tables, owning their memory: built
/// once per extractor, shared, immutable, by every document it reads, and
/// read through its ``LexiconView``.
final class CompiledLexicon: Sendable {
    /// The tables, as plain pointers into memory this object owns.
    let view: LexiconView

    init(_ lexicon: Lexicon) {
        view = LexiconView(compiling: lexicon)
    }

    deinit {
        view.free()
    }
}

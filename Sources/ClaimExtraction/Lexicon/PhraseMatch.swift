/// A phrase found in a sentence: its role and its token range.
struct PhraseMatch: Sendable {
    var role: PhraseRole
    var start: Int
    var end: Int
}

/// A name, pronoun or description in a sentence.
struct EntityMention: Sendable, Hashable {
    var start: Int
    var end: Int
    var referent: Referent
    /// The head word of a title written before the name ("general").
    var titleHead: UInt64?
}

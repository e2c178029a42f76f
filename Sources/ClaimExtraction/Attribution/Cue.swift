/// A place where a sentence says whose words it reports: a verb of saying
/// ("said", "believes", "told", "has recorded"), a source preposition
/// ("according to", "per"), or a statement noun ("Moscow's latest update",
/// "an assessment by"), with the mention that is its source.
struct Cue: Sendable, Hashable {
    /// The cue's first token.
    var position: Int
    /// Who says it, when the sentence shows.
    var agent: EntityMention?
    /// Whom it was said to ("told the BBC").
    var audience: EntityMention?
}

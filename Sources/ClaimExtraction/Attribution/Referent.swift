/// Who or what a stretch of text names, before pronouns and descriptions
/// are resolved.
enum Referent: Sendable, Hashable {
    /// A lexicon speaker, by index.
    case speaker(Int)
    /// A person the lexicon lacks, by the name the text gives, title dropped.
    case person(String)
    /// A body the lexicon lacks, by the name the text gives ("the Kharkiv
    /// Regional Prosecutor's Office").
    case body(String)
    /// A lexicon outlet, by index.
    case outlet(Int)
    /// An outlet that made the count it reports ("data analysed by the
    /// BBC"): then it is the source, not a relay.
    case analyst(Int)
    /// "he", "she".
    case personPronoun
    /// "it".
    case bodyPronoun
    /// "they".
    case groupPronoun
    /// "I", "we": whoever the quotation is by.
    case firstPerson
    /// "the ministry", "the country": a body of one of the description's kinds.
    case description(Int)
    /// "the top general": a person bearing a title with this head word;
    /// "the Ukrainian president": of the side (a lexicon side's index) its
    /// modifiers name.
    case titled(UInt64, side: Int?)
}

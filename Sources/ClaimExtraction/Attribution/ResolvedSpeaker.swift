/// A speaker once names, pronouns and descriptions are resolved.
struct ResolvedSpeaker: Sendable, Hashable {
    var name: String
    var isPerson: Bool
    var kind: Lexicon.SpeakerKind?
    var side: Side?
    /// Head words of the titles the speaker bears, for "the general".
    var titleHeads: Set<UInt64>
    /// The part of the body that counts the civilian tolls it reports.
    var civilianTollsBy: String?
    /// The body named, when the text's earlier naming of a part of it
    /// made the speaker that part ("OHCHR recorded … according to the UN").
    var whole: Whole?

    /// A body a speaker was resolved from: its name and its civilian-toll counter.
    struct Whole: Sendable, Hashable {
        var name: String
        var civilianTollsBy: String?
    }
}

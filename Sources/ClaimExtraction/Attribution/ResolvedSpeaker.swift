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
}

/// Who made a figure's estimate, and which outlet relayed it.
struct Attribution: Sendable, Hashable {
    var speaker: ResolvedSpeaker?
    var reportedBy: String?
    /// The sentence that names the speaker, for the statement's date.
    var sentence: Int
    /// The cue in that sentence.
    var cue: Int?
    /// The speaker is the document's author, by its title: the document
    /// is the statement, of the document's date.
    var byAuthor = false
    /// The speaker is named by the label the paragraph opens with, in a
    /// record of who said what: the statement is of the record's day.
    var labelled = false
}

/// A figure read as a loss estimate: the number, its hedge, and whose
/// losses of what kind it counts. The speaker and date come later.
struct Figure: Sendable, Hashable {
    var mention: NumberMention
    var reading: QualifierReader.Reading
    /// The sides, one claim each; nil when the text names none, so that
    /// the speaker's side or the conflict's default decides.
    var sides: [Side]?
    var population: Population
    var metric: Metric
    var rate: Rate?
    /// "the 40,000 innocent deaths": a figure given before, restated.
    var isGiven: Bool
    /// "the enemy's losses": the side is the one opposite the speaker's.
    var againstSpeaker = false
    /// The sides the figures just before counted, for a figure whose own
    /// sentence names none.
    var contextSides: [Side]?
}

/// A figure written in a sentence, as a number or a range, with what it
/// counts as far as the words next to it tell.
struct NumberMention: Sendable, Hashable {
    /// What a figure is, judged from its own words.
    enum Kind: Sendable, Hashable {
        /// A count that may be of people.
        case count
        case year
        case date
        case percent
        case money
        case age
        /// A figure that modifies a noun: "the 193-member organization".
        case modifier
        /// Part of a name: "T-72", "Su-25".
        case code
        case time
        /// "one of the soldiers": not a count.
        case partitive
        /// More people than have ever lived: a serial number or a typo.
        case implausible
        /// A note's marker: "losses.[7]", a line "[7] https://…".
        case footnote
        /// A section's number in a list of contents: "1 Military
        /// casualties" over "1.1 Russian" and "2 Civilian casualties".
        case section
    }

    /// The first token, "between" or "from" included.
    var start: Int
    /// One past the last token, scale words included.
    var end: Int
    /// The figure, or a range's lower bound.
    var low: Double
    /// A range's upper bound.
    var high: Double?
    var kind: Kind

    var isRange: Bool { high != nil }
}

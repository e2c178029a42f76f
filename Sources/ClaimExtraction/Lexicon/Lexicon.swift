/// The words the extractor reads: sides, populations, metrics, qualifiers,
/// speakers with their aliases, and exclusions. Data, loaded from
/// config/lexicon.yaml, so that a new speaker or conflict needs no build.
///
/// Every phrase is matched case-insensitively, word by word, after the text
/// is split the way the extractor splits articles: "Ukraine's General Staff"
/// is the four tokens `ukraine`, `'s`, `general`, `staff`; curly and straight
/// apostrophes are the same; "Gen." is `gen`. English grammar (numerals,
/// months, pronouns, auxiliaries) is not here: it does not change with the
/// conflict.
///
/// - Important: the lexicon is a value; the daemon records a hash of its
///   bytes with every claim, so that a claim names the words that found it.
public struct Lexicon: Hashable, Sendable, Codable {
    /// The conflict the claims are about, and the defaults it implies.
    public var conflict: Conflict
    /// The words that name each side's people, forces and governments.
    public var sides: [SideWords]
    /// The words for "the enemy": the side opposite the speaker's.
    public var enemy: [String]
    /// "each side" (one claim per side) and "combined" (one claim for both).
    public var jointSides: JointSides
    /// The words for soldiers and for civilians.
    public var populations: [PopulationWords]
    /// The words for each kind of loss, as nouns and as verbs after a figure.
    public var metrics: [MetricWords]
    /// Verbs that take a figure as their object ("lost 100,000 soldiers").
    public var figureVerbs: [FigureVerb]
    /// Words that join a loss to its figure ("the toll stands at", "is").
    public var linking: [String]
    /// The hedges, before or after a figure.
    public var qualifiers: [QualifierWords]
    /// The words that make a figure a rate ("daily", "over the past day").
    public var rates: [RateWords]
    /// Scale words and their values ("million", "lakh", "crore"), and the
    /// suffixes glued to digits ("7.8m", "15k").
    public var scales: [String: Int]
    /// How a statement names its source.
    public var attribution: Attribution
    /// Persons and bodies that make estimates, with their aliases and titles.
    public var speakers: [Speaker]
    /// Outlets that relay estimates; they go in `reported_by`, never `speaker`.
    public var outlets: [Outlet]
    /// Titles that stand before a name and are dropped from it.
    public var titles: [String]
    /// Head nouns of definite descriptions ("the country", "the ministry")
    /// and the kind of speaker each refers back to.
    public var descriptions: [Description]
    /// Phrases that repeat the previous figure for another side
    /// ("the same number", "same thing").
    public var anaphora: [String]
    /// Words that make a figure something other than a loss estimate.
    public var exclusions: Exclusions

    /// A lexicon from its parts; config/lexicon.yaml is the usual source.
    public init(
        conflict: Conflict, sides: [SideWords], enemy: [String], jointSides: JointSides,
        populations: [PopulationWords], metrics: [MetricWords], figureVerbs: [FigureVerb],
        linking: [String], qualifiers: [QualifierWords], rates: [RateWords],
        scales: [String: Int], attribution: Attribution, speakers: [Speaker],
        outlets: [Outlet], titles: [String], descriptions: [Description],
        anaphora: [String], exclusions: Exclusions
    ) {
        self.conflict = conflict
        self.sides = sides
        self.enemy = enemy
        self.jointSides = jointSides
        self.populations = populations
        self.metrics = metrics
        self.figureVerbs = figureVerbs
        self.linking = linking
        self.qualifiers = qualifiers
        self.rates = rates
        self.scales = scales
        self.attribution = attribution
        self.speakers = speakers
        self.outlets = outlets
        self.titles = titles
        self.descriptions = descriptions
        self.anaphora = anaphora
        self.exclusions = exclusions
    }

    enum CodingKeys: String, CodingKey {
        case conflict, sides, enemy
        case jointSides = "joint_sides"
        case populations, metrics
        case figureVerbs = "figure_verbs"
        case linking, qualifiers, rates, scales, attribution, speakers, outlets, titles
        case descriptions, anaphora, exclusions
    }
}

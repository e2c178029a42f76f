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

extension Lexicon {
    /// The conflict a lexicon describes.
    public struct Conflict: Hashable, Sendable, Codable {
        /// A name for people ("Russia–Ukraine war").
        public var name: String
        /// The day the conflict began: a date without a year in an article
        /// about it falls on or after this day.
        public var began: PartialDate
        /// Whose civilians a figure counts when the text names no side.
        public var civilianSide: Side
        /// Whose soldiers a figure counts when neither the text nor the
        /// speaker names a side: for a war of two, a combined total.
        public var militarySide: Side

        public init(name: String, began: PartialDate, civilianSide: Side, militarySide: Side) {
            self.name = name
            self.began = began
            self.civilianSide = civilianSide
            self.militarySide = militarySide
        }

        enum CodingKeys: String, CodingKey {
            case name, began
            case civilianSide = "civilian_side"
            case militarySide = "military_side"
        }
    }

    /// The words that name one side: adjectives ("Russian"), demonyms
    /// ("Russians"), places and capitals standing for governments ("Moscow").
    public struct SideWords: Hashable, Sendable, Codable {
        public var side: Side
        public var words: [String]

        public init(side: Side, words: [String]) {
            self.side = side
            self.words = words
        }
    }

    /// Phrases that name every side at once.
    public struct JointSides: Hashable, Sendable, Codable {
        /// "each side", "both sides": the figure holds for every side, one
        /// claim per side.
        public var each: [String]
        /// "combined", "in total": with `each`, one claim for `both`.
        public var combined: [String]

        public init(each: [String], combined: [String]) {
            self.each = each
            self.combined = combined
        }
    }

    /// The words for one population.
    public struct PopulationWords: Hashable, Sendable, Codable {
        public var population: Population
        public var words: [String]

        public init(population: Population, words: [String]) {
            self.population = population
            self.words = words
        }
    }

    /// The words for one metric, and the population it implies when the
    /// text names none (refugees are civilians, prisoners of war soldiers).
    public struct MetricWords: Hashable, Sendable, Codable {
        public var metric: Metric
        public var words: [String]
        public var population: Population?

        public init(metric: Metric, words: [String], population: Population? = nil) {
            self.metric = metric
            self.words = words
            self.population = population
        }
    }

    /// Verbs whose object is the figure.
    public struct FigureVerb: Hashable, Sendable, Codable {
        /// Whose losses the object counts.
        public struct Role: RawRepresentable, Hashable, Sendable, Codable {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            /// The subject's own: "Ukraine has lost 100,000 soldiers".
            public static let sufferer = Role(rawValue: "sufferer")
            /// The subject's enemy's: "Ukraine says it has killed 4,300".
            public static let agent = Role(rawValue: "agent")
        }

        public var words: [String]
        public var role: Role
        /// The metric the verb itself means, when the object does not say.
        public var metric: Metric?

        public init(words: [String], role: Role, metric: Metric? = nil) {
            self.words = words
            self.role = role
            self.metric = metric
        }
    }

    /// The phrases of one qualifier.
    public struct QualifierWords: Hashable, Sendable, Codable {
        public var qualifier: Qualifier
        /// Phrases that end right before the figure ("well over").
        public var before: [String]
        /// Phrases that follow it ("or more").
        public var after: [String]

        public init(qualifier: Qualifier, before: [String], after: [String] = []) {
            self.qualifier = qualifier
            self.before = before
            self.after = after
        }

        enum CodingKeys: String, CodingKey { case qualifier, before, after }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            qualifier = try c.decode(Qualifier.self, forKey: .qualifier)
            before = try c.decodeIfPresent([String].self, forKey: .before) ?? []
            after = try c.decodeIfPresent([String].self, forKey: .after) ?? []
        }
    }

    /// The phrases of one rate.
    public struct RateWords: Hashable, Sendable, Codable {
        public var rate: Rate
        public var words: [String]

        public init(rate: Rate, words: [String]) {
            self.rate = rate
            self.words = words
        }
    }

    /// The phrases that tie a statement to its source.
    public struct Attribution: Hashable, Sendable, Codable {
        /// Verbs of saying and estimating: the subject is the speaker
        /// ("Milley said", "the UN has recorded").
        public var verbs: [String]
        /// Prepositions whose object is the source ("according to", "per").
        public var sources: [String]
        /// Nouns for a statement that a possessive or "from"/"by" names the
        /// source of ("Moscow's latest update", "an assessment by").
        public var sourceNouns: [String]
        /// Verbs whose object is the audience, not the source ("told").
        public var audienceVerbs: [String]

        public init(verbs: [String], sources: [String], sourceNouns: [String], audienceVerbs: [String]) {
            self.verbs = verbs
            self.sources = sources
            self.sourceNouns = sourceNouns
            self.audienceVerbs = audienceVerbs
        }

        enum CodingKeys: String, CodingKey {
            case verbs, sources
            case sourceNouns = "source_nouns"
            case audienceVerbs = "audience_verbs"
        }
    }

    /// A person or body that makes estimates.
    public struct Speaker: Hashable, Sendable, Codable {
        /// The canonical name written in claims.
        public var name: String
        /// What it is; definite descriptions refer back by kind.
        public var kind: SpeakerKind
        /// Other ways the text names it; the canonical name always matches.
        public var aliases: [String]
        /// Titles it bears; "the general" refers back to a person titled so.
        public var titles: [String]
        /// The side it belongs to, if any: a party's figure for soldiers
        /// with no side named counts its own.
        public var side: Side?

        public init(name: String, kind: SpeakerKind, aliases: [String] = [], titles: [String] = [], side: Side? = nil) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.titles = titles
            self.side = side
        }

        enum CodingKeys: String, CodingKey { case name, kind, aliases, titles, side }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            kind = try c.decode(SpeakerKind.self, forKey: .kind)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            titles = try c.decodeIfPresent([String].self, forKey: .titles) ?? []
            side = try c.decodeIfPresent(Side.self, forKey: .side)
        }
    }

    /// What a speaker is.
    public struct SpeakerKind: RawRepresentable, Hashable, Sendable, Codable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let person = SpeakerKind(rawValue: "person")
        public static let government = SpeakerKind(rawValue: "government")
    }

    /// An outlet that relays what others say.
    public struct Outlet: Hashable, Sendable, Codable {
        public var name: String
        public var aliases: [String]

        public init(name: String, aliases: [String] = []) {
            self.name = name
            self.aliases = aliases
        }

        enum CodingKeys: String, CodingKey { case name, aliases }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    /// Head nouns that, after "the", refer back to a speaker of a kind.
    public struct Description: Hashable, Sendable, Codable {
        public var words: [String]
        public var kinds: [SpeakerKind]

        public init(words: [String], kinds: [SpeakerKind]) {
            self.words = words
            self.kinds = kinds
        }
    }

    /// Words that make a figure something other than a loss estimate.
    public struct Exclusions: Hashable, Sendable, Codable {
        /// Nouns a figure may count that are not people: equipment,
        /// targets, members, units of time.
        public var countedThings: [String]
        /// Words for soldiers raised or sent rather than lost.
        public var mobilisation: [String]
        /// Sides of other wars ("Soviet soldiers").
        public var foreignSides: [String]
        /// Other wars and places whose losses are compared with this one.
        public var otherConflicts: [String]
        /// Single attacks; their tolls are news, not estimates of the war's
        /// losses, unless the clause also says "since", "so far", "in total".
        public var incidents: [String]
        /// Words that make a toll cumulative.
        public var aggregates: [String]
        /// Currencies after a figure ("billion dollars").
        public var money: [String]
        /// Words around a figure that make it an age.
        public var ages: [String]
        /// Words after a figure that make it a share.
        public var percent: [String]

        public init(
            countedThings: [String], mobilisation: [String], foreignSides: [String],
            otherConflicts: [String], incidents: [String], aggregates: [String],
            money: [String], ages: [String], percent: [String]
        ) {
            self.countedThings = countedThings
            self.mobilisation = mobilisation
            self.foreignSides = foreignSides
            self.otherConflicts = otherConflicts
            self.incidents = incidents
            self.aggregates = aggregates
            self.money = money
            self.ages = ages
            self.percent = percent
        }

        enum CodingKeys: String, CodingKey {
            case countedThings = "counted_things"
            case mobilisation
            case foreignSides = "foreign_sides"
            case otherConflicts = "other_conflicts"
            case incidents, aggregates, money, ages, percent
        }
    }
}

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
        /// Events of the conflict a text can only have been written after:
        /// an undated text that names one dates its months and days no
        /// earlier ("the Kursk incursion" puts "Oct. 25" in 2024 or later).
        public var eras: [Era]

        /// An entry from its parts.
        public init(name: String, began: PartialDate, civilianSide: Side, militarySide: Side, eras: [Era] = []) {
            self.name = name
            self.began = began
            self.civilianSide = civilianSide
            self.militarySide = militarySide
            self.eras = eras
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            began = try c.decode(PartialDate.self, forKey: .began)
            civilianSide = try c.decode(Side.self, forKey: .civilianSide)
            militarySide = try c.decode(Side.self, forKey: .militarySide)
            eras = try c.decodeIfPresent([Era].self, forKey: .eras) ?? []
        }

        enum CodingKeys: String, CodingKey {
            case name, began, eras
            case civilianSide = "civilian_side"
            case militarySide = "military_side"
        }
    }

    /// An event and the words that name it, with the day it began.
    public struct Era: Hashable, Sendable, Codable {
        /// When the event began: no text that names it is older.
        public var from: PartialDate
        /// How reporting names it, in lower case ("kursk incursion").
        public var words: [String]

        public init(from: PartialDate, words: [String]) {
            self.from = from
            self.words = words
        }

        enum CodingKeys: String, CodingKey {
            case from, words
        }
    }

    /// The words that name one side: adjectives ("Russian"), demonyms
    /// ("Russians"), places and capitals standing for governments ("Moscow").
    public struct SideWords: Hashable, Sendable, Codable {
        /// The side the words name.
        public var side: Side
        /// The phrases, matched case-insensitively word by word.
        public var words: [String]

        /// An entry from its parts.
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

        /// An entry from its parts.
        public init(each: [String], combined: [String]) {
            self.each = each
            self.combined = combined
        }
    }

    /// The words for one population.
    public struct PopulationWords: Hashable, Sendable, Codable {
        /// The population the words name.
        public var population: Population
        /// The phrases, matched case-insensitively word by word.
        public var words: [String]

        /// An entry from its parts.
        public init(population: Population, words: [String]) {
            self.population = population
            self.words = words
        }
    }

    /// The words for one metric, and the population it implies when the
    /// text names none (refugees are civilians, prisoners of war soldiers).
    public struct MetricWords: Hashable, Sendable, Codable {
        /// The metric the words name.
        public var metric: Metric
        /// The phrases, matched case-insensitively word by word.
        public var words: [String]
        /// The population the words name.
        public var population: Population?

        /// An entry from its parts.
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
            /// The name used in the YAML.
            public var rawValue: String
            /// An entry from its parts.
            public init(rawValue: String) { self.rawValue = rawValue }

            /// The subject's own: "Ukraine has lost 100,000 soldiers".
            public static let sufferer = Role(rawValue: "sufferer")
            /// The subject's enemy's: "Ukraine says it has killed 4,300".
            public static let agent = Role(rawValue: "agent")
        }

        /// The phrases, matched case-insensitively word by word.
        public var words: [String]
        public var role: Role
        /// The metric the verb itself means, when the object does not say.
        public var metric: Metric?

        /// An entry from its parts.
        public init(words: [String], role: Role, metric: Metric? = nil) {
            self.words = words
            self.role = role
            self.metric = metric
        }
    }

    /// The phrases of one qualifier.
    public struct QualifierWords: Hashable, Sendable, Codable {
        /// The hedge the phrases express.
        public var qualifier: Qualifier
        /// Phrases that end right before the figure ("well over").
        public var before: [String]
        /// Phrases that follow it ("or more").
        public var after: [String]

        /// An entry from its parts.
        public init(qualifier: Qualifier, before: [String], after: [String] = []) {
            self.qualifier = qualifier
            self.before = before
            self.after = after
        }

        enum CodingKeys: String, CodingKey { case qualifier, before, after }

        /// Decodes the entry, with missing lists read as empty.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            qualifier = try c.decode(Qualifier.self, forKey: .qualifier)
            before = try c.decodeIfPresent([String].self, forKey: .before) ?? []
            after = try c.decodeIfPresent([String].self, forKey: .after) ?? []
        }
    }

    /// The phrases of one rate.
    public struct RateWords: Hashable, Sendable, Codable {
        /// The unit of time the phrases name.
        public var rate: Rate
        /// The phrases, matched case-insensitively word by word.
        public var words: [String]

        /// An entry from its parts.
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
        /// Verbs of counting, which name the source as the verbs of saying
        /// do, but whose date is the count's, not a statement's ("In March,
        /// the mission recorded 604 casualties").
        public var countingVerbs: [String]

        /// An entry from its parts.
        public init(
            verbs: [String], sources: [String], sourceNouns: [String], audienceVerbs: [String], countingVerbs: [String] = []
        ) {
            self.verbs = verbs
            self.sources = sources
            self.sourceNouns = sourceNouns
            self.audienceVerbs = audienceVerbs
            self.countingVerbs = countingVerbs
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            verbs = try c.decode([String].self, forKey: .verbs)
            sources = try c.decode([String].self, forKey: .sources)
            sourceNouns = try c.decode([String].self, forKey: .sourceNouns)
            audienceVerbs = try c.decode([String].self, forKey: .audienceVerbs)
            countingVerbs = try c.decodeIfPresent([String].self, forKey: .countingVerbs) ?? []
        }

        enum CodingKeys: String, CodingKey {
            case verbs, sources
            case sourceNouns = "source_nouns"
            case audienceVerbs = "audience_verbs"
            case countingVerbs = "counting_verbs"
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
        /// The body it is part of (OHCHR of the United Nations): a text that
        /// has named it means it when it names that body ("according to
        /// the UN").
        public var within: String?
        /// Whether it counts the civilian dead and wounded that the body it
        /// is within reports: "the UN says at least 10,582 civilians have
        /// been killed" is OHCHR's count.
        public var countsCivilianTolls: Bool

        /// An entry from its parts.
        public init(
            name: String, kind: SpeakerKind, aliases: [String] = [], titles: [String] = [], side: Side? = nil, within: String? = nil,
            countsCivilianTolls: Bool = false
        ) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.titles = titles
            self.side = side
            self.within = within
            self.countsCivilianTolls = countsCivilianTolls
        }

        enum CodingKeys: String, CodingKey {
            case name, kind, aliases, titles, side, within
            case countsCivilianTolls = "counts_civilian_tolls"
        }

        /// Decodes the entry, with missing lists read as empty.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            kind = try c.decode(SpeakerKind.self, forKey: .kind)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            titles = try c.decodeIfPresent([String].self, forKey: .titles) ?? []
            side = try c.decodeIfPresent(Side.self, forKey: .side)
            within = try c.decodeIfPresent(String.self, forKey: .within)
            countsCivilianTolls = try c.decodeIfPresent(Bool.self, forKey: .countsCivilianTolls) ?? false
        }
    }

    /// What a speaker is.
    public struct SpeakerKind: RawRepresentable, Hashable, Sendable, Codable {
        /// The name used in the YAML.
        public var rawValue: String
        /// An entry from its parts.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `person`.
        public static let person = SpeakerKind(rawValue: "person")
        /// `government`.
        public static let government = SpeakerKind(rawValue: "government")
    }

    /// An outlet that relays what others say.
    public struct Outlet: Hashable, Sendable, Codable {
        /// The canonical name written in claims.
        public var name: String
        /// Other ways the text names it.
        public var aliases: [String]

        /// An entry from its parts.
        public init(name: String, aliases: [String] = []) {
            self.name = name
            self.aliases = aliases
        }

        enum CodingKeys: String, CodingKey { case name, aliases }

        /// Decodes the entry, with missing lists read as empty.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    /// Head nouns that, after "the", refer back to a speaker of a kind.
    public struct Description: Hashable, Sendable, Codable {
        /// The phrases, matched case-insensitively word by word.
        public var words: [String]
        /// The kinds of speaker the head refers back to.
        public var kinds: [SpeakerKind]

        /// An entry from its parts.
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
        /// Attacks: a side named with one inflicted the losses rather than
        /// suffered them ("Russian shelling killed 12 people").
        public var incidents: [String]
        /// Currencies after a figure ("billion dollars").
        public var money: [String]
        /// Words around a figure that make it an age.
        public var ages: [String]
        /// Words after a figure that make it a share.
        public var percent: [String]
        /// Headings of a page's lists of other stories ("Read more",
        /// "Related"): the lines under them are not the article.
        public var pageFurniture: [String]

        /// An entry from its parts.
        public init(
            countedThings: [String], mobilisation: [String], foreignSides: [String],
            otherConflicts: [String], incidents: [String],
            money: [String], ages: [String], percent: [String], pageFurniture: [String] = []
        ) {
            self.countedThings = countedThings
            self.mobilisation = mobilisation
            self.foreignSides = foreignSides
            self.otherConflicts = otherConflicts
            self.incidents = incidents
            self.money = money
            self.ages = ages
            self.percent = percent
            self.pageFurniture = pageFurniture
        }

        enum CodingKeys: String, CodingKey {
            case countedThings = "counted_things"
            case mobilisation
            case foreignSides = "foreign_sides"
            case otherConflicts = "other_conflicts"
            case incidents, money, ages, percent
            case pageFurniture = "page_furniture"
        }

        /// Decodes the exclusions; a lexicon written before page furniture
        /// was read has none.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            countedThings = try c.decode([String].self, forKey: .countedThings)
            mobilisation = try c.decode([String].self, forKey: .mobilisation)
            foreignSides = try c.decode([String].self, forKey: .foreignSides)
            otherConflicts = try c.decode([String].self, forKey: .otherConflicts)
            incidents = try c.decode([String].self, forKey: .incidents)
            money = try c.decode([String].self, forKey: .money)
            ages = try c.decode([String].self, forKey: .ages)
            percent = try c.decode([String].self, forKey: .percent)
            pageFurniture = try c.decodeIfPresent([String].self, forKey: .pageFurniture) ?? []
        }
    }
}

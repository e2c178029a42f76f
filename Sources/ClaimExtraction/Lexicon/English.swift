/// The grammar words of English the extractor relies on: they do not change
/// with the conflict, so they live in code rather than in the lexicon.
enum English {
    /// What a grammar word does in a sentence.
    struct WordClass: OptionSet, Sendable, Hashable {
        let rawValue: UInt32

        /// Any word that is not a content noun: after a figure it ends the
        /// noun phrase without making the figure count something else.
        static let function = WordClass(rawValue: 1 << 0)
        /// Auxiliaries and adverbs that may stand between a subject and its verb.
        static let filler = WordClass(rawValue: 1 << 1)
        /// Words that open a new clause.
        static let clauseOpener = WordClass(rawValue: 1 << 2)
        /// Words that join coordinated figures ("and", "out of").
        static let connector = WordClass(rawValue: 1 << 3)
        /// "the", "these": a figure after one is given, not new.
        static let definite = WordClass(rawValue: 1 << 4)
        static let article = WordClass(rawValue: 1 << 5)
        static let personPronoun = WordClass(rawValue: 1 << 6)
        static let bodyPronoun = WordClass(rawValue: 1 << 7)
        static let groupPronoun = WordClass(rawValue: 1 << 8)
        static let firstPersonPronoun = WordClass(rawValue: 1 << 9)
        /// Words before a date that make it the start or end of a period,
        /// not the day something was said ("since February 24").
        static let periodBoundary = WordClass(rawValue: 1 << 10)
        /// Words for the start of an event whose date is not a statement's.
        static let event = WordClass(rawValue: 1 << 11)
        /// Copulas that join a pronoun to a figure ("it was over 100,000").
        static let copula = WordClass(rawValue: 1 << 12)
        /// Prepositions that may open a date ("in September", "on Friday").
        static let datePreposition = WordClass(rawValue: 1 << 13)
        /// "by" before an agent ("taken hostage by Ukrainian forces").
        static let agentMarker = WordClass(rawValue: 1 << 14)
        /// Generic plural nouns that are not names ("Officials said").
        static let commonSource = WordClass(rawValue: 1 << 15)
        /// "of": links a loss noun to its figure ("the deaths of 13,000").
        static let of = WordClass(rawValue: 1 << 16)
        /// Words that say what follows is not a number of people ("one of").
        static let partitiveOf = WordClass(rawValue: 1 << 17)
    }

    static let classes: [(WordClass, [String])] = [
        (.function, [
            "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
            "your", "whose", "which", "who", "whom", "what", "and", "or", "but", "nor", "yet", "so", "as",
            "if", "than", "then", "because", "while", "whereas", "although", "though", "when", "where",
            "since", "after", "before", "until", "till", "unless", "in", "on", "at", "by", "for", "from",
            "with", "without", "to", "into", "onto", "of", "off", "out", "during", "throughout", "across",
            "over", "under", "near", "around", "about", "between", "among", "amongst", "against", "along",
            "toward", "towards", "through", "per", "via", "like", "upon", "within", "beyond", "behind",
            "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'ve", "'d", "'ll", "'m",
            "have", "has", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can",
            "could", "may", "might", "must", "not", "n't", "no", "also", "only", "just", "still", "already",
            "now", "far", "ago", "today", "yesterday", "recently", "lately", "reportedly", "probably",
            "possibly", "allegedly", "respectively", "each", "every", "all", "both", "either", "neither",
            "more", "most", "less", "least", "some", "many", "much", "several", "such", "there", "here",
            "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "estimated",
            "according", "including", "among", "altogether", "overall", "total", "combined", "apiece",
            "last", "this", "next", "week", "month", "year", "alone", "too", "even", "nearly", "almost",
            "roughly", "approximately", "so-called", "other", "others", "another", "again", "up", "nobody", "no-one",
            "everybody", "everyone", "somebody", "someone", "anybody", "anyone", "nothing", "everything", "something",
        ]),
        (.filler, [
            "has", "have", "had", "is", "are", "was", "were", "been", "be", "also", "only", "lately",
            "recently", "reportedly", "previously", "earlier", "further", "then", "again", "once", "not",
            "n't", "never", "now", "already", "still", "just", "repeatedly", "publicly", "would", "will",
            "could", "might", "may", "can", "did", "does", "do", "initially", "later", "separately",
            "officially", "itself", "himself", "herself", "themselves", "first", "since", "so", "far",
            "allegedly", "apparently", "probably", "openly", "privately", "confidently", "has", "being",
            "often", "frequently", "regularly", "daily", "today", "yesterday", "then", "meanwhile",
            "likely", "possibly", "perhaps", "certainly", "reportedly", "already", "lately",
        ]),
        (.clauseOpener, [
            "that", "which", "who", "whom", "while", "whereas", "although", "though", "but", "because",
            "if", "when", "where", "unless", "since", "after", "before", "until", "whether",
        ]),
        (.connector, ["and", "or", "plus", "including", "of", "out", "as", "well", "among", "them", "whom", "with"]),
        (.definite, ["the", "these", "those"]),
        (.article, ["a", "an", "the"]),
        (.personPronoun, ["he", "she"]),
        (.bodyPronoun, ["it"]),
        (.groupPronoun, ["they"]),
        (.firstPersonPronoun, ["i", "we"]),
        (.periodBoundary, ["since", "from", "until", "till", "after", "before", "between", "by", "through"]),
        // (Not an occasion for speaking: "said at the close of the summit
        // on Wednesday" is said that day.)
        (.event, [
            "began", "begun", "begin", "begins", "started", "start", "starts", "launched", "launch",
            "invaded", "invade", "invasion", "offensive", "assault", "anniversary", "vote",
            "decree", "signed", "withdrawal", "retreat", "born",
        ]),
        (.copula, ["is", "are", "was", "were", "'s", "be", "been", "being", "stands", "stood", "remains", "remained"]),
        (.datePreposition, ["in", "on", "at", "during", "last", "this", "of"]),
        (.agentMarker, ["by"]),
        (.commonSource, [
            "officials", "official", "experts", "analysts", "sources", "observers", "authorities",
            "reports", "estimates", "figures", "data", "media", "some", "others",
        ]),
        (.of, ["of"]),
        (.partitiveOf, ["of"]),
    ]

    /// Cardinal numerals below a hundred.
    static let numerals: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// "half a million".
    static let half = "half"

    /// Month names and their abbreviations, numbered from 1.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
        "dec": 12,
    ]

    /// Weekdays, numbered from Monday = 1.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
        "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thurs": 4, "fri": 5,
        "sat": 6, "sun": 7,
    ]

    /// Words that start a date relative to the document's: "last month",
    /// "earlier this week", "yesterday", "tonight", "hours ago".
    static let relativeDateWords = ["today", "tonight", "yesterday", "last", "this", "earlier", "minutes", "hours", "that", "same"]

    /// Words that take a full stop without ending a sentence.
    static let abbreviations: Set<String> = [
        "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "adm", "brig", "cmdr", "cdr", "mr", "mrs",
        "ms", "dr", "prof", "st", "gov", "sen", "rep", "pres", "jr", "sr", "no", "vs", "etc", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est",
        "mln", "bln", "min", "ft", "mt", "rev", "hon", "inc", "ltd", "co", "corp", "dept", "univ",
        "incl", "c", "ca", "esp",
    ]

    /// Abbreviations that never end a sentence even before a capital
    /// (a title is always followed by a name).
    static let titleAbbreviations: Set<String> = [
        "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "adm", "brig", "cmdr", "cdr", "mr", "mrs",
        "ms", "dr", "prof", "gov", "sen", "rep", "pres", "st", "no", "hon", "rev",
    ]
}

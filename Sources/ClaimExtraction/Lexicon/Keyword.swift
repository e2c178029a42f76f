/// The grammar words the stages test one by one, tagged on each token as
/// it is read, so that a test is a byte compare.
enum Keyword: UInt8, Sendable {
    case none
    case and, or, of, to, from, between, a, an, half, the, possessive, by, out, at, including
    case this, that, which, who, whom, whose
    case today, yesterday, last, earlier, week, month, year
    case since, after, before, until, till, on, `in`, early, late, mid, end, during
    case `as`, `for`

    static let words: [String: Keyword] = [
        "and": .and, "or": .or, "of": .of, "to": .to, "from": .from, "between": .between, "a": .a,
        "an": .an, "half": .half, "the": .the, "'s": .possessive, "by": .by, "out": .out, "at": .at,
        "including": .including, "this": .this, "that": .that, "which": .which, "who": .who,
        "whom": .whom, "whose": .whose, "today": .today, "tonight": .today, "yesterday": .yesterday, "last": .last,
        "earlier": .earlier, "week": .week, "month": .month, "year": .year, "since": .since,
        "after": .after, "before": .before, "until": .until, "till": .till, "on": .on, "in": .in,
        "early": .early, "late": .late, "mid": .mid, "end": .end, "during": .during, "as": .as, "for": .for,
    ]

    /// "who", "which": a relative clause's names are not a verb's subject.
    var isRelative: Bool {
        switch self {
        case .who, .which, .whose, .whom: true
        default: false
        }
    }

    /// "that", "which": words that open a clause of their own.
    var opensClause: Bool {
        switch self {
        case .that, .which, .who, .whom: true
        default: false
        }
    }

    /// Words between a boundary and its date: "since the 24th", "from early May".
    var leadsDate: Bool {
        switch self {
        case .on, .in, .the, .early, .late, .mid, .end, .of: true
        default: false
        }
    }

    /// Words whose clause is a period or an event, not a statement.
    var boundsPeriod: Bool {
        switch self {
        case .since, .after, .before, .until, .till: true
        default: false
        }
    }

    /// Prepositions before a year that make it a date: "in 2022".
    var leadsYear: Bool {
        switch self {
        case .in, .since, .by, .of, .until, .from, .during, .early, .late, .mid, .end, .before, .after: true
        default: false
        }
    }
}

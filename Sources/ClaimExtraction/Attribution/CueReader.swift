/// Finds the cues of a sentence and their sources: the subject before a
/// verb of saying (past adverbs, dates and appositives: "Milley, who
/// serves as …, suggested"), the name after it ("…,” said Milley"), or
/// the object of "according to".
struct CueReader {
    let lexicon: LexiconView

    /// "Volodymyr Zelensky: About 500,000 …", "**GEN. RYDER:** Yes.": a
    /// transcript line opened by a label (capitalised words, titles,
    /// markup) ending in a person's name and a colon is that person's. (A
    /// place or a body before a colon heads a headline or a dateline
    /// instead.)
    private func speakerLabel(_ scope: SentenceScope, mentions: [EntityMention]) -> Cue? {
        guard let colon = labelColon(scope), let label = mentions.last(where: { $0.end == colon }) else { return nil }
        switch label.referent {
        case .person: return Cue(position: colon, agent: label)
        case .speaker(let number) where lexicon.speakers[number].isPerson: return Cue(position: colon, agent: label)
        default: return nil
        }
    }

    /// "Killed: 120,000 (US officials, August 2023)": a person or body
    /// named first in brackets right after a figure, as tables give their
    /// sources. (An outlet there only relays.)
    private func sourcesInBrackets(_ scope: SentenceScope, mentions: [EntityMention]) -> [Cue] {
        var cues: [Cue] = []
        for mention in mentions {
            let open = mention.start - 1
            guard open - 1 >= scope.range.lowerBound, scope[open].mark == .openParen,
                  afterFigure(scope, open) || labelsRow(scope, bracketAt: open) || endsRow(scope, bracketAt: open),
                  mention.end < scope.range.upperBound else { continue }
            // ("(Mediazona and BBC News Russian)": the first of two.)
            let next = scope[mention.end].mark
            guard next == .comma || next == .closeParen || next == .semicolon || scope[mention.end].keyword == .and
            else { continue }
            if case .outlet = mention.referent { continue }
            cues.append(Cue(position: open, agent: mention))
        }
        return cues
    }

    /// "CSIS | 790,000–900,000 casualties | …": a pipe table's row whose
    /// first cell names a person or body is theirs; a name the lexicon
    /// does not know there ("Tallyforce | – | 71,300 killed") is a body of
    /// its own, as a table's source column gives it. (An outlet there only
    /// relays.)
    private func tableRowSource(_ scope: SentenceScope, mentions: [EntityMention], dates: [DateExpression]) -> Cue? {
        guard scope.isLine, let pipe = scope.range.first(where: { scope[$0].hash == PipeTable.pipe }),
              pipe > scope.range.lowerBound,
              // ("Data desk | Published 2 January 2026", "News | 11.06.2023 |
              // 18:20": a byline's pipes hold no figure.)
              (pipe..<scope.range.upperBound).contains(where: { k in
                  scope[k].kind == .number && !dates.contains { $0.start <= k && k < $0.end } && !isStamp(scope, k)
              })
        else { return nil }
        if let first = mentions.first, first.end <= pipe {
            if case .outlet = first.referent { return nil }
            return Cue(position: pipe, agent: first)
        }
        let cell = scope.range.lowerBound..<pipe
        guard cell.contains(where: { scope[$0].isWord && scope[$0].has(.capitalized) }),
              !cell.contains(where: { scope[$0].kind == .number })
        else { return nil }
        let named = EntityMention(start: cell.lowerBound, end: pipe, referent: .body(scope.text(cell.lowerBound, pipe)))
        return Cue(position: pipe, agent: named)
    }

    /// Whether the number at `k` is one of a date's or a time's parts
    /// written with dots or colons ("11.06.2023", "18:20").
    private func isStamp(_ scope: SentenceScope, _ k: Int) -> Bool {
        func joined(_ mark: Int, _ other: Int) -> Bool {
            scope.range.contains(mark) && scope.range.contains(other)
                && (scope[mark].mark == .period || scope[mark].mark == .colon) && scope[other].kind == .number
        }
        return joined(k + 1, k + 2) || joined(k - 1, k - 2)
    }

    /// Whether a name in brackets after a figure gives a source that is no
    /// known person or body ("8,034 (Kharkiv Human Rights Group)"): the figure is
    /// then that source's, not whoever spoke before.
    func bracketsUnknownSource(_ scope: SentenceScope, mentions: [EntityMention]) -> Bool {
        scope.range.contains { k in
            k - 1 > scope.range.lowerBound && k + 1 < scope.range.upperBound && scope[k].mark == .openParen
                && afterFigure(scope, k) && scope[k + 1].isWord && scope[k + 1].has(.capitalized)
                && scope.english(k + 1).isEmpty && !mentions.contains { $0.start == k + 1 }
        }
    }

    /// Whether the brackets opening at `open` end a row's label: "Killed
    /// (CSIS estimate, June 2025): about 250,000".
    private func labelsRow(_ scope: SentenceScope, bracketAt open: Int) -> Bool {
        guard scope.isLine, scope.range.contains(where: { scope[$0].kind == .number && $0 > open }) else { return false }
        var k = open + 1
        while k < scope.range.upperBound, k < open + 12, scope[k].mark != .closeParen { k += 1 }
        return k + 1 < scope.range.upperBound && scope[k].mark == .closeParen && scope[k + 1].mark == .colon
    }

    /// Whether the brackets opening at `open` end a row after its figure:
    /// "Killed: 14,775, including 755 children (UN monitors, verified cases)",
    /// "• 5.7 million — refugees from Ukraine recorded globally (UNHCR).".
    private func endsRow(_ scope: SentenceScope, bracketAt open: Int) -> Bool {
        guard scope.isLine, var last = scope.range.last else { return false }
        if scope[last].mark == .period, last - 1 > open { last -= 1 }
        guard scope[last].mark == .closeParen,
              (scope.range.lowerBound..<open).contains(where: { scope[$0].mark == .colon || scope[$0].mark == .dash }),
              (scope.range.lowerBound..<open).contains(where: { scope[$0].kind == .number })
        else { return false }
        return !((open + 1)..<last).contains { scope[$0].mark == .openParen || scope[$0].mark == .closeParen }
    }

    /// Whether the capitalised words from `k` run to a body's head noun
    /// ("State Border Guard Service"), so that a verb among them is a name's.
    private func namesBody(_ scope: SentenceScope, from k: Int) -> Bool {
        var j = k + 1
        while j < scope.range.upperBound, j < k + 5, scope[j].isWord, scope[j].has(.capitalized) {
            if EntityRecognizer.bodyHeads.contains(scope[j].hash) { return true }
            j += 1
        }
        return false
    }

    /// Whether `token` is a preposition of place or origin ("in", "of",
    /// "at", "from", "near"): the name after it is where, not who.
    static func placesWhatFollows(_ token: Token) -> Bool {
        token.keyword == .of || token.keyword == .in || token.keyword == .at || token.keyword == .from
            || placePrepositions.contains(token.hash)
    }

    static let placePrepositions = WordSet([
        "near", "outside", "around", "toward", "towards", "into", "on", "to", "across", "against", "over", "through",
        "inside", "within", "along", "behind", "beyond",
    ].map(WordHash.of))
    static let auxiliaries = WordSet([
        "has", "have", "had", "is", "are", "was", "were", "would", "could", "might", "may", "will", "can", "did",
    ].map(WordHash.of))

    /// Whether a figure (with a sign such as "+", or a scale: "5.7
    /// million") ends right before token `k`.
    private func afterFigure(_ scope: SentenceScope, _ k: Int) -> Bool {
        var j = k - 1
        if j > scope.range.lowerBound, scope[j].mark == .other, scope[j - 1].kind == .number { j -= 1 }
        if j > scope.range.lowerBound, scope[j].entry >= 0, scope.lexicon.entries[Int(scope[j].entry)].scale > 0 { j -= 1 }
        return scope[j].kind == .number
    }

    /// The cues of `scope`, given its mentions and dates.
    func read(_ scope: SentenceScope, mentions: [EntityMention], dates: [DateExpression]) -> [Cue] {
        var cues: [Cue] = []
        var i = scope.range.lowerBound
        let upper = scope.range.upperBound
        let recognizer = EntityRecognizer(lexicon: lexicon)
        if let label = speakerLabel(scope, mentions: mentions) { cues.append(label) }
        if let row = tableRowSource(scope, mentions: mentions, dates: dates) { cues.append(row) }
        cues += sourcesInBrackets(scope, mentions: mentions)
        while i < upper {
            let token = scope[i]
            guard token.entry >= 0 else {
                i += 1
                continue
            }
            // ("the State Border Guard Service", "made in the United
            // States": a capitalised verb inside a name is part of the name.)
            // ("Independent counts are far higher": a noun, with a copula
            // after it; "Ukraine's estimates are" names its owner, the source;
            // "far below estimates by Western agencies": a noun compared
            // with, its source another party.)
            if let verb = scope.match(.attributionVerb, at: i) ?? scope.match(.audienceVerb, at: i),
               !(token.has(.capitalized) && i > scope.range.lowerBound
                   && (namesBody(scope, from: i) || mentions.contains { $0.start < i && i < $0.end })),
               !(verb.end < upper && scope.english(verb.end).contains(.copula)
                   && !(i > scope.range.lowerBound && scope[i - 1].keyword == .possessive)),
               !(isCompared(scope, before: i) && verb.end < upper && (scope[verb.end].keyword == .by || scope[verb.end].keyword == .from)) {
                // "a new report by OHCHR", "as estimated by the ministry";
                // a translation's "it was reported in the Ministry of
                // Defence", "…, said in the ministry" (not "said in Kyiv").
                // ("it was reported on Saturday in the Ministry": past the day.)
                let day = verb.end < upper && scope[verb.end].keyword == .on ? verb.end + 1 : verb.end
                let preposition = dates.first { $0.start == verb.end || $0.start == day }?.end ?? verb.end
                let impersonal = preposition < upper && scope[preposition].keyword == .in && i > scope.range.lowerBound
                    && (scope[i - 1].mark == .comma || isPassive(scope, before: i))
                // ("was published on June 3 by CSIS", "recorded globally by
                // UNHCR": past the day or an adverb too.)
                let adverb = verb.end + 1 < upper && preposition == verb.end
                    && (NounPhrase.placeAdverbs.contains(scope[verb.end].hash) || scope.isParticiple(verb.end, endingWith: "ly"))
                let by = adverb ? verb.end + 1 : preposition
                let datedBy = by > verb.end && by + 1 < upper && scope[by].keyword == .by
                let byAgent = verb.end + 1 < upper && (scope[verb.end].keyword == .by || scope[verb.end].keyword == .from || impersonal || datedBy)
                    ? mention(scope, at: (impersonal ? preposition : datedBy ? by : verb.end) + 1, mentions: mentions, recognizer: recognizer).flatMap { found -> EntityMention? in
                        // "was quoted by the BBC as saying": the outlet relays.
                        if case .outlet = found.referent { return nil }
                        // (A body, not a place: "told reporters in Brussels".)
                        if impersonal {
                            switch found.referent {
                            case .body, .description: break
                            case .speaker(let index) where !lexicon.speakers[index].isPerson && lexicon.speakers[index].kind != .government:
                                let first = scope[found.start].keyword == .the ? found.start + 1 : found.start
                                if scope.side(at: first) != nil { return nil }
                            default: return nil
                            }
                        }
                        return found
                    } : nil
                // "…, says Zelensky;": after a comma or a quotation, a name
                // right after the verb and ending the clause is its subject
                // (not in "…, said Russia had lost").
                // ("as informs the Ministry of Defence,": a translation's
                // "as … reports" puts the name after the verb too.)
                let inverted = verb.role.kind == .attributionVerb && i > scope.range.lowerBound && scope[verb.end - 1].keyword != .on
                    && (scope[i - 1].mark == .comma || scope[i - 1].isQuote || scope[i - 1].keyword == .as)
                    ? mention(scope, at: verb.end, mentions: mentions, recognizer: recognizer).flatMap { found -> EntityMention? in
                        if case .outlet = found.referent { return nil }
                        guard found.end >= upper || scope[found.end].kind == .punctuation else { return nil }
                        return found
                    } : nil
                // "6.9 million refugees were recorded": a passive verb's
                // subject is what was said, not who said it.
                // ("Zaluzhny was quoted by the media as saying": the subject speaks.)
                // ("7.8 million Ukrainians are recorded as refugees": what
                // is recorded, not who says.)
                let passive = isPassive(scope, before: i)
                    && !(verb.end..<max(verb.end, min(upper - 1, verb.end + 6))).contains {
                        scope[$0].keyword == .as && (scope.isParticiple($0 + 1, endingWith: "ing") || scope[$0 + 1].hash == CueReader.having)
                    }
                // A name after the verb is its subject only when none stands
                // before it or the name closes the clause ("Senior officials
                // have said Russia's losses …": Russia says nothing).
                // ("…, telling an American interviewer that": whom a verb
                // of telling takes is told, and says nothing.)
                // ("…, Vyacheslav Gladkov, wrote on Telegram": where a verb
                // ending in "on" was said is no one who says it; nor in the
                // inverted reading above.)
                let after = verb.role.kind == .audienceVerb || scope[verb.end - 1].keyword == .on ? nil
                    : mention(scope, at: verb.end, mentions: mentions, recognizer: recognizer).flatMap { found -> EntityMention? in
                    // ("The update, published Monday, said Russia had
                    // suffered …": a name a verb follows opens the clause said.)
                    let opensClause = found.end < upper
                        && (CueReader.auxiliaries.contains(scope[found.end].hash) || scope.match(.figureVerb, at: found.end) != nil)
                    let subjectless = i == scope.range.lowerBound || !scope[i - 1].isWord && !opensClause
                    return subjectless || found.end >= upper || scope[found.end].kind == .punctuation ? found : nil
                }
                let agent = byAgent ?? inverted
                    ?? (passive ? nil : agent(scope, before: i, mentions: mentions, dates: dates, recognizer: recognizer) ?? after)
                let audience = verb.role.kind == .audienceVerb
                    ? mention(scope, at: verb.end, mentions: mentions, recognizer: recognizer) : nil
                cues.append(Cue(position: i, agent: agent, audience: audience))
                i = verb.end
                continue
            }
            if let source = scope.match(.attributionSource, at: i) {
                var k = source.end
                let noun = k < upper && scope.english(k).contains(.article) ? k + 1 : k
                var analysed = false
                if let noun = scope.match(.sourceNoun, at: noun) {
                    k = noun.end
                    // "according to data analysed by the BBC"; "figures
                    // provided to Human Rights Watch by the Kherson regional
                    // military administration": whom they were given to
                    // stands between.
                    if k + 1 < upper, CueReader.participles.contains(scope[k].hash) {
                        var by = k + 1
                        if scope[by].keyword == .to,
                           let found = (by + 1..<min(upper, by + 8)).first(where: { scope[$0].keyword == .by || scope.isClausePunctuation($0) }),
                           scope[found].keyword == .by {
                            by = found
                        }
                        if scope[by].keyword == .by || scope[by].keyword == .from {
                            analysed = CueReader.analysing.contains(scope[k].hash)
                            k = by
                        }
                    }
                    if k < upper, scope[k].keyword == .by || scope[k].keyword == .from || scope[k].keyword == .of {
                        k += 1
                    }
                }
                var agent = mention(scope, at: k, mentions: mentions, recognizer: recognizer)
                if analysed, case .outlet(let number)? = agent?.referent { agent?.referent = .analyst(number) }
                // "according to an AFP tally": the outlet's own count.
                if case .outlet(let number)? = agent?.referent, let end = agent?.end, end < upper,
                   scope.match(.sourceNoun, at: end) != nil {
                    agent?.referent = .analyst(number)
                }
                cues.append(Cue(position: i, agent: agent))
                i = source.end
                continue
            }
            // "By the General Staff's count", "in Kyiv's estimate": the
            // possessor of a count is its source.
            if token.keyword == .by || token.keyword == .in,
               let owner = mention(scope, at: i + 1, mentions: mentions, recognizer: recognizer), owner.end + 1 < upper,
               scope[owner.end].keyword == .possessive, scope.match(.sourceNoun, at: owner.end + 1) != nil {
                cues.append(Cue(position: i, agent: owner))
                i = owner.end + 1
                continue
            }
            if let noun = scope.match(.sourceNoun, at: i), noun.end < upper {
                // "a report by", "the statement made by", "data published by".
                var by = noun.end
                if by + 1 < upper, CueReader.participles.contains(scope[by].hash) { by += 1 }
                // ("a figure far below estimates by Western agencies": the
                // estimates compared with are another party's.)
                guard scope[by].keyword == .from || scope[by].keyword == .by, !isCompared(scope, before: i) else {
                    i += 1
                    continue
                }
                if var agent = mention(scope, at: by + 1, mentions: mentions, recognizer: recognizer) {
                    // "data analysed by the BBC": an outlet that counted.
                    if case .outlet(let number) = agent.referent, by > noun.end, CueReader.analysing.contains(scope[noun.end].hash) {
                        agent.referent = .analyst(number)
                    }
                    cues.append(Cue(position: i, agent: agent))
                }
                i = noun.end
                continue
            }
            i += 1
        }
        return cues
    }

    /// Whether a word that sets one figure against another ("below",
    /// "higher than", "compared with") stands in the few words before `start`.
    private func isCompared(_ scope: SentenceScope, before start: Int) -> Bool {
        var k = start - 1
        while k >= scope.range.lowerBound, k >= start - 4, scope[k].isWord {
            if CueReader.contrasting.contains(scope[k].hash) { return true }
            k -= 1
        }
        return false
    }

    static let contrasting = WordSet(
        ["below", "above", "than", "beyond", "exceeding", "exceeds", "surpassing", "compared", "contradicting", "contradicts"]
            .map(WordHash.of))

    /// Whether `scope` has a word that can start a cue: a verb of saying
    /// or telling, a source preposition, or a statement noun (which "by"
    /// and "in" need too). ``read(_:mentions:dates:)`` finds no cue in a
    /// sentence without one, so a caller may skip it and the sentence's
    /// mentions.
    func mayFindCues(_ scope: SentenceScope) -> Bool {
        let starts = PhraseRole.Kind.attributionVerb.bit | PhraseRole.Kind.audienceVerb.bit
            | PhraseRole.Kind.attributionSource.bit | PhraseRole.Kind.sourceNoun.bit
        return scope.range.contains { scope[$0].entry >= 0 && lexicon.entries[Int(scope[$0].entry)].kinds & starts != 0 }
            || opensWithLabel(scope)
            || scope.range.contains { k in
                scope[k].mark == .openParen && k - 1 >= scope.range.lowerBound
                    && (afterFigure(scope, k) || labelsRow(scope, bracketAt: k) || endsRow(scope, bracketAt: k))
            }
            || scope.isLine && scope.range.contains { scope[$0].hash == PipeTable.pipe }
    }

    /// Whether a line opens with a label and a colon, as a transcript's
    /// speaker label does.
    private func opensWithLabel(_ scope: SentenceScope) -> Bool { labelColon(scope) != nil }

    /// The colon that ends a line's opening label: up to a dozen
    /// capitalised words or abbreviations, with markup ("**") around.
    private func labelColon(_ scope: SentenceScope) -> Int? {
        let first = scope.range.lowerBound
        // The line may open with markup the sentence leaves out ("**").
        var start = first
        while start > 0, !scope.tokens[start].has(.lineBefore), scope.tokens[start - 1].kind == .punctuation,
              scope.tokens[start - 1].mark == .bullet || scope.tokens[start - 1].mark == .other {
            start -= 1
        }
        guard start == 0 || scope.tokens[start].has(.lineBefore) else { return nil }
        for k in first..<min(first + 14, scope.range.upperBound) {
            let token = scope[k]
            if token.mark == .colon { return k > first && k + 1 < scope.range.upperBound ? k : nil }
            let markup = token.mark == .bullet || token.mark == .other || token.mark == .period
            guard markup || token.isWord && token.has(.capitalized) else { return nil }
        }
        return nil
    }

    static let analysing = WordSet([
        "compiled", "gathered", "collected", "analysed", "analyzed",
    ].map(WordHash.of))

    static let participles = WordSet([
        "made", "issued", "published", "released", "given", "compiled", "gathered", "collected", "analysed",
        "analyzed", "provided", "cited", "presented", "shared", "posted",
    ].map(WordHash.of))

    /// The subject of a verb of saying at `cue`.
    private func agent(
        _ scope: SentenceScope, before cue: Int, mentions: [EntityMention], dates: [DateExpression],
        recognizer: EntityRecognizer
    ) -> EntityMention? {
        let lower = scope.range.lowerBound
        // "Yevgeny Prigozhin, the head of the private army Wagner, says": the
        // name before an appositive; never for "South Korea's estimate".
        if cue - 1 >= lower, scope[cue - 1].keyword != .possessive, let apposed = apposedName(scope, before: cue, mentions: mentions, recognizer: recognizer) { return apposed }
        func ending(_ end: Int) -> EntityMention? { mentions.last { $0.end == end } }
        func inDate(_ k: Int) -> Bool { dates.contains { $0.start <= k && k < $0.end } }
        /// "the Commander-in-Chief Valerii Zaluzhnyi of the Armed Forces
        /// reported": the person the phrase is headed by, not the body they
        /// are of.
        func head(of found: EntityMention) -> EntityMention? {
            var k = found.start - 1
            if k > lower, scope.english(k).contains(.article) { k -= 1 }
            guard k > lower, scope[k].keyword == .of, let head = ending(k) else { return nil }
            switch head.referent {
            case .person: return head
            case .speaker(let number): return scope.lexicon.speakers[number].isPerson ? head : nil
            default: return nil
            }
        }
        /// "the Center for Strategic and International Studies in Washington
        /// estimated": the body that is in the place, not the place.
        func locatedHead(of found: EntityMention) -> EntityMention? {
            let k = found.start - 1
            guard k > lower, scope[k].keyword == .in, let head = ending(pastAcronym(k)) else { return nil }
            return head
        }
        /// Where a name ends that ends at `end` or before the acronym in
        /// brackets there: "The Center for Strategic and International
        /// Studies (CSIS), a …".
        func pastAcronym(_ end: Int) -> Int {
            guard end - 1 > lower, scope[end - 1].mark == .closeParen else { return end }
            var open = end - 2
            while open > lower, scope[open].mark != .openParen { open -= 1 }
            return open > lower ? open : end
        }
        /// Whether the name at `start` is whom a report was given to: "an
        /// assessment shared with Congress".
        func givenTo(_ start: Int) -> Bool {
            start - 2 > lower && CueReader.recipients.contains(scope[start - 1].hash)
                && scope.isParticiple(start - 2, endingWith: "ed") && scope.match(.sourceNoun, endingAt: start - 2) != nil
        }
        // "the newspaper cited unnamed US officials as saying": whom a
        // report cites speaks.
        if cue - 1 > lower, scope[cue - 1].keyword == .as, let found = ending(cue - 1) {
            if case .outlet = found.referent {} else { return found }
        }
        // "Meduza and Mediazona used this method to estimate": an
        // infinitive's subject is its clause's.
        if cue - 1 > lower, scope[cue - 1].keyword == .to {
            var k = cue - 2
            while k >= lower, k >= cue - 10, !scope.isClausePunctuation(k) {
                if let found = ending(k + 1) { return head(of: found) ?? found }
                k -= 1
            }
        }
        // "Zelensky broke with that custom, telling an interviewer that": a
        // participle after a comma has its sentence's subject.
        if cue - 1 > lower, scope[cue - 1].mark == .comma, isParticiple(scope, cue) {
            let first = scope.english(lower).contains(.article) ? lower + 1 : lower
            if let subject = mentions.first(where: { $0.start == first && $0.end < cue - 1 }) {
                if case .outlet = subject.referent {} else { return subject }
            }
        }
        var j = cue - 1
        var segments = 0
        while j >= lower {
            let token = scope[j]
            if let found = ending(j + 1) {
                // "5.7 million refugees from Ukraine recorded globally": a
                // participle on a figure's noun, whose place is no subject.
                if found.start - 1 > lower, scope[found.start - 1].keyword == .from || scope[found.start - 1].keyword == .in,
                   scope.isParticiple(cue, endingWith: "ed"),
                   (lower..<found.start).contains(where: { scope[$0].kind == .number }) {
                    return nil
                }
                // "A declassified US intelligence assessment shared with
                // Congress in December put": whom a report was given to
                // is no subject.
                if givenTo(found.start) {
                    j = found.start - 3
                    continue
                }
                return head(of: found) ?? locatedHead(of: found) ?? found
            }
            if scope.english(j).contains(.filler) || token.isQuote || inDate(j)
                || (scope.english(j).contains(.datePreposition) && inDate(j + 1)) {
                j -= 1
                continue
            }
            // "A U.S. intelligence assessment declassified in December put
            // Russian casualties at": a past participle after the report.
            if token.isWord, j - 1 >= lower, scope.isParticiple(j, endingWith: "ed"), scope.match(.sourceNoun, endingAt: j) != nil {
                j -= 1
                continue
            }
            if token.mark == .closeParen {
                // "The Center for Strategic and International Studies (CSIS) estimated".
                let open = pastAcronym(j + 1)
                guard open <= j else { return nil }
                j = open - 1
                continue
            }
            // "South Korea's estimate": the possessor.
            if token.keyword == .possessive, j == cue - 1, let found = ending(j) { return found }
            // "Kyiv, which today warned": a relative pronoun's antecedent.
            // ("a post by blogger Andrei Morozov, who wrote": a name the
            // lexicon lacks too.)
            if token.keyword == .which || token.keyword == .who, j - 1 > lower, scope[j - 1].mark == .comma {
                if let found = ending(j - 1) { return locatedHead(of: found) ?? found }
                guard let start = recognizer.nameRun(scope, endingAt: j - 1), j - 1 - start >= 2 else { return nil }
                return EntityMention(start: start, end: j - 1, referent: recognizer.person(scope, start, j - 1, titleHead: nil))
            }
            if token.mark == .comma, segments < 3 {
                // "the commander, Valery Zaluzhny, was quoted"; "X, who
                // serves as President Joe Biden's adviser, suggested": a
                // relative clause's names are not the subject.
                var p = j - 1
                while p >= lower, scope[p].mark != .comma { p -= 1 }
                // "Mediazona, working with the BBC, has confirmed": a
                // participle's aside is no subject either.
                // ("citing officials" names a source, and is no aside).
                // ("HRMMU, in a statement issued in Kyiv, said": nor one
                // opened by a preposition of time or place.)
                let relative = p + 1 < j && (scope[p + 1].keyword.isRelative
                    || (isParticiple(scope, p + 1) && scope.match(.attributionSource, at: p + 1) == nil)
                    || (scope.english(p + 1).contains(.datePreposition) && scope[p + 1].keyword != .of))
                // "CSIS, a think-tank in Washington, puts", "CSIS, a
                // Washington think tank, estimated": the names in an
                // appositive describe the subject before it.
                let apposition = p >= lower && p + 1 < j && (scope[p + 1].keyword == .a || scope[p + 1].keyword == .an)
                if !relative, !apposition, let found = ending(pastAcronym(j)) { return found }
                // "A spokesperson for the office, Liz Throssell, said": a full
                // name set off by commas before the verb, or before an
                // appositive ("Speaking in Milan, Matviy Bidnyi, Ukraine's
                // minister of youth and sports, said").
                if !relative, segments <= 1, p >= lower, let start = recognizer.nameRun(scope, endingAt: j), start == p + 1, j - start >= 2 {
                    return EntityMention(start: start, end: j, referent: recognizer.person(scope, start, j, titleHead: nil))
                }
                // "The update, published on Monday, said": the subject
                // before the aside.
                guard p >= lower else {
                    guard relative, segments == 0 else { return nil }
                    j -= 1
                    segments += 1
                    continue
                }
                // ("A leaked US Defense Intelligence Agency assessment, which
                // surfaced on social media in April, put": past a relative
                // clause to the noun it is on.)
                j = relative && p > lower && scope[p - 1].isWord ? p - 1 : p
                segments += 1
                continue
            }
            if let noun = scope.match(.sourceNoun, endingAt: j + 1) {
                // "Moscow's latest update in September said".
                var p = noun.start - 1
                var steps = 0
                while p >= lower, steps < 2, scope[p].isWord, scope[p].keyword != .possessive {
                    p -= 1
                    steps += 1
                }
                if p >= lower, scope[p].keyword == .possessive { return ending(p) }
                // "A US intelligence assessment": a name that the report's
                // noun phrase overlaps.
                if let overlapping = mentions.last(where: { $0.start < noun.start && $0.end > noun.start && $0.end <= noun.end }) {
                    return overlapping
                }
                // "Pentagon documents", "U.S. intelligence estimates".
                var q = noun.start
                while q > lower, q > noun.start - 3 {
                    if let found = ending(q) { return found }
                    q -= 1
                }
                // "The update, published on Monday, said": the update the
                // text has named refers back, as "it" does.
                if p == lower, scope[p].keyword == .the || scope[p].keyword == .this, noun.start == p + 1 {
                    return EntityMention(start: p, end: noun.end, referent: .bodyPronoun)
                }
                return nil
            }
            if segments == 0, let start = recognizer.nameRun(scope, endingAt: j + 1), givenTo(start) {
                j = start - 3
                continue
            }
            if segments == 0, let start = recognizer.nameRun(scope, endingAt: j + 1) {
                // "The mayor of the port city of Mariupol says": the head of
                // the phrase speaks, not the place it is of.
                if start - 1 > lower, scope[start - 1].keyword == .of,
                   let head = mentions.last(where: { $0.end <= start - 1 && start - $0.end <= 10 }),
                   !(head.end..<start).contains(where: { scope.isClausePunctuation($0) }) {
                    return head
                }
                // A name the lexicon lacks, right before the verb.
                if start == lower, j == start, scope.lexicon.entry(of: scope[start]) != nil { return nil }
                return EntityMention(start: start, end: j + 1, referent: recognizer.person(scope, start, j + 1, titleHead: nil))
            }
            // "The mayor of the city said": the head before "of" speaks.
            if segments == 0 {
                var p = j
                while p > lower, p > j - 6, scope[p].keyword != .of, scope[p].isWord,
                      !scope.english(p).contains(.clauseOpener) {
                    p -= 1
                }
                if p > lower, scope[p].keyword == .of, let head = ending(p) { return head }
            }
            return nil
        }
        return nil
    }

    /// Whether a passive auxiliary ("were", "has been", "is being") stands
    /// right before the verb at `cue`, past an adverb.
    private func isPassive(_ scope: SentenceScope, before cue: Int) -> Bool {
        var k = cue - 1
        if k >= scope.range.lowerBound, scope[k].isWord, CueReader.adverbs.contains(scope[k].hash) { k -= 1 }
        return k >= scope.range.lowerBound && CueReader.passiveAuxiliaries.contains(scope[k].hash)
    }

    static let having = WordHash.of("having")
    static let recipients = WordSet(["with", "to"].map(WordHash.of))
    static let passiveAuxiliaries = WordSet(["was", "were", "been", "being", "is", "are", "be"].map(WordHash.of))
    static let adverbs = WordSet(["officially", "reportedly", "also", "now", "already", "previously", "widely"].map(WordHash.of))

    /// Whether token `k` is a present participle ("working", "citing").
    private func isParticiple(_ scope: SentenceScope, _ k: Int) -> Bool {
        scope.isParticiple(k, endingWith: "ing")
    }

    /// The name before ", the head of …" or ", an analyst," that ends right
    /// before a verb of saying.
    private func apposedName(
        _ scope: SentenceScope, before cue: Int, mentions: [EntityMention], recognizer: EntityRecognizer
    ) -> EntityMention? {
        let lower = scope.range.lowerBound
        var j = cue - 1
        if j >= lower, scope[j].mark == .comma { j -= 1 }
        var steps = 0
        while j > lower, steps < 14 {
            let token = scope[j]
            if token.mark == .comma { break }
            if scope.isClausePunctuation(j) || token.isQuote || token.keyword.opensClause { return nil }
            j -= 1
            steps += 1
        }
        guard j > lower, scope[j].mark == .comma, j + 1 < cue else { return nil }
        // "The chairman of the US Joint Chiefs of Staff, General Mark
        // Milley, said": an appositive that is a name is the subject.
        let segmentEnd = scope[cue - 1].mark == .comma ? cue - 1 : cue
        if let whole = mentions.first(where: { $0.start == j + 1 && $0.end == segmentEnd }) {
            switch whole.referent {
            case .person: return whole
            case .speaker(let index) where lexicon.speakers[index].isPerson: return whole
            default: break
            }
        }
        // "…, Prosecutor General Andrii Kostin reported": a name right before
        // the verb is its subject, whatever the comma before it.
        var verbStart = cue
        while verbStart - 1 > j, scope.english(verbStart - 1).contains(.filler) { verbStart -= 1 }
        if mentions.contains(where: { $0.end == verbStart && $0.start > j }) { return nil }
        // "a speech at the Economic Club of New York, a US non-profit, …": a
        // name after a preposition is not a subject.
        func afterPreposition(_ first: Int) -> Bool {
            var start = first
            while start - 1 > lower, start > first - 3, scope[start - 1].isWord, scope[start - 1].has(.capitalized) { start -= 1 }
            // ("near Bakhmut, a military spokesman said").
            return start > lower && (CueReader.placesWhatFollows(scope[start - 1]) || scope[start - 1].keyword == .by)
        }
        let opener = scope[j + 1]
        guard opener.keyword == .the || opener.keyword == .a || opener.keyword == .an || scope.match(.title, at: j + 1) != nil
        else { return nil }
        if let found = mentions.last(where: { $0.end == j }) { return afterPreposition(found.start) ? nil : found }
        if let start = recognizer.nameRun(scope, endingAt: j), !afterPreposition(start),
           scope.lexicon.entry(of: scope[start]) == nil || j - start > 1 {
            return EntityMention(start: start, end: j, referent: recognizer.person(scope, start, j, titleHead: nil))
        }
        return nil
    }

    /// The person named after the comma at `comma`, up to the clause's
    /// end: ", Oleh Syniehubov." after an office.
    private func apposedPerson(_ scope: SentenceScope, after comma: Int, mentions: [EntityMention], recognizer: EntityRecognizer) -> EntityMention? {
        let upper = scope.range.upperBound
        guard comma + 1 < upper, scope[comma].mark == .comma else { return nil }
        let found = mentions.first { $0.start == comma + 1 }
            ?? recognizer.nameRun(scope, from: comma + 1).flatMap { end in
                end - comma - 1 >= 2 ? EntityMention(start: comma + 1, end: end, referent: recognizer.person(scope, comma + 1, end, titleHead: nil)) : nil
            }
        guard let found, found.end >= upper || scope[found.end].kind == .punctuation else { return nil }
        switch found.referent {
        case .person: return found
        case .speaker(let number) where scope.lexicon.speakers[number].isPerson: return found
        default: return nil
        }
    }

    /// The mention starting at `k`, past an article; or a name the lexicon
    /// lacks.
    private func mention(_ scope: SentenceScope, at k: Int, mentions: [EntityMention], recognizer: EntityRecognizer) -> EntityMention? {
        guard k < scope.range.upperBound else { return nil }
        let name = scope.english(k).contains(.article) ? k + 1 : k
        // "according to Donetsk People's Republic Human Rights Commissioner
        // Darya Morozova", "Ukraine's Prosecutor General Andriy Kostin": a
        // person after the capitalised words of an office.
        var j = name + 1
        while j < min(scope.range.upperBound, name + 9), scope[j].isWord, scope[j].has(.capitalized) || scope[j].keyword == .possessive {
            if let found = mentions.first(where: { $0.start == j }) {
                switch found.referent {
                case .person: return found
                case .speaker(let number) where scope.lexicon.speakers[number].isPerson: return found
                default: break
                }
            }
            j += 1
        }
        if let found = mentions.first(where: { $0.start == k }) ?? (scope.english(k).contains(.article) ? mentions.first(where: { $0.start == k + 1 }) : nil) {
            // "according to the regional governor, Oleh Syniehubov": the
            // person an office is set beside.
            if case .description = found.referent, let named = apposedPerson(scope, after: found.end, mentions: mentions, recognizer: recognizer) {
                return named
            }
            if case .titled = found.referent, let named = apposedPerson(scope, after: found.end, mentions: mentions, recognizer: recognizer) {
                return named
            }
            return found
        }
        if name < scope.range.upperBound, let end = recognizer.nameRun(scope, from: name) {
            return EntityMention(start: name, end: end, referent: recognizer.person(scope, name, end, titleHead: nil))
        }
        // ("according to the regional governor, Oleh Syniehubov": an office
        // the lexicon does not name as a body.)
        var office = name
        while office < min(scope.range.upperBound, name + 4), scope[office].isWord, !scope[office].has(.capitalized) { office += 1 }
        if office > name, (name..<office).contains(where: { scope.match(.title, at: $0) != nil }) {
            return apposedPerson(scope, after: office, mentions: mentions, recognizer: recognizer)
        }
        return nil
    }
}

/// The last stage: gives each figure its speaker, outlet and date, settles
/// the sides the text left to the speaker or the conflict's defaults, and
/// writes the claims.
///
/// It also carries a figure over to the side an anaphoric sentence names
/// ("Same thing probably on the Ukrainian side."), drops restatements of a
/// figure already given ("the 40,000 innocent deaths"), and lends a
/// figure with no speaker the speaker the document gives the same figure
/// elsewhere (a headline and its story).
struct ClaimAssembler {
    /// The figures of one sentence, or the side it repeats the previous
    /// sentence's figures for.
    struct SentenceFigures {
        var sentence: Int
        var figures: [Figure]
        var repeatsFor: Side?
    }

    /// A claim under construction, with what later passes need.
    private struct Draft {
        var claim: Claim
        var sentence: Int
        /// The statement's date came from the text around it.
        var datedByText: Bool
        /// The sentence is a headline: a line of its own above the story,
        /// whose figures the story gives with their hedges.
        var headline = false
        /// Where its figure starts.
        var figureStart = 0
    }

    let lexicon: LexiconView
    let bytes: UnsafeBufferPointer<UInt8>
    let sentences: [Sentence]
    let dates: DateResolver

    /// The claims of `readings`, in sentence order.
    func claims(_ readings: [SentenceFigures], resolver: inout AttributionResolver) -> [Claim] {
        var drafts: [Draft] = []
        var restated: [Draft] = []
        // The headline lines stand above the first sentence that ends in
        // a full stop or runs on in its paragraph.
        let firstProse = sentences.indices.first { index in
            let scope = resolver.scope(index)
            return !scope.isLine || scope[scope.range.upperBound - 1].mark == .period
        } ?? sentences.count
        var given = Set<FigureKey>()
        // The daily figures given so far, by their bounds, for a figure
        // quoted again without its period.
        var daily: [FigureKey: [Claim]] = [:]
        // The side of the civilians each speaker counted last.
        var civilianSides: [String: Side] = [:]
        // The side of the last soldiers counted whose side the text named.
        var soldiersSide: (sentence: Int, side: Side)?
        // The side of the last civilians counted whose side the text named,
        // and the paragraph that named it.
        var civiliansSide: (paragraph: Int, side: Side)?
        for reading in readings {
            let index = reading.sentence
            if let side = reading.repeatsFor {
                drafts += repeated(for: side, in: index, after: drafts, resolver: &resolver)
                continue
            }
            // The sentence's text once, shared by its claims (a string is
            // copied by reference): one decoding of the bytes, not one a claim.
            let text = quote(sentences[index].span)
            let headline = index < firstProse && resolver.scope(index).isLine
            for figure in reading.figures {
                let attribution = resolver.attribution(at: figure.reading.start, in: index)
                let recentSoldiers = soldiersSide.flatMap { index - $0.sentence <= ClaimAssembler.soldiersReach ? $0.side : nil }
                let paragraphCivilians = civiliansSide.flatMap { $0.paragraph == sentences[index].paragraph ? $0.side : nil }
                let sides = figure.sides ?? figure.contextSides.flatMap { figure.againstSpeaker ? nil : $0 }
                    ?? [side(
                        of: figure, speaker: attribution.speaker, at: figure.reading.start, in: index,
                        borrowed: attribution.sentence != index && sentences[attribution.sentence].paragraph != sentences[index].paragraph,
                        civilians: civilianSides, paragraphCivilians: paragraphCivilians, soldiers: recentSoldiers,
                        resolver: &resolver)]
                if let named = figure.sides ?? figure.contextSides, named.count == 1, named[0] != .both {
                    if figure.population == .military { soldiersSide = (index, named[0]) }
                    if figure.population == .civilian { civiliansSide = (sentences[index].paragraph, named[0]) }
                }
                let stated = statedOn(attribution, figureAt: figure.reading.start, claimSentence: index, resolver: &resolver)
                for side in sides {
                    let draft = Draft(
                        claim: claim(figure, side: side, attribution: attribution, stated: stated, sentence: index, quote: text),
                        sentence: index, datedByText: stated.date != nil, headline: headline, figureStart: figure.reading.start)
                    let key = FigureKey(draft.claim)
                    if figure.isGiven, given.contains(key) {
                        restated.append(draft)
                    } else if restatesDaily(draft.claim, daily[key] ?? []) {
                        // "lost up to 290 servicemen over the past 24 hours …
                        // 'The enemy lost up to 290 servicemen,' the spokesman
                        // said": the day's figure quoted again.
                        restated.append(draft)
                    } else if !sentenceHas(draft.claim, in: drafts, from: index) {
                        drafts.append(draft)
                        if draft.claim.population == .civilian, let speaker = draft.claim.speaker {
                            civilianSides[speaker] = draft.claim.side
                        }
                        given.insert(key)
                        if draft.claim.per != nil { daily[key, default: []].append(draft.claim) }
                    }
                }
            }
        }
        carryDay(&drafts, resolver: &resolver)
        lendSpeakers(&drafts, restated: restated)
        return drafts.map(\.claim)
    }

    /// A day's civilian toll holds for the parts a roundup gives after it:
    /// "Russian attacks killed at least five people and injured 27 others
    /// across Ukraine over the past day … In Donetsk Oblast, Russian attacks
    /// killed three people and injured nine": a smaller figure of the same
    /// loss, a few sentences on, in a sentence that dates nothing and names
    /// no total. A larger one, or one with a date or a total, ends the day's.
    private func carryDay(_ drafts: inout [Draft], resolver: inout AttributionResolver) {
        var days: [Metric: (sentence: Int, draft: Int)] = [:]
        for position in drafts.indices {
            let claim = drafts[position].claim
            guard claim.population == .civilian, claim.metric == .killed || claim.metric == .wounded else { continue }
            if claim.per == .day {
                days[claim.metric] = (drafts[position].sentence, position)
                continue
            }
            guard claim.per == nil, let day = days[claim.metric] else { continue }
            let sentence = drafts[position].sentence
            let toll = drafts[day.draft].claim
            let scope = resolver.scope(sentence)
            if sentence > day.sentence, sentence - day.sentence <= ClaimAssembler.roundupReach, toll.side == claim.side,
               (claim.high ?? claim.low) <= toll.low, resolver.dates[sentence].isEmpty, !namesTotal(scope),
               !SubjectReader.singleAttack(scope, from: scope.range.lowerBound, before: drafts[position].figureStart) {
                drafts[position].claim.per = .day
            } else {
                days[claim.metric] = nil
            }
        }
    }

    /// How many sentences after a day's toll a roundup's parts of it run.
    private static let roundupReach = 8

    /// Whether a sentence counts more than a day: "since", "in total", "so far".
    private func namesTotal(_ scope: SentenceScope) -> Bool {
        scope.range.contains { scope[$0].keyword == .since || ClaimAssembler.totalWords.contains(scope[$0].hash) }
    }

    static let totalWords = WordSet(["total", "overall", "cumulative", "far", "altogether", "all"].map(WordHash.of))

    /// Whether the drafts of sentence `index`, last in `drafts`, hold
    /// `claim` already. By index, comparing in place: a copy of each draft
    /// (its quote, speaker and outlet) per comparison showed in profiles.
    private func sentenceHas(_ claim: Claim, in drafts: [Draft], from index: Int) -> Bool {
        var k = drafts.count - 1
        while k >= 0, drafts[k].sentence == index {
            if drafts[k].claim == claim { return true }
            k -= 1
        }
        return false
    }

    private func claim(
        _ figure: Figure, side: Side, attribution: Attribution, stated: (date: PartialDate?, source: DateSource?), sentence: Int,
        quote: String
    ) -> Claim {
        Claim(
            side: side, population: figure.population, metric: figure.metric, qualifier: figure.reading.qualifier,
            low: Int(figure.mention.low.rounded()), high: figure.mention.high.map { Int($0.rounded()) },
            per: figure.rate, speaker: speakerName(attribution.speaker, of: figure), reportedBy: attribution.reportedBy,
            statedOn: stated.date, statedOnSource: stated.source, quote: quote, span: sentences[sentence].span)
    }

    /// The name a claim gives its speaker: the body's own, or for a civilian
    /// toll its whole reports, the part that counts them ("the UN says …
    /// civilians have been killed": OHCHR).
    private func speakerName(_ speaker: ResolvedSpeaker?, of figure: Figure) -> String? {
        if figure.population == .civilian, figure.metric != .refugees, let counter = speaker?.civilianTollsBy { return counter }
        // ("According to United Nations, more than 800,000 civilians have
        // fled" after OHCHR's figures: refugees are the whole body's, not
        // those of its part that counts the dead.)
        if figure.metric == .refugees, let whole = speaker?.whole, whole.civilianTollsBy == speaker?.name { return whole.name }
        return speaker?.name
    }

    /// Whether `claim`, with no period of its own, repeats one of the
    /// figures with a period given before with its bounds (`earlier`), by
    /// the same speaker or by one the text does not name.
    private func restatesDaily(_ claim: Claim, _ earlier: [Claim]) -> Bool {
        claim.per == nil && earlier.contains { other in
            FigureKey(other) == FigureKey(claim) && other.qualifier == claim.qualifier
                && (claim.speaker == nil || claim.speaker == other.speaker)
        }
    }

    private func quote(_ span: ByteSpan) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
    }

    /// The side of a figure whose text names none: the speaker's enemy for
    /// "the enemy", else the speaker's own, else, for civilians, the side
    /// of the civilians the same speaker counted before (a regional
    /// governor's region), else the conflict's default.
    ///
    /// A speaker borrowed from another paragraph says nothing of whose
    /// civilians a figure counts ("…, killing 61 people" after a paragraph
    /// quoting the Kremlin).
    private func side(
        of figure: Figure, speaker: ResolvedSpeaker?, at position: Int, in index: Int, borrowed: Bool,
        civilians: [String: Side], paragraphCivilians: Side?, soldiers: Side?, resolver: inout AttributionResolver
    ) -> Side {
        if figure.againstSpeaker {
            // "the enemy" of a speaker whose side the text does not say is
            // the enemy of the party the article has been quoting, else of
            // the party it last named.
            let own = speaker?.side ?? resolver.lastSpeakerSide(before: index)
                ?? resolver.lastParty(before: position, in: index)
            if let own, lexicon.sides.count == 2, let other = lexicon.sides.first(where: { $0 != own }) {
                return other
            }
            return defaultSide(figure.population)
        }
        // (Refugees are of the country they fled, whoever counts them:
        // "Moscow says three million people from Ukraine have taken refuge".)
        if figure.metric == .refugees { return defaultSide(figure.population) }
        if let side = speaker?.side, !(borrowed && figure.population == .civilian) { return side }
        if figure.population == .civilian, let name = speaker?.name, let earlier = civilians[name] { return earlier }
        // "… 213 residents of the region perished. Another 1 068 people
        // received wounds": civilians of no named side, in the paragraph
        // that named the side of those it counted, are theirs.
        if figure.population == .civilian, speaker?.name == nil, let paragraphCivilians { return paragraphCivilians }
        // "… Russia's losses … We counted on average 1,580 casualties per
        // day": soldiers of no named side are those the text was counting.
        if figure.population == .military, let soldiers { return soldiers }
        // Soldiers of a text that has named one side only are its soldiers.
        if figure.population == .military, speaker?.side == nil, let only = resolver.onlySideNamed(before: index) { return only }
        return defaultSide(figure.population)
    }

    /// How many sentences on the side of soldiers counted last holds for
    /// soldiers whose side a sentence does not name.
    static let soldiersReach = 20

    private func defaultSide(_ population: Population) -> Side {
        population == .civilian ? lexicon.conflict.civilianSide : lexicon.conflict.militarySide
    }

    /// When the estimate was stated, and where that date came from: the
    /// date the text attaches to the statement ("said on Monday", "In
    /// August, X was quoted as saying", "Moscow's update in September
    /// said"), never a date of what is counted ("as of March 19", "since
    /// February 24", "killed on Monday"). A statement with no date of its
    /// own continues its speaker's dated statement a few sentences before
    /// ("X said on Monday … He added …"). Nil when the text does not fix it.
    private func statedOn(
        _ attribution: Attribution, figureAt position: Int, claimSentence: Int, resolver: inout AttributionResolver
    ) -> (date: PartialDate?, source: DateSource?) {
        // The verb of saying that governs the figure dates the statement
        // even when who says it is not known ("officials said Monday").
        let own = resolver.cues(claimSentence)
        let local = attribution.sentence == claimSentence && attribution.cue != nil
            ? attribution.cue : own.last(where: { $0.position < position })?.position ?? own.first?.position
        if let local, let found = statementDate(cue: local, in: claimSentence, figure: position, resolver: &resolver) {
            return found
        }
        if attribution.sentence != claimSentence, let cue = attribution.cue,
           let found = statementDate(cue: cue, in: attribution.sentence, figure: nil, resolver: &resolver) {
            return found
        }
        // A statement that names its speaker afresh is a statement of its
        // own; one that refers back ("He said", or no cue at all) continues
        // the speaker's last dated one.
        if let speaker = attribution.speaker?.name, continues(attribution, claimSentence: claimSentence, resolver: &resolver),
           let found = earlierStatementDate(of: speaker, before: attribution.sentence, resolver: &resolver) {
            return found
        }
        // "Statement of the Ministry of Defence …": a body's own document
        // is its statement, made the day it is dated.
        if attribution.byAuthor, let date = dates.reference, date.precision == .day {
            return (date, dates.referenceSource ?? .text)
        }
        // "Defence questions, Monday 14 July 2025" over a record of who
        // said what: its speakers speak on the day its heading gives.
        if attribution.labelled, let found = recordDate(before: attribution.sentence, resolver: &resolver) {
            return found
        }
        return (nil, nil)
    }

    /// The day a heading line before sentence `index` gives: the last
    /// line with a full date and no figure.
    private func recordDate(before index: Int, resolver: inout AttributionResolver) -> (date: PartialDate, source: DateSource)? {
        for other in stride(from: index - 1, through: 0, by: -1) where !resolver.hasFigures[other] && resolver.scope(other).isLine {
            for date in resolver.dates[other].reversed() where !date.isAnchor && !date.refersBack {
                if let found = dates.dated(date.value), found.date.precision == .day { return (found.date, .text) }
            }
        }
        return nil
    }

    /// How many sentences back a statement with no date of its own looks
    /// for its speaker's dated one.
    private static let continuationReach = 4

    /// The date attached to the cue at `cue` of sentence `index`, whose
    /// figure (if the sentence holds the claim) is at `figure`; a sentence
    /// that only attributes (no figures of its own) lends any date it gives.
    private func statementDate(
        cue: Int, in index: Int, figure: Int?, resolver: inout AttributionResolver
    ) -> (date: PartialDate, source: DateSource)? {
        let reading = resolver.reading(index)
        let candidates = reading.dates.filter { !$0.isAnchor && !$0.isYearOnly }
        guard !candidates.isEmpty else { return nil }
        let scope = resolver.scope(index)
        let cues = reading.cues.map(\.position)
        // "In March, the mission recorded 604 casualties": the month counted.
        // A verb of saying over the count still dates the statement ("said
        // on Monday that it had recorded").
        func counts(_ position: Int) -> Bool {
            scope.match(.attributionVerb, at: position)?.role.value == Int32(LexiconView.countingVerb)
        }
        if counts(cue) {
            guard let saying = cues.last(where: { $0 < cue && !counts($0) }) else { return nil }
            return statementDate(cue: saying, in: index, figure: figure, resolver: &resolver)
        }
        // Another party's verb of saying before this one keeps a date it
        // has: "Zelensky unveiled the figure Monday, a number far exceeding
        // South Korea's estimate of around 1,100".
        let agents = resolver.agents(index)
        let own = cues.firstIndex(of: cue).flatMap { agents[$0] }
        let other = own.flatMap { own in
            cues.indices.last { cues[$0] < cue && agents[$0].map { !Self.isSameParty($0, own) } ?? false }.map { cues[$0] }
        }
        // "In December he raised the figure to 43,000, and last month to
        // 46,000": a date opening a coordinated part dates its figure.
        if let figure, let gapped = candidates.last(where: { date in
            date.start > cue && date.end <= figure && figure - date.end <= 3 && scope[date.start - 1].keyword == .and
        }) {
            return dates.dated(gapped.value)
        }
        var pool = candidates.filter { isAttached($0, to: cue, figure: figure, cues: cues, claimedBy: other, in: scope) }
        // (Not a date inside what it reports: "noted that December is on
        // course to become the costliest month".)
        if pool.isEmpty, figure == nil, !resolver.hasFigures[index] {
            pool = candidates.filter { date in date.start < cue || !(cue..<date.start).contains { scope[$0].keyword == .that } }
        }
        guard let chosen = pool.min(by: { abs($0.start - cue) < abs($1.start - cue) }) else { return nil }
        guard chosen.refersBack else { return dates.dated(chosen.value) }
        // "Kirby said the same month", "in September that year": of the
        // date the text gave last before.
        guard let before = dateGiven(before: chosen.start, in: index, resolver: &resolver),
              let date = chosen.resolved(after: before.date)
        else { return nil }
        return (date, before.source)
    }

    /// How many sentences back "the same day" or "that year" looks for the
    /// date it refers to.
    private static let backReach = 6

    /// The date the text gives last before token `position` of sentence
    /// `index`, for words that refer back to it.
    private func dateGiven(
        before position: Int, in index: Int, resolver: inout AttributionResolver
    ) -> (date: PartialDate, source: DateSource)? {
        var other = index
        while other >= 0, other >= index - ClaimAssembler.backReach {
            for date in resolver.dates[other].reversed() where (other < index || date.end <= position) && !date.refersBack {
                if let found = dates.dated(date.value) { return found }
            }
            other -= 1
        }
        return nil
    }

    /// Whether `date` belongs to the clause of the cue at `cue` rather than
    /// to what is reported: right after the verb, before what it reports
    /// ("said in an update on Tuesday that"), or before the verb, in its
    /// subject or a phrase opening the sentence ("On Monday, the ministry
    /// said"), but not inside a reported clause ("500 were killed on
    /// Monday, the ministry said").
    ///
    /// - Parameter other: the position of another party's verb of saying
    ///   before `cue`, which keeps a date after it when a clause break parts
    ///   the date from `cue`.
    private func isAttached(
        _ date: DateExpression, to cue: Int, figure: Int?, cues: [Int], claimedBy other: Int?, in scope: SentenceScope
    ) -> Bool {
        if date.start > cue {
            var words = 0
            for k in (cue + 1)..<date.start {
                let token = scope[k]
                // ("reported 13 dead and 40 wounded on Saturday": from the
                // first of the object's figures.)
                if let figure, figure > cue, k >= figure || token.kind == .number {
                    return words <= 10 && datesObject(figureAt: k, date: date, in: scope)
                }
                if token.keyword == .that || token.kind == .number || cues.contains(k) { return false }
                switch token.mark {
                case .semicolon, .colon, .period, .question, .exclamation, .openQuote, .closeQuote: return false
                default: break
                }
                if token.isWord { words += 1 }
            }
            return words <= 14
        }
        if let figure, figure < cue {
            // The reported clause comes first: only the subject of the verb
            // of saying, after it, can date the statement.
            guard date.start > figure else { return false }
            for k in date.end..<cue {
                let token = scope[k]
                if scope.isClausePunctuation(k) && token.mark != .openParen && token.mark != .closeParen || token.isQuote { return false }
                if token.kind == .number || cues.contains(k) { return false }
            }
            return true
        }
        let claimed = other.map { $0 < date.start } ?? false
        for k in date.end..<cue {
            let token = scope[k]
            if token.kind == .number || cues.contains(k) { return false }
            if token.mark == .semicolon || token.mark == .colon || token.mark == .period { return false }
            if claimed, token.mark == .comma || token.mark == .dash { return false }
        }
        return true
    }

    /// Whether `date`, after the figure at `figure` that a verb of saying
    /// takes as its object, closes that verb's clause: "acknowledged 6,000
    /// deaths among its soldiers in September 2022", "put Russia's losses at
    /// around 139,080 troops on Saturday"; not "500 were killed on Monday",
    /// where a verb between dates what is counted, nor "1,200 a day in
    /// June", a rate's period.
    private func datesObject(figureAt figure: Int, date: DateExpression, in scope: SentenceScope) -> Bool {
        guard var k = (figure..<date.start).first(where: { scope[$0].kind == .number }) else { return false }
        // (A figure's own word of loss right after it is its noun: "13
        // dead and 40 wounded".)
        func pastNumber(_ k: inout Int) {
            while k < date.start, scope[k].kind == .number || scope[k].entry >= 0 && lexicon.entries[Int(scope[k].entry)].scale > 0 {
                k += 1
            }
            if k < date.start, let metric = scope.match(.metric, at: k) { k = metric.end }
        }
        pastNumber(&k)
        var words = 0
        while k < date.start {
            // ("reported 13 dead and 40 wounded on Saturday": figures
            // coordinated in the one object.)
            if scope[k].keyword == .and, k + 1 < date.start, scope[k + 1].kind == .number {
                k += 1
                pastNumber(&k)
                continue
            }
            let token = scope[k]
            guard token.isWord, !token.keyword.opensClause, token.keyword != .that,
                  scope.match(.figureVerb, at: k) == nil, scope.match(.attributionVerb, at: k) == nil, scope.match(.rate, at: k) == nil,
                  !scope.english(k).contains(.copula), !CueReader.auxiliaries.contains(token.hash),
                  !scope.isParticiple(k, endingWith: "ed")
            else { return false }
            words += 1
            k += 1
        }
        return words <= 6
    }

    /// Whether two speakers speak for one party: the same side, or, with
    /// no side known, the same name.
    private static func isSameParty(_ a: ResolvedSpeaker, _ b: ResolvedSpeaker) -> Bool {
        a.side != nil || b.side != nil ? a.side == b.side : isSame(a.name, b.name)
    }

    /// Whether two names are one speaker's: equal, or one the other's
    /// surname ("Maliar added" after "Hanna Maliar wrote").
    private static func isSame(_ a: String, _ b: String) -> Bool {
        a == b || a.hasSuffix(" " + b) || b.hasSuffix(" " + a)
    }

    /// The date of `speaker`'s latest dated statement in the few sentences
    /// before `index`.
    private func continues(_ attribution: Attribution, claimSentence: Int, resolver: inout AttributionResolver) -> Bool {
        guard attribution.sentence == claimSentence, let position = attribution.cue,
              let cue = resolver.cues(claimSentence).first(where: { $0.position == position }),
              let agent = cue.agent
        else { return true }
        // "Maliar added": a surname alone refers back to the person named.
        if agent.end - agent.start == 1 { return true }
        switch agent.referent {
        case .speaker, .person, .outlet, .analyst: return false
        default: return true
        }
    }

    private func earlierStatementDate(
        of speaker: String, before index: Int, resolver: inout AttributionResolver
    ) -> (date: PartialDate, source: DateSource)? {
        var other = index - 1
        while other >= 0, other >= index - ClaimAssembler.continuationReach {
            // Most sentences date nothing: skip them before reading who speaks.
            guard resolver.dates[other].contains(where: { !$0.isAnchor && !$0.isYearOnly }) else {
                other -= 1
                continue
            }
            let cues = resolver.cues(other)
            let agents = resolver.agents(other)
            // Last first, by index: reversing the zip of the two copied
            // every pair into an array.
            for k in (0..<min(cues.count, agents.count)).reversed() where agents[k].map({ Self.isSame($0.name, speaker) }) ?? false {
                if let found = statementDate(cue: cues[k].position, in: other, figure: nil, resolver: &resolver) { return found }
            }
            other -= 1
        }
        return nil
    }

    /// The previous sentence's claims, for another side.
    private func repeated(for side: Side, in index: Int, after drafts: [Draft], resolver: inout AttributionResolver) -> [Draft] {
        guard let last = drafts.last, last.sentence <= index, index - last.sentence <= 2,
              sentences[last.sentence].paragraph == sentences[index].paragraph || index - last.sentence == 1
        else { return [] }
        let sources = drafts.reversed().prefix { $0.sentence == last.sentence }.reversed()
            .filter { $0.claim.side != side && $0.claim.side != .both }
        let attribution = resolver.attribution(at: sentences[index].tokens.lowerBound, in: index)
        let span = sentences[index].span
        let text = quote(span)
        var copies: [Draft] = []
        for source in sources {
            var claim = source.claim
            claim.side = side
            claim.quote = text
            claim.span = span
            if let speaker = attribution.speaker?.name { claim.speaker = speaker }
            if let outlet = attribution.reportedBy { claim.reportedBy = outlet }
            if !copies.contains(where: { $0.claim == claim }) {
                copies.append(Draft(claim: claim, sentence: index, datedByText: source.datedByText))
            }
        }
        return copies
    }

    /// The same figure, whatever its hedge: side, population, metric and bounds.
    private struct FigureKey: Hashable {
        var side: Side
        var population: Population
        var metric: Metric
        var low: Int
        var high: Int?

        init(_ claim: Claim) {
            side = claim.side
            population = claim.population
            metric = claim.metric
            low = claim.low
            high = claim.high
        }

        /// The bounds alone: hashing the three words (strings, hashed
        /// with SipHash) cost more than the comparisons they save, since
        /// a document's figures seldom share bounds.
        func hash(into hasher: inout Hasher) {
            hasher.combine(low)
            hasher.combine(high)
        }
    }

    /// A figure without a speaker takes the speaker of the same figure
    /// elsewhere in the document, and that statement's date; a figure with
    /// no date of its own takes the date its speaker gives the same figure
    /// elsewhere ("More than 3,000 … have been killed, Zelensky has said.
    /// Zelensky unveiled the figure Monday …": a lead and its story).
    private func lendSpeakers(_ drafts: inout [Draft], restated: [Draft]) {
        // The lenders by their place: `drafts` first, then `restated`. A
        // copy of each draft (its quote, speaker and outlet) showed in
        // profiles. The places stay true below: a lender has a speaker,
        // which is never replaced, and a dated one is never dated again.
        var lenders: [FigureKey: Int] = [:]
        var dated: [FigureKey: [Int]] = [:]
        func register(_ draft: Draft, at place: Int) {
            guard draft.claim.speaker != nil else { return }
            let key = FigureKey(draft.claim)
            if lenders[key] == nil { lenders[key] = place }
            if draft.datedByText { dated[key, default: []].append(place) }
        }
        for place in drafts.indices { register(drafts[place], at: place) }
        for place in restated.indices { register(restated[place], at: drafts.count + place) }
        guard !lenders.isEmpty else { return }
        for position in drafts.indices where !drafts[position].datedByText || drafts[position].claim.speaker == nil {
            let key = FigureKey(drafts[position].claim)
            if drafts[position].claim.speaker == nil, let place = lenders[key] {
                let lender = place < drafts.count ? drafts[place].claim : restated[place - drafts.count].claim
                drafts[position].claim.speaker = lender.speaker
                if drafts[position].claim.reportedBy == nil { drafts[position].claim.reportedBy = lender.reportedBy }
            }
            guard !drafts[position].datedByText, let speaker = drafts[position].claim.speaker,
                  let place = dated[key]?.first(where: { place in
                      let lender = place < drafts.count ? drafts[place].claim : restated[place - drafts.count].claim
                      return Self.lendsDate(lender, to: drafts[position].claim, speaker: speaker, headline: drafts[position].headline)
                  })
            else { continue }
            let lender = place < drafts.count ? drafts[place].claim : restated[place - drafts.count].claim
            drafts[position].claim.statedOn = lender.statedOn
            drafts[position].claim.statedOnSource = lender.statedOnSource
        }
    }

    /// Whether `lender`, a dated statement of the same figure, dates
    /// `claim`, whose speaker is `speaker`: the same hedge (any, for a
    /// headline's, which drops hedges), by the same speaker.
    private static func lendsDate(_ lender: Claim, to claim: Claim, speaker: String, headline: Bool) -> Bool {
        (headline || lender.qualifier == claim.qualifier) && lender.speaker.map { isSame($0, speaker) } ?? false
    }
}

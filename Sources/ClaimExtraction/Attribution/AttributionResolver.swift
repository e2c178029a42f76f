/// Finds the speaker of each figure the way a reader does: a source named
/// in the sentence ("X said", "according to X", "X told the BBC"); for a
/// quotation, whoever the quotation is attributed to; otherwise the source
/// of an earlier sentence of the paragraph ("General Milli said, … Between
/// 1.5 and 3 million refugees …"), or the next sentence when it only says
/// who disclosed the figure. Pronouns ("He", "It") and descriptions ("the
/// top general", "the country") are resolved against the document.
///
/// Reads sentences lazily and remembers them, since pronouns look back.
struct AttributionResolver {
    /// How many sentences away a source may be found: a paragraph of a
    /// reader's attention, and a bound on the work for a text with no
    /// paragraphs at all.
    static let reach = 8

    /// What attribution needs of one sentence.
    struct Reading {
        var mentions: [EntityMention]
        var cues: [Cue]
        var dates: [DateExpression]
    }

    let lexicon: LexiconView
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    let sentences: [Sentence]
    /// The dates of each sentence.
    let dates: [[DateExpression]]
    /// Sentences that hold figures of their own; a neighbour that does is
    /// no attribution line for another.
    var hasFigures: [Bool]
    private var readings: [Reading?]
    /// The mentions of sentences read for names alone (a description or a
    /// pronoun looking back), which need no cues.
    private var mentionLists: [[EntityMention]?]
    /// How many quotations are open before each token of a sentence, once
    /// asked (empty for a sentence without quotation marks).
    private var quoteDepths: [[Int32]?]
    /// The resolved sources of each sentence's cues, once worked out: a
    /// pronoun's antecedent is looked up, never resolved again, so that a
    /// chain of "He said … He added …" costs one step a sentence.
    private var agents: [[ResolvedSpeaker?]?]
    private var resolving: [Bool]
    /// The fallback attributions worked out, by sentence: few sentences
    /// need one, and an attribution is a large value to keep a slot of per
    /// sentence.
    private var fallbacks: [Int: Attribution] = [:]
    /// Whether each paragraph, once asked, opens with an interviewer's label.
    private var interviewerParagraphs: [Int: Bool] = [:]
    /// The speaker each paragraph's label names, once asked.
    private var labelledParagraphs: [Int: (speaker: ResolvedSpeaker, isRecord: Bool)?] = [:]
    /// The source each paragraph's header line names, once asked.
    private var headedParagraphs: [Int: ResolvedSpeaker?] = [:]
    /// Who the document says wrote it, once asked.
    private var authorRead: AuthorReading?
    private struct AuthorReading {
        var publisher: ResolvedSpeaker?
        var writer: ResolvedSpeaker?
    }
    /// The body the document's title says it is by, once asked.
    private var headingRead: HeadingReading?
    private struct HeadingReading {
        var value: (speaker: ResolvedSpeaker, sentence: Int)?
    }
    /// The parts of bodies (``LexiconView/SpeakerInfo/within``) the text
    /// names, by sentence; read once, when a body with parts is named.
    private var namedParts: [(sentence: Int, speaker: Int)]?
    /// The sides each sentence and those before it name, as bits.
    private var sidesNamed: [Int] = []
    /// The unlabelled interview the document is, once asked.
    private var interviewRead: InterviewReading?
    private struct InterviewReading {
        var value: (questions: Set<Int>, interviewee: ResolvedSpeaker)?
    }

    init(
        lexicon: LexiconView, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, sentences: [Sentence],
        dates: [[DateExpression]]
    ) {
        self.lexicon = lexicon
        self.tokens = tokens
        self.bytes = bytes
        self.sentences = sentences
        self.dates = dates
        hasFigures = Array(repeating: false, count: sentences.count)
        readings = Array(repeating: nil, count: sentences.count)
        mentionLists = Array(repeating: nil, count: sentences.count)
        quoteDepths = Array(repeating: nil, count: sentences.count)
        agents = Array(repeating: nil, count: sentences.count)
        resolving = Array(repeating: false, count: sentences.count)
    }

    /// The scope of sentence `index`.
    func scope(_ index: Int) -> SentenceScope {
        SentenceScope(tokens: tokens, range: sentences[index].tokens, lexicon: lexicon, bytes: bytes)
    }

    /// The mentions, cues and dates of sentence `index`.
    mutating func reading(_ index: Int) -> Reading {
        if let known = readings[index] { return known }
        let scope = scope(index)
        let dates = self.dates[index]
        let mentions = mentions(index)
        let cueReader = CueReader(lexicon: lexicon)
        let cues = cueReader.mayFindCues(scope) ? cueReader.read(scope, mentions: mentions, dates: dates) : []
        let reading = Reading(mentions: mentions, cues: cues, dates: dates)
        readings[index] = reading
        return reading
    }

    /// The mentions of sentence `index`.
    mutating func mentions(_ index: Int) -> [EntityMention] {
        if let known = mentionLists[index] { return known }
        let mentions = EntityRecognizer(lexicon: lexicon).recognize(scope(index))
        mentionLists[index] = mentions
        return mentions
    }

    /// The cues of sentence `index`. Most sentences the look-backs visit
    /// have no word that starts a cue: those have none, without
    /// recognising their names.
    mutating func cues(_ index: Int) -> [Cue] {
        if let known = readings[index] { return known.cues }
        guard CueReader(lexicon: lexicon).mayFindCues(scope(index)) else { return [] }
        return reading(index).cues
    }

    /// Who the source of each cue of sentence `index` is; nil for a cue
    /// without one, and for all while the sentence is being worked out
    /// (a reference that loops back finds nothing).
    mutating func agents(_ index: Int) -> [ResolvedSpeaker?] {
        if let known = agents[index] { return known }
        let cues = cues(index)
        guard !resolving[index] else { return Array(repeating: nil, count: cues.count) }
        resolving[index] = true
        var found: [ResolvedSpeaker?] = []
        for cue in cues {
            found.append(cue.agent.flatMap { resolve($0, in: index) })
        }
        resolving[index] = false
        agents[index] = found
        return found
    }

    /// The attribution of a figure at token `position` of sentence `index`.
    mutating func attribution(at position: Int, in index: Int) -> Attribution {
        let reportedBy = outlet(in: index)
        if let found = cueSpeaker(in: index, near: position) {
            let speaker = found.speaker.kind == .government ? namedNext(for: found.speaker, after: index) ?? found.speaker
                : found.speaker
            return Attribution(speaker: speaker, reportedBy: reportedBy, sentence: index, cue: found.cue)
        }
        var result = fallback(for: index)
        if result.reportedBy == nil { result.reportedBy = reportedBy }
        if result.reportedBy == nil { result.reportedBy = creditLine(for: index) }
        return result
    }

    // MARK: Within the sentence

    /// The source of the cue nearest before `position` (else after it).
    /// "CIA Director William Burns said … that the agency estimated that
    /// 15,000 …": a person who says what their body ("the agency", "it")
    /// counted is the speaker, as a named spokesperson is.
    private mutating func cueSpeaker(in index: Int, near position: Int?) -> (speaker: ResolvedSpeaker, cue: Int)? {
        var before: (ResolvedSpeaker, Int)?
        var after: (ResolvedSpeaker, Int)?
        var person: (ResolvedSpeaker, Int)?
        for (cue, agent) in zip(cues(index), agents(index)) {
            guard let speaker = agent else { continue }
            if let position, cue.position > position {
                // ("Ukraine brought home 230, while Russia said 248 …": a
                // verb of saying in a clause set against the figure's.)
                if after == nil, !(position..<cue.position).contains(where: { SubjectReader.contrast.contains(tokens[$0].hash) }) {
                    after = (speaker, cue.position)
                }
                continue
            }
            switch cue.agent?.referent {
            case .description?, .bodyPronoun?:
                before = person ?? (speaker, cue.position)
            default:
                before = (speaker, cue.position)
                person = speaker.isPerson ? before : nil
            }
        }
        return before ?? after
    }

    /// The outlet the sentence names as relaying: an audience ("told the
    /// BBC"), a source ("according to CBC") or any outlet it names.
    private mutating func outlet(in index: Int) -> String? {
        let reading = reading(index)
        for cue in reading.cues {
            if case .outlet(let number)? = cue.audience?.referent { return lexicon.outlets[number] }
        }
        for mention in reading.mentions {
            if case .outlet(let number) = mention.referent { return lexicon.outlets[number] }
        }
        return nil
    }

    // MARK: Beyond the sentence

    /// "Russian officials have announced that 498 … were killed. Major
    /// General Igor Konashenkov … revealed Russia's military casualties":
    /// a country or its officials, said to have given a figure, are the
    /// person or body of the same side that the next two sentences name as
    /// stating the losses (a figure, or a word for them).
    private mutating func namedNext(for collective: ResolvedSpeaker, after index: Int) -> ResolvedSpeaker? {
        guard let side = collective.side else { return nil }
        var next = index + 1
        while next < sentences.count, next <= index + 2, sentences[next].paragraph <= sentences[index].paragraph + 1 {
            // Whether the sentence speaks of losses is a scan; who speaks
            // in it may resolve pronouns across the document: ask first.
            if hasFigures[next] || namesLosses(next) {
                for case let agent? in agents(next) where agent.side == side && agent.kind != .government { return agent }
            }
            next += 1
        }
        return nil
    }

    /// Whether sentence `index` has a word for losses ("casualties").
    private func namesLosses(_ index: Int) -> Bool {
        let scope = scope(index)
        return scope.range.contains { scope.match(.metric, at: $0) != nil }
    }

    private mutating func fallback(for index: Int) -> Attribution {
        // Every figure of a sentence shares its fallback: work it out once.
        if let known = fallbacks[index] { return known }
        let found = findFallback(for: index)
        fallbacks[index] = found
        return found
    }

    private mutating func findFallback(for index: Int) -> Attribution {
        let paragraph = sentences[index].paragraph
        let quoted = isQuoted(index)
        // ("Governor Oleh Syniehubov, 07:12: "Over the past day, …"": a
        // label's quotation is its speaker's.)
        if quoted, let label = labelledSpeaker(paragraph, from: index) {
            return Attribution(speaker: label.speaker, reportedBy: nil, sentence: index, cue: nil, labelled: label.isRecord)
        }
        if quoted, let found = quoteSpeaker(for: index) { return found }
        if CueReader(lexicon: lexicon).bracketsUnknownSource(scope(index), mentions: reading(index).mentions) {
            return Attribution(speaker: nil, reportedBy: nil, sentence: index, cue: nil)
        }
        // "Q: … officials have said Russia's casualties are over 600,000":
        // an interviewer's question cites someone, never the one answering.
        if asksInInterview(paragraph, from: index) || saysLocalUnnamed(index) {
            return Attribution(speaker: nil, reportedBy: nil, sentence: index, cue: nil)
        }
        if let label = labelledSpeaker(paragraph, from: index) {
            return Attribution(speaker: label.speaker, reportedBy: nil, sentence: index, cue: nil, labelled: label.isRecord)
        }
        // (The post is the paragraph's own statement, not one borrowed
        // from another paragraph.)
        if let speaker = postHeader(over: paragraph, from: index) {
            return Attribution(speaker: speaker, reportedBy: nil, sentence: index, cue: nil)
        }
        // "By our calculation, that is roughly seven civilians killed": the
        // writers' own estimate, in a commentary that says who they are.
        if !quoted, interview() == nil, speaksInFirstPerson(index), let writer = speechGoingOn(before: index) ?? author() {
            return Attribution(speaker: writer, reportedBy: nil, sentence: index, cue: nil)
        }
        if let found = leadInSpeaker(over: index) {
            return Attribution(speaker: found.speaker, reportedBy: nil, sentence: found.sentence, cue: nil)
        }
        var other = index - 1
        while other >= 0, other >= index - AttributionResolver.reach, sentences[other].paragraph == paragraph {
            if let found = cueSpeaker(in: other, near: nil) {
                return Attribution(speaker: found.speaker, reportedBy: outlet(in: other), sentence: other, cue: found.cue)
            }
            other -= 1
        }
        // "…, officials said": a source the sentence leaves unnamed is the
        // paragraph's ("Ukraine says … Officials say"), never one the
        // article named in another.
        if saysUnnamed(index) { return Attribution(speaker: nil, reportedBy: nil, sentence: index, cue: nil) }
        // "Russia has lost 988,120 soldiers … / Source: General Staff of
        // the Armed Forces of Ukraine": a source line under a lead, or
        // over the details that follow it.
        if let found = sourceLine(around: index) { return found }
        // "How many are in captivity? / Nobody can give you an exact
        // number …": an interview's answers are the interviewee's, its
        // questions nobody's but whom they cite.
        if let interview = interview() {
            if interview.questions.contains(paragraph) {
                return Attribution(speaker: nil, reportedBy: nil, sentence: index, cue: nil)
            }
            if paragraph > interview.questions.min() ?? paragraph {
                return Attribution(speaker: interview.interviewee, reportedBy: nil, sentence: index, cue: nil)
            }
        }
        // "… 9,600 civilians have been killed. This is stated in a new report
        // by OHCHR.": the next sentence names the source, in the paragraph
        // or pointing back with a demonstrative.
        let next = index + 1
        if next < sentences.count, !hasFigures[next],
           sentences[next].paragraph == paragraph || pointsBack(next),
           let found = cueSpeaker(in: next, near: nil) {
            return Attribution(speaker: found.speaker, reportedBy: outlet(in: next), sentence: next, cue: found.cue)
        }
        // The source the article has been reporting: the last one named in
        // the paragraphs before.
        other = index - 1
        while other >= 0, other >= index - AttributionResolver.reach * 2 {
            if let found = cueSpeaker(in: other, near: nil) {
                return Attribution(speaker: found.speaker, reportedBy: outlet(in: other), sentence: other, cue: found.cue)
            }
            other -= 1
        }
        // "Statement of the Ministry of Defence of the Russian Federation
        // on …" as the title: the whole text is the body's.
        if let heading = statementHeading() {
            return Attribution(speaker: heading.speaker, reportedBy: nil, sentence: heading.sentence, cue: nil, byAuthor: true)
        }
        // "NORDIC CENTRE FOR DEFENCE ANALYSIS / Key judgements / - Russian
        // forces have sustained …": what a research body's publication
        // says in its own voice is the body's.
        if !quoted, interview() == nil, let publisher = readAuthor().publisher, isResearchBody(publisher) {
            return Attribution(speaker: publisher, reportedBy: nil, sentence: index, cue: nil)
        }
        return Attribution(speaker: nil, reportedBy: nil, sentence: index, cue: nil)
    }

    /// The source a "Source:" line names, a few lines after sentence
    /// `index` or, failing that, before it.
    private mutating func sourceLine(around index: Int) -> Attribution? {
        let candidates = Array((index + 1)..<min(sentences.count, index + 4)) + Array((max(0, index - 8)..<index).reversed())
        for other in candidates {
            let range = sentences[other].tokens
            guard range.count > 2, AttributionResolver.sourceLabels.contains(tokens[range.lowerBound].hash),
                  tokens[range.lowerBound + 1].mark == .colon, scope(other).opensLine
            else { continue }
            guard let mention = mentions(other).first(where: { $0.start <= range.lowerBound + 3 && $0.start > range.lowerBound + 1 }),
                  let speaker = resolve(mention, in: other)
            else { continue }
            return Attribution(speaker: speaker, reportedBy: nil, sentence: other, cue: nil)
        }
        return nil
    }

    static let sourceLabels = WordSet(["source", "sources"].map(WordHash.of))

    /// The body a document's title says the text is by: "Statement of the
    /// Ministry of Defence …", "Report by …", a line of its own among the
    /// first three.
    private mutating func statementHeading() -> (speaker: ResolvedSpeaker, sentence: Int)? {
        if let known = headingRead { return known.value }
        var value: (speaker: ResolvedSpeaker, sentence: Int)?
        defer { headingRead = .init(value: value) }
        for index in sentences.indices.prefix(3) {
            let scope = scope(index)
            guard scope.opensLine, scope.endsLine else { continue }
            // "General Staff of the Armed Forces of Ukraine" alone on a
            // line at the top (after its name in another language and a
            // slash): a channel's or a body's own page. (Not a country's
            // name in a saved page's menu: "U.S.", "Ukraine".)
            let slash = scope.range.lastIndex { scope[$0].mark == .slash }
            let start = slash.map { $0 + 1 } ?? scope.range.lowerBound
            if let mention = mentions(index).first(where: { $0.start == start && $0.end == scope.range.upperBound }),
               mention.end - mention.start > 1, case .speaker = mention.referent,
               let speaker = resolve(mention, in: index), speaker.kind != .government {
                value = (speaker, index)
                return value
            }
            var k = scope.range.lowerBound
            if scope.english(k).contains(.article) { k += 1 }
            guard let noun = scope.match(.sourceNoun, at: k), noun.end + 1 < scope.range.upperBound,
                  scope[noun.end].keyword == .of || scope[noun.end].keyword == .by || scope[noun.end].keyword == .from
            else { continue }
            // (Read from the preposition on: a title in capitals reads as
            // one name from its first word.)
            let rest = SentenceScope(tokens: scope.tokens, range: (noun.end + 1)..<scope.range.upperBound, lexicon: lexicon, bytes: bytes)
            guard let mention = EntityRecognizer(lexicon: lexicon).recognize(rest).first(where: { $0.start == noun.end + 1 }),
                  let speaker = resolve(mention, in: index)
            else { continue }
            value = (speaker, index)
            return value
        }
        return nil
    }

    /// Whether a verb of saying in sentence `index` has as its subject
    /// only a common noun for sources: "officials said", "police said".
    /// (A spokesman speaks for a body the text may have named.)
    private mutating func saysUnnamed(_ index: Int) -> Bool {
        let scope = scope(index)
        for cue in cues(index) where cue.agent == nil {
            guard scope.match(.attributionVerb, at: cue.position) != nil else { continue }
            var k = cue.position - 1
            while k >= scope.range.lowerBound, scope.english(k).contains(.filler) { k -= 1 }
            if k >= scope.range.lowerBound,
               scope.english(k).contains(.commonSource) || AttributionResolver.unnamedSpeakers.contains(scope[k].hash) {
                return true
            }
        }
        return false
    }

    /// Whether sentence `index` names as its source a local body the text
    /// does not otherwise name: "The regional administration said".
    private mutating func saysLocalUnnamed(_ index: Int) -> Bool {
        zip(cues(index), agents(index)).contains { cue, agent in
            guard agent == nil, let mention = cue.agent, case .description = mention.referent else { return false }
            return localWord(of: mention) != nil
        }
    }

    /// Where a mention has a word that makes a body local ("the regional
    /// administration"), if it has one.
    private func localWord(of mention: EntityMention) -> Int? {
        (mention.start..<mention.end).first { AttributionResolver.localModifiers.contains(tokens[$0].hash) }
    }

    static let localModifiers = WordSet(["regional", "city", "local", "municipal", "district", "oblast", "provincial"].map(WordHash.of))
    static let groupNouns = WordSet(["officials", "authorities", "sources", "monitors"].map(WordHash.of))
    static let unnamedSpeakers = WordSet([
        "police", "rescuers", "witnesses", "residents", "officers",
    ].map(WordHash.of))

    /// Whether sentence `index` opens with "This", "These" or "That": it
    /// says something of the sentence before.
    private func pointsBack(_ index: Int) -> Bool {
        let first = sentences[index].tokens.lowerBound
        guard first < sentences[index].tokens.upperBound else { return false }
        let keyword = tokens[first].keyword
        return keyword == .this || keyword == .that || AttributionResolver.demonstratives.contains(tokens[first].hash)
    }

    static let demonstratives = WordSet(["these", "those", "such"].map(WordHash.of))

    /// A short line of the paragraph that names only an outlet ("BBC news.").
    private mutating func creditLine(for index: Int) -> String? {
        let paragraph = sentences[index].paragraph
        var other = index + 1
        while other < sentences.count, other <= index + AttributionResolver.reach, sentences[other].paragraph == paragraph {
            if sentences[other].tokens.count <= 4, let found = outlet(in: other) { return found }
            other += 1
        }
        return nil
    }

    /// Whether token `position` of sentence `index` stands inside a
    /// quotation opened in that sentence: read off the sentence's depths,
    /// worked out once (a sentence with many names and pronouns asks for
    /// each, and a sentence can be as long as a file).
    private mutating func isQuoted(_ position: Int, in index: Int) -> Bool {
        let range = sentences[index].tokens
        guard position > range.lowerBound else { return false }
        if quoteDepths[index] == nil {
            var depths: [Int32] = []
            if range.contains(where: { tokens[$0].isQuote }) {
                depths.reserveCapacity(range.count + 1)
                var depth: Int32 = 0
                depths.append(0)
                for k in range {
                    if tokens[k].mark == .openQuote { depth += 1 }
                    if tokens[k].mark == .closeQuote { depth = max(0, depth - 1) }
                    depths.append(depth)
                }
            }
            quoteDepths[index] = depths
        }
        guard let depths = quoteDepths[index], !depths.isEmpty else { return false }
        return depths[min(position, range.upperBound) - range.lowerBound] > 0
    }

    /// How many quotations are open after `tokens[range]`, `depth` being
    /// open before it; a stray closing mark closes none.
    private func quoteDepth(_ depth: Int, over range: Range<Int>) -> Int {
        var depth = depth
        for k in range {
            if tokens[k].mark == .openQuote { depth += 1 }
            if tokens[k].mark == .closeQuote { depth = max(0, depth - 1) }
        }
        return depth
    }

    /// Whether sentence `index` lies inside a quotation that it does not
    /// close: then the quotation's attribution is its speaker's.
    private func isQuoted(_ index: Int) -> Bool {
        let paragraph = sentences[index].paragraph
        var first = index
        while first > 0, first > index - AttributionResolver.reach, sentences[first - 1].paragraph == paragraph { first -= 1 }
        var depth = 0
        var depthAtStart = 0
        for other in first...index {
            if other == index { depthAtStart = depth }
            depth = quoteDepth(depth, over: sentences[other].tokens)
        }
        return depthAtStart > 0 || depth > 0
    }

    /// The speaker a quotation is attributed to: a cue later in the
    /// paragraph ("…,” Milley said), else an earlier one.
    private mutating func quoteSpeaker(for index: Int) -> Attribution? {
        let paragraph = sentences[index].paragraph
        var other = index
        while other < sentences.count, other <= index + AttributionResolver.reach, sentences[other].paragraph == paragraph {
            for (cue, agent) in zip(cues(other), agents(other)) {
                guard cue.agent?.referent != .firstPerson, let speaker = agent else { continue }
                return Attribution(speaker: speaker, reportedBy: outlet(in: other), sentence: other, cue: cue.position)
            }
            other += 1
        }
        other = index - 1
        while other >= 0, other >= index - AttributionResolver.reach, sentences[other].paragraph == paragraph {
            // Last first, by index: reversing the zip of the two copied
            // every pair into an array.
            let cues = self.cues(other), agents = self.agents(other)
            for k in (0..<min(cues.count, agents.count)).reversed() {
                guard cues[k].agent?.referent != .firstPerson, let speaker = agents[k] else { continue }
                return Attribution(speaker: speaker, reportedBy: outlet(in: other), sentence: other, cue: cues[k].position)
            }
            other -= 1
        }
        return nil
    }

    // MARK: Resolving mentions

    /// Who `mention` in sentence `index` is.
    mutating func resolve(_ mention: EntityMention, in index: Int) -> ResolvedSpeaker? {
        switch mention.referent {
        case .speaker(let number):
            // "Gov. Yuriy Malashko said … Malashko initially reported": a
            // surname the text gave in full before is that person, however
            // close a lexicon name is spelt.
            if mention.end - mention.start == 1, let full = fullName(of: scope(index).text(mention.start, mention.end), before: index) {
                return ResolvedSpeaker(name: full, isPerson: true, kind: .person, side: nil, titleHeads: [])
            }
            guard let part = namedPart(of: number, through: index) else { return resolved(number) }
            var speaker = resolved(part)
            let whole = lexicon.speakers[number]
            speaker.whole = .init(name: whole.name, civilianTollsBy: whole.civilianTollsBy)
            return speaker
        case .person(let written):
            let name = AttributionResolver.asName(written)
            let full = fullName(of: name, before: index) ?? name
            return ResolvedSpeaker(
                name: full, isPerson: true, kind: .person, side: nil,
                titleHeads: mention.titleHead.map { [$0] } ?? [])
        case .outlet:
            return nil
        case .body(let name):
            return ResolvedSpeaker(name: name, isPerson: false, kind: nil, side: nil, titleHeads: [])
        case .analyst(let number):
            return ResolvedSpeaker(name: lexicon.outlets[number], isPerson: false, kind: nil, side: nil, titleHeads: [])
        case .personPronoun:
            return antecedent(in: index, before: mention.start, person: true)
        case .bodyPronoun, .groupPronoun:
            return antecedent(in: index, before: mention.start, person: false)
        case .firstPerson:
            if let speaker = quoteSpeaker(for: index)?.speaker { return speaker }
            // "we put them at 400 000 to 450 000": outside a quotation, the
            // writers of a commentary.
            guard !isQuoted(mention.start, in: index), !isQuoted(index), interview() == nil,
                  labelledSpeaker(sentences[index].paragraph, from: index) == nil
            else { return nil }
            return speechGoingOn(before: index) ?? author()
        case .description(let number):
            let kinds = lexicon.descriptions[number]
            // "the regional administration", "the city council": a local
            // body is none of the country's, only one its name calls local.
            if let local = localWord(of: mention) {
                let word = scope(index).text(local, local + 1)
                if let found = search(from: index, before: mention.start, { speaker in
                    !speaker.isPerson && speaker.name.lowercased().contains(word.lowercased())
                }) {
                    return found
                }
                // "The Kursk regional government": named by its place, and
                // of the place's side.
                let scope = scope(index)
                guard let place = (mention.start..<mention.end).first(where: { tokens[$0].has(.capitalized) && scope.side(at: $0) != nil }),
                      let side = scope.side(at: place), side.side >= 0
                else { return nil }
                return ResolvedSpeaker(
                    name: scope.text(place, mention.end), isPerson: false, kind: nil, side: lexicon.sides[side.side], titleHeads: [])
            }
            // "US officials told CBS … according to the officials": a group
            // named by the same noun, before any other body of its kind.
            let head = tokens[mention.end - 1].hash
            if AttributionResolver.groupNouns.contains(head), let found = search(from: index, before: mention.start, { speaker in
                !speaker.isPerson && AttributionResolver.lastWordHash(speaker.name) == head
            }) {
                return found
            }
            // "the Migration Department said … according to the department":
            // the nearest body of that kind, or whose name has the noun.
            let noun = scope(index).text(mention.end - 1, mention.end).lowercased()
            if let found = search(from: index, before: mention.start, { speaker in
                speaker.kind.map { kinds.contains($0) }
                    ?? (!speaker.isPerson && speaker.name.lowercased().split(separator: " ").contains { $0 == noun })
            }) {
                return found
            }
            // "Russia said … The defence ministry said": a party's body of
            // that kind, for the party the article quoted before.
            guard kinds.contains(where: { AttributionResolver.partyKinds.contains($0.rawValue) }),
                  let party = lastParty(before: mention.start, in: index)
            else { return nil }
            return lexicon.speakers.indices.first { lexicon.speakers[$0].side == party && kinds.contains(lexicon.speakers[$0].kind) }
                .map(resolved)
        case .titled(let head, let side):
            let side = side.map { lexicon.sides[$0] }
            func bears(_ speaker: ResolvedSpeaker) -> Bool {
                speaker.isPerson && speaker.titleHeads.contains(head) && (side == nil || speaker.side == side)
            }
            if let found = search(from: index, before: mention.start, bears) { return found }
            // "the Ukrainian president", named nowhere in the text: the one
            // person of that side the lexicon gives the title.
            guard side != nil else { return nil }
            let bearers = lexicon.speakers.indices.lazy.map(resolved).filter(bears)
            return bearers.count == 1 ? bearers.first : nil
        }
    }

    /// The hash of the last word of `name`, lower-cased, or nil for a name
    /// of spaces alone. A description's search asks it of every name up to
    /// a long article back: an ASCII name (nearly every one) is read as
    /// bytes, without the strings and characters that splitting it cost.
    static func lastWordHash(_ name: String) -> UInt64? {
        let read = name.utf8.withContiguousStorageIfAvailable { utf8 -> (isASCII: Bool, hash: UInt64?) in
            let space = UInt8(ascii: " ")
            var end = utf8.count
            while end > 0, utf8[end - 1] == space { end -= 1 }
            var start = end
            while start > 0, utf8[start - 1] != space { start -= 1 }
            var hash = WordHash()
            for k in 0..<utf8.count {
                guard utf8[k] < 0x80 else { return (false, nil) }
                if k >= start, k < end { hash.add(utf8[k]) }
            }
            return (true, end > 0 ? hash.value : nil)
        }
        if let read, read.isASCII { return read.hash }
        return name.split(separator: " ").last.map { WordHash.of($0.lowercased()) }
    }

    /// "Gudmundsson said" after "Ragnar Gudmundsson, an analyst": a
    /// surname alone is the person named in full earlier.
    private mutating func fullName(of name: String, before index: Int) -> String? {
        guard !name.contains(" ") else { return nil }
        let suffix = " " + name
        var other = index
        while other >= 0, other >= index - AttributionResolver.reach * 4 {
            for mention in mentions(other) where mention.end - mention.start > 1 {
                if case .person(let written) = mention.referent, case let full = AttributionResolver.asName(written),
                   full.hasSuffix(suffix) {
                    return full
                }
            }
            for cue in cues(other) {
                if let mention = cue.agent, mention.end - mention.start > 1, case .person(let written) = mention.referent,
                   case let full = AttributionResolver.asName(written), full.hasSuffix(suffix) {
                    return full
                }
            }
            other -= 1
        }
        return nil
    }

    /// Whether `paragraph` opens with an interviewer's label ("Q:",
    /// "**Q:**", "Question:").
    private mutating func asksInInterview(_ paragraph: Int, from index: Int) -> Bool {
        if let known = interviewerParagraphs[paragraph] { return known }
        let first = firstSentence(ofParagraphAt: index)
        let asks = opensWithInterviewerLabel(sentences[first].tokens)
        interviewerParagraphs[paragraph] = asks
        return asks
    }

    /// "BONDAR: Thank you. … the enemy has lost 21,300": the speaker a
    /// transcript's paragraph opens with as its label, named in full where
    /// the document introduces them ("Participants: Olena Bondar, …"), or a
    /// name the label gives in full ("JOHN KIRBY:").
    ///
    /// ("Kharkiv. Governor Oleh Syniehubov, 07:12: …", "Ukraine's General
    /// Staff: Russia lost 1,080 troops": a roundup's label, after the place
    /// it reports from.)
    /// A transcript's label marks a record (`isRecord`), whose speakers
    /// speak on the day its heading gives; a roundup's is no record.
    private mutating func labelledSpeaker(_ paragraph: Int, from index: Int) -> (speaker: ResolvedSpeaker, isRecord: Bool)? {
        if let known = labelledParagraphs[paragraph] { return known }
        let first = firstSentence(ofParagraphAt: index)
        var found = findLabelledSpeaker(opening: first).map { (speaker: $0, isRecord: true) }
        if found == nil {
            var label = first
            if sentences[first].tokens.count <= 3, first + 1 < sentences.count, sentences[first + 1].paragraph == paragraph { label += 1 }
            found = sourceLabel(opening: label).map { (speaker: $0, isRecord: false) }
        }
        labelledParagraphs[paragraph] = .some(found)
        return found
    }

    /// "Ivan Fedorov, head of the regional military administration,
    /// 07:40: Russian forces carried out …": a source's name, with no more
    /// than its office and the time it wrote, and a colon before what it
    /// wrote. (Not a country's name: "Ukraine: 31,000 troops killed" is a
    /// headline's topic.)
    private mutating func sourceLabel(opening index: Int) -> ResolvedSpeaker? {
        let range = sentences[index].tokens
        // (The colon of a time, "07:40", is none.)
        guard let colon = range.prefix(20).first(where: { k in
            tokens[k].mark == .colon && !(k > range.lowerBound && tokens[k - 1].kind == .number && k + 1 < range.upperBound && tokens[k + 1].kind == .number)
        }), colon > range.lowerBound + 1
        else { return nil }
        guard let mention = leadingName(of: index), mention.end <= colon,
              // ("Ukrainian General Staff (Telegram, Aug 13):": where and
              // when it wrote, in brackets.)
              mention.end == colon || tokens[mention.end].mark == .comma || tokens[mention.end].mark == .openParen,
              !cues(index).contains(where: { $0.position < colon }),
              !(mention.end..<colon).contains(where: { tokens[$0].isQuote || tokens[$0].kind == .number && tokens[$0].digits > 2 }),
              let speaker = resolve(mention, in: index), speaker.kind != .government
        else { return nil }
        return speaker
    }

    private mutating func findLabelledSpeaker(opening index: Int) -> ResolvedSpeaker? {
        let range = sentences[index].tokens
        if let speaker = bracketedLabel(opening: index) { return speaker }
        var k = range.lowerBound
        while k < range.upperBound, k < range.lowerBound + 3, tokens[k].isWord, tokens[k].has(.capitalized) { k += 1 }
        guard k > range.lowerBound, k < range.upperBound, tokens[k].mark == .colon,
              !AttributionResolver.questionLabels.contains(tokens[range.lowerBound].hash)
        else { return nil }
        if let mention = mentions(index).first(where: { $0.start == range.lowerBound && $0.end == k }),
           let speaker = resolve(mention, in: index), speaker.isPerson {
            return speaker
        }
        let recognizer = EntityRecognizer(lexicon: lexicon)
        // "PAT RYDER:": a label that is a name in full.
        if k - range.lowerBound >= 2, (range.lowerBound..<k).allSatisfy({ tokens[$0].has(.allCaps) }),
           recognizer.nameRun(scope(index), from: range.lowerBound) == k {
            let mention = EntityMention(
                start: range.lowerBound, end: k, referent: recognizer.person(scope(index), range.lowerBound, k, titleHead: nil))
            if let speaker = resolve(mention, in: index), speaker.isPerson { return speaker }
        }
        // The surname, as the last word of a name run anywhere before.
        let surname = tokens[k - 1]
        guard surname.end - surname.start >= 3 else { return nil }
        for other in max(0, index - AttributionResolver.labelReach)..<index {
            let scope = scope(other)
            for j in scope.range where tokens[j].hash == surname.hash && tokens[j].has(.capitalized) && j > scope.range.lowerBound {
                guard let start = recognizer.nameRun(scope, endingAt: j + 1), start < j else { continue }
                let mention = EntityMention(start: start, end: j + 1, referent: recognizer.person(scope, start, j + 1, titleHead: nil))
                guard var speaker = resolve(mention, in: other), speaker.isPerson else { continue }
                // "Olena Bondar, Deputy Minister of Defence of Ukraine;": the
                // side the description gives the person.
                if speaker.side == nil { speaker.side = describedSide(scope, after: j + 1) }
                return speaker
            }
        }
        return nil
    }

    /// "Ukrainian General Staff (daily reports):" over "- Personnel losses:
    /// 418,980": the source a list's lead-in names first, for the rows
    /// under it, line after line.
    private mutating func leadInSpeaker(over index: Int) -> (speaker: ResolvedSpeaker, sentence: Int)? {
        guard scope(index).isLine else { return nil }
        var other = index - 1
        while other >= 0, other >= index - AttributionResolver.reach, scope(other).isLine {
            let lead = scope(other)
            if let last = lead.range.last, tokens[last].mark == .colon {
                let first = lead.range.lowerBound
                guard let mention = mentions(other).first(where: { $0.start == first || $0.start == first + 1 && tokens[first].keyword == .the }),
                      let speaker = resolve(mention, in: other)
                else { return nil }
                return (speaker, other)
            }
            other -= 1
        }
        return nil
    }

    /// Whether sentence `index` speaks as "we" or "I", or of "our" or
    /// "my" work, outside a quotation.
    private mutating func speaksInFirstPerson(_ index: Int) -> Bool {
        sentences[index].tokens.contains { k in
            AttributionResolver.firstPerson.contains(tokens[k].hash) && !isQuoted(k, in: index)
                // ("US" in capitals is a country.)
                && !tokens[k].has(.allCaps)
        }
    }

    /// The speaker whose labelled speech the paragraphs just before
    /// sentence `index` hold, in a record of who said what: a "we" in a
    /// paragraph after it is theirs, never the writers'.
    private mutating func speechGoingOn(before index: Int) -> ResolvedSpeaker? {
        let paragraph = sentences[index].paragraph
        var other = index - 1
        while other >= 0, sentences[other].paragraph >= paragraph - 3 {
            if opensParagraph(other) {
                if let label = labelledSpeaker(sentences[other].paragraph, from: other) { return label.speaker }
                if let header = postHeader(over: sentences[other].paragraph, from: other) { return header }
            }
            other -= 1
        }
        return nil
    }

    /// Who wrote the document, as its top says: the body that publishes
    /// it ("RUSI Commentary | 11 May 2023", "Baltic Institute for Security
    /// Studies (BISS), Riga"), as a study is its publisher's, else the
    /// writer its byline names ("By Eleanor Whitcombe", "Author: Marta
    /// Koval, Research Fellow", a line of a name alone).
    private mutating func author() -> ResolvedSpeaker? {
        let read = readAuthor()
        return read.publisher ?? read.writer
    }

    private mutating func readAuthor() -> AuthorReading {
        if let known = authorRead { return known }
        let tops = Array(sentences.indices.prefix(AttributionResolver.topLines).filter { scope($0).isLine })
        var read = AuthorReading()
        for index in tops where read.publisher == nil { read.publisher = publisherLine(index) }
        for index in tops where read.writer == nil && read.publisher == nil { read.writer = byline(index) }
        authorRead = read
        return read
    }

    /// Whether `speaker` is a research body by its kind or its name ("…
    /// Centre for Defence Analysis", "… Institute …"), whose publication
    /// speaks in its own voice.
    private func isResearchBody(_ speaker: ResolvedSpeaker) -> Bool {
        if let kind = speaker.kind { return AttributionResolver.researchKinds.contains(kind.rawValue) }
        return speaker.name.split(separator: " ").contains { AttributionResolver.researchHeads.contains($0.lowercased()) }
    }

    static let researchHeads: Set<String> = ["centre", "center", "institute", "institution", "foundation", "university", "council"]
    static let researchKinds: Set<String> = ["think_tank", "monitor"]

    /// The body a top line names as its first words, in a line of names
    /// and labels alone ("CENTRE FOR EASTERN SECURITY STUDIES |
    /// COMMENTARY"): no headline, which has a verb.
    private mutating func publisherLine(_ index: Int) -> ResolvedSpeaker? {
        let scope = scope(index)
        let range = scope.range
        guard range.count <= 16, let start = range.first(where: { tokens[$0].isWord }),
              range.allSatisfy({ !tokens[$0].isWord || tokens[$0].has(.capitalized) || !scope.english($0).isEmpty }),
              let mention = mentions(index).first, mention.start == start || mention.start == start + 1 && tokens[start].keyword == .the,
              // (A party's body is none: "Russian Military Losses: Ukraine"
              // is a debate's title.)
              var speaker = resolve(mention, in: index), !speaker.isPerson,
              !(speaker.kind.map { AttributionResolver.partyKinds.contains($0.rawValue) } ?? false)
        else { return nil }
        // ("CENTRE FOR EASTERN SECURITY STUDIES": written as a name.)
        if !speaker.name.contains(where: \.isLowercase), speaker.name.contains(" ") {
            speaker.name = speaker.name.split(separator: " ").enumerated().map { k, word in
                k > 0 && AttributionResolver.nameParticles.contains(word.lowercased()) ? word.lowercased() : word.prefix(1) + word.dropFirst().lowercased()
            }.joined(separator: " ")
        }
        return speaker
    }

    static let nameParticles: Set<String> = ["of", "for", "the", "and", "on", "in"]

    /// The person a byline names: "By Eleanor Whitcombe and …", "Author:
    /// Marta Koval, Research Fellow", "Helena Marsh-Ogunleye".
    private mutating func byline(_ index: Int) -> ResolvedSpeaker? {
        let scope = scope(index)
        let range = scope.range
        guard range.count <= 16, var start = range.first(where: { tokens[$0].isWord }) else { return nil }
        let labelled = AttributionResolver.bylineWords.contains(tokens[start].hash)
        if labelled {
            start += 1
            if start < range.upperBound, tokens[start].mark == .colon { start += 1 }
        }
        let recognizer = EntityRecognizer(lexicon: lexicon)
        guard let end = recognizer.nameRun(scope, from: start), end - start >= 2,
              end == range.upperBound || tokens[end].mark == .comma || tokens[end].keyword == .and
                || labelled && tokens[end].mark == .dash
        else { return nil }
        // (A line of a name alone, not a place's: "Westminster Hall" heads
        // a sitting's record.)
        if !labelled, scope.side(at: start) != nil || AttributionResolver.placeNouns.contains(tokens[end - 1].hash) { return nil }
        let mention = EntityMention(start: start, end: end, referent: recognizer.person(scope, start, end, titleHead: nil))
        guard let speaker = resolve(mention, in: index), speaker.isPerson else { return nil }
        return speaker
    }

    /// How many sentences from the top a byline or a publisher's line
    /// stands within.
    static let topLines = 10

    static let placeNouns = WordSet(["hall", "house", "street", "square", "chamber", "room", "building", "palace"].map(WordHash.of))

    static let bylineWords = WordSet(["by", "author", "authors", "written"].map(WordHash.of))

    /// "Kharkiv Oblast Military Administration (Oleh Syniehubov), 07:41"
    /// over a post: a roundup's header line that is a source's name alone,
    /// with no more than the person behind it in brackets and the time or
    /// day it wrote, over the paragraph it wrote.
    private mutating func postHeader(over paragraph: Int, from index: Int) -> ResolvedSpeaker? {
        if let known = headedParagraphs[paragraph] { return known }
        let first = firstSentence(ofParagraphAt: index)
        // (Not a byline over a commentary's first paragraph.)
        let found = first > 0 && !(first - 1 < AttributionResolver.topLines && byline(first - 1) != nil) ? findPostHeader(at: first - 1) : nil
        headedParagraphs[paragraph] = .some(found)
        return found
    }

    private mutating func findPostHeader(at index: Int) -> ResolvedSpeaker? {
        let scope = scope(index)
        let range = scope.range
        // (Not a section's heading in capitals: "THE OFFICIAL TALLIES".)
        guard scope.isLine, range.count <= 20, !range.allSatisfy({ !tokens[$0].isWord || tokens[$0].has(.allCaps) }),
              let mention = leadingName(of: index),
              var speaker = resolve(mention, in: index), speaker.kind != .government
        else { return nil }
        var k = mention.end
        // "(Oleh Syniehubov)": the person who wrote for the body.
        if k < range.upperBound, tokens[k].mark == .openParen {
            let recognizer = EntityRecognizer(lexicon: lexicon)
            guard let end = recognizer.nameRun(scope, from: k + 1), end > k + 1, end < range.upperBound,
                  tokens[end].mark == .closeParen
            else { return nil }
            let person = EntityMention(start: k + 1, end: end, referent: recognizer.person(scope, k + 1, end, titleHead: nil))
            if let named = resolve(person, in: index), named.isPerson { speaker = named }
            k = end + 1
        }
        // ("Dnipropetrovsk OVA (Serhiy Lysak)": a body's short name, and
        // the person it names.)
        if k < range.upperBound, tokens[k].mark == .closeParen, range.contains(where: { tokens[$0].isWord && $0 < mention.start }),
           tokens[mention.start - 1].mark == .openParen {
            k += 1
        }
        guard k == range.upperBound || tokens[k].mark == .comma || tokens[k].mark == .dash else { return nil }
        // ", 07:41", ", 14 August": a time or a day, no words of a sentence.
        for j in k..<range.upperBound where tokens[j].isWord {
            guard tokens[j].has(.capitalized) || tokens[j].hash == AttributionResolver.amHash || tokens[j].hash == AttributionResolver.pmHash
            else { return nil }
        }
        return speaker
    }

    /// The first name of a label's or a header's line, within its first
    /// four words, after none but a place's and an office's ("Belgorod
    /// Region governor Vyacheslav Gladkov").
    private mutating func leadingName(of index: Int) -> EntityMention? {
        let scope = scope(index)
        guard let start = scope.range.first(where: { tokens[$0].isWord }),
              let mention = mentions(index).first, mention.start < start + 4,
              (start..<mention.start).allSatisfy({ !tokens[$0].isWord || tokens[$0].has(.capitalized) || scope.match(.title, at: $0) != nil })
        else { return nil }
        return mention
    }

    /// The first sentence of the paragraph sentence `index` is in.
    private func firstSentence(ofParagraphAt index: Int) -> Int {
        var first = index
        while first > 0, sentences[first - 1].paragraph == sentences[index].paragraph { first -= 1 }
        return first
    }

    /// Whether sentence `index` opens its paragraph.
    private func opensParagraph(_ index: Int) -> Bool {
        index == 0 || sentences[index - 1].paragraph != sentences[index].paragraph
    }

    static let amHash = WordHash.of("am")
    static let pmHash = WordHash.of("pm")

    /// "The Minister for the Armed Forces (Luke Pollard):": a parliamentary
    /// record's label, an office and then, in brackets, the member who
    /// holds it.
    private mutating func bracketedLabel(opening index: Int) -> ResolvedSpeaker? {
        let range = sentences[index].tokens
        var open = range.lowerBound + 1
        while open < min(range.upperBound, range.lowerBound + 12), tokens[open].isWord { open += 1 }
        guard open < range.upperBound, tokens[open].mark == .openParen else { return nil }
        let recognizer = EntityRecognizer(lexicon: lexicon)
        guard let end = recognizer.nameRun(scope(index), from: open + 1), end - open > 2, end + 1 < range.upperBound,
              tokens[end].mark == .closeParen, tokens[end + 1].mark == .colon
        else { return nil }
        let mention = EntityMention(start: open + 1, end: end, referent: recognizer.person(scope(index), open + 1, end, titleHead: nil))
        guard let speaker = resolve(mention, in: index), speaker.isPerson else { return nil }
        return speaker
    }

    /// The side a description after a name names ("…, Deputy Minister of
    /// Defence of Ukraine;"), up to the next semicolon or full stop; a side
    /// named as a place ("in Ukraine") is none.
    private func describedSide(_ scope: SentenceScope, after end: Int) -> Side? {
        guard end < scope.range.upperBound, scope[end].mark == .comma else { return nil }
        var k = end + 1
        while k < scope.range.upperBound, k < end + 16, scope[k].mark != .semicolon, scope[k].mark != .period {
            if let found = scope.side(at: k), found.side >= 0 {
                let before = scope[k - 1].hash
                if before == AttributionResolver.inHash || CueReader.placePrepositions.contains(before) { return nil }
                return lexicon.sides[found.side]
            }
            k += 1
        }
        return nil
    }

    static let inHash = WordHash.of("in")

    /// How many sentences back a transcript's label looks for the name it
    /// shortens: a participants list heads a long transcript.
    static let labelReach = 400

    /// The interview the document is, if it is one without labels: two or
    /// more short paragraphs that end with a question, each followed by an
    /// answer, after an introduction that names the one interviewed.
    private mutating func interview() -> (questions: Set<Int>, interviewee: ResolvedSpeaker)? {
        if let known = interviewRead { return known.value }
        var value: (questions: Set<Int>, interviewee: ResolvedSpeaker)?
        defer { interviewRead = .init(value: value) }
        var questions = Set<Int>()
        var start = 0
        while start < sentences.count {
            var end = start
            while end + 1 < sentences.count, sentences[end + 1].paragraph == sentences[start].paragraph { end += 1 }
            let answered = end + 1 < sentences.count
            if answered, end - start < 3, scope(end).isQuestion { questions.insert(sentences[start].paragraph) }
            start = end + 1
        }
        guard questions.count >= 2, let first = questions.min() else { return nil }
        // (An explainer's questions as headings are no interview: its
        // introduction says it is one.)
        let introduction = sentences.indices.filter { sentences[$0].paragraph < first }
        guard introduction.contains(where: { index in
            sentences[index].tokens.contains { AttributionResolver.interviewWords.contains(tokens[$0].hash) }
        }) else { return nil }
        // (And someone answers in the first person.)
        guard sentences.indices.contains(where: { index in
            sentences[index].paragraph > first && !questions.contains(sentences[index].paragraph)
                && sentences[index].tokens.contains { AttributionResolver.firstPerson.contains(tokens[$0].hash) }
        }) else { return nil }
        for index in introduction {
            // "Oksana Stepaniuk has led …": a name the lexicon lacks, as the
            // introduction's subject.
            let scope = scope(index)
            let recognizer = EntityRecognizer(lexicon: lexicon)
            var candidates = mentions(index)
            if let end = recognizer.nameRun(scope, from: scope.range.lowerBound), end - scope.range.lowerBound >= 2,
               !candidates.contains(where: { $0.start == scope.range.lowerBound }) {
                let referent = recognizer.person(scope, scope.range.lowerBound, end, titleHead: nil)
                candidates.insert(EntityMention(start: scope.range.lowerBound, end: end, referent: referent), at: 0)
            }
            for mention in candidates {
                let person: Bool
                switch mention.referent {
                case .person: person = true
                case .speaker(let number): person = lexicon.speakers[number].isPerson
                default: person = false
                }
                if person, let found = resolve(mention, in: index) {
                    value = (questions, found)
                    return value
                }
            }
        }
        return nil
    }

    static let firstPerson = WordSet(["i", "we", "me", "us", "my", "our"].map(WordHash.of))
    static let interviewWords = WordSet(["interview", "interviewed", "spoke", "talked", "asked"].map(WordHash.of))

    private func opensWithInterviewerLabel(_ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound, tokens[k].kind == .punctuation, tokens[k].mark != .colon { k += 1 }
        guard k + 1 < range.upperBound, tokens[k].isWord, AttributionResolver.questionLabels.contains(tokens[k].hash) else {
            return false
        }
        return tokens[k + 1].mark == .colon
    }

    static let questionLabels = WordSet(["q", "question", "interviewer"].map(WordHash.of))

    /// A name as names are written: "PAT RYDER" (a transcript's label) is
    /// Pat Ryder.
    static func asName(_ written: String) -> String {
        guard !written.contains(where: \.isLowercase) else { return written }
        return written.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }

    static let partyKinds: Set<String> = ["government", "ministry", "military"]

    /// The side of the last party named before `position` of sentence
    /// `index`, a paragraph or two back at most.
    /// The side of the last source of the article's that has one, up to
    /// two paragraphs' worth of sentences back: whose voice the article
    /// reports in.
    mutating func lastSpeakerSide(before index: Int) -> Side? {
        var other = index
        while other >= 0, other >= index - AttributionResolver.reach * 2 {
            for case let agent? in agents(other).reversed() {
                if let side = agent.side { return side }
            }
            other -= 1
        }
        return nil
    }

    /// The one side the text names before sentence `index` ("one of the
    /// most decorated units of the Russian army … the names of 1,013
    /// servicemen of the 155th brigade"), or nil when it names none or both.
    mutating func onlySideNamed(before index: Int) -> Side? {
        while sidesNamed.count < index {
            let scope = scope(sidesNamed.count)
            var named = sidesNamed.last ?? 0
            for k in scope.range where scope[k].entry >= 0 {
                if let match = scope.match(.side, at: k) { named |= 1 << min(Int(match.role.value), 62) }
            }
            sidesNamed.append(named)
        }
        guard index > 0 else { return nil }
        let named = sidesNamed[index - 1]
        guard named != 0, named & (named - 1) == 0 else { return nil }
        return lexicon.sides[named.trailingZeroBitCount]
    }

    mutating func lastParty(before position: Int, in index: Int) -> Side? {
        var other = index
        while other >= 0, other >= index - AttributionResolver.reach {
            for mention in mentions(other).reversed() where other < index || mention.end <= position {
                if let side = direct(mention)?.side { return side }
            }
            other -= 1
        }
        return nil
    }

    /// The one part of body `number` the text has named up to sentence
    /// `index`: "OHCHR recorded 27,149 civilian casualties … according to
    /// the UN" means OHCHR. Nil when it names none, or several.
    private mutating func namedPart(of number: Int, through index: Int) -> Int? {
        guard lexicon.speakers[number].hasParts else { return nil }
        if namedParts == nil {
            var found: [(sentence: Int, speaker: Int)] = []
            for sentence in sentences.indices {
                for mention in mentions(sentence) {
                    if case .speaker(let part) = mention.referent, lexicon.speakers[part].within != nil { found.append((sentence, part)) }
                }
            }
            namedParts = found
        }
        var part: Int?
        for named in namedParts ?? [] where named.sentence <= index && lexicon.speakers[named.speaker].within == number {
            if let part, part != named.speaker { return nil }
            part = named.speaker
        }
        return part
    }

    private func resolved(_ number: Int) -> ResolvedSpeaker {
        let info = lexicon.speakers[number]
        return ResolvedSpeaker(
            name: info.name, isPerson: info.isPerson, kind: info.kind, side: info.side, titleHeads: info.titleHeads,
            civilianTollsBy: info.civilianTollsBy)
    }

    /// A name (not a pronoun) mention, resolved; a titled mention of an
    /// unknown person keeps its title.
    private func direct(_ mention: EntityMention) -> ResolvedSpeaker? {
        switch mention.referent {
        case .speaker(let number):
            var speaker = resolved(number)
            if let head = mention.titleHead { speaker.titleHeads.insert(head) }
            return speaker
        case .person(let name):
            return ResolvedSpeaker(name: name, isPerson: true, kind: .person, side: nil, titleHeads: mention.titleHead.map { [$0] } ?? [])
        case .body(let name):
            return ResolvedSpeaker(name: name, isPerson: false, kind: nil, side: nil, titleHeads: [])
        default:
            return nil
        }
    }

    /// What "he" or "it" refers back to: a name earlier in the sentence,
    /// else the most recent source of a statement, else the most recent name.
    private mutating func antecedent(in index: Int, before position: Int, person: Bool) -> ResolvedSpeaker? {
        // "The mission said that 11,810 civilians had been killed since
        // Russia's invasion, figures it says are an undercount": who spoke
        // earlier in the sentence, before any other name in it. (Named, not
        // a pronoun: its own resolving must not come back here.)
        for cue in cues(index).reversed() where cue.position < position {
            guard let agent = cue.agent, agent.end <= position, !isQuoted(agent.start, in: index) else { continue }
            switch agent.referent {
            case .speaker, .person, .body, .description:
                if let speaker = resolve(agent, in: index), speaker.isPerson == person { return speaker }
            default:
                continue
            }
        }
        // '"… the Criminal Code of Ukraine …," it said': a name inside the
        // quotation is not who said it.
        for mention in mentions(index).reversed() where mention.end <= position && !isQuoted(mention.start, in: index) {
            if let speaker = direct(mention), speaker.isPerson == person { return speaker }
        }
        let floor = max(0, index - 15)
        var other = index - 1
        while other >= floor {
            for agent in agents(other).reversed() {
                guard let speaker = agent, speaker.isPerson == person else { continue }
                return speaker
            }
            // "Hours later, the Ukrainian president gave a rare figure. He
            // said …": a person the sentence before opens with, who said
            // nothing there, is whom "he" takes up.
            if person, other == index - 1, let subject = openingPerson(of: other) { return subject }
            // "Vadym Filashkin, 08:21: "…" … In a separate post he put the
            // number …": the person a paragraph's label names.
            if person, opensParagraph(other),
               let label = labelledSpeaker(sentences[other].paragraph, from: other), label.speaker.isPerson {
                return label.speaker
            }
            other -= 1
        }
        other = index - 1
        while other >= floor {
            for mention in mentions(other).reversed() {
                if let speaker = direct(mention), speaker.isPerson == person { return speaker }
            }
            other -= 1
        }
        return nil
    }

    /// The person a sentence's first clause names first, not as a
    /// possessor ("Putin's army") nor in a quotation.
    private mutating func openingPerson(of index: Int) -> ResolvedSpeaker? {
        let scope = scope(index)
        guard let first = mentions(index).min(by: { $0.start < $1.start }), !isQuoted(first.start, in: index),
              !(scope.range.lowerBound..<first.start).contains(where: { scope.isClausePunctuation($0) && $0 > scope.range.lowerBound + 3 }),
              first.end >= scope.range.upperBound || scope[first.end].keyword != .possessive
        else { return nil }
        switch first.referent {
        case .speaker, .person, .titled:
            guard let speaker = resolve(first, in: index), speaker.isPerson else { return nil }
            return speaker
        default:
            return nil
        }
    }

    /// The nearest name satisfying `accepts`, looking back through the
    /// document, then ahead (a headline's "the US senior general" is named
    /// in the paragraphs after it).
    private mutating func search(from index: Int, before position: Int, _ accepts: (ResolvedSpeaker) -> Bool) -> ResolvedSpeaker? {
        // ("the costliest month for the Russian army … the ministry said":
        // what a preposition governs is not who is referred back to.)
        func candidate(_ mention: EntityMention, in sentence: Int) -> ResolvedSpeaker? {
            // ("61 Nepalis who had joined the Russian army": nor what is joined.)
            var before = mention.start - 1
            if before > sentences[sentence].tokens.lowerBound, tokens[before].keyword == .the { before -= 1 }
            if before >= sentences[sentence].tokens.lowerBound, AttributionResolver.objectPrepositions.contains(tokens[before].hash) {
                return nil
            }
            return direct(mention).flatMap { accepts($0) ? $0 : nil }
        }
        for mention in mentions(index).reversed() where mention.end <= position {
            if let speaker = candidate(mention, in: index) { return speaker }
        }
        var other = index - 1
        // A long article's worth back: a description refers to a body or
        // person the article named, not one a hundred paragraphs earlier.
        while other >= 0, other >= index - AttributionResolver.reach * 8 {
            for mention in mentions(other).reversed() {
                if let speaker = candidate(mention, in: other) { return speaker }
            }
            other -= 1
        }
        for mention in mentions(index) where mention.start > position {
            if let speaker = candidate(mention, in: index) { return speaker }
        }
        other = index + 1
        while other < sentences.count, other <= index + AttributionResolver.reach * 4 {
            for mention in mentions(other) {
                if let speaker = candidate(mention, in: other) { return speaker }
            }
            other += 1
        }
        return nil
    }

    static let objectPrepositions = WordSet(["for", "against", "into", "toward", "towards", "joined", "joining", "join"].map(WordHash.of))
}

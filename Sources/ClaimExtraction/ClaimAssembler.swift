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
        /// The date came from words in the text, not the document's date.
        var datedByText: Bool
    }

    let lexicon: LexiconView
    let bytes: UnsafeBufferPointer<UInt8>
    let sentences: [Sentence]
    let dates: DateResolver

    /// The claims of `readings`, in sentence order.
    func claims(_ readings: [SentenceFigures], resolver: inout AttributionResolver) -> [Claim] {
        var drafts: [Draft] = []
        var restated: [Draft] = []
        var given = Set<FigureKey>()
        for reading in readings {
            let index = reading.sentence
            if let side = reading.repeatsFor {
                drafts += repeated(for: side, in: index, after: drafts, resolver: &resolver)
                continue
            }
            for figure in reading.figures {
                let attribution = resolver.attribution(at: figure.reading.start, in: index)
                let sides = figure.sides ?? figure.contextSides.flatMap { figure.againstSpeaker ? nil : $0 }
                    ?? [side(of: figure, speaker: attribution.speaker)]
                let stated = statedOn(attribution, claimSentence: index, resolver: &resolver)
                for side in sides {
                    let draft = Draft(
                        claim: claim(figure, side: side, attribution: attribution, statedOn: stated.date, sentence: index),
                        sentence: index, datedByText: stated.byText)
                    let key = FigureKey(draft.claim)
                    if figure.isGiven, given.contains(key) {
                        restated.append(draft)
                    } else if !drafts.reversed().prefix(while: { $0.sentence == index }).contains(where: { $0.claim == draft.claim }) {
                        drafts.append(draft)
                        given.insert(key)
                    }
                }
            }
        }
        lendSpeakers(&drafts, restated: restated)
        return drafts.map(\.claim)
    }

    private func claim(_ figure: Figure, side: Side, attribution: Attribution, statedOn: PartialDate?, sentence: Int) -> Claim {
        let span = sentences[sentence].span
        return Claim(
            side: side, population: figure.population, metric: figure.metric, qualifier: figure.reading.qualifier,
            low: Int(figure.mention.low.rounded()), high: figure.mention.high.map { Int($0.rounded()) },
            per: figure.rate, speaker: attribution.speaker?.name, reportedBy: attribution.reportedBy,
            statedOn: statedOn, quote: quote(span), span: span)
    }

    private func quote(_ span: ByteSpan) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
    }

    /// The side of a figure whose text names none: the speaker's enemy for
    /// "the enemy", else the speaker's own, else the conflict's default.
    private func side(of figure: Figure, speaker: ResolvedSpeaker?) -> Side {
        if figure.againstSpeaker {
            if let own = speaker?.side, lexicon.sides.count == 2, let other = lexicon.sides.first(where: { $0 != own }) {
                return other
            }
            return defaultSide(figure.population)
        }
        return speaker?.side ?? defaultSide(figure.population)
    }

    private func defaultSide(_ population: Population) -> Side {
        population == .civilian ? lexicon.conflict.civilianSide : lexicon.conflict.militarySide
    }

    /// When the estimate was stated: a date the attributing sentence gives
    /// (nearest its cue), else one the claim's sentence gives, else the
    /// document's month.
    private func statedOn(_ attribution: Attribution, claimSentence: Int, resolver: inout AttributionResolver) -> (date: PartialDate?, byText: Bool) {
        func candidates(_ index: Int) -> [DateExpression] {
            resolver.reading(index).dates.filter { expression in
                if expression.isAnchor { return false }
                if case .calendar(_, nil, _) = expression.value { return false }
                return true
            }
        }
        var expressions = candidates(attribution.sentence)
        var anchor = attribution.cue
        if expressions.isEmpty, attribution.sentence != claimSentence {
            expressions = candidates(claimSentence)
            anchor = nil
        }
        let chosen = anchor.flatMap { cue in expressions.min { abs($0.start - cue) < abs($1.start - cue) } } ?? expressions.first
        if let chosen, let date = dates.resolve(chosen.value) { return (date, true) }
        return (dates.reference.map { $0.truncated(to: .month) }, false)
    }

    /// The previous sentence's claims, for another side.
    private func repeated(for side: Side, in index: Int, after drafts: [Draft], resolver: inout AttributionResolver) -> [Draft] {
        guard let last = drafts.last, last.sentence < index, index - last.sentence <= 2,
              sentences[last.sentence].paragraph == sentences[index].paragraph || index - last.sentence == 1
        else { return [] }
        let sources = drafts.reversed().prefix { $0.sentence == last.sentence }.reversed()
            .filter { $0.claim.side != side && $0.claim.side != .both }
        let attribution = resolver.attribution(at: sentences[index].tokens.lowerBound, in: index)
        let span = sentences[index].span
        var copies: [Draft] = []
        for source in sources {
            var claim = source.claim
            claim.side = side
            claim.quote = quote(span)
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
    }

    /// A figure without a speaker takes the speaker of the same figure
    /// elsewhere in the document, and that statement's date.
    private func lendSpeakers(_ drafts: inout [Draft], restated: [Draft]) {
        var lenders: [FigureKey: Draft] = [:]
        for draft in drafts + restated where draft.claim.speaker != nil {
            let key = FigureKey(draft.claim)
            if lenders[key] == nil { lenders[key] = draft }
        }
        guard !lenders.isEmpty else { return }
        for position in drafts.indices where drafts[position].claim.speaker == nil {
            guard let lender = lenders[FigureKey(drafts[position].claim)] else { continue }
            drafts[position].claim.speaker = lender.claim.speaker
            if drafts[position].claim.reportedBy == nil { drafts[position].claim.reportedBy = lender.claim.reportedBy }
            if !drafts[position].datedByText, lender.datedByText {
                drafts[position].claim.statedOn = lender.claim.statedOn
            }
        }
    }
}

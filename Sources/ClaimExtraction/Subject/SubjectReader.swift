/// Decides whether a figure is a loss estimate and of what: whose losses
/// (side), of whom (population) and what kind (metric), from the words
/// around it the way English states them:
///
/// - the noun phrase after it: "100,000 Russian soldiers", "200 hostage";
/// - the predicate after a group of coordinated figures: "About 200,000
///   soldiers and about 40,000 civilians have been killed";
/// - a verb that takes it as object, whose subject is the sufferer or the
///   enemy: "Ukraine has lost 100,000 soldiers", "it has killed 4,300";
/// - a loss noun linked to it: "the number of Russian casualties is
///   quickly reaching 200,000", "the deaths of up to 13,000", and through a
///   pronoun, "Russian losses — … it was over 100,000";
/// - coordination: "1 lakh Russian and 1 lakh Ukrainian soldiers" shares
///   its head and hedge; "each side" makes a claim per side.
///
/// A figure with no loss word near it (troops deployed, reservists called
/// up, bases struck) is not a claim.
struct SubjectReader {
    /// What the words after a group of figures add.
    private struct Predicate {
        var metrics: [Metric] = []
        /// "14 were children": who the figure counts, said after a copula.
        var population: Population?
        var rate: Rate?
        var agentSide: Int?
        var each = false
        var combined = false
        var otherConflict = false
        /// The loss word came after "and": "has killed 21 people and hurt
        /// 112" names a second verb, not what the figure counts.
        var afterConjunction = false
        /// `rate` is the day a date after the figure names ("killed two
        /// people on Wednesday").
        var dayTally = false
        /// The loss words came from a relative clause on the figure's
        /// people ("79 soldiers who had surrendered").
        var relative = false
    }

    /// What a verb or loss noun before a figure adds.
    private struct Governor {
        var metric: Metric?
        var sides: [Int] = []
        var each = false
        var population: Population?
        /// The sides named lost the figure (a sufferer's verb or a loss
        /// noun), rather than inflicted it.
        var sufferer = false
        /// A linking verb or a figure noun joins the loss to the figure ("the
        /// total stood at", "put the figure at"): a day after the figure is
        /// the count's, not a day's tally.
        var linked = false
        /// The subject's sides when the verb is "take", whose object says
        /// who lost: "took 200 prisoners" (the other side) or "was taking
        /// 1,000 casualties a day" (the subject).
        var takenBy: [Int]?
    }

    /// The loss estimates among `mentions`.
    ///
    /// - Parameters:
    ///   - scope: the sentence.
    ///   - mentions: its count figures, in order.
    ///   - readings: their hedges.
    ///   - previousTopic: what the previous sentence of the paragraph was
    ///     about, for "it's well over 100,000 now".
    ///   - context: whose losses of whom the figures just before counted,
    ///     for a figure that names neither: "OHCHR recorded 27,149 civilian
    ///     casualties: 9,614 were killed".
    ///   - heading: the heading over the row the sentence is, for figures
    ///     that name neither side nor population.
    ///   - period: the period the last figures with one counted, for "over
    ///     the same period".
    func read(
        _ scope: SentenceScope, mentions: [NumberMention], readings: [QualifierReader.Reading], previousTopic: Topic?,
        context: Topic? = nil, heading: Heading? = nil, period: Rate? = nil, dates: [DateExpression] = [],
        antecedent: [Int] = [], servedBefore: Int? = nil
    ) -> [Figure] {
        let phrases = zip(mentions, readings).map { mention, reading in
            var from = max(reading.end, mention.end)
            // "• 55,000 — Ukrainian soldiers killed, the figure President
            // Zelensky gave": a figure that opens its line is followed, past
            // a dash, by what it counts.
            if from + 1 < scope.range.upperBound, scope[from].mark == .dash,
               !(scope.range.lowerBound..<reading.start).contains(where: { scope[$0].isWord || scope[$0].kind == .number }) {
                from += 1
            }
            var phrase = NounPhrase(scope, from: from)
            identify(&phrase, scope)
            return phrase
        }
        var figures: [Figure] = []
        var carried: (sides: [Int], population: Population?)?
        // What the sentence said before its first figure: "Some 67% of
        // civilian casualties occurred near the frontline: 122 killed".
        let sentenceTopic = mentions.isEmpty ? nil : lastTopic(scope, before: readings[0].start)
        // "Over the past day, the defenders eliminated 680 occupiers": a rate
        // that opens the sentence holds for its figures.
        // ("On its deadliest day, Russia lost 2,030", "As a result of
        // Russian attacks over the past day, 9 civilians were killed": the
        // rate may close the opening phrase.)
        // ("Governor Oleh Syniehubov, 07:12: "Over the past day, …"": or
        // the quotation a label's colon opens.)
        let labelColon = scope.range.prefix(20).first { k in
            scope[k].mark == .colon && k + 1 < scope.range.upperBound && scope[k + 1].mark == .openQuote
        }
        let opening = scope.skipQuotes(from: labelColon.map { $0 + 1 } ?? scope.range.lowerBound)
        let leadingRate = (opening..<min(opening + 10, scope.range.upperBound)).lazy
            .prefix { scope[$0].isWord }
            .compactMap { k in
                scope.match(.rate, at: k).flatMap { found in
                    found.end < scope.range.upperBound && (scope[found.end].mark == .comma || scope[found.end].hash == SubjectReader.aloneHash)
                        ? scope.lexicon.rates[Int(found.role.value)] : nil
                }
            }
            .first
        // "up to 3,000 soldiers had been killed and 10,000 injured": the
        // hedge of the first figure governs the one coordinated after it.
        var readings = readings
        for m in readings.indices.dropFirst() where readings[m].qualifier == .exact && !mentions[m].isRange {
            // (Past a period's figure: "up to 440 … over the past 24 hours
            // and 285 in the Donetsk direction".)
            var p = m - 1
            while p > 0, mentions[p].end < scope.range.upperBound, SubjectReader.timeUnits.contains(scope[mentions[p].end].hash) { p -= 1 }
            let previous = readings[p]
            guard previous.qualifier != .exact, previous.qualifier != .range, previous.start < mentions[p].start,
                  readings[m].start - 1 > mentions[p].end, scope[readings[m].start - 1].keyword == .and,
                  !(mentions[p].end..<readings[m].start).contains(where: { scope[$0].mark == .comma || scope[$0].mark == .semicolon || scope[$0].mark == .period }),
                  elidedVerb(scope, after: mentions[m].end)
                    // ("up to 440 … in the Zaporizhzhia direction … and 285 in
                    // the Donetsk direction": the same count elsewhere.)
                    || mentions[m].end < scope.range.upperBound && scope[mentions[m].end].keyword == .in
            else { continue }
            readings[m].qualifier = previous.qualifier
        }
        // What holds for the whole sentence is read once, not once per
        // group of figures: a line of a daily summary holds a dozen groups.
        // "lost up to 1,340 servicemen over the same period": the period
        // of the figures just before.
        // The word lists read once here, not once a word: each read of a
        // static is a call that checks it is initialised.
        let same = SubjectReader.same, periodNouns = SubjectReader.periodNouns, handovers = SubjectReader.handovers
        let meetingVerbs = SubjectReader.meetingVerbs
        let samePeriod = scope.range.first { k in
            k + 1 < scope.range.upperBound && scope[k].hash == same && periodNouns.contains(scope[k + 1].hash)
        }
        // ("16 bodies had been recovered from the rubble", "… and the toll
        // was likely to rise": the dead of a strike, not a handover's.)
        let handover = scope.range.contains { handovers.contains(scope[$0].hash) }
            && !scope.range.contains { SubjectReader.ruins.contains(scope[$0].hash) }
        let exchanged = handover && scope.range.contains { SubjectReader.exchanges.contains(scope[$0].hash) }
        // "33 Nepalis have been killed fighting for Russia": people of
        // a nation the lexicon does not know, in a side's ranks.
        let ranks = servingSide(scope)
        // "During the entire Second Chechen War, Russia lost 6,000
        // soldiers": another war named anywhere before a figure. The first
        // one named, found once: each group asks only whether it comes
        // before its figure.
        var otherWarScanned = scope.range.lowerBound
        var otherWarAt: Int?
        func otherWarNamed(before end: Int) -> Bool {
            while otherWarAt == nil, otherWarScanned < end {
                if scope.match(.otherConflict, at: otherWarScanned) != nil || scope.match(.foreignSide, at: otherWarScanned) != nil {
                    otherWarAt = otherWarScanned
                } else {
                    otherWarScanned += 1
                }
            }
            return otherWarAt.map { $0 < end } ?? false
        }
        let openedWith = mentions.isEmpty ? nil : openingTopic(scope)
        var lastMetric: Metric?
        var lastEnd: Int?
        var lastRate: Rate?
        // The figure the last rate was read for.
        var lastRateFigure = 0.0
        var first = 0
        while first < mentions.count {
            var last = first
            while last + 1 < mentions.count, coordinated(scope, phrases[last].end, readings[last + 1].start) {
                // "rises to 33, five held as PoWs": after a comma alone, a
                // figure with a verb of its own starts a clause, unless a
                // list goes on ("A, B and C"); "300 captives, 150 from each
                // side" is one.
                let next = phrases[last + 1].end
                if !joinedByWord(scope, phrases[last].end, readings[last + 1].start), next < scope.range.upperBound,
                   scope.match(.metric, at: next) != nil || scope.match(.figureVerb, at: next) != nil,
                   !(last + 2 < mentions.count && coordinated(scope, next, readings[last + 2].start)) {
                    break
                }
                last += 1
            }
            let group = first...last
            // "Russia lost over 9,000 troops …; drone strike on Zaporizhzhia
            // kills 3": after a semicolon, whose losses the figures before
            // counted says nothing of these.
            if first > 0, (mentions[first - 1].end..<readings[first].start).contains(where: { scope[$0].mark == .semicolon }) {
                carried = nil
            }
            var heads = phrases
            var hedges = readings
            // "1 lakh Russian and 1 lakh Ukrainian soldiers": a conjunct
            // without a head takes the next one's, and passes on its hedge.
            for member in group.reversed() where member < last && !heads[member].hasHead && !heads[member].excluded
                && !heads[member].sides.isEmpty
                && (heads[member].end..<hedges[member + 1].start).allSatisfy({ scope[$0].keyword == .and || scope[$0].keyword == .or }) {
                heads[member].population = heads[member + 1].population
                heads[member].metrics = heads[member + 1].metrics
                if hedges[member + 1].qualifier == .exact, hedges[member].qualifier != .exact, !mentions[member + 1].isRange {
                    hedges[member + 1].qualifier = hedges[member].qualifier
                }
            }
            // "up to 3,000 killed and 10,000 wounded": a hedge before
            // coordinated figures governs each that has none of its own.
            for member in group where member > first && hedges[member].qualifier == .exact && !mentions[member].isRange {
                let previous = hedges[member - 1]
                guard previous.qualifier != .exact, previous.qualifier != .range, previous.start < mentions[member - 1].start,
                      (heads[member - 1].end..<hedges[member].start).contains(where: { scope[$0].keyword == .and || scope[$0].keyword == .or })
                else { continue }
                hedges[member].qualifier = previous.qualifier
            }
            // "More than 9,000 civilians, including over 500 children, have
            // been killed": the comma after the group closes an aside that a
            // comma inside it opened; after a figure alone, it opens one
            // ("around 900,000, with daily losses averaging over 1,000").
            // ("More than 8,000 Ukrainians, soldiers and civilians alike,
            // are held": so does one after people a comma inside the
            // figure's noun phrase set beside it.)
            let closesAside = first < last && (heads[first].end..<hedges[last].start).contains { scope[$0].mark == .comma }
                || (mentions[last].end..<heads[last].end).contains { scope[$0].mark == .comma }
            let predicate = self.predicate(scope, from: heads[last].end, closingAside: closesAside, dates: dates)
            // (A sentence opening a paragraph reads back to the figures just
            // before: "… hosting around 180,000 refugees. ¶ In Kraków, the
            // figure is somewhere near 100 000".)
            let topicBefore = previousTopic ?? (first == 0 ? context : nil)
            let governor = self.governor(scope, before: hedges[first].start, previousTopic: topicBefore, dates: dates)
            let clauseStart = self.clauseStart(scope, before: hedges[first].start)
            // ("Israel has taken in some 15,000 Ukrainian refugees": refugees
            // of a side of this war, wherever they are.)
            let sidesRefugees = group.contains { heads[$0].metrics.contains(.refugees) && !heads[$0].sides.isEmpty }
            let otherWar = predicate.otherConflict || !sidesRefugees && otherWarNamed(before: hedges[first].start)
                || pastCentury(scope, from: clauseStart, after: heads[last].end)
            let forecast = isForecast(scope, before: hedges[first].start)
                || promisedHandover(scope, from: clauseStart, before: hedges[first].start, after: heads[last].end)
            // "interviewed 47 former prisoners of war", "205 prisoners
            // interviewed by the Mission": people met, not a loss.
            let met = (max(scope.range.lowerBound, hedges[first].start - 4)..<min(scope.range.upperBound, heads[last].end + 3))
                .contains { meetingVerbs.contains(scope[$0].hash) }
            // "a Russian force of 20-25,000 men": a strength, not a loss.
            let strength = hedges[first].start - 2 >= scope.range.lowerBound && scope[hedges[first].start - 1].keyword == .of
                && SubjectReader.strengthNouns.contains(scope[hedges[first].start - 2].hash)
            // "300,000 troops, not 500,000 as bloggers claim", "losses did
            // not reach 71,500", "did not stop at 17,500": a figure denied.
            // (A quotation may open the sentence: '"5,000 soldiers" died'.)
            let unquoted = scope.skipQuotes(back: hedges[first].start - 1)
            let denied = unquoted >= scope.range.lowerBound
                && (SubjectReader.negations.contains(scope[unquoted].hash)
                    || negatedVerb(scope, before: hedges[first].start) || noneOf(scope, before: hedges[first].start))
            // "attacked 38 settlements over the past day, killing one person":
            // a participle's clause holds the period of the clause it hangs on.
            // ("The deadliest day came on November 28, when 2,030 troops were
            // put out of action": so does a "when" clause.)
            var hangsOn: Int?
            if clauseStart - 1 > scope.range.lowerBound {
                // ("perished 1 person, wounded 14": a verb with no subject
                // of its own, right before its figure, continues the clause.)
                if scope[clauseStart - 1].mark == .comma, let verb = scope.match(.figureVerb, at: clauseStart),
                   scope.isParticiple(clauseStart, endingWith: "ing") || verb.end == hedges[first].start {
                    hangsOn = clauseStart - 1
                } else if SubjectReader.hangingClauseHeads.contains(scope[clauseStart - 1].hash) {
                    hangsOn = scope[clauseStart - 2].mark == .comma ? clauseStart - 2 : clauseStart - 1
                } else if scope[clauseStart - 1].mark == .colon, clauseStart == hedges[first].start {
                    // ("Occupiers during day shelled Kherson oblast 87 times: 2
                    // persons killed, 9 wounded": figures a colon opens with
                    // spell out the clause before it.)
                    hangsOn = clauseStart - 1
                }
            }
            let clauseRate = self.clauseRate(scope, from: clauseStart, before: hedges[first].start)
                ?? hangsOn.flatMap { self.clauseRate(scope, from: self.clauseStart(scope, before: $0), before: $0) }
            // "Together, it said, the two armies have lost …": an opening
            // adverb holds for the clause after the aside.
            let combined = predicate.combined
                || (clauseStart..<hedges[last].start).contains { scope.match(.jointCombined, at: $0) != nil }
                || scope.match(.jointCombined, at: scope.range.lowerBound).map {
                    $0.end < hedges[first].start && scope[$0.end].mark == .comma
                } == true
            // "a strike on Zaporizhzhia on Wednesday killed 13 people",
            // "Monday's barrage killed 43": the day of the attack that a
            // loss verb counts the toll of.
            // "A Russian guided bomb killed four people on Monday": one
            // attack's toll is no day's tally.
            let oneAttack = SubjectReader.singleAttack(scope, from: clauseStart, before: hedges[first].start)
            // ("the bodies of 1,000 were repatriated today": a handover's day.)
            // (A handover in another clause is another matter: "the
            // exchange, which began on Friday, … strikes, which on Sunday
            // killed 12 people".)
            var clauseEnd = mentions[last].end
            while clauseEnd < scope.range.upperBound, !scope.isClausePunctuation(clauseEnd) { clauseEnd += 1 }
            let clauseHandover = handover && (clauseStart..<clauseEnd).contains { SubjectReader.handovers.contains(scope[$0].hash) }
            let attackDay = !oneAttack && !clauseHandover && governor?.metric != nil && dates.contains { date in
                date.start >= clauseStart && date.end <= hedges[first].start
                    && isTallyDay(scope, date)
                    && !(date.end..<hedges[first].start).contains { scope.match(.attributionVerb, at: $0) != nil }
                    // ("said on Friday its forces had inflicted": the saying's
                    // day; but "said Monday's strikes killed" is the attack's.)
                    && (date.end < scope.range.upperBound && scope[date.end].keyword == .possessive
                        || !(max(clauseStart, date.start - 2)..<date.start).contains { scope.match(.attributionVerb, at: $0) != nil })
            }
            // "Ukraine and Russia each returned 95 prisoners": one figure per side.
            // "each side recuperating 108 soldiers"; "combined military
            // casualties on both sides at 1.4 million".
            let eachActs = (clauseStart..<hedges[first].start).contains { k in
                if let joint = scope.match(.jointEach, at: k) {
                    return combined || (joint.end < hedges[first].start && scope[joint.end].isWord
                        && !scope.english(joint.end).contains(.function))
                }
                return scope[k].hash == SubjectReader.eachHash && k + 1 < hedges[first].start && scope[k + 1].isWord
                    && !scope.english(k + 1).contains(.function) && namesBothSides(scope, before: k)
            }
            // Whether the group names more than one side (no set of them:
            // hashing showed in profiles).
            let groupSides = group.flatMap { heads[$0].sides }
            let mixedSides = groupSides.contains { $0 != groupSides[0] }
            // (Not through a lazy map: an escaping closure capturing `heads`
            // made every access to it in this function a checked one.)
            let groupPopulation = group.first { heads[$0].population != nil }.flatMap { heads[$0].population }
            // "150,000 personnel, including 690 in the past 24 hours": a
            // rate after a partitive belongs to its last figure only.
            let partitive = (first..<last).contains { member in
                (heads[member].end..<hedges[member + 1].start).contains { scope[$0].keyword == .including }
            }
            // "put its casualties at 900,000, of whom as many as 250,000 were
            // killed": the verb after a relative "of whom" is the part's alone.
            // (", with an estimated 100,000 of them killed": so is the verb
            // after a part set apart by a comma.)
            let relativePart = (first..<last).contains { member in
                (heads[member].end..<hedges[member + 1].start).contains { k in
                    scope[k].keyword == .of && k + 1 < hedges[member + 1].start
                        && SubjectReader.themWords.contains(scope[k + 1].hash) && scope[k - 1].mark == .comma
                } || partOfThem(scope, after: mentions[member + 1].end)
                    && (heads[member].end..<hedges[member + 1].start).contains { scope[$0].mark == .comma }
            }
            for member in group {
                let phrase = heads[member]
                // "Hundreds of Nepalis were recruited into the Russian army.
                // … at least 33 Nepalis have been killed": a nation's people
                // the text said serve a side are still in its ranks.
                let memberRanks = ranks ?? servedBefore.flatMap { namesNationals(scope, after: mentions[member].end) ? $0 : nil }
                let foreigners = phrase.blocked && memberRanks != nil && scope[mentions[member].end].has(.capitalized)
                // ("in past one day loss 490 people": a figure inside a
                // period's words is the period's.)
                let inPeriod = (max(scope.range.lowerBound, mentions[member].start - 3)...mentions[member].start).contains { p in
                    scope.match(.rate, at: p).map { $0.end > mentions[member].start } ?? false
                }
                guard !phrase.excluded, !phrase.blocked || foreigners, !otherWar, !forecast, !denied, !strength, !met, !inPeriod else { continue }
                var metrics = phrase.metrics
                // "11,400 of those losses were irrecoverable": the part's loss.
                if phrase.partOfWhole, !predicate.metrics.isEmpty, member == last { metrics = predicate.metrics }
                // "captured two wounded soldiers": the verb says what befell them.
                if phrase.describedByLoss, let verb = governor?.metric, verb == .captured || verb == .killed { metrics = [verb] }
                // "32 prisoners of war had been executed": killed in captivity.
                // "Russian forces have executed 109 prisoners of war" too.
                let killedCaptives = metrics == [.captured] && (predicate.metrics.contains(.killed) || governor?.metric == .killed)
                if killedCaptives { metrics = [.killed] }
                // "220,450 soldiers to date, including 630 in the previous 24
                // hours", "31,867 injured, including 2,022 children": a part
                // of the figure just before.
                if metrics.isEmpty, let lastMetric, hedges[member].start > scope.range.lowerBound,
                   scope[hedges[member].start - 1].keyword == .including || partOfThem(scope, after: mentions[member].end)
                    || partOfThem(scope, before: hedges[member].start) {
                    // "… casualties, of whom as many as 60,000 may have been
                    // killed": a part with a loss verb of its own says it.
                    metrics = member == last && !predicate.metrics.isEmpty && !predicate.afterConjunction
                        ? predicate.metrics : [lastMetric]
                }
                // "Russia lost 31,210 soldiers, …, an average of about 1,007 a
                // day": an average set beside a figure counts what it does.
                if metrics.isEmpty, let lastMetric, averageBeside(scope, before: hedges[member].start) { metrics = [lastMetric] }
                // "Killed: 219 (114 men, 77 women, 8 boys)": a breakdown in
                // brackets right after a figure counts what it does.
                if metrics.isEmpty, let lastMetric, let open = openBracket(scope, before: hedges[first].start),
                   mentions[..<first].indices.contains(where: { phrases[$0].end == open || mentions[$0].end == open }) {
                    metrics = [lastMetric]
                }
                if metrics.isEmpty, predicate.afterConjunction, let metric = governor?.metric { metrics = [metric] }
                // "the executions of 79 soldiers who had surrendered": a
                // loss noun over the figure says what befell them, not the
                // relative clause on who they were.
                if metrics.isEmpty, predicate.relative, let metric = governor?.metric, !predicate.metrics.contains(metric) {
                    metrics = [metric]
                }
                // "The death toll … has risen to 35, including two children,
                // and 117 people were wounded", "the strike has killed 10
                // persons, 21 was wounded": the loss a verb or a linking
                // verb gives the first figure; the verb after is the last one's.
                if metrics.isEmpty, member == first, last > first, let metric = governor?.metric,
                   !predicate.metrics.isEmpty, !predicate.metrics.contains(metric) {
                    metrics = [metric]
                }
                if metrics.isEmpty, !relativePart || member == last { metrics = predicate.metrics }
                if metrics.isEmpty, let metric = governor?.metric { metrics = [metric] }
                if metrics.isEmpty {
                    // A sibling names the loss: "… out of 2 lakh dead soldiers".
                    metrics = group.first { !heads[$0].metrics.isEmpty }.map { heads[$0].metrics } ?? []
                }
                // "they lost 320 soldiers, and since the summer, more than
                // 9,000": a figure whose verb and noun are left out repeats
                // the coordinated figure's; so does one it is compared with
                // ("around 427,000, up from about 253,000 in 2023").
                // (The last figure's noun phrase may run on over this figure:
                // "100 two soldiers were killed".)
                let between = lastEnd.map { min($0, hedges[member].start)..<hedges[member].start }
                let compared = between.map { between in
                    between.contains {
                        $0 + 1 < hedges[member].start && SubjectReader.comparing.contains(scope[$0].hash)
                            && (scope[$0 + 1].keyword == .from || scope[$0 + 1].keyword == .to || scope[$0 + 1].hash == SubjectReader.with)
                    }
                } ?? false
                // ("put the total at 1,264,310, adding 1,040 over the previous
                // 24 hours": so does a figure added to it.)
                // ("about 5.7 million Ukrainians … in Europe, and 6.9 million
                // worldwide": the hedge of the figure it repeats, with "and".)
                var reading = hedges[member]
                // (Not past a figure of things between: "personnel – about
                // 202,720, tanks – 3,766, …, trucks and fuel tanks – 6,258".)
                if metrics.isEmpty, !phrase.hasHead, phrase.sides.isEmpty, governor == nil, let lastMetric, let between,
                   scope.match(.linking, endingAt: hedges[member].start) == nil,
                   !mentions.contains(where: { m in
                       between.contains(m.start) && !(m.end < scope.range.upperBound && SubjectReader.timeUnits.contains(scope[m.end].hash))
                   }),
                   compared || between.contains(where: {
                       scope[$0].keyword == .and || SubjectReader.contrast.contains(scope[$0].hash)
                           || SubjectReader.adding.contains(scope[$0].hash)
                           // ("1,204,403 refugees, with Hungary receiving 191,348")
                           || scope[$0].hash == SubjectReader.with && $0 > scope.range.lowerBound && scope[$0 - 1].mark == .comma
                   }) || namesListItem(scope, between) {
                    metrics = [lastMetric]
                    // (Only right after "and": not "and another 22,000", nor
                    // "and the IOM estimates that 7.1 million more".)
                    if reading.qualifier == .exact, !compared, let before = figures.last, reading.start > scope.range.lowerBound,
                       scope[reading.start - 1].keyword == .and {
                        reading.qualifier = before.reading.qualifier
                    }
                }
                // "… had been killed since the invasion, along with more than
                // 20,000 civilians": people added to the figure before share its loss.
                if metrics.isEmpty, phrase.population != nil, governor == nil, let lastMetric, let between,
                   between.contains(where: { SubjectReader.alongWith.contains(scope[$0].hash) }),
                   predicate.metrics.isEmpty {
                    metrics = [lastMetric]
                }
                // "Of the civilians killed, 622 were children": the loss of the
                // phrase the sentence opens with, before the figures' before it.
                if metrics.isEmpty, let topic = sentenceTopic, SubjectReader.partitiveOpeners.contains(scope[scope.range.lowerBound].hash) {
                    metrics = [topic.metric]
                }
                // "Among them, 13,781 were volunteers": a part of the figures before.
                // ("Roughly 55,000 of them are servicemen": so is one the
                // sentence opens with.)
                if metrics.isEmpty, let context, partOfPrevious(scope, before: hedges[first].start)
                    || member == first && hedges[first].start == scope.range.lowerBound && partOfThem(scope, after: mentions[first].end) {
                    metrics = [context.metric]
                }
                // "The total combat losses of the enemy are approximately: /
                // personnel – about 819,980": a row under a lead-in counts
                // the lead-in's loss.
                var row: (topic: Topic, population: Population)?
                if metrics.isEmpty, let context, let population = rowLabel(scope, before: hedges[first].start) {
                    row = (context, population)
                } else if metrics.isEmpty, let sentenceTopic, let population = rowLabel(scope, before: hedges[first].start, inSentence: true) {
                    row = (sentenceTopic, population)
                }
                if let row { metrics = [row.topic.metric] }
                // "… more than 1.2 million had crossed into Poland. Hungary had
                // received 214,160 people": a country receiving people, while
                // the text counts refugees, receives refugees.
                if metrics.isEmpty, (context?.metric ?? lastMetric) == .refugees, member == first,
                   hedges[first].start > scope.range.lowerBound, SubjectReader.receiving.contains(scope[hedges[first].start - 1].hash) {
                    metrics = [.refugees]
                }
                // "Estimating the number of Russian soldiers killed, The
                // Economist came up with an estimate of 66,000": a figure
                // noun's loss is the one the sentence (or the one before)
                // named.
                var figureTopic: Topic?
                if metrics.isEmpty, figureNounBefore(scope, hedges[member].start),
                   let topic = sentenceTopic ?? lastMetric.map({ Topic(metric: $0, sides: carried?.sides ?? [], population: carried?.population) })
                    ?? previousTopic {
                    // ("31,000 troops had been killed, far fewer than US
                    // estimates of 70,000": the figure before it in the sentence.)
                    metrics = [topic.metric]
                    figureTopic = topic
                }
                // "we have returned 5,857 people in 65 exchanges": people a
                // swap hands over are captives; so are soldiers handed over
                // ("158 Russian servicemen had been returned from territory
                // controlled by Kyiv").
                // (Not "one in five soldiers returned": soldiers come back
                // of themselves; they are handed over by someone.)
                // ("The last exchange took place on 5 February: 150
                // Ukrainians returned home": a swap's people named by
                // their nation alone.)
                // ("150 servicemen and seven civilians had returned home":
                // they came home themselves; civilians beside soldiers too.)
                let withSoldiers = group.contains { heads[$0].population == .military }
                if metrics.isEmpty, handover,
                   let population = phrase.population ?? (exchanged && !phrase.sides.isEmpty ? .military : nil),
                   exchanged || (population == .military || withSoldiers) && scope.range.contains(where: { k in
                       SubjectReader.returns.contains(scope[k].hash)
                           && (k < mentions[member].start || k > scope.range.lowerBound && SubjectReader.passiveAuxiliaries.contains(scope[k - 1].hash)
                               || k + 1 < scope.range.upperBound && scope[k + 1].hash == SubjectReader.home)
                   }) {
                    metrics = [.captured]
                }
                // ("tanks – 11,081 (+3)": an increment counts what its total
                // counts, and no one when the total counts things.)
                if increment(scope, at: mentions[member].start), figures.last?.mention.end != mentions[member].start - 2 { continue }
                guard let metric = combine(metrics) else { continue }
                lastMetric = metric
                lastEnd = heads[member].end
                let predicateRate = predicate.dayTally && (oneAttack || governor?.linked == true) ? nil : predicate.rate
                // ("averaged 1,260 a day in February, down from 1,520": a
                // figure compared with a rate is one too.)
                // (Not "430,000 casualties, an average of 1,180 per day,
                // compared with around 253,000 in 2023": a figure of another
                // order is compared with the total.)
                let sameOrder = (0.1...10).contains(mentions[member].low / max(lastRateFigure, 1))
                let comparedRate: Rate? = compared && !phrase.hasHead && sameOrder ? lastRate : nil
                var rate: Rate? = phrase.rate ?? (increment(scope, at: mentions[member].start) ? .day : nil)
                    ?? (partitive && member != last ? nil : predicateRate) ?? leadingRate
                    ?? (partitive && member != first ? nil : clauseRate) ?? (attackDay ? .day : nil)
                // ("had lost 32,420 troops in November, adding that strikes
                // had hit 92 command posts over the same period": a later
                // clause's "same period" is another figure's.)
                let ownPeriod = samePeriod.map { at in
                    at < hedges[member].start || !(mentions[member].end..<at).contains { scope.isClausePunctuation($0) }
                } ?? false
                if rate == nil { rate = (ownPeriod ? period : nil) ?? comparedRate }
                // "lost up to 320 servicemen over the past 24 hours and more
                // than 13,000 since the start of the incursion", "taking its
                // running total to 1,146,500": a figure that names itself a
                // total keeps no period said for another.
                if rate != nil, phrase.rate == nil, member > 0,
                   namesTotal(scope, before: hedges[member].start, after: heads[member].end) {
                    rate = nil
                }
                // "lost 1,150 servicemen over the past 24 hours, including up
                // to 230 in the Kursk area": a part of a day's tally is of
                // that day.
                // ("lost 402 people over the past day, of whom 151 were
                // killed", "214 … over the past day, 131 of them": so is one
                // that names itself a part; not one larger than the figure
                // before, a part of another: "48,240 in January — roughly
                // 1,556 per day — and 15,120 of those casualties".)
                if rate == nil, member > 0, mentions[member].low <= lastRateFigure,
                   scope[hedges[member].start - 1].keyword == .including
                    || partOfThem(scope, after: mentions[member].end) || partOfThem(scope, before: hedges[member].start) {
                    rate = lastRate
                }
                // "… lost up to 1,350 servicemen over the past day. Of these,
                // up to 415 were lost in the Kharkiv region": so is a part a
                // sentence opens with.
                if rate == nil, member == 0, let context, let contextRate = context.rate, mentions[member].low <= context.low,
                   openingPartitive(scope, before: hedges[first].start) {
                    rate = contextRate
                }
                lastRate = rate
                lastRateFigure = mentions[member].low

                var sides: [Int]? = phrase.sides.isEmpty ? nil : Array(Set(phrase.sides)).sorted()
                var each = phrase.each || predicate.each || eachActs
                // "the return of 502 bodies to Ukraine and 34 to Russia",
                // "prisoners were handed over to the Russian side": whose
                // dead or captives a handover returns.
                if sides == nil, metric == .killed || metric == .captured, handover,
                   let home = returnedTo(scope, after: mentions[member].end) {
                    sides = [home]
                }
                // "Russia handed over 6,057 bodies": whose dead or captives a
                // side gives are the other side's.
                // ("the Russian side took back 19": whose a side receives are its own.)
                if sides == nil, metric == .killed || metric == .captured, handover,
                   let owner = handedOver(scope, before: hedges[first].start) {
                    sides = [owner]
                }
                // "A Russian attack on Kharkiv killed 1 and injured 12": whom an
                // attack kills, named by no noun, are civilians of the side the
                // attacker fights.
                // ("The number of injured in the morning attack has increased
                // to 7": so are those a linking verb counts of an attack.)
                let attackVictims = phrase.population == nil && phrase.sides.isEmpty && memberRanks == nil && !handover
                    && governor.map {
                        !$0.sufferer && $0.metric != nil || $0.linked && $0.sides.isEmpty && $0.population == nil && $0.metric != .casualties
                    } == true
                    && (clauseStart..<hedges[first].start).contains {
                        scope.match(.incident, at: $0) != nil || scope[$0].hash == SubjectReader.attackHash
                    }
                if sides == nil, attackVictims, let land = occupiedLand(scope) { sides = [land] }
                if sides == nil, attackVictims, let attacker = attacker(scope, through: heads[last].end),
                   let victim = scope.opposite(attacker) {
                    sides = [victim]
                }
                // "Ukraine had suffered up to 70,000 killed …, and Russia close
                // to 120,000 killed": a side standing alone after "and" opens
                // a clause whose verb is the one before, left unsaid.
                if sides == nil, member > 0, let subject = gappedSubject(scope, from: mentions[member - 1].end, to: hedges[member].start) {
                    sides = [subject]
                }
                let takesLoss = governor?.takenBy != nil && metric != .captured
                if sides == nil, let governor, governor.each || !governor.sides.isEmpty || takesLoss {
                    each = each || governor.each
                    let governed = takesLoss ? governor.takenBy ?? [] : governor.sides
                    if !governed.isEmpty { sides = governed }
                }
                if sides == nil, let agent = predicate.agentSide, let victim = scope.opposite(agent) { sides = [victim] }
                // "Zakharova said more than 550 Colombian mercenaries had been
                // eliminated": whom a side says it eliminated are its enemy.
                if sides == nil, governor == nil || governor?.sides.isEmpty == true, eliminated(scope, after: mentions[member].end) {
                    sides = [SentenceScope.enemy]
                }
                // "while Russia said 248 of its servicemen had been returned":
                // the side the clause names last before "its".
                if sides == nil, phrase.ownersPronoun,
                   let owner = (clauseStart..<hedges[first].start).reversed().lazy.compactMap({ scope.match(.side, at: $0) }).first {
                    sides = [Int(owner.role.value)]
                }
                // "48 of its citizens have died fighting for Russia": people
                // of a nation in a side's ranks are its soldiers.
                let enlisted = memberRanks != nil && phrase.anyone && phrase.population == .civilian
                let explicitPopulation = enlisted ? .military : phrase.population ?? (foreigners ? .military : nil)
                if sides == nil, let ranks = memberRanks, explicitPopulation != .civilian { sides = [ranks] }
                // "at least 290 of them had been killed", "Of the confirmed
                // dead, 20,117 were convicts": a part of the people the
                // sentences before were about is of their side.
                if sides == nil, explicitPopulation != .civilian, !antecedent.isEmpty, member == 0,
                   partOfThem(scope, after: mentions[member].end) || partOfPrevious(scope, before: hedges[first].start)
                    || openingPartitive(scope, before: hedges[first].start) {
                    sides = antecedent
                }
                if sides == nil, explicitPopulation == nil, let carried, !carried.sides.isEmpty { sides = carried.sides }
                // "lost up to 2,030 servicemen, including up to 190 servicemen
                // over the past 24 hours": a part is of the whole's side.
                if sides == nil, let carried, !carried.sides.isEmpty, explicitPopulation == nil || explicitPopulation == carried.population,
                   hedges[member].start > scope.range.lowerBound, scope[hedges[member].start - 1].keyword == .including {
                    sides = carried.sides
                }

                // "We have lost 31,000 soldiers", "our losses amount to
                // 5,937": the speaker's own side's, whatever came before.
                let speakersOwn = sides == nil && governor?.sufferer == true
                    && firstPersonLoser(scope, from: clauseStart, before: hedges[first].start)
                // "our units have taken more than 900 prisoners", "we
                // captured two of them": whom the speaker's side took or
                // killed are the enemy's.
                if sides == nil, let governor, !governor.sufferer, governor.metric != nil || !phrase.metrics.isEmpty,
                   explicitPopulation != .civilian, firstPersonLoser(scope, from: clauseStart, before: hedges[first].start) {
                    sides = [SentenceScope.enemy]
                }

                // ("7,000 Ukrainian prisoners of war and 16,000 civilians": a
                // loss noun of the figure's own says whom, before another's.)
                let ownNoun = phrase.metrics.count == 1 ? metricPopulation(scope, phrase.metrics[0]) : nil
                var population = explicitPopulation ?? predicate.population ?? governor?.population ?? ownNoun ?? groupPopulation
                if attackVictims, explicitPopulation == nil, predicate.population == nil { population = .civilian }
                if let row { population = row.population }
                // (Prisoners of war executed are soldiers, whatever was counted before.)
                if killedCaptives, explicitPopulation == nil { population = .military }
                // "Ukraine had lost about 25,000 people", "we have lost
                // 31,000 people": a side's losses are its soldiers.
                // ("Irrecoverable losses … are somewhere over 300,000 people":
                // the losses a linking verb counts in people are soldiers;
                // not "Wounded were 26 871 persons".)
                if phrase.weakPopulation, governor?.population == nil, let governor, governor.sufferer, governor.metric != .refugees,
                   !governor.sides.isEmpty || each || speakersOwn
                    || governor.linked && predicate.metrics.isEmpty
                        && (scope.range.lowerBound..<hedges[first].start).contains(where: { scope[$0].hash == SubjectReader.lossesHash }) {
                    population = .military
                }
                // "returned 4,000 of its citizens from captivity", "1,000
                // people for 1,000 people": captives are counted as soldiers.
                if metric == .captured, phrase.anyone, explicitPopulation == .civilian { population = .military }
                // "1,200 bodies were returned to Ukraine": the dead a handover
                // returns are soldiers, unless named civilians.
                if population == nil, metric == .killed, handover, explicitPopulation == nil { population = .military }
                // "More than 63,000 people are registered as missing": the
                // missing of a war, soldiers for the most part, unless named
                // as civilians ("the search for residents considered
                // missing … their number is 412 persons"; not a body's name,
                // "the Commissioner for Persons Missing", nor a part after:
                // "35,000 people …, of whom roughly 2,600 are civilians"),
                // nor after civilians just counted ("Among the dead are five
                // children. Twenty people are still unaccounted for").
                if metric == .missing, phrase.anyone, explicitPopulation == .civilian, context?.population != .civilian,
                   !(scope.range.lowerBound..<hedges[member].start).contains(where: { k in
                       SubjectReader.civilianNouns.contains(scope[k].hash) && (k == scope.range.lowerBound || !scope[k].has(.capitalized))
                   }) {
                    population = .military
                }
                // "Shelling killed five men": whom an attack killed, not what
                // a side lost.
                if phrase.soldiersByDefault, !each, let governor, governor.metric != nil, !governor.sufferer, governor.sides.isEmpty {
                    population = .civilian
                }
                // "And for civilians, the United Nations says at least 10,582
                // have been killed": the people the sentence opens with.
                if population == nil, explicitPopulation == nil, let people = openedWith?.population { population = people }
                if population == nil, let implied = metricPopulation(scope, metric) { population = implied }
                // "2,500 civilians were killed, and 12,250 injured": a
                // figure that names no one counts what the one before did.
                if population == nil, let carriedPopulation = carried?.population { population = carriedPopulation }
                if population == nil, let topicPopulation = sentenceTopic?.population { population = topicPopulation }
                if sides == nil, let topic = figureTopic, !topic.sides.isEmpty { sides = topic.sides }
                if population == nil, let topicPopulation = figureTopic?.population { population = topicPopulation }
                if sides == nil, !speakersOwn, explicitPopulation == nil, let topic = sentenceTopic, !topic.sides.isEmpty,
                   population == nil || topic.population == nil || topic.population == population {
                    sides = topic.sides
                }
                // "Two killed by Ukrainian shelling", "five were killed in a
                // missile strike": whom an attack killed, named by no noun,
                // are civilians.
                if population == nil, attackInClause(scope, from: clauseStart, after: heads[last].end) {
                    population = .civilian
                }
                if population == nil, let headed = heading?.population { population = headed }
                // "Russian forces had suffered over 400,000 casualties", "the
                // two armies have suffered": what a side suffers is its
                // soldiers', whatever the sentences before counted.
                if population == nil, metric != .refugees, let governor, governor.sufferer, !governor.sides.isEmpty || governor.each {
                    population = .military
                }
                // A bare figure ("9,614 were killed") continues the figures
                // just before it.
                var inherited = false
                if population == nil, let context, let contextPopulation = context.population {
                    population = contextPopulation
                    inherited = true
                }
                // "the death toll had risen to six", "16 bodies had been
                // recovered and the toll was likely to rise": a toll no side
                // is named for is an attack's, on civilians.
                if population == nil, governor?.sides.isEmpty ?? true, !each, memberRanks == nil,
                   (clauseStart..<scope.range.upperBound).contains(where: { scope[$0].hash == SubjectReader.toll }) {
                    population = .civilian
                }
                let resolvedPopulation = population ?? .military
                // "Russia has around 15,000 of its forces dead": the side the
                // clause is about, when nothing nearer names one. Civilians
                // are counted where they live, which such a clause does not say.
                if sides == nil, !each, !speakersOwn, resolvedPopulation == .military,
                   let subject = clauseSide(scope, before: hedges[first].start) {
                    sides = [subject]
                }
                // "A Russian strike on Kharkiv killed 60 French mercenaries":
                // soldiers an attack kills, of no side named, are the enemy
                // of the side that made it.
                if sides == nil, !each, resolvedPopulation == .military, phrase.sides.isEmpty, memberRanks == nil,
                   let attacker = attacker(scope, through: heads[last].end), let victim = scope.opposite(attacker) {
                    sides = [victim]
                }
                // "For Ukraine, the numbers are 124,500 to 131,000": the side
                // a sentence opens with as its topic.
                if sides == nil, !each, let topic = openedWith?.side { sides = [topic] }
                // "25 civilians were killed in Belgorod": civilians are the
                // losses of the side where they live.
                // (Not captives: "2,000 civilians are held in Russia" is
                // where they are held.)
                if sides == nil, !each, resolvedPopulation == .civilian, metric != .refugees, metric != .captured,
                   let place = occupiedLand(scope) ?? civilianPlace(scope) {
                    sides = [place]
                }
                // "Russian drone and missile strikes on Ukraine, which on
                // Sunday killed 12 people": civilians of the side the
                // attacker fights.
                if sides == nil, !each, resolvedPopulation == .civilian, metric != .refugees,
                   let attacker = attacker(scope, through: heads[last].end), let victim = scope.opposite(attacker) {
                    sides = [victim]
                }
                var contextSides: [Side]?
                // Civilians are placed by where they live; only a bare figure
                // ("1,100 were killed") continues whose they were.
                if sides == nil, !speakersOwn, let context, !context.sides.isEmpty, !context.sides.contains(SentenceScope.enemy),
                   inherited || (context.population == resolvedPopulation && resolvedPopulation != .civilian) {
                    contextSides = context.sides.count > 1 ? [.both] : [scope.lexicon.sides[context.sides[0]]]
                }
                if sides == nil, let heading, !heading.sides.isEmpty {
                    contextSides = heading.sides.count > 1 ? [.both] : [scope.lexicon.sides[heading.sides[0]]]
                }

                // A row under a lead-in is of the lead-in's side, "the enemy"'s
                // too, and so is a part of the enemy's losses just counted.
                if sides == nil, contextSides == nil, let row, !row.topic.sides.isEmpty {
                    sides = row.topic.sides
                } else if sides == nil, contextSides == nil, let context, context.sides == [SentenceScope.enemy],
                          partOfPrevious(scope, before: hedges[first].start) {
                    sides = context.sides
                }
                var resolvedSides: [Side]?
                let againstSpeaker = sides?.contains(SentenceScope.enemy) ?? false
                if againstSpeaker { sides = nil }
                if each {
                    resolvedSides = combined ? [.both] : Array(scope.lexicon.sides)
                } else if let sides {
                    resolvedSides = sides.count > 1 ? [.both] : [scope.lexicon.sides[sides[0]]]
                } else if mixedSides {
                    resolvedSides = [.both]
                }
                // ("the enemy lost 38,000 soldiers, among them 15,000 killed":
                // a part of the enemy's losses is the enemy's.)
                carried = (againstSpeaker ? [SentenceScope.enemy] : sides ?? [], resolvedPopulation)

                let before = scope.skipQuotes(back: hedges[member].start - 1)
                let isGiven = before >= scope.range.lowerBound && scope.english(before).contains(.definite)
                figures.append(Figure(
                    mention: mentions[member], reading: reading, sides: resolvedSides,
                    population: resolvedPopulation, metric: metric, rate: rate,
                    isGiven: isGiven, againstSpeaker: againstSpeaker, contextSides: contextSides))
            }
            // "strikes killed five people and wounded 27 over the previous
            // day": a period after the last of coordinated verbs holds for
            // the figures of the verbs before it.
            // ("six civilians had been killed and 21 wounded over the past
            // day": the period may close the last figure's own words.)
            if let shared = phrases[last].rate ?? (predicate.dayTally && oneAttack ? nil : predicate.rate) {
                var k = figures.count - group.count - 1
                while k >= 0, figures[k].rate == nil, sharesVerbs(scope, figures[k].mention.end, hedges[first].start) {
                    figures[k].rate = shared
                    k -= 1
                }
            }
            first = last + 1
        }
        return figures
    }

    /// Whether only a conjunction and a loss verb stand between a figure's
    /// end and the next figure: "killed five people and wounded 27".
    private func sharesVerbs(_ scope: SentenceScope, _ end: Int, _ next: Int) -> Bool {
        guard next > end, next - end <= 16 else { return false }
        var conjunction = false
        var k = end
        while k < next {
            defer { k += 1 }
            // "kill at least 9, injure 41 over the past day": a comma before a verb joins too.
            if scope[k].mark == .comma, k + 1 < next, namesLoss(scope, at: k + 1) {
                conjunction = true
                continue
            }
            // "killed five civilians, including a 9-year-old girl, and
            // wounded 23": an aside between commas.
            if scope[k].mark == .comma, k + 1 < next, scope[k + 1].keyword == .including,
               let close = ((k + 2)..<next).first(where: { scope[$0].mark == .comma }) {
                k = close
                continue
            }
            if scope.isClausePunctuation(k) || scope[k].kind == .number { return false }
            if scope[k].keyword == .and { conjunction = true }
        }
        return conjunction && (end..<next).contains { namesLoss(scope, at: $0) }
    }

    /// Whether a loss word or a verb of a loss ("injure", "kills") starts at `k`.
    private func namesLoss(_ scope: SentenceScope, at k: Int) -> Bool {
        scope.match(.metric, at: k) != nil
            || scope.match(.figureVerb, at: k).map { scope.lexicon.figureVerbs[Int($0.role.value)].metric != nil } == true
    }

    /// The last loss noun of a sentence with its side, for a pronoun in the
    /// next one.
    ///
    /// A loss a figure noun names ("a daily tally of Russian 'personnel
    /// losses', which covers soldiers killed and those wounded") is the
    /// sentence's, whatever words for its parts follow.
    func topic(_ scope: SentenceScope) -> Topic? {
        for k in scope.range where SubjectReader.figureNouns.contains(scope[k].hash) && k + 1 < scope.range.upperBound && scope.is(k + 1, .of) {
            var j = k + 2
            // "of Russian 'personnel losses'": a side and quotes between;
            // "of what it calls Russia's 'personnel losses'": who names it.
            var limit = k + 6
            if j < scope.range.upperBound, scope[j].hash == SubjectReader.what,
               let verb = (j + 1..<min(scope.range.upperBound, j + 5)).first(where: { SubjectReader.naming.contains(scope[$0].hash) }) {
                j = verb + 1
                limit = j + 4
            }
            while j < scope.range.upperBound, j < limit, scope.match(.metric, at: j) == nil {
                if let side = scope.side(at: j) {
                    j = side.end
                } else if scope[j].isQuote || scope.english(j).contains(.article) || scope[j].keyword == .possessive {
                    j += 1
                } else {
                    break
                }
            }
            if j < scope.range.upperBound, let found = scope.match(.metric, at: j) {
                var end = found.end
                if end < scope.range.upperBound, scope[end].mark == .closeQuote { end += 1 }
                // (Only when a clause on the loss's parts follows it.)
                if end < scope.range.upperBound, scope[end].mark == .comma || scope[end].keyword.opensClause {
                    return topic(scope, found)
                }
            }
        }
        return lastTopic(scope, before: scope.range.upperBound)
    }

    // MARK: Coordination

    /// Whether only conjunctions, commas and quotes stand between two figures.
    private func coordinated(_ scope: SentenceScope, _ end: Int, _ next: Int) -> Bool {
        guard next > end, next - end <= 4 else { return false }
        for k in end..<next {
            let token = scope[k]
            if token.mark == .comma || token.isQuote { continue }
            if token.isWord, scope.english(k).contains(.connector) { continue }
            return false
        }
        return true
    }

    /// Whether a conjunction or another connecting word, not only commas
    /// and quotes, stands between two figures.
    private func joinedByWord(_ scope: SentenceScope, _ end: Int, _ next: Int) -> Bool {
        (end..<next).contains { scope[$0].isWord }
    }

    // MARK: After the figures

    /// The period that closes a list of equipment lost beside the figure
    /// before the comma at `comma`: "lost up to 190 troops, an infantry
    /// fighting vehicle and three motor vehicles over the past day". Nil
    /// when the list names another loss of people or no equipment soon.
    private func rateAfterEquipment(_ scope: SentenceScope, after comma: Int) -> Rate? {
        let upper = scope.range.upperBound
        guard (comma + 1..<min(upper, comma + 6)).contains(where: { scope.match(.countedThing, at: $0) != nil }) else { return nil }
        var k = comma + 1
        while k < upper, k < comma + 40 {
            if scope[k].mark == .period || scope[k].mark == .semicolon || scope[k].mark == .colon { return nil }
            if let rate = scope.match(.rate, at: k) { return scope.lexicon.rates[Int(rate.role.value)] }
            if let thing = scope.match(.countedThing, at: k) {
                k = thing.end
                continue
            }
            if scope.match(.metric, at: k) != nil || scope.match(.population, at: k) != nil
                || scope.match(.attributionVerb, at: k) != nil && !scope[k].has(.capitalized)
                || scope[k].isWord && scope[k].keyword != .including && scope.english(k).contains(.clauseOpener) {
                return nil
            }
            k += 1
        }
        return nil
    }

    private func predicate(_ scope: SentenceScope, from start: Int, closingAside: Bool, dates: [DateExpression]) -> Predicate {
        var predicate = Predicate()
        var k = start
        var words = 0
        var conjunction = false
        var saying = false
        var relative = false
        let upper = scope.range.upperBound
        if closingAside, k + 1 < upper, scope[k].hash == SubjectReader.alike, scope[k + 1].mark == .comma { k += 1 }
        if closingAside, k < upper, scope[k].mark == .comma { k += 1 }
        while k < upper, words < 16 {
            let token = scope[k]
            // "two civilians had been killed and five wounded": the next
            // figure, in digits or in words, has a predicate of its own;
            // so has a vague one ("103 children have been killed and many
            // more wounded").
            if token.kind == .number {
                // ("47,000 men under the age of 50 had died": an age.)
                let age = k - 2 >= start && scope[k - 1].keyword == .of && scope[k - 2].hash == SubjectReader.ageHash
                guard age else { break }
                k += 1
                continue
            }
            if k > start, scope[k - 1].keyword == .and, token.isWord, SubjectReader.vagueFigures.contains(token.hash) { break }
            // ("during the two decades of war": a span of time is no figure.)
            if token.entry >= 0, scope.lexicon.entries[Int(token.entry)].numeral > 0,
               k + 1 >= upper || scope.match(.countedThing, at: k + 1) == nil && !SubjectReader.timeUnits.contains(scope[k + 1].hash) {
                break
            }
            // "More than 35,000 Ukrainians, most of them servicemen, are
            // listed as missing": an aside on the figure's people.
            if token.mark == .comma, k == start, let close = asideOnPeople(scope, after: k) {
                k = close + 1
                continue
            }
            if token.mark == .comma {
                // "injured, died, or went missing".
                var next = k + 1
                if next < upper, scope[next].keyword == .and || scope[next].keyword == .or { next += 1 }
                if !predicate.metrics.isEmpty, scope.match(.metric, at: next) != nil {
                    k = next
                    continue
                }
                if predicate.rate == nil, let rate = rateAfterEquipment(scope, after: k) { predicate.rate = rate }
                break
            }
            // "694 Ukrainian fighters – including members of the Azov
            // regiment – had surrendered": an aside between dashes.
            if token.mark == .dash || token.mark == .openParen, words == 0 || predicate.metrics.isEmpty {
                var close = k + 1
                let closing: Token.Mark = token.mark == .dash ? .dash : .closeParen
                while close < upper, close < k + 24, scope[close].mark != closing, scope[close].kind != .number,
                      scope[close].mark != .period {
                    close += 1
                }
                if close < upper, close < k + 24, scope[close].mark == closing {
                    k = close + 1
                    continue
                }
            }
            if scope.isClausePunctuation(k) { break }
            // "in that area during the day": after a preposition, "that" is
            // a determiner.
            let determiner = token.keyword == .that && k > start && SubjectReader.locatives.contains(scope[k - 1].hash)
            if token.isWord, !determiner, scope.english(k).contains(.clauseOpener) {
                // "12 Kenyans who were recruited to fight for Russia have been
                // killed", "70 soldiers who were killed near Kupiansk": a
                // relative clause on the figure's noun (one the lexicon may
                // not know) reads on, to the loss in it or the verb after it.
                // ("316 citizens of African countries who were recruited":
                // the noun's own "of" phrase may stand between.)
                let onNoun = k - start <= 2 && (start..<k).allSatisfy { scope[$0].isWord && scope.english($0).isEmpty }
                    || k - start <= 5 && scope[start].keyword == .of
                        && (start + 1..<k).allSatisfy {
                            // ("1,013 servicemen of the 155th brigade who were killed".)
                            scope[$0].kind == .ordinal
                                || scope[$0].isWord && (scope.english($0).isEmpty || scope.english($0).contains(.article))
                        }
                if onNoun, SubjectReader.relatives.contains(token.hash) {
                    relative = true
                    k += 1
                    words += 1
                    continue
                }
                break
            }
            // "losses approach 1.2 million as the dying goes on": "as"
            // opening a clause of its own.
            if token.keyword == .as, k + 1 < upper, !scope.english(k + 1).isDisjoint(with: SubjectReader.clauseSubjects) { break }
            if let found = scope.match(.metric, at: k) {
                let metric = scope.lexicon.metrics[Int(found.role.value)].metric
                // ("5,032 were prisoners recruited by Wagner": convicts who
                // became soldiers, not captives.)
                if metric == .captured, found.end < upper, NounPhrase.recruited.contains(scope[found.end].hash) {
                    if predicate.population == nil { predicate.population = .military }
                    k = found.end
                    continue
                }
                if predicate.metrics.isEmpty, conjunction { predicate.afterConjunction = true }
                predicate.metrics.append(metric)
                k = found.end
                continue
            }
            if token.keyword == .and || token.keyword == .or { conjunction = true }
            if predicate.population == nil, k > start, scope.english(k - 1).contains(.copula),
               let found = scope.match(.population, at: k) {
                predicate.population = NounPhrase(scope, from: k).population ?? scope.lexicon.populations[Int(found.role.value)]
                k = found.end
                continue
            }
            if let found = scope.match(.rate, at: k) {
                predicate.rate = scope.lexicon.rates[Int(found.role.value)]
                k = found.end
                continue
            }
            // "killed two people on Wednesday": the tally of one day; not
            // the day of a statement ("…, the mission said on Friday") or of
            // a handover ("received the bodies of 250 soldiers on Friday").
            // ("43 had been wounded in Saturday's attack": one attack's toll.)
            if !saying, let date = dates.first(where: { $0.start == k || ($0.start == k + 1 && token.keyword == .on) }),
               isTallyDay(scope, date), !namesOneAttack(scope, after: date),
               !scope.range.contains(where: { SubjectReader.handovers.contains(scope[$0].hash) }) {
                predicate.rate = .day
                predicate.dayTally = true
                k = date.end
                continue
            }
            if scope.match(.attributionVerb, at: k) != nil { saying = true }
            // "250,000 men on both sides": one figure for the two.
            if token.keyword == .on, let found = scope.match(.jointCombined, at: k) {
                predicate.each = true
                predicate.combined = true
                k = found.end
                continue
            }
            if let found = scope.match(.jointEach, at: k) {
                // "1,200 fallen servicemen, with both sides committed to…"
                // opens another clause.
                predicate.each = k == start || scope[start].mark != .comma
                // "5,000 soldiers from the two armies": whose the figure's
                // people are, one figure for the two ("150 from each side"
                // is one a side).
                if k > start, scope[k - 1].keyword == .from || scope[k - 1].keyword == .of,
                   scope[k].hash != SubjectReader.eachHash, scope[k].hash != SubjectReader.eitherHash {
                    predicate.combined = true
                }
                k = found.end
                continue
            }
            // "Ukraine and Russia exchanged 75 prisoners each": "each" with
            // no noun of its own, after a subject that names both sides.
            if token.hash == SubjectReader.eachHash, k + 1 >= upper || !scope[k + 1].isWord || scope.english(k + 1).contains(.function),
               namesBothSides(scope, before: start) {
                predicate.each = true
                k += 1
                continue
            }
            // "inflicted losses of up to 1,430 servicemen on Ukrainian
            // units": the side losses are inflicted on lost them.
            if token.keyword == .on, predicate.agentSide == nil, inflicts(scope, before: start) {
                let next = k + 1 < upper && scope[k + 1].keyword == .the ? k + 2 : k + 1
                if let victim = scope.side(at: next), victim.side != SentenceScope.enemy, let agent = scope.opposite(victim.side) {
                    predicate.agentSide = agent
                }
            }
            if scope.match(.otherConflict, at: k) != nil || scope.match(.foreignSide, at: k) != nil { predicate.otherConflict = true }
            // "150 are known to be held in Russian captivity": the side that
            // holds them took them.
            if predicate.agentSide == nil, scope.lexicon.starts(.side, token), let side = scope.match(.side, at: k), side.end < upper,
               SubjectReader.custody.contains(scope[side.end].hash) {
                predicate.agentSide = Int(side.role.value)
            }
            // Only after a loss or an attack: "recruited by the Russian
            // army" names the side served, "the territory controlled by
            // Ukraine" a place.
            if token.isWord, scope.english(k).contains(.agentMarker), k > scope.range.lowerBound,
               scope.match(.metric, endingAt: k) != nil || scope.match(.figureVerb, endingAt: k) != nil
                || scope.match(.incident, endingAt: k) != nil {
                // "taken hostage by Ukrainian forces": the agent's enemy lost them.
                for j in (k + 1)..<min(upper, k + 4) {
                    if let side = scope.match(.side, at: j) {
                        predicate.agentSide = Int(side.role.value)
                        break
                    }
                }
            }
            k += 1
            words += 1
        }
        // "60 soldiers who had surrendered were executed": the main verb's
        // loss, not the relative clause's.
        if relative, predicate.metrics.count > 1 { predicate.metrics = [predicate.metrics[predicate.metrics.count - 1]] }
        predicate.relative = relative
        return predicate
    }

    // MARK: Before the figures

    /// Whether the clause before a figure has the speaker's own side as
    /// its subject: "we", "our".
    private func firstPersonLoser(_ scope: SentenceScope, from clauseStart: Int, before start: Int) -> Bool {
        (clauseStart..<start).contains { k in
            scope[k].hash == SubjectReader.our || scope.english(k).contains(.firstPersonPronoun) && !counts(scope, after: k, before: start)
        }
    }

    /// Whether the pronoun at `k` is the subject of a verb of saying or of
    /// counting: "We have confirmed the deaths of 5,302 officers" counts
    /// another's dead.
    private func counts(_ scope: SentenceScope, after k: Int, before start: Int) -> Bool {
        var j = k + 1
        while j < start, j < k + 4 {
            if scope.match(.attributionVerb, at: j) != nil { return true }
            guard scope[j].isWord, CueReader.auxiliaries.contains(scope[j].hash) || scope.english(j).contains(.filler) else { return false }
            j += 1
        }
        return false
    }

    private static let our = WordHash.of("our")

    private func governor(_ scope: SentenceScope, before start: Int, previousTopic: Topic?, dates: [DateExpression] = []) -> Governor? {
        var k = scope.skipQuotes(back: start - 1)
        // "were likely around 427,000": a hedging adverb says nothing of the loss.
        // ("Russian deaths alone now exceed 200,000": nor do "alone" and an
        // adverb before a hedge that is the verb.)
        let reaches = SubjectReader.reachVerbs.contains(scope[start].hash)
        while k > scope.range.lowerBound, SubjectReader.hedgeAdverbs.contains(scope[k].hash)
            || reaches && (scope[k].hash == SubjectReader.aloneHash || scope.english(k).contains(.filler) && !scope.english(k).contains(.copula)) {
            k -= 1
        }
        // "Ukrainian losses, Moscow says, exceed 500,000": an aside between
        // the subject and a hedge that is the verb.
        if k > scope.range.lowerBound, reaches,
           let opening = asideOpening(scope, endingAt: k), opening > scope.range.lowerBound {
            k = opening - 1
        }
        // "Russian losses since February 2022 exceed 300,000": the period a
        // loss noun is counted over stands between it and a hedge that is
        // the verb.
        if scope.match(.metric, endingAt: k + 1) == nil, scope.english(start).contains(.filler) || reaches || scope.match(.linking, at: start) != nil,
           let period = dates.first(where: { $0.end == k + 1 && $0.isAnchor }), period.start - 1 > scope.range.lowerBound,
           scope.match(.metric, endingAt: period.start - 1) != nil {
            k = period.start - 2
        }
        // "Casualties on both sides exceed 1.2 million", "the combined toll
        // of killed and wounded on both sides had passed": a place or the
        // sides a loss noun is counted for stand between it and a hedge that
        // is the verb.
        if scope.match(.metric, endingAt: k + 1) == nil, reaches || scope.match(.linking, at: start) != nil,
           let noun = lossNounBefore(scope, modifierEndingAt: k), let topic = clauseTopic(scope, before: noun + 1) {
            return Governor(metric: topic.metric, sides: topic.sides, population: topic.population, sufferer: true)
        }
        // "those losses may exceed 20,000": a modal before a hedge that is
        // itself the verb says no more than the hedge does.
        if k > scope.range.lowerBound, SubjectReader.modals.contains(scope[k].hash), reaches {
            k -= 1
            // "those losses alone may exceed".
            while k > scope.range.lowerBound, SubjectReader.hedgeAdverbs.contains(scope[k].hash) || scope[k].hash == SubjectReader.aloneHash {
                k -= 1
            }
        }
        // "the enemy lost, on average, 500 soldiers per day": a few words
        // set off between a verb and its figure.
        if k > scope.range.lowerBound, scope[k].mark == .comma {
            var p = k - 1
            while p > scope.range.lowerBound, p >= k - 4, scope[p].isWord { p -= 1 }
            if p > scope.range.lowerBound, p < k - 1, scope[p].mark == .comma, scope.match(.figureVerb, endingAt: p) != nil { k = p - 1 }
        }
        guard k >= scope.range.lowerBound else { return nil }
        // "lost another 1,110", "killed an additional 300": a further figure
        // of the same loss.
        if k > scope.range.lowerBound, SubjectReader.increments.contains(scope[k].hash) {
            k -= 1
            if k > scope.range.lowerBound, scope.english(k).contains(.article) { k -= 1 }
        }
        // "have lost a total of 5,137": the measure word stands between.
        if scope.is(k, .of), k - 1 >= scope.range.lowerBound, SubjectReader.figureNouns.contains(scope[k - 1].hash) {
            var m = k - 2
            // "reached a daily average of".
            if m >= scope.range.lowerBound, scope.lexicon.starts(.rate, scope[m]) { m -= 1 }
            if m >= scope.range.lowerBound, scope.english(m).contains(.article) { m -= 1 }
            if m >= scope.range.lowerBound, scope.match(.figureVerb, endingAt: m + 1) != nil || scope.match(.linking, endingAt: m + 1) != nil {
                k = m
            }
        }
        // "hosted the largest number (1.25 million)", "hosts the largest
        // number, with over 1.56 million": the verb of the noun the figure
        // is set beside.
        if let beside = appositionNoun(scope, before: k), beside.noun - 1 > scope.range.lowerBound,
           beside.phraseStart - 1 >= scope.range.lowerBound, scope.match(.figureVerb, endingAt: beside.phraseStart) != nil {
            k = beside.phraseStart - 1
        }
        // "the deaths of up to 13,000", "a casualty rate of 1,140".
        if scope.is(k, .of), let found = scope.match(.metric, endingAt: k)
            ?? (k > scope.range.lowerBound && SubjectReader.measureNouns.contains(scope[k - 1].hash)
                ? scope.match(.metric, endingAt: k - 1) : nil) {
            return Governor(
                metric: scope.lexicon.metrics[Int(found.role.value)].metric,
                sides: sidesNear(scope, before: found.start))
        }
        // "losses of the AFU of up to 1,240", "the losses of the enemy for
        // the day of 1,325": the loss noun's own "of" names whose losses,
        // and the figure's "of" comes after.
        if scope.is(k, .of), let governed = lossOfSide(scope, before: k) { return governed }
        if var verb = scope.match(.figureVerb, endingAt: k + 1) {
            let meaning = scope.lexicon.figureVerbs[Int(verb.role.value)]
            var metric = meaning.metric ?? scope.match(.metric, at: verb.start).map { scope.lexicon.metrics[Int($0.role.value)].metric }
            // "has killed or wounded nearly 500,000": two verbs, one loss.
            // "have killed, injured, or captured 17,819": a list of verbs.
            var joiner = verb.start - 1
            while joiner > scope.range.lowerBound {
                var before = joiner
                if scope[before].keyword == .and || scope[before].keyword == .or {
                    if before - 1 > scope.range.lowerBound, scope[before - 1].mark == .comma { before -= 1 }
                } else if scope[before].mark != .comma {
                    break
                }
                guard let other = scope.match(.figureVerb, endingAt: before) else { break }
                let first = scope.lexicon.figureVerbs[Int(other.role.value)].metric
                    ?? scope.match(.metric, at: other.start).map { scope.lexicon.metrics[Int($0.role.value)].metric }
                if let first, let second = metric { metric = combine([first, second]) }
                verb = other
                joiner = other.start - 1
            }
            // "The dead include 659 children": a loss noun as the subject.
            if metric == nil, meaning.role != .agent {
                var j = verb.start - 1
                while j > scope.range.lowerBound, scope.english(j).contains(.filler) { j -= 1 }
                // "Russian casualties — killed, wounded and missing — totalled".
                if let opening = asideOpening(scope, endingAt: j) {
                    j = opening - 1
                    while j > scope.range.lowerBound, scope.english(j).contains(.filler) { j -= 1 }
                }
                // ("Casualties on both sides have exceeded": past the sides
                // or place the noun is counted for.)
                if j > scope.range.lowerBound, scope.match(.metric, endingAt: j + 1) == nil,
                   let noun = lossNounBefore(scope, modifierEndingAt: j) {
                    j = noun
                }
                if let found = scope.match(.metric, endingAt: j + 1) { metric = scope.lexicon.metrics[Int(found.role.value)].metric }
            }
            var subject = subjectSides(scope, before: verb.start)
            if subject.each { return Governor(metric: metric, each: true) }
            // "That number includes as many as 120,000 deaths": the subject
            // is the previous sentence's loss.
            if subject.sides.isEmpty, subject.refersBack, let previousTopic {
                subject.sides = previousTopic.sides
            }
            let sides = meaning.role == .agent ? subject.sides.compactMap { scope.opposite($0) } : subject.sides
            // "Russian losses have exceeded 400,000": an auxiliary before a
            // hedge that is itself the verb says nothing; the clause does.
            let says = metric != nil || !sides.isEmpty || scope.match(.linking, at: start) == nil
            if says {
                let takes = meaning.role == .agent && meaning.metric == nil && metric == nil
                return Governor(metric: metric, sides: sides, sufferer: meaning.role != .agent, takenBy: takes ? subject.sides : nil)
            }
        }
        if let link = scope.match(.linking, endingAt: k + 1) {
            var j = link.start - 1
            // "Irrecoverable losses, that is, killed, are somewhere over
            // 300,000": an aside between the subject and the link.
            var subjectEnd = link.start
            if j > scope.range.lowerBound, scope[j].mark == .comma, var opening = asideOpening(scope, endingAt: j) {
                if opening - 3 >= scope.range.lowerBound, scope[opening - 3].mark == .comma,
                   scope[opening - 2].keyword == .that, scope[opening - 1].hash == SubjectReader.isHash {
                    opening -= 3
                }
                subjectEnd = opening
                j = opening - 1
            }
            while j >= scope.range.lowerBound, scope.english(j).contains(.filler), !scope.english(j).contains(.bodyPronoun) { j -= 1 }
            var topic: Topic?
            // "a daily tally of Russian losses, which stood at 861,270": a
            // relative pronoun stands for the noun before it, as "it" does.
            // ("The IISS put them at roughly 400,000": an object pronoun too.)
            if j >= scope.range.lowerBound, scope.english(j).contains(.bodyPronoun) || scope.english(j).contains(.groupPronoun)
                || scope[j].keyword == .this || scope[j].keyword == .that || SubjectReader.themWords.contains(scope[j].hash) {
                topic = lastTopic(scope, before: j) ?? previousTopic
            } else {
                topic = clauseTopic(scope, before: subjectEnd) ?? figureNounTopic(scope, before: subjectEnd, previousTopic: previousTopic)
            }
            guard let topic else { return nil }
            return Governor(metric: topic.metric, sides: topic.sides, population: topic.population, sufferer: true, linked: true)
        }
        // "Ukrainian refugees -- 2,825,463 so far --": a figure set beside
        // the loss noun it counts.
        if scope[k].mark == .dash || scope[k].mark == .openParen || scope[k].mark == .colon,
           let found = scope.match(.metric, endingAt: k) {
            let topic = topic(scope, found)
            return Governor(metric: topic.metric, sides: topic.sides, population: topic.population, sufferer: true)
        }
        // "Killed in Mariupol: 8,034", "Refugees abroad: 6,480,000": a
        // row's label, a few words opening the line, says what it counts.
        if scope[k].mark == .colon, scope.isLine, labelLength(scope, before: k) <= 8,
           let found = (scope.range.lowerBound..<k).lazy.compactMap({ scope.match(.metric, at: $0) }).first {
            var topic = topic(scope, found)
            // "Killed, wounded and missing:": every loss the label lists.
            var listed = [topic.metric]
            var j = found.end
            while j < k, scope[j].mark == .comma || scope[j].keyword == .and || scope[j].keyword == .or {
                var next = j + 1
                if next < k, scope[next].keyword == .and || scope[next].keyword == .or { next += 1 }
                guard let other = scope.match(.metric, at: next), other.end <= k else { break }
                listed.append(scope.lexicon.metrics[Int(other.role.value)].metric)
                j = other.end
            }
            topic.metric = combine(listed) ?? topic.metric
            return Governor(metric: topic.metric, sides: topic.sides, population: topic.population, sufferer: true)
        }
        // "they died “about 55,110”": a loss verb right before the figure.
        if let found = scope.match(.metric, endingAt: k + 1), scope[found.start].isWord {
            let subject = subjectSides(scope, before: found.start)
            var sides = subject.sides
            if sides.isEmpty, subject.refersBack, let previousTopic { sides = previousTopic.sides }
            return Governor(metric: scope.lexicon.metrics[Int(found.role.value)].metric, sides: sides, sufferer: true)
        }
        // "Troop Deaths and Injuries Near 500,000": the hedge is the verb.
        // "deaths of volunteers have not dipped below 150": a hedge that
        // opens with an auxiliary is a verb phrase too.
        if scope.match(.linking, at: start) != nil || scope[start].isWord && scope.english(start).contains(.filler),
           let topic = clauseTopic(scope, before: start) {
            return Governor(metric: topic.metric, sides: topic.sides, population: topic.population, sufferer: true)
        }
        return nil
    }

    /// The last word of a loss noun that a short prepositional phrase
    /// ending at `end` follows: "casualties [in Ukraine]", "toll [on both
    /// sides]", "toll of killed and wounded [on both sides]".
    private func lossNounBefore(_ scope: SentenceScope, modifierEndingAt end: Int) -> Int? {
        var j = end
        while j > scope.range.lowerBound, j > end - 6, scope[j].isWord {
            if SubjectReader.modifierPrepositions.contains(scope[j].hash), scope.match(.metric, endingAt: j) != nil { return j - 1 }
            // (Not a clause of its own: "Russia says casualties in Ukraine".)
            if scope.match(.attributionVerb, at: j) != nil || scope.match(.figureVerb, at: j) != nil { return nil }
            j -= 1
        }
        return nil
    }

    static let modifierPrepositions = WordSet(["in", "on", "among", "across", "inside", "within"].map(WordHash.of))

    /// The loss a noun names with its side in an "of" phrase that ends at
    /// the figure's own "of" (`of`): "losses of the AFU of", "the losses of
    /// the enemy for the day of", "losses of the Ukrainian army of".
    private func lossOfSide(_ scope: SentenceScope, before of: Int) -> Governor? {
        let lower = scope.range.lowerBound
        var j = of - 1
        if let period = scope.match(.rate, endingAt: j + 1) { j = period.start - 1 }
        var sides: [Int] = []
        while j > lower {
            if let found = scope.sideMatch(endingAt: j + 1) {
                if !sides.contains(found.side) { sides.append(found.side) }
                j = found.start - 1
            } else if let found = scope.match(.population, endingAt: j + 1), !sides.isEmpty || scope.side(endingAt: found.start) != nil {
                j = found.start - 1
            } else if scope.english(j).contains(.article) {
                j -= 1
            } else {
                break
            }
        }
        guard !sides.isEmpty, j > lower, scope.is(j, .of), let found = scope.match(.metric, endingAt: j) else { return nil }
        return Governor(metric: scope.lexicon.metrics[Int(found.role.value)].metric, sides: sides, sufferer: true)
    }

    /// Whether the figure at `start` is a daily list's increment set in
    /// brackets after its total: "819,980 (+1,560)".
    private func increment(_ scope: SentenceScope, at start: Int) -> Bool {
        guard start - 3 >= scope.range.lowerBound, scope[start - 2].mark == .openParen,
              scope[start - 3].kind == .number, Int(scope[start - 1].start) < scope.bytes.count
        else { return false }
        return scope.bytes[Int(scope[start - 1].start)] == UInt8(ascii: "+")
    }

    /// The comma closing an aside that opens at the comma `comma` with a
    /// part of the people before it: ", most of them servicemen,", ",
    /// mostly soldiers,", ", including civilians,".
    private func asideOnPeople(_ scope: SentenceScope, after comma: Int) -> Int? {
        let first = comma + 1
        guard first + 1 < scope.range.upperBound else { return nil }
        // (", including civilians,": a part named without a figure.)
        let opens = SubjectReader.asideOpeners.contains(scope[first].hash)
            && (scope[first + 1].keyword == .of || scope[first].hash == SubjectReader.mostly || scope[first].hash == SubjectReader.mainly)
            || scope[first].keyword == .including && scope.match(.population, at: first + 1) != nil
            || peopleAlike(scope, from: first)
        guard opens else { return nil }
        var k = first + 1
        while k < scope.range.upperBound, k < first + 8 {
            if scope[k].mark == .comma { return k }
            if scope.isClausePunctuation(k) || scope[k].kind == .number { return nil }
            k += 1
        }
        return nil
    }

    /// Whether an aside from `first` names only people, up to its comma:
    /// ", soldiers and civilians alike,".
    private func peopleAlike(_ scope: SentenceScope, from first: Int) -> Bool {
        var k = first
        var named = false
        while k < scope.range.upperBound, scope[k].mark != .comma {
            if let found = scope.match(.population, at: k) {
                named = true
                k = found.end
            } else if scope[k].keyword == .and || scope[k].keyword == .or || scope[k].hash == SubjectReader.alike {
                k += 1
            } else {
                return false
            }
        }
        return named
    }

    static let alike = WordHash.of("alike")
    static let receiving = WordSet(["received", "receiving", "receives", "registered", "admitted", "accepted", "recorded"].map(WordHash.of))
    static let sideNoun = WordHash.of("side")
    static let asideOpeners = WordSet(["most", "many", "all", "some", "half", "mostly", "mainly"].map(WordHash.of))
    static let mostly = WordHash.of("mostly")
    static let mainly = WordHash.of("mainly")

    /// Whom a line's short label counts, when the line opens with one
    /// and a colon or dash before its first figure: "personnel – about
    /// 819,980" counts soldiers, however the figure's noun ("persons")
    /// reads.
    ///
    /// ("… are approximately: personnel – about 1,064,630 (+920) persons,
    /// tanks – 11,081": or a list's item after the sentence's colon.)
    private func rowLabel(_ scope: SentenceScope, before start: Int, inSentence: Bool = false) -> Population? {
        let lower: Int
        if inSentence {
            guard let colon = (max(scope.range.lowerBound, start - 6)..<start).last(where: { scope[$0].mark == .colon }) else { return nil }
            lower = colon + 1
        } else {
            guard scope.isLine else { return nil }
            lower = scope.range.lowerBound
        }
        guard let mark = (lower..<min(start, lower + 4)).first(where: { k in
            k > lower && (scope[k].mark == .colon || scope[k].mark == .dash)
        }) else { return nil }
        // ("tanks – 8,669": a row of the same list that counts no one.)
        return (lower..<mark).lazy.compactMap { scope.match(.population, at: $0) }.first
            .map { scope.lexicon.populations[Int($0.role.value)] }
    }

    /// How many words a row's label ending at `colon` has, leaving out the
    /// source it names in brackets: "Killed, wounded and missing (General
    /// Staff):" is a label of five.
    private func labelLength(_ scope: SentenceScope, before colon: Int) -> Int {
        var length = 0
        var depth = 0
        for k in scope.range.lowerBound..<colon {
            switch scope[k].mark {
            case .openParen: depth += 1
            case .closeParen: depth = max(0, depth - 1)
            default: if depth == 0 { length += 1 }
            }
        }
        return length
    }

    /// The side that is the subject of a verb: "Ukraine has lost",
    /// "Russian forces have killed", "each side has sustained", "it has
    /// killed" (the side named before the pronoun).
    private func subjectSides(_ scope: SentenceScope, before verbStart: Int) -> (sides: [Int], each: Bool, refersBack: Bool) {
        let lower = scope.range.lowerBound
        var j = verbStart - 1
        while j >= lower, scope.english(j).contains(.filler) || scope[j].isQuote { j -= 1 }
        var steps = 0
        while j >= lower, steps < 5 {
            if scope.match(.jointEach, endingAt: j + 1) != nil { return ([], true, false) }
            // ("Russia army in past one day loss 490": a period between.)
            if let period = scope.match(.rate, endingAt: j + 1), period.start < j {
                j = period.start - 1
                steps += 1
                continue
            }
            // ("the Russian side allegedly lost": a side called a side.)
            if scope[j].hash == SubjectReader.sideNoun, j > lower, scope.side(endingAt: j) != nil {
                j -= 1
                steps += 1
                continue
            }
            if let side = scope.side(endingAt: j + 1) {
                // "The Russian bombardment of Kharkiv in Ukraine has killed":
                // a place is not the verb's subject.
                // "with Ukraine losing five fighters" is a subject after all.
                let found = scope.match(.side, endingAt: j + 1) ?? scope.match(.enemy, endingAt: j + 1)
                if let preposition = placePreposition(scope, before: found?.start ?? j, countingWith: false) {
                    j = preposition - 1
                    steps += 1
                    continue
                }
                // "from attacks of the AFU perished 7 residents": who made
                // the attacks did not suffer the loss.
                if isAttackMaker(scope, at: found?.start ?? j) { break }
                return ([side], false, false)
            }
            // "The Russian army, which has been fighting for Avdiivka, has
            // lost": a relative clause stands between subject and verb.
            if scope[j].mark == .comma || scope[j].mark == .dash {
                var p = j - 1
                while p > lower, scope[p].mark != .comma, scope[p].mark != .dash { p -= 1 }
                if p > lower, p + 1 < j, scope[p + 1].keyword.isRelative {
                    j = p - 1
                    steps += 1
                    continue
                }
                if let opening = asideOpening(scope, endingAt: j) {
                    j = opening - 1
                    steps += 1
                    continue
                }
                break
            }
            let english = scope.english(j)
            if english.contains(.bodyPronoun) || english.contains(.groupPronoun) || scope[j].keyword == .that || scope[j].keyword == .this {
                var p = j - 1
                while p >= lower {
                    if let side = scope.side(endingAt: p + 1) { return ([side], false, false) }
                    p -= 1
                }
                return ([], false, true)
            }
            if scope.match(.population, endingAt: j + 1) != nil || scope[j].keyword == .possessive
                || english.contains(.article) || english.contains(.filler) {
                j -= 1
                steps += 1
                continue
            }
            // "the enemy's losses have exceeded": the loss noun is the
            // subject's head; its owner names the side.
            if let loss = scope.match(.metric, endingAt: j + 1), loss.start > lower, scope[loss.start - 1].keyword == .possessive {
                j = loss.start - 1
                steps += 1
                continue
            }
            // "That number includes": a noun for a figure, after a demonstrative.
            if SubjectReader.figureNouns.contains(scope[j].hash), j - 1 >= lower,
               scope[j - 1].keyword == .that || scope[j - 1].keyword == .this {
                return ([], false, true)
            }
            break
        }
        return ([], false, false)
    }

    /// The side a clause is about when it names one only as its subject or
    /// a possessive: "Russia has around 15,000 of its forces dead",
    /// "Ukraine, by contrast, has suffered between A and B". A side that
    /// is part of a name ("Ukraine's General Staff said"), a speaker
    /// ("Moscow reported"), an agent ("Russian shelling", "by Russian
    /// forces") or a place ("in Ukraine") is not whose losses are counted.
    func clauseSide(_ scope: SentenceScope, before end: Int) -> Int? {
        let lower = scope.range.lowerBound
        var j = end - 1
        while j >= lower {
            guard let found = scope.match(.side, endingAt: j + 1) else {
                j -= 1
                continue
            }
            defer { j = found.start - 1 }
            if isSubjectSide(scope, found) { return Int(found.role.value) }
        }
        return nil
    }

    private func isSubjectSide(_ scope: SentenceScope, _ found: PhraseMatch) -> Bool {
        let upper = scope.range.upperBound
        // A place or an object: "in Ukraine", "against Russia", "by Russian
        // forces", "in combat with Ukraine".
        if placePreposition(scope, before: found.start, countingWith: true) != nil { return false }
        // Part of a name: "Ukraine's General Staff", "the Russian Defence Ministry".
        func isName(_ match: PhraseMatch?) -> Bool {
            guard let match, match.end > found.end else { return false }
            return (found.end..<match.end).contains { scope[$0].has(.capitalized) }
        }
        if isName(scope.match(.speaker, at: found.start)) || isName(scope.match(.outlet, at: found.start)) { return false }
        var k = found.end
        if k < upper, scope[k].keyword == .possessive { k += 1 }
        if k < upper, scope[k].isWord, scope[k].has(.capitalized), scope.match(.population, at: k) == nil,
           scope.match(.metric, at: k) == nil, scope.match(.side, at: k) == nil {
            return false
        }
        // A speaker: "Moscow reported", "Kyiv has said".
        var v = found.end
        while v < upper, v < found.end + 3, scope.english(v).contains(.filler) { v += 1 }
        if scope.match(.attributionVerb, at: v) != nil || scope.match(.audienceVerb, at: v) != nil { return false }
        // An agent or an event: "Russian shelling", "Russia's full-scale invasion".
        var h = k
        while h < upper, h < k + 4 {
            if scope.match(.incident, at: h) != nil || scope.english(h).contains(.event) { return false }
            // ("Russia's war losses": the war's losses are Russia's own.)
            if SubjectReader.agentNouns.contains(scope[h].hash),
               scope[h].hash != SubjectReader.war || h + 1 >= upper || scope.match(.metric, at: h + 1) == nil {
                return false
            }
            if scope.match(.population, at: h) != nil || scope.match(.metric, at: h) != nil { break }
            guard scope[h].isWord, !scope.english(h).contains(.function) else { break }
            h += 1
        }
        return true
    }

    /// The side whose land a sentence says another side holds: "in
    /// Russian-occupied Horlivka", "the Moscow-installed mayor", "occupied
    /// by Russia", "in the Donetsk People's Republic". Civilians there are
    /// the losses of the side the land belongs to, whoever fired.
    private func occupiedLand(_ scope: SentenceScope) -> Int? {
        var k = scope.range.lowerBound
        while k < scope.range.upperBound {
            guard let found = scope.match(.side, at: k) else {
                // "occupied by Russian forces".
                if SubjectReader.occupied.contains(scope[k].hash), k + 1 < scope.range.upperBound,
                   scope[k + 1].hash == SubjectReader.by, let occupier = scope.match(.side, at: k + 1) {
                    return scope.opposite(Int(occupier.role.value))
                }
                k += 1
                continue
            }
            let occupier = Int(found.role.value)
            // "Russian-occupied", "Moscow-installed".
            if found.end + 1 < scope.range.upperBound, scope[found.end].mark == .hyphen,
               SubjectReader.occupied.contains(scope[found.end + 1].hash) {
                return scope.opposite(occupier)
            }
            // "the Donetsk People's Republic", "DPR": a state one side set
            // up on the other's land.
            if (found.start..<found.end).contains(where: { SubjectReader.proclaimedStates.contains(scope[$0].hash) }) {
                return scope.opposite(occupier)
            }
            k = found.end
        }
        return nil
    }

    static let occupied = WordSet(["occupied", "installed", "appointed", "controlled", "held", "occupation"].map(WordHash.of))
    static let proclaimedStates = WordSet(["republic", "republics", "dpr", "lpr", "dnr", "lnr"].map(WordHash.of))

    /// The side a sentence places its events in: "in Belgorod", "in
    /// Russia's Kursk region", "in the city of Kyiv".
    private func civilianPlace(_ scope: SentenceScope) -> Int? {
        var k = scope.range.lowerBound
        while k < scope.range.upperBound {
            if let found = scope.match(.side, at: k) {
                var p = found.start - 1
                // ("the leader of the occupied parts of Donetsk region".)
                while p > scope.range.lowerBound, SubjectReader.placeWords.contains(scope[p].hash) || scope[p].keyword == .the
                    || scope[p].keyword == .of || SubjectReader.compass.contains(scope[p].hash) || SubjectReader.parts.contains(scope[p].hash) {
                    p -= 1
                }
                // "in Russia's Kursk region" is a place; "in Russia's war" is not.
                let after = found.end
                let possessed = after < scope.range.upperBound && scope[after].keyword == .possessive
                let place = possessed
                    ? after + 1 < scope.range.upperBound
                        && (scope[after + 1].has(.capitalized) || SubjectReader.placeWords.contains(scope[after + 1].hash))
                    // "in the Russian siege": an adjective, not a place.
                    // ("in the Donetsk and Luhansk People's Republics".)
                    : after >= scope.range.upperBound || !scope[after].isWord || scope[after].has(.capitalized)
                        || SubjectReader.placeWords.contains(scope[after].hash)
                        || scope[after].keyword == .and && scope.match(.side, at: after + 1) != nil
                if place, p >= scope.range.lowerBound, SubjectReader.inside.contains(scope[p].hash) { return Int(found.role.value) }
                if governs(scope, after: found.end) { return Int(found.role.value) }
                // "the acting governor of the region of Kursk".
                if p >= scope.range.lowerBound, p < found.start - 1, SubjectReader.placeOfficials.contains(scope[p].hash) {
                    return Int(found.role.value)
                }
                k = found.end
                continue
            }
            k += 1
        }
        return nil
    }

    /// "the Kursk Region's acting governor", "Belgorod governor": the
    /// place's own official counts its civilians.
    private func governs(_ scope: SentenceScope, after end: Int) -> Bool {
        var k = end
        while k < scope.range.upperBound, k < end + 4 {
            let token = scope[k]
            if SubjectReader.placeOfficials.contains(token.hash) { return true }
            guard token.keyword == .possessive || SubjectReader.placeWords.contains(token.hash)
                || SubjectReader.officialModifiers.contains(token.hash) else { return false }
            k += 1
        }
        return false
    }

    static let placeOfficials = WordSet(["governor", "gov", "mayor", "leader", "head"].map(WordHash.of))
    static let parts = WordSet(["part", "parts"].map(WordHash.of))
    static let officialModifiers = WordSet(["acting", "regional", "city", "deputy"].map(WordHash.of))
    static let placeWords = WordSet(["city", "town", "village", "region", "oblast", "province", "border"].map(WordHash.of))
    static let inside = WordSet(["in", "inside", "across", "within", "into"].map(WordHash.of))

    static let prepositions = WordSet([
        "in", "into", "inside", "across", "against", "by", "from", "on", "onto", "at", "to", "toward", "towards",
        "with", "within", "throughout", "over", "of", "for", "near", "between", "via", "through",
    ].map(WordHash.of))

    static let with = WordHash.of("with")

    /// Where the preposition stands that makes the side named at `start` a
    /// place or an object ("in Ukraine", "in eastern Ukraine", "against
    /// Russia"), or nil when none does.
    private func placePreposition(_ scope: SentenceScope, before start: Int, countingWith: Bool) -> Int? {
        let lower = scope.range.lowerBound
        var p = start - 1
        if p > lower, SubjectReader.compass.contains(scope[p].hash) { p -= 1 }
        guard p >= lower, scope[p].isWord, SubjectReader.prepositions.contains(scope[p].hash),
              countingWith || scope[p].hash != SubjectReader.with
        else { return nil }
        return p
    }

    static let compass = WordSet([
        "eastern", "western", "southern", "northern", "central", "northeastern", "southeastern", "northwestern",
        "southwestern", "occupied", "liberated", "east", "west", "south", "north",
        // "in neighbouring Kursk region".
        "neighbouring", "neighboring", "nearby", "adjacent", "bordering",
    ].map(WordHash.of))

    static let war = WordHash.of("war")

    static let agentNouns = WordSet([
        "aggression", "war", "attack", "attacks", "bombardment", "bombardments", "shelling", "strike", "strikes",
        "missile", "missiles", "drone", "drones", "occupation", "advance", "advances", "counteroffensive",
        "operation", "operations", "fire", "artillery", "airstrikes", "bombing", "bombings", "onslaught",
        "campaign", "troops'", "gains", "capture", "army's", "military's",
    ].map(WordHash.of))

    /// "The figure for the Ukrainians is 70,000": a noun for a figure as
    /// the subject, whose side follows it and whose loss is the one the
    /// text is about (the previous sentence's, else the sentence's own).
    private func figureNounTopic(_ scope: SentenceScope, before end: Int, previousTopic: Topic?) -> Topic? {
        var j = end - 1
        var sides: [Int] = []
        // "bringing the total since the start of the full-scale invasion to
        // 931,300", "its total since February 24, 2022, to 774,450".
        while j >= max(scope.range.lowerBound, end - 14) {
            // "the total number of the vehicles lost … to 5,523".
            if (scope.isClausePunctuation(j) && !isDateComma(scope, j)) || scope.match(.countedThing, at: j) != nil { return nil }
            if let side = scope.side(endingAt: j + 1), side >= 0, !sides.contains(side) { sides.append(side) }
            // ("a community which numbers about 1,500 people": a verb.)
            if SubjectReader.figureNouns.contains(scope[j].hash), j == scope.range.lowerBound || !scope[j - 1].keyword.isRelative {
                let later = (end..<scope.range.upperBound).lazy.compactMap { scope.match(.metric, at: $0) }.first
                // "1,245 bodies had been returned, bringing the total to
                // 6,057": the loss the sentence counted before its total.
                let earlier = (scope.range.lowerBound..<j).reversed().lazy.compactMap { scope.match(.metric, at: $0) }.first
                // ("lost 1,330 soldiers killed or wounded …, bringing its
                // total to": both words, one loss.)
                let metric = earlier.map { topic(scope, $0).metric } ?? previousTopic?.metric
                    ?? later.map { scope.lexicon.metrics[Int($0.role.value)].metric } ?? .casualties
                // "a running count of Russian losses … it put the total at",
                // "Russia has not updated its death toll since 2022, when the
                // ministry put the number at": a definite figure noun naming
                // no side refers back, in its sentence or the one before.
                // ("a daily figure for Russian 'personnel losses' that makes
                // no distinction between killed and wounded, … the total":
                // the nearest loss whose side the sentence names.)
                if sides.isEmpty, j > scope.range.lowerBound, scope.english(j - 1).contains(.definite),
                   let topic = lastTopic(scope, before: j - 1, namingSide: true) ?? lastTopic(scope, before: j - 1) ?? previousTopic {
                    sides = topic.sides
                }
                return Topic(metric: metric, sides: sides, population: previousTopic?.population)
            }
            j -= 1
        }
        return nil
    }

    /// Whether "an estimate of", "a toll of" or "the figure at" stands
    /// right before a figure, or a figure noun is the subject of the verb
    /// linking it: "The last official number, given by the defence
    /// ministry, was 5,937", "the confidence interval runs from 139,000".
    private func figureNounBefore(_ scope: SentenceScope, _ start: Int) -> Bool {
        let lower = scope.range.lowerBound
        // ("put the figure anywhere between 40,000 and 55,000".)
        let start = start - 1 > lower && SubjectReader.vagueness.contains(scope[start - 1].hash) && scope[start].keyword == .between
            ? start - 1 : start
        let k = start - 1
        // ("put the figure between 40,000 and 55,000": a verb's object.)
        func verb(endingAt end: Int) -> Bool {
            scope.match(.figureVerb, endingAt: end) != nil || scope.match(.attributionVerb, endingAt: end) != nil
        }
        if k - 1 >= lower, SubjectReader.figureNouns.contains(scope[k].hash),
           verb(endingAt: k) || k - 2 >= lower && scope.english(k - 1).contains(.article) && verb(endingAt: k - 1) {
            return true
        }
        guard k - 1 >= lower else { return false }
        if scope[k].keyword == .of || scope[k].keyword == .at { return SubjectReader.figureNouns.contains(scope[k - 1].hash) }
        // ("hosts the largest number, about 1.2 million", "…, with over
        // 1.56 million", "the largest number (1.25 million)": the figure in
        // apposition to the noun.)
        if let beside = appositionNoun(scope, before: k), beside.phraseStart < beside.noun { return true }
        guard let link = scope.match(.linking, endingAt: start), link.start - 1 > lower else { return false }
        var j = link.start - 1
        // (Past an aside on the figure: ", given by the defence ministry in
        // the war's first autumn,".)
        if scope[j].mark == .comma {
            var p = j - 1
            while p > lower, j - p < 16, scope[p].mark != .comma, scope[p].kind != .number { p -= 1 }
            guard p > lower, scope[p].mark == .comma else { return false }
            j = p - 1
        }
        return SubjectReader.figureNouns.contains(scope[j].hash) || SubjectReader.spanNouns.contains(scope[j].hash)
    }

    /// The figure noun that the figure after token `k` is set beside, past
    /// a comma, an opening bracket or ", with" ("the largest number, about
    /// 1.2 million", "the largest number (1.25 million)", "…, with over
    /// 1.56 million"), and where the noun's phrase starts, past a
    /// superlative and an article before it.
    private func appositionNoun(_ scope: SentenceScope, before k: Int) -> (noun: Int, phraseStart: Int)? {
        let lower = scope.range.lowerBound
        let comma = scope[k].hash == SubjectReader.with && k - 1 > lower ? k - 1 : k
        guard scope[comma].mark == .comma || scope[comma].mark == .openParen, comma - 1 > lower,
              SubjectReader.figureNouns.contains(scope[comma - 1].hash)
        else { return nil }
        var start = comma - 1
        if start - 1 >= lower, scope[start - 1].isWord, SubjectReader.superlatives.contains(scope[start - 1].hash) { start -= 1 }
        if start - 1 >= lower, scope.english(start - 1).contains(.article) { start -= 1 }
        return (comma - 1, start)
    }

    static let spanNouns = WordSet(["interval", "range"].map(WordHash.of))
    static let vagueness = WordSet(["anywhere", "somewhere"].map(WordHash.of))

    /// Whether the comma at `k` is one of a date's ("February 24, 2022,").
    private func isDateComma(_ scope: SentenceScope, _ k: Int) -> Bool {
        guard scope[k].mark == .comma else { return false }
        func year(_ i: Int) -> Bool {
            i >= scope.range.lowerBound && i < scope.range.upperBound && scope[i].kind == .number && scope[i].digits == 4
                && !scope[i].has(.grouped)
        }
        return year(k + 1) || year(k - 1)
    }

    /// "90,019 servicemen (5,100 of them officers)": "of them" after a
    /// figure makes it a part of the one before.
    /// "34 people had been killed, among them two children".
    private func partOfThem(_ scope: SentenceScope, before start: Int) -> Bool {
        start - 2 > scope.range.lowerBound && SubjectReader.themWords.contains(scope[start - 1].hash)
            && (SubjectReader.amongWords.contains(scope[start - 2].hash) || scope[start - 2].keyword == .of)
            && scope[start - 3].mark == .comma
    }

    private func partOfThem(_ scope: SentenceScope, after end: Int) -> Bool {
        end + 1 < scope.range.upperBound && scope[end].keyword == .of && SubjectReader.themWords.contains(scope[end + 1].hash)
    }

    /// Whether a loss word follows a figure, after at most an auxiliary
    /// and an adverb: "and 10,000 injured", "and 2,000 were seriously wounded".
    private func elidedVerb(_ scope: SentenceScope, after end: Int) -> Bool {
        var k = end
        while k < scope.range.upperBound, k < end + 3 {
            if scope.match(.metric, at: k) != nil { return true }
            // ("and 121 others wounded", "and 40 civilians injured": the
            // people the loss befell may stand between.)
            guard scope[k].isWord,
                  scope.english(k).contains(.filler) || scope[k].entry < 0 || SubjectReader.othersWords.contains(scope[k].hash)
                    || scope.match(.population, at: k) != nil
            else { return false }
            k += 1
        }
        return false
    }

    private static let ageHash = WordHash.of("age")
    static let custody = WordSet(["captivity", "custody"].map(WordHash.of))
    private static let what = WordHash.of("what")
    private static let naming = WordSet(["calls", "call", "called", "terms", "termed", "describes", "described"].map(WordHash.of))
    private static let othersWords = WordSet(["others", "other", "more"].map(WordHash.of))

    /// Whether the sentence opens with "Among them", "Of them" or "Of
    /// these" before the figure.
    private func partOfPrevious(_ scope: SentenceScope, before end: Int) -> Bool {
        let lower = scope.range.lowerBound
        guard end - lower >= 2, end - lower <= 4 else { return false }
        let first = scope[lower], second = scope[lower + 1]
        return (first.keyword == .of || SubjectReader.amongWords.contains(first.hash))
            && (SubjectReader.themWords.contains(second.hash))
    }

    /// Whether a sentence may name a part of people named before: "290 of
    /// them", "Of the confirmed dead, …".
    func mayNamePart(_ scope: SentenceScope) -> Bool {
        SubjectReader.partitiveOpeners.contains(scope[scope.range.lowerBound].hash)
            || scope.range.contains { SubjectReader.themWords.contains(scope[$0].hash) }
    }

    /// Whether the sentence opens with a partitive phrase that a comma
    /// closes before the figure: "Of the confirmed dead, 20,117 …".
    private func openingPartitive(_ scope: SentenceScope, before start: Int) -> Bool {
        let lower = scope.range.lowerBound
        guard SubjectReader.partitiveOpeners.contains(scope[lower].hash) else { return false }
        return (lower + 1..<start).contains { scope[$0].mark == .comma }
    }

    static let eachHash = WordHash.of("each")

    /// Whether the words before `end` name both sides ("Ukraine and Russia").
    private func namesBothSides(_ scope: SentenceScope, before end: Int) -> Bool {
        var seen = Set<Int>()
        for k in scope.range.lowerBound..<end {
            if let found = scope.match(.side, at: k) { seen.insert(Int(found.role.value)) }
            // "The two sides exchanged 1,000 prisoners each".
            if scope.match(.jointEach, at: k) != nil { return true }
        }
        return seen.count >= 2
    }

    /// "while", "but", "followed by Poland with": a figure set beside the one before.
    static let contrast = WordSet(["while", "whereas", "but", "followed"].map(WordHash.of))
    /// "up from", "down from", "compared with": a figure set against another.
    static let comparing = WordSet(["up", "down", "compared", "rising", "falling", "increasing"].map(WordHash.of))
    /// "adding 1,040", "plus 950": a figure added to the one before.
    static let alongWith = WordSet(["along", "together", "plus"].map(WordHash.of))
    static let adding = WordSet(["adding", "added", "adds", "plus"].map(WordHash.of))
    static let partitiveOpeners = WordSet(["of", "among", "amongst"].map(WordHash.of))
    static let amongWords = WordSet(["among", "amongst"].map(WordHash.of))
    static let themWords = WordSet(["them", "these", "those", "whom", "which"].map(WordHash.of))

    /// "will likely hit 1 million", "could reach 40,000", "is expected to
    /// pass": a figure the losses are to reach is a forecast, not a count.
    private func isForecast(_ scope: SentenceScope, before start: Int) -> Bool {
        let lower = scope.range.lowerBound
        // "Asked whether Poland was now home to three million Ukrainian
        // refugees, …": a question's figure is asked, not stated.
        if let asked = (lower..<start).last(where: { scope[$0].hash == SubjectReader.whetherHash }),
           !(asked..<start).contains(where: { scope.isClausePunctuation($0) }) {
            return true
        }
        // "If the war drags on, historians may conclude that the two armies
        // lost half a million": a condition's consequence is no claim.
        if scope[scope.skipQuotes(from: lower)].hash == SubjectReader.ifHash,
           let comma = (lower..<start).first(where: { scope[$0].mark == .comma }),
           ((comma + 1)..<start).contains(where: { SubjectReader.modals.contains(scope[$0].hash) }) {
            return true
        }
        // "If Ukraine had lost 560,000 men, there would be no front line": a
        // figure in a condition the main clause says is not so.
        if scope[scope.skipQuotes(from: lower)].hash == SubjectReader.ifHash,
           let comma = (lower..<scope.range.upperBound).first(where: { scope[$0].mark == .comma }), start < comma,
           (lower..<start).contains(where: { scope[$0].hash == SubjectReader.hadHash }),
           ((comma + 1)..<scope.range.upperBound).contains(where: { SubjectReader.modals.contains(scope[$0].hash) }) {
            return true
        }
        // "expect Russian casualties to exceed 1 million", "will top": a
        // verb the hedge begins with is the verb of reaching. "Those losses
        // may exceed 20,000" hedges a count; "could exceed 250,000 by the
        // end of the year" does not.
        if SubjectReader.reachVerbs.contains(scope[start].hash), start - 1 >= lower {
            var m = start - 1
            while m > lower, SubjectReader.hedgeAdverbs.contains(scope[m].hash) { m -= 1 }
            if SubjectReader.futureModals.contains(scope[m].hash) { return true }
            if SubjectReader.modals.contains(scope[m].hash), deadline(scope) || expected(scope, before: m) { return true }
            if scope[m].keyword == .to, expected(scope, before: m) { return true }
        }
        var j = start - 1
        // "their dead could be 350,000 by the end of 2025": a modal's "be"
        // with a deadline in the clause.
        if j - 1 >= lower, scope[j].hash == SubjectReader.beHash, SubjectReader.modals.contains(scope[j - 1].hash),
           deadline(scope) {
            return true
        }
        // "the 1 million mark".
        if j >= lower, scope[j].keyword == .the { j -= 1 }
        var steps = 0
        while j >= lower, steps < 3 {
            // "could lose another 50,000 men": a loss still to come; but
            // "continued to lose 1,000 a day" is one already suffered.
            let losing = SubjectReader.lossVerbs.contains(scope[j].hash)
            if SubjectReader.reachVerbs.contains(scope[j].hash) || losing {
                let markers = losing ? SubjectReader.modals : SubjectReader.futureMarkers
                var m = j - 1
                while m >= lower, scope.english(m).contains(.filler) || SubjectReader.hedgeAdverbs.contains(scope[m].hash),
                      !markers.contains(scope[m].hash) {
                    m -= 1
                }
                // ("Ukraine managed to return 6,000 bodies": done, not to come.)
                return m >= lower && markers.contains(scope[m].hash)
                    && !(scope[m].keyword == .to && m - 1 >= lower && SubjectReader.accomplished.contains(scope[m - 1].hash))
            }
            steps += 1
            j -= 1
        }
        return false
    }

    /// "314 prisoners would be released", "agreed to swap 1,200 more
    /// prisoners", "an agreement to exchange the bodies of 6,000": people a
    /// swap is still to hand over are no count of the captured or dead.
    private func promisedHandover(_ scope: SentenceScope, from clauseStart: Int, before start: Int, after end: Int) -> Bool {
        // A modal's or a "to"'s "be" with a handover after the figure.
        var k = end
        // (Not in a relative clause: "the 84 prisoners who were to be
        // exchanged were killed".)
        while k < min(scope.range.upperBound, end + 4), !scope.isClausePunctuation(k), !scope[k].keyword.isRelative {
            if scope[k].hash == SubjectReader.beHash, k - 1 >= end, k + 1 < scope.range.upperBound,
               SubjectReader.handovers.contains(scope[k + 1].hash),
               SubjectReader.futureModals.contains(scope[k - 1].hash) || scope[k - 1].keyword == .to && isFinite(scope, k - 2) {
                return true
            }
            k += 1
        }
        // An intention's "to" or a future modal before a handover verb
        // before the figure.
        var j = start - 1
        while j > max(clauseStart, start - 6) {
            if SubjectReader.handovers.contains(scope[j].hash) {
                let marker = scope[j - 1]
                if SubjectReader.futureModals.contains(marker.hash) { return true }
                if marker.keyword == .to, j - 2 >= scope.range.lowerBound, SubjectReader.intentions.contains(scope[j - 2].hash) {
                    return true
                }
            }
            j -= 1
        }
        return false
    }

    /// "are to be released", "are expected to be released": a "to be"
    /// that is the clause's verb; not "captives scheduled to be released
    /// had been returned".
    private func isFinite(_ scope: SentenceScope, _ k: Int) -> Bool {
        guard k >= scope.range.lowerBound else { return false }
        if SubjectReader.beForms.contains(scope[k].hash) { return true }
        return SubjectReader.intentions.contains(scope[k].hash) && k - 1 >= scope.range.lowerBound
            && SubjectReader.beForms.contains(scope[k - 1].hash)
    }

    static let beForms = WordSet(["is", "are", "was", "were"].map(WordHash.of))
    static let accomplished = WordSet(["managed", "able", "succeeded", "helped", "began", "started", "continued"].map(WordHash.of))
    static let intentions = WordSet([
        "agreed", "agree", "agrees", "agreement", "deal", "plan", "plans", "planned", "set", "due", "expected",
        "promised", "pledged", "intend", "intends", "ready", "offered", "proposed",
    ].map(WordHash.of))

    /// Whether a word of expecting stands a few words before the "to" at
    /// `to`: "expect Russian casualties to", "are set to", "likely to".
    /// ("expects the number of Ukrainian refugees in Germany to exceed": the
    /// verb's object between, within its clause.)
    private func expected(_ scope: SentenceScope, before to: Int) -> Bool {
        var k = to - 1
        while k >= scope.range.lowerBound, k >= to - 10, !scope.isClausePunctuation(k) {
            if SubjectReader.expectations.contains(scope[k].hash) { return true }
            k -= 1
        }
        return false
    }

    /// Whether the sentence sets a deadline: "by the end of the year", "by
    /// 2026", "by the summer", "by next year".
    private func deadline(_ scope: SentenceScope) -> Bool {
        scope.range.contains { k in
            guard scope[k].hash == SubjectReader.byHash || scope[k].hash == SubjectReader.beforeHash, k + 1 < scope.range.upperBound
            else { return false }
            let next = scope[k + 1].keyword == .the && k + 2 < scope.range.upperBound ? k + 2 : k + 1
            return SubjectReader.deadlineWords.contains(scope[next].hash)
                || (scope[next].kind == .number && scope[next].value >= 2000 && scope[next].value < 2100)
        }
    }

    /// Whether the figure's clause says its people were eliminated or gave
    /// themselves up, as a side says of its enemy: "1,302 'Polish
    /// mercenaries' had been 'eliminated'", "1,730 militants had
    /// surrendered".
    private func eliminated(_ scope: SentenceScope, after end: Int) -> Bool {
        var k = end
        var limit = end + 10
        while k < scope.range.upperBound, k < limit {
            // ("1,730 militants, including 80 wounded, had surrendered": past the aside.)
            if scope[k].mark == .comma, k + 1 < scope.range.upperBound, scope[k + 1].keyword == .including,
               let close = (k + 2..<min(scope.range.upperBound, k + 8)).first(where: { scope[$0].mark == .comma }) {
                limit += close + 1 - k
                k = close + 1
                continue
            }
            if scope.isClausePunctuation(k) { return false }
            if SubjectReader.eliminations.contains(scope[k].hash) { return true }
            k += 1
        }
        return false
    }

    static let eliminations = WordSet([
        "eliminated", "liquidated", "neutralized", "neutralised", "destroyed", "surrendered",
    ].map(WordHash.of))
    static let timeUnits = WordSet(["decades", "decade", "years", "year", "months", "month", "weeks", "week", "days", "hours"].map(WordHash.of))
    static let relatives = WordSet(["who", "that", "which"].map(WordHash.of))
    static let ifHash = WordHash.of("if")
    static let hadHash = WordHash.of("had")
    static let beHash = WordHash.of("be")
    static let byHash = WordHash.of("by")
    static let expectations = WordSet([
        "expect", "expects", "expected", "expecting", "forecast", "forecasts", "projected", "predicted", "predict",
        "predicts", "eventual", "likely", "set", "poised", "due", "bound", "anticipate", "anticipates", "anticipated",
    ].map(WordHash.of))
    static let deadlineWords = WordSet([
        "end", "summer", "winter", "spring", "autumn", "fall", "next", "then", "year's", "spring's",
    ].map(WordHash.of))

    /// The side whose ranks the sentence says its people served in:
    /// "killed fighting for Russia", "serving with the Russian army",
    /// "recruited into Russian army".
    func servingSide(_ scope: SentenceScope) -> Int? {
        for k in scope.range where SubjectReader.servingVerbs.contains(scope[k].hash) {
            var j = k + 1
            while j < min(scope.range.upperBound, k + 7) {
                // ("the troops it sent to help Russia fight Ukraine": whom
                // one fights is the enemy, not the ranks.)
                if let found = scope.side(at: j), found.side != SentenceScope.enemy {
                    if j == k + 1, SubjectReader.fightingVerbs.contains(scope[k].hash) { break }
                    return found.side
                }
                guard scope[j].isWord, SubjectReader.ranksWords.contains(scope[j].hash) else { break }
                j += 1
            }
        }
        return nil
    }

    /// The side named as the subject of a clause whose verb is left
    /// unsaid, between one figure's end and the next's start: ", and Russia
    /// close to", "while Ukraine".
    private func gappedSubject(_ scope: SentenceScope, from start: Int, to end: Int) -> Int? {
        var k = start
        while k < end {
            if let found = scope.match(.side, at: k) {
                let opener = found.start - 1
                // ("and Russian forces 1,200": a side's people may head it.)
                let head = found.end < end ? scope.match(.population, at: found.end) : nil
                guard opener >= start, scope[opener].keyword == .and || SubjectReader.contrast.contains(scope[opener].hash),
                      found.end == end || head?.end == end
                else { return nil }
                return Int(found.role.value)
            }
            k += 1
        }
        return nil
    }

    /// Whether the words between two figures are a comma and a name, as
    /// a list of places gives them: "received 116,300 refugees, Moldova
    /// 80,000, Slovakia 67,000".
    private func namesListItem(_ scope: SentenceScope, _ between: Range<Int>) -> Bool {
        guard between.count >= 2, between.count <= 4, scope[between.lowerBound].mark == .comma else { return false }
        return between.dropFirst().allSatisfy { scope[$0].isWord && scope[$0].has(.capitalized) && scope.match(.side, at: $0) == nil }
    }

    /// Whether the words right after a figure name a nation's people the
    /// lexicon does not know as a side: "33 Nepalis", "12 Indian nationals".
    private func namesNationals(_ scope: SentenceScope, after end: Int) -> Bool {
        var k = end
        while k < scope.range.upperBound, k < end + 3, scope[k].isWord {
            if scope.match(.side, at: k) != nil { return false }
            if scope[k].has(.capitalized), scope.english(k).isEmpty, scope.match(.population, at: k) == nil,
               SubjectReader.demonymEndings.contains(where: { scope.text(k, k + 1).lowercased().hasSuffix($0) }) {
                return true
            }
            k += 1
        }
        return false
    }

    /// How the names of a nation's people end: "Kenyans", "Nepalis",
    /// "Indian", "Sri Lankans", "Congolese".
    static let demonymEndings = ["an", "ans", "i", "is", "ese", "ish"]

    static let by = WordHash.of("by")
    static let locatives = WordSet(["in", "at", "near", "inside", "across", "around", "outside", "on", "into", "over"].map(WordHash.of))
    static let same = WordHash.of("same")
    static let periodNouns = WordSet(["period", "day", "timeframe", "time"].map(WordHash.of))

    /// The words between a verb of serving and the side served: "for", "with
    /// the", "into", "on the side of" (never "against").
    static let ranksWords = WordSet(["for", "with", "in", "into", "alongside", "on", "the", "side", "of", "a", "by", "ranks"].map(WordHash.of))

    static let fightingVerbs = WordSet(["fight", "fights", "fighting", "fought"].map(WordHash.of))
    static let servingVerbs = WordSet([
        "fight", "fights", "fighting", "serving", "recruited", "enlisted", "fought", "served", "conscripted",
        "joined", "joining", "join", "joins",
    ].map(WordHash.of))

    /// Words that open a clause's subject: "as the dying goes on", "as they
    /// advanced".
    static let clauseSubjects: English.WordClass = [
        .definite, .personPronoun, .bodyPronoun, .groupPronoun, .firstPersonPronoun,
    ]

    /// ("doesn't" is "doesn" and the clitic "'t".)
    static let negations = WordSet(["not", "never", "n't", "'t", "nor"].map(WordHash.of))

    /// Whether a negated verb takes the figure at `start` as its object:
    /// "did not reach 71,500", "never stopped at 17,500". (A hedge such as
    /// "has not dipped below" is read before, and starts the figure.)
    private func negatedVerb(_ scope: SentenceScope, before start: Int) -> Bool {
        var k = start - 1
        if k > scope.range.lowerBound, scope[k].keyword == .at || scope[k].keyword == .to { k -= 1 }
        guard k - 1 >= scope.range.lowerBound, scope[k].isWord, !scope.english(k).contains(.function) else { return false }
        return SubjectReader.negations.contains(scope[k - 1].hash)
    }

    static let reachVerbs = WordSet([
        "reach", "hit", "pass", "top", "exceed", "surpass", "cross", "approach", "double", "triple", "rise", "climb",
        // "have agreed to exchange up to 6,000 bodies": a deal, not a count.
        "exchange", "swap", "return", "release", "repatriate", "hand", "transfer",
    ].map(WordHash.of))
    static let lossVerbs = WordSet(["lose", "suffer", "sustain"].map(WordHash.of))
    static let modals = WordSet(["will", "'ll", "would", "could", "may", "might", "shall"].map(WordHash.of))
    static let futureModals = WordSet(["will", "'ll", "would", "shall"].map(WordHash.of))
    static let futureMarkers = WordSet(["will", "'ll", "would", "could", "may", "might", "to", "shall"].map(WordHash.of))
    static let hedgeAdverbs = WordSet(["likely", "soon", "probably", "possibly", "eventually", "easily", "quickly"].map(WordHash.of))

    /// A rate said earlier in the figure's clause: "that over the previous
    /// day Russia had lost 860 troops", "a daily average of 931". A word
    /// like "daily" that names a report ("the daily update") is no rate.
    /// ("Ukraine's General Staff, which publishes a daily tally, gave a
    /// figure of 1,121,370": a relative clause set off by commas tells of
    /// a noun, not of the figure's period.)
    private func clauseRate(_ scope: SentenceScope, from start: Int, before end: Int) -> Rate? {
        var k = start
        while k < end {
            if scope[k].mark == .comma, k + 1 < end, scope[k + 1].keyword.isRelative,
               let close = ((k + 2)..<end).first(where: { scope[$0].mark == .comma }) {
                k = close + 1
                continue
            }
            if let found = scope.match(.rate, at: k) {
                // ("the average daily figure was around 1,280": an average's.)
                let averaged = k > scope.range.lowerBound && scope[k - 1].hash == SubjectReader.averageHash
                if !averaged, found.end < scope.range.upperBound, scope.match(.sourceNoun, at: found.end) != nil {
                    k = found.end
                    continue
                }
                return scope.lexicon.rates[Int(found.role.value)]
            }
            k += 1
        }
        return nil
    }

    /// Whether a figure is named a running total: "a total of 497,770",
    /// "its running total to 1,146,500", "more than 13,000 since the start".
    private func namesTotal(_ scope: SentenceScope, before start: Int, after end: Int) -> Bool {
        if end < scope.range.upperBound, scope[end].keyword == .since { return true }
        var k = start - 1
        while k >= scope.range.lowerBound, k >= start - 4, scope[k].isWord {
            if SubjectReader.totalWords.contains(scope[k].hash) { return true }
            k -= 1
        }
        return false
    }

    static let totalWords = WordSet(["total", "totals", "cumulative", "overall", "tally"].map(WordHash.of))

    /// Whether ", an average of" (or ", a daily average of") stands right
    /// before a figure.
    private func averageBeside(_ scope: SentenceScope, before start: Int) -> Bool {
        var k = start - 1
        var average = false
        while k >= scope.range.lowerBound, k >= start - 5 {
            let token = scope[k]
            if token.mark == .comma { return average }
            guard SubjectReader.averageWords.contains(token.hash) || token.keyword == .of else { return false }
            if token.hash == SubjectReader.averageHash { average = true }
            k -= 1
        }
        return false
    }

    static let strengthNouns = WordSet([
        "force", "forces", "contingent", "strength", "garrison", "grouping", "army", "group", "brigade", "division",
    ].map(WordHash.of))

    /// The side named as making an attack in the sentence, up to the end of
    /// the clause of the figure ending at `end`: "Russian strikes",
    /// "Ukrainian drone attacks".
    private func attacker(_ scope: SentenceScope, through end: Int) -> Int? {
        var k = scope.range.lowerBound
        while k < scope.range.upperBound {
            if k >= end, scope.isClausePunctuation(k) { return nil }
            // "as a result of attacks of the AFU", "shelling by Ukrainian forces".
            if let incident = scope.match(.incident, at: k) {
                var h = incident.end
                if h < scope.range.upperBound, scope[h].keyword == .of || scope[h].hash == SubjectReader.by { h += 1 }
                if h < scope.range.upperBound, scope[h].keyword == .the { h += 1 }
                if h > incident.end || scope[incident.end - 1].keyword == .of, let found = scope.match(.side, at: h) {
                    return Int(found.role.value)
                }
                k = incident.end
                continue
            }
            if let found = scope.match(.side, at: k) {
                // "in Kyiv alone the strikes": a place, not who struck; but
                // "killed in Ukrainian shelling" names the attacker.
                if found.start > scope.range.lowerBound, SubjectReader.locatives.contains(scope[found.start - 1].hash),
                   scope.match(.incident, at: found.end) == nil {
                    k = found.end
                    continue
                }
                // "Russian strikes"; "Ukraine's cross-border incursion" (an
                // event of a side's own, not "the Kursk incursion").
                let possessive = found.end < scope.range.upperBound && scope[found.end].keyword == .possessive
                var h = possessive ? found.end + 1 : found.end
                // Not past a verb of saying or another side: "Ukrainian
                // officials said Russian shelling …".
                while h < scope.range.upperBound, h < found.end + 5, scope[h].isWord,
                      scope.match(.attributionVerb, at: h) == nil, scope.match(.side, at: h) == nil {
                    if scope.match(.incident, at: h) != nil || (possessive && scope.english(h).contains(.event)) {
                        return Int(found.role.value)
                    }
                    h += 1
                }
                k = found.end
                continue
            }
            k += 1
        }
        return nil
    }

    /// Whether the side named at `start` is the maker of an attack named
    /// just before it: "attacks of the AFU", "shelling by Russian forces".
    private func isAttackMaker(_ scope: SentenceScope, at start: Int) -> Bool {
        var k = start - 1
        if k >= scope.range.lowerBound, scope[k].keyword == .the { k -= 1 }
        guard k > scope.range.lowerBound, scope[k].keyword == .of || scope[k].hash == SubjectReader.by else { return false }
        return scope.match(.incident, endingAt: k) != nil
    }

    /// Whether the clause of a figure, from `start` to the first clause
    /// punctuation after `end`, names an attack ("killed by shelling").
    private func attackInClause(_ scope: SentenceScope, from start: Int, after end: Int) -> Bool {
        var k = start
        while k < scope.range.upperBound {
            if k >= end, scope.isClausePunctuation(k) { return false }
            if scope.match(.incident, at: k) != nil { return true }
            k += 1
        }
        return false
    }

    static let meetingVerbs = WordSet(["interviewed", "surveyed", "questioned", "visited", "polled"].map(WordHash.of))
    static let aloneHash = WordHash.of("alone")
    static let amongHash = WordHash.of("among")
    static let isHash = WordHash.of("is")
    static let beforeHash = WordHash.of("before")
    static let whetherHash = WordHash.of("whether")
    static let lossesHash = WordHash.of("losses")
    /// Words that open a clause hanging on the one before its comma.
    static let hangingClauseHeads = WordSet(["when"].map(WordHash.of))
    static let increments = WordSet(["another", "additional", "further", "extra"].map(WordHash.of))

    /// "the remains of 1,000 people that Moscow says are Ukrainian
    /// soldiers", "1,000 people who, according to the Russian side, are
    /// Ukrainian servicemen": people a relative clause says are soldiers of
    /// a side are those soldiers.
    private func identify(_ phrase: inout NounPhrase, _ scope: SentenceScope) {
        guard phrase.weakPopulation, phrase.sides.isEmpty else { return }
        var k = phrase.end
        if k < scope.range.upperBound, scope[k].mark == .comma { k += 1 }
        guard k < scope.range.upperBound, scope[k].keyword == .that || scope[k].keyword == .who else { return }
        let limit = min(scope.range.upperBound, k + 12)
        k += 1
        while k < limit, !scope.english(k).contains(.copula) {
            if scope[k].mark == .period || scope[k].mark == .semicolon { return }
            k += 1
        }
        guard k + 1 < limit, let side = scope.side(at: k + 1), side.side != SentenceScope.enemy,
              let found = scope.match(.population, at: side.end), scope.lexicon.populations[Int(found.role.value)] == .military
        else { return }
        phrase.population = .military
        phrase.weakPopulation = false
        phrase.sides.append(side.side)
    }

    /// The bracket left open before `end` in the sentence: "219 (114 men,
    /// 77 women" before "77".
    private func openBracket(_ scope: SentenceScope, before end: Int) -> Int? {
        var k = end - 1
        while k >= scope.range.lowerBound {
            if scope[k].mark == .closeParen { return nil }
            if scope[k].mark == .openParen { return k }
            k -= 1
        }
        return nil
    }

    /// Whether the figure's clause sets it in a year of the last century:
    /// "Argentina lost 649 servicemen in the 1982 Falklands War", "more
    /// than 2,400 Americans were killed in 1941": another war's.
    private func pastCentury(_ scope: SentenceScope, from start: Int, after end: Int) -> Bool {
        var k = start
        while k < scope.range.upperBound {
            if k >= end, scope.isClausePunctuation(k) { return false }
            let token = scope[k]
            if token.kind == .number, token.digits == 4, !token.has(.grouped), (1900..<2000).contains(token.value), k > start,
               scope[k - 1].keyword == .in || scope[k - 1].keyword == .the {
                return true
            }
            k += 1
        }
        return false
    }

    static let vagueFigures = WordSet(["many", "more", "scores", "dozens", "hundreds", "thousands", "several", "others"].map(WordHash.of))
    static let attackHash = WordHash.of("attack")
    static let eitherHash = WordHash.of("either")
    static let averageHash = WordHash.of("average")
    static let averageWords = WordSet(["an", "a", "average", "daily", "weekly", "monthly"].map(WordHash.of))

    /// Whether `date` is the one day a tally counts: a single day, not a
    /// bound of a period ("since Monday", "as of March 19") nor a span ("on
    /// Dec. 20-21"), in a sentence with no handover of bodies or prisoners
    /// before `end` ("received the bodies of 250 soldiers on Friday").
    /// Whether "none of (the)" stands right before a figure: "None of the
    /// 40 passengers was hurt" counts no one.
    private func noneOf(_ scope: SentenceScope, before start: Int) -> Bool {
        var k = start - 1
        if k >= scope.range.lowerBound, scope[k].keyword == .the { k -= 1 }
        return k - 1 >= scope.range.lowerBound && scope[k].keyword == .of && scope[k - 1].hash == SubjectReader.none
    }

    static let none = WordHash.of("none")
    static let which = WordHash.of("which")

    /// Whether a verb of inflicting ("inflicted", "inflicts") comes before
    /// `end` in the sentence.
    private func inflicts(_ scope: SentenceScope, before end: Int) -> Bool {
        (scope.range.lowerBound..<end).contains { SubjectReader.inflicting.contains(scope[$0].hash) }
    }

    static let inflicting = WordSet(["inflicted", "inflicts", "inflict", "inflicting"].map(WordHash.of))

    /// Whether the clause before a figure names one attack as what caused
    /// it ("a Russian guided bomb", "Saturday's attack", "the strike of 9
    /// May") and no attacks in the plural ("drone and missile strikes").
    static func singleAttack(_ scope: SentenceScope, from start: Int, before end: Int) -> Bool {
        var single = false
        let singleAttacks = SubjectReader.singleAttacks, manyAttacks = SubjectReader.manyAttacks
        for k in start..<end where scope[k].isWord {
            if singleAttacks.contains(scope[k].hash) { single = true }
            if manyAttacks.contains(scope[k].hash) { return false }
        }
        return single
    }

    /// Whether a day's possessive names one attack: "Saturday's attack".
    private func namesOneAttack(_ scope: SentenceScope, after date: DateExpression) -> Bool {
        date.end + 1 < scope.range.upperBound && scope[date.end].keyword == .possessive
            && SubjectReader.singleAttacks.contains(scope[date.end + 1].hash)
    }

    static let singleAttacks = WordSet([
        "strike", "airstrike", "attack", "blast", "explosion", "raid", "missile", "bomb", "drone", "shell", "rocket",
    ].map(WordHash.of))
    static let manyAttacks = WordSet([
        "strikes", "airstrikes", "attacks", "blasts", "explosions", "raids", "missiles", "bombs", "drones", "shells",
        "rockets", "shelling", "shellings", "bombardment", "barrage", "barrages",
    ].map(WordHash.of))

    /// Whether `date` names one day a tally may count: not a bound of a
    /// period, nor a span of days. (Whether a handover's day is meant
    /// instead is for the caller's clause to say.)
    private func isTallyDay(_ scope: SentenceScope, _ date: DateExpression) -> Bool {
        guard date.isSingleDay, !boundsPeriod(scope, date) else { return false }
        let last = min(date.end, scope.range.upperBound - 1)
        return !(date.start...last).contains(where: { scope[$0].mark == .hyphen || scope[$0].mark == .dash })
    }

    /// Whether a date bounds a period ("since Monday", "as of March 19")
    /// rather than naming the day of a tally.
    private func boundsPeriod(_ scope: SentenceScope, _ date: DateExpression) -> Bool {
        let before = date.start - 1
        guard before >= scope.range.lowerBound else { return false }
        if scope[before].keyword == .of {
            return before - 1 >= scope.range.lowerBound && scope[before - 1].keyword == .as
        }
        if SubjectReader.periodBounds.contains(scope[before].hash) { return true }
        // "since the start of hostilities on Aug. 6", "between the start of
        // the invasion and midnight on 15 March".
        var k = before
        while k >= scope.range.lowerBound, k > before - 10, !scope.isClausePunctuation(k) {
            if SubjectReader.periodOpeners.contains(scope[k].hash) { return true }
            k -= 1
        }
        return false
    }

    static let periodOpeners = WordSet(["since", "from", "until", "till", "between"].map(WordHash.of))

    /// The side of an opening "For Ukraine," or "As for Russia,".
    /// Whose losses of whom a sentence opens with, set apart by a comma:
    /// "For Ukraine,", "And for civilians,", "As for Russian soldiers,",
    /// "Among civilians,".
    private func openingTopic(_ scope: SentenceScope) -> (side: Int?, population: Population?)? {
        var k = scope.skipQuotes(from: scope.range.lowerBound)
        let upper = scope.range.upperBound
        if k < upper, scope[k].keyword == .and { k += 1 }
        if k < upper, scope[k].keyword == .as { k += 1 }
        guard k + 2 < upper, scope[k].keyword == .for || scope[k].hash == SubjectReader.amongHash else { return nil }
        k += 1
        var side: Int?
        if let found = scope.match(.side, at: k) {
            side = Int(found.role.value)
            k = found.end
        }
        var population: Population?
        if k < upper, let found = scope.match(.population, at: k) {
            population = scope.lexicon.populations[Int(found.role.value)]
            k = found.end
        }
        guard side != nil || population != nil, k < upper, scope[k].mark == .comma else { return nil }
        return (side, population)
    }

    /// Words before a date that make it a bound of a period ("since
    /// Monday"), not the day of a tally.
    static let periodBounds = WordSet([
        "since", "from", "until", "till", "by", "through", "before", "after", "between", "to",
    ].map(WordHash.of))

    /// The side a handover brings people or bodies home to, named by "to"
    /// soon after the figure, within its clause: "502 bodies to Ukraine",
    /// "were handed over to the Russian side".
    private func returnedTo(_ scope: SentenceScope, after end: Int) -> Int? {
        var k = end
        while k < min(scope.range.upperBound, end + 8) {
            let token = scope[k]
            // "released and returned to Ukraine": one handover, two verbs.
            let joinsVerbs = token.keyword == .and && k + 1 < scope.range.upperBound
                && SubjectReader.handovers.contains(scope[k + 1].hash)
            if token.kind == .number || token.mark != .none && token.mark != .hyphen || token.keyword == .and && !joinsVerbs {
                return nil
            }
            if token.keyword == .to {
                var h = k + 1
                if h < scope.range.upperBound, scope[h].keyword == .the { h += 1 }
                guard let found = scope.side(at: h), found.side != SentenceScope.enemy else { return nil }
                return found.side
            }
            k += 1
        }
        return nil
    }

    /// Whose the dead or captives are that a side gives or takes back
    /// right before a figure: the other side's for "Russia handed over",
    /// "Moscow has transferred"; its own for "the Russian side took back".
    private func handedOver(_ scope: SentenceScope, before start: Int) -> Int? {
        var k = start - 1
        var back = false
        while k > scope.range.lowerBound, SubjectReader.givingParticles.contains(scope[k].hash) || scope.english(k).contains(.article) {
            if scope[k].hash == SubjectReader.backHash { back = true }
            k -= 1
        }
        guard k > scope.range.lowerBound else { return nil }
        let gives = SubjectReader.givingVerbs.contains(scope[k].hash)
        guard gives || back && SubjectReader.takingVerbs.contains(scope[k].hash) else { return nil }
        var j = k - 1
        while j > scope.range.lowerBound, scope.english(j).contains(.filler) { j -= 1 }
        // ("the Russian side took back").
        if j > scope.range.lowerBound, scope[j].hash == NounPhrase.sideWord { j -= 1 }
        guard let found = scope.side(endingAt: j + 1), found >= 0 else { return nil }
        return gives ? scope.opposite(found) : found
    }

    static let givingVerbs = WordSet(["handed", "hands", "hand", "handing", "transferred", "transfers", "transferring", "gave", "gives"].map(WordHash.of))
    static let takingVerbs = WordSet(["took", "takes", "taking", "got", "gets", "received", "receives"].map(WordHash.of))
    static let givingParticles = WordSet(["over", "back", "the", "bodies", "of"].map(WordHash.of))
    static let backHash = WordHash.of("back")

    /// Verbs of a handover of people or bodies: its day is not the day of
    /// the losses.
    static let handovers = WordSet([
        "returned", "return", "received", "receive", "handed", "exchanged", "exchange", "swapped", "repatriated",
        "released", "freed", "buried", "exhumed", "recovered", "identified", "brought", "transferred", "swap", "swaps",
        "exchanges", "repatriation", "handover", "remains",
    ].map(WordHash.of))

    /// Nouns that name civilians as such, unlike "people" or "persons".
    static let civilianNouns = WordSet(["civilians", "civilian", "residents", "inhabitants", "villagers"].map(WordHash.of))
    /// Verbs that hand living people over.
    static let home = WordHash.of("home")
    static let returns = WordSet(["returned", "repatriated", "handed", "transferred", "exchanged", "swapped"].map(WordHash.of))
    static let passiveAuxiliaries = WordSet(["been", "were", "was", "are", "is", "be", "being"].map(WordHash.of))
    static let ruins = WordSet(["rubble", "debris", "ruins", "toll"].map(WordHash.of))
    static let toll = WordHash.of("toll")
    static let exchanges = WordSet(["exchange", "exchanges", "swap", "swaps", "return"].map(WordHash.of))
    static let superlatives = WordSet(["largest", "biggest", "highest", "greatest", "smallest", "lowest"].map(WordHash.of))
    static let figureNouns = WordSet([
        "number", "figure", "total", "tally", "estimate", "count", "toll", "average", "estimates", "figures", "counts",
    ].map(WordHash.of))
    static let measureNouns = WordSet(["rate", "rates", "toll", "figure", "figures", "count", "tally", "numbers", "number", "total"].map(WordHash.of))

    /// Sides named just before a loss noun: "Russian losses", "Russia's losses".
    private func sidesNear(_ scope: SentenceScope, before start: Int) -> [Int] {
        // "Ukrainians freed from Russian captivity": the side named on the
        // captivity holds the captives; they are the other side's.
        if start < scope.range.upperBound, SubjectReader.custody.contains(scope[start].hash),
           let captor = scope.side(endingAt: start), let held = scope.opposite(captor) {
            return [held]
        }
        var j = start - 1
        var steps = 0
        var sides: [Int] = []
        while j >= scope.range.lowerBound, steps < 5 {
            let token = scope[j]
            // Russian "personnel losses": quotes around the loss noun.
            if token.isQuote {
                j -= 1
                continue
            }
            if let side = scope.side(endingAt: j + 1) {
                if !sides.contains(side) { sides.append(side) }
            } else if sides.isEmpty {
                let modifies = scope.match(.population, endingAt: j + 1) != nil || token.keyword == .possessive
                    || scope.english(j).contains(.article) || scope.english(j).contains(.of)
                if !modifies {
                    // "the enemy's total combat losses": words that say which
                    // of its losses, after the owner's possessive.
                    var owner = j
                    while owner > scope.range.lowerBound, owner >= j - 1, scope[owner].isWord, !scope[owner].has(.capitalized),
                          scope.english(owner).isEmpty, scope.match(.attributionVerb, at: owner) == nil {
                        owner -= 1
                    }
                    guard owner < j, owner >= scope.range.lowerBound, scope[owner].keyword == .possessive else { break }
                    j = owner
                }
            } else if token.keyword != .and, token.keyword != .or {
                // "Ukrainian and Russian troops" names both; anything else ends the list.
                break
            }
            j -= 1
            steps += 1
        }
        return sides
    }

    /// A loss noun in the clause before a linking verb: "the number of
    /// Russian casualties is", "the death toll stands at".
    private func clauseTopic(_ scope: SentenceScope, before end: Int) -> Topic? {
        var j = end - 1
        // ("The death toll from Saturday's Russian missile strike on a
        // nine-story apartment building in the central Ukrainian city of
        // Dnipro rose to 40": a subject of thirty words.)
        let floor = max(scope.range.lowerBound, end - 30)
        while j >= floor {
            // "from February 24, 2022 to July 10, 2023": a date's comma
            // does not end the clause.
            let dateComma = isDateComma(scope, j)
            if let opening = asideOpening(scope, endingAt: j), opening >= floor {
                j = opening - 1
                continue
            }
            if scope.isClausePunctuation(j), !dateComma { return nil }
            if scope[j].keyword.opensClause { return nil }
            if let found = scope.match(.metric, endingAt: j + 1) {
                return topic(scope, found)
            }
            j -= 1
        }
        return nil
    }

    /// The mark opening an aside that `close` ends, between a subject and
    /// its verb: ", according to the UN,", ", including wounded and
    /// missing,", ", killed and wounded,", "— killed, wounded and missing
    /// —", "— by its count —", "(killed and wounded)", ", Kyiv says,". An
    /// aside set off by commas is read past only when it names a source (or
    /// is one saying), a part or the losses; one set off by dashes or
    /// brackets, whenever it holds no figure.
    private func asideOpening(_ scope: SentenceScope, endingAt close: Int) -> Int? {
        let lower = scope.range.lowerBound
        switch scope[close].mark {
        case .comma:
            var p = close - 1
            while p > lower, scope[p].mark != .comma {
                if close - p > 10 { return nil }
                p -= 1
            }
            guard p > lower, scope[p].mark == .comma, p + 1 < close else { return nil }
            if scope.match(.attributionSource, at: p + 1) != nil || scope[p + 1].keyword == .including { return p }
            // ", the General Staff said,", ", Kyiv says,", ", the
            // president said this month,": a source and its verb of saying.
            if close - 1 > p + 1, (p + 2..<close).contains(where: { scope.match(.attributionVerb, at: $0) != nil }) { return p }
            return lossList(scope, endingAt: close)
        case .dash, .closeParen:
            let opener: Token.Mark = scope[close].mark == .dash ? .dash : .openParen
            var p = close - 1
            while p > lower, scope[p].mark != opener {
                if close - p > 12 || scope[p].kind == .number || scope[p].mark == .period || scope[p].mark == .semicolon {
                    return nil
                }
                p -= 1
            }
            return p > lower && scope[p].mark == opener && p + 1 < close ? p : nil
        default:
            return nil
        }
    }

    /// The comma opening a list of loss words that the comma `close`
    /// ends: in "casualties, killed, wounded and missing," the comma after
    /// "casualties", the loss noun the list glosses.
    private func lossList(_ scope: SentenceScope, endingAt close: Int) -> Int? {
        let lower = scope.range.lowerBound
        var k = close - 1
        var separator: Int?
        while k > lower, close - k < 14, let found = scope.match(.metric, endingAt: k + 1) {
            var before = found.start - 1
            guard before >= lower else { return nil }
            if scope[before].keyword == .and || scope[before].keyword == .or {
                if before - 1 > lower, scope[before - 1].mark == .comma { before -= 1 }
            } else if scope[before].mark != .comma {
                // The noun glossed: the list after it is the aside.
                return separator.flatMap { scope[$0].mark == .comma ? $0 : nil }
            }
            separator = before
            k = before - 1
        }
        return separator.flatMap { scope[$0].mark == .comma ? $0 : nil }
    }

    /// The last loss noun before `end` in the sentence (with `namingSide`,
    /// the last one whose side the sentence names).
    private func lastTopic(_ scope: SentenceScope, before end: Int, namingSide: Bool = false) -> Topic? {
        var j = end - 1
        while j >= scope.range.lowerBound {
            // (Not a loss word in a body's name: "the Commissioner for
            // Persons Missing under Special Circumstances".)
            if let found = scope.match(.metric, endingAt: j + 1), !inName(scope, found) {
                let topic = topic(scope, found)
                if !namingSide || !topic.sides.isEmpty { return topic }
            }
            j -= 1
        }
        return nil
    }

    /// Whether the words of `found` are capitalised inside a sentence that
    /// is not a headline in title case: part of a name.
    private func inName(_ scope: SentenceScope, _ found: PhraseMatch) -> Bool {
        guard found.start > scope.range.lowerBound,
              (found.start..<found.end).allSatisfy({ !scope[$0].isWord || scope[$0].has(.capitalized) })
        else { return false }
        // (A headline in title case has hardly a word in lower case.)
        return scope.range.lazy.filter { scope[$0].isWord && !scope[$0].has(.capitalized) && !scope.english($0).contains(.function) }
            .dropFirst().first != nil
    }

    private func topic(_ scope: SentenceScope, _ found: PhraseMatch) -> Topic {
        var metrics = [scope.lexicon.metrics[Int(found.role.value)].metric]
        var start = found.start
        // "Deaths and Injuries", "killed or wounded": one loss of two words.
        if start - 1 > scope.range.lowerBound, scope[start - 1].keyword == .and || scope[start - 1].keyword == .or,
           let other = scope.match(.metric, endingAt: start - 1) {
            metrics.append(scope.lexicon.metrics[Int(other.role.value)].metric)
            start = other.start
        }
        var population: Population?
        var j = found.start - 1
        while j >= max(scope.range.lowerBound, found.start - 3) {
            if let match = scope.match(.population, endingAt: j + 1) {
                population = scope.lexicon.populations[Int(match.role.value)]
                break
            }
            j -= 1
        }
        var sides = sidesNear(scope, before: start)
        // "the total combat losses of the enemy".
        if sides.isEmpty, scope.is(found.end, .of) {
            let after = scope.is(found.end + 1, .the) ? found.end + 2 : found.end + 1
            if after < scope.range.upperBound, let side = scope.side(at: after) { sides = [side.side] }
        }
        return Topic(metric: combine(metrics) ?? metrics[0], sides: sides, population: population)
    }

    private func clauseStart(_ scope: SentenceScope, before start: Int) -> Int {
        var j = start - 1
        while j >= scope.range.lowerBound {
            if scope.isClausePunctuation(j) || scope.english(j).contains(.clauseOpener) { return j + 1 }
            j -= 1
        }
        return scope.range.lowerBound
    }

    // MARK: Metrics

    /// One metric for several loss words: killed and wounded together are
    /// casualties; refugees and casualties win over their parts.
    private func combine(_ metrics: [Metric]) -> Metric? {
        guard let first = metrics.first else { return nil }
        if metrics.contains(.refugees) { return .refugees }
        if metrics.contains(.casualties) { return .casualties }
        return metrics.contains { $0 != first } ? .casualties : first
    }

    private func metricPopulation(_ scope: SentenceScope, _ metric: Metric) -> Population? {
        scope.lexicon.metrics.first { $0.metric == metric && $0.population != nil }?.population
    }
}

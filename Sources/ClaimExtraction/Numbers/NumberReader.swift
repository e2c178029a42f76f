/// Reads the figures of a sentence: digits with their scale words ("1.5
/// million", "2 lakh", "10 crore"), numbers in words ("forty thousand", "a
/// million", "half a million"), and ranges ("between 15 and 30 million",
/// "20,000 to 30,000", "20,000-30,000"), where a scale written once applies
/// to both ends. Each figure is then told apart from years, dates, shares,
/// sums of money, ages and the numbers in names.
struct NumberReader {
    /// One number before ranges are formed.
    private struct Atom {
        var start: Int
        var end: Int
        var value: Double
        /// The product of the scale words after the digits, or 1.
        var scale: Double
        /// Written in words rather than digits.
        var inWords: Bool
    }

    /// The figures in `scope`, skipping the tokens of `dates`.
    func read(_ scope: SentenceScope, dates: [DateExpression]) -> [NumberMention] {
        var atoms: [Atom] = []
        var i = scope.range.lowerBound
        var nextDate = 0
        // Read once here, not once a word: each read of a static is a call
        // that checks it is initialised.
        let quarters = NumberReader.quarters
        while i < scope.range.upperBound {
            while nextDate < dates.count, dates[nextDate].end <= i { nextDate += 1 }
            if nextDate < dates.count, dates[nextDate].start <= i {
                i = dates[nextDate].end
                continue
            }
            // Only a number or a word that may start one is read further:
            // the look, inlined, costs less than the call it saves for the
            // other tokens, most of a sentence.
            let token = scope[i]
            if token.kind == .number || token.isWord && mayStartWords(token, lexicon: scope.lexicon, quarters: quarters),
               let atom = atom(scope, at: i) {
                // Room for a sentence's usual few at the first: one
                // allocation rather than a regrowth at the second, third, fifth.
                if atoms.capacity == 0 { atoms.reserveCapacity(8) }
                atoms.append(atom)
                i = atom.end
            } else {
                i += 1
            }
        }
        var mentions: [NumberMention] = []
        // A figure takes one number or two (a range): never more than the atoms.
        mentions.reserveCapacity(atoms.count)
        var a = 0
        while a < atoms.count {
            var first = atoms[a]
            var start = first.start
            var high: Double?
            var end = first.end
            if a + 1 < atoms.count, let joined = rangeJoin(scope, &first, atoms[a + 1]) {
                var second = atoms[a + 1]
                if first.scale == 1, second.scale > 1, first.value < second.value / second.scale {
                    first.value *= second.scale
                } else if first.scale > 1, second.scale == 1, second.value > first.value / first.scale,
                          second.value < 1000, !first.inWords {
                    second.value *= first.scale
                }
                if second.value > first.value {
                    high = second.value
                    end = second.end
                    start = joined
                    a += 1
                }
            }
            // "casualties topped 1,500.6": a note's number glued to a count
            // that ends the sentence (no count of people has a fraction).
            if high == nil, end == start + 1, scope[start].has(.grouped), first.scale == 1,
               first.value != first.value.rounded(.down), endsLine(scope, after: end) {
                first.value.round(.down)
            }
            var mention = NumberMention(start: start, end: end, low: first.value, high: high, kind: .count)
            mention.kind = isFootnote(scope, start, end) ? .footnote
                : numbersSection(scope, start, end) ? .section : classify(scope, mention, atom: first)
            // "from 10-20 October", "10 to 20 October": the first day of a span of dates.
            if end + 1 < scope.range.upperBound, scope[end].mark == .hyphen || scope[end].mark == .dash || scope[end].keyword == .to,
               dates.contains(where: { $0.start == end + 1 }) {
                mention.kind = .date
            }
            // "between the ages of 20 and 50", "aged 4, 9 and 15": the
            // other ends and members of an age are ages too.
            if let previous = mentions.last, previous.kind == .age, mention.start - previous.end <= 2,
               (previous.end..<mention.start).allSatisfy({ scope[$0].keyword == .and || scope[$0].keyword == .to || scope[$0].mark == .comma }) {
                mention.kind = .age
            }
            // "has risen to 37, up from 28": the age it was before.
            if let previous = mentions.last, previous.kind == .age, mention.start - previous.end == 3,
               scope[previous.end].mark == .comma, NumberReader.comparisons.contains(scope[previous.end + 1].hash),
               scope[previous.end + 2].hash == NumberReader.fromHash {
                mention.kind = .age
            }
            // "around 4,000 of the approximately 11,000 troops": the whole a
            // part is of counts nothing of its own.
            if let previous = mentions.last, previous.kind == .count, NumberReader.wholeAfter(scope, previous.end, mention.start) {
                mention.kind = .partitive
            }
            mentions.append(mention)
            a += 1
        }
        return mentions
    }

    /// Whether "of the" and at most two words (a hedge) stand between a
    /// figure's end and the next figure's start.
    static func wholeAfter(_ scope: SentenceScope, _ end: Int, _ next: Int) -> Bool {
        guard next - end >= 2, next - end <= 4, scope[end].keyword == .of, scope[end + 1].keyword == .the else { return false }
        return (end + 2..<next).allSatisfy { scope[$0].isWord }
    }

    // MARK: Atoms

    private func atom(_ scope: SentenceScope, at i: Int) -> Atom? {
        let token = scope[i]
        if token.kind == .number {
            var value = token.value
            var scale = 1.0
            var k = i + 1
            while k < scope.range.upperBound, let entry = scope.lexicon.entry(of: scope[k]), entry.scale > 0, scope[k].isWord {
                value *= entry.scale
                scale *= entry.scale
                k += 1
            }
            // "500 [thousand]": an editor's scale word in brackets.
            if scale == 1, k + 2 < scope.range.upperBound, scope[k].mark == .openParen,
               scope.bytes[Int(scope[k].start)] == UInt8(ascii: "["), scope[k + 2].mark == .closeParen,
               scope[k + 1].isWord, let entry = scope.lexicon.entry(of: scope[k + 1]), entry.scale > 0 {
                value *= entry.scale
                scale = entry.scale
                k += 3
            }
            // "5 thousand 116": the rest of a number written as a
            // translation gives it, after its thousands.
            if scale == 1000, k < scope.range.upperBound, scope[k].kind == .number, !scope[k].has(.grouped),
               scope[k].value < 1000, scope[k].value == scope[k].value.rounded(),
               !(k + 1 < scope.range.upperBound && scope.lexicon.entry(of: scope[k + 1]).map { $0.scale > 0 } == true) {
                value += scope[k].value
                k += 1
            }
            return Atom(start: i, end: k, value: value, scale: scale, inWords: false)
        }
        guard token.isWord, mayStartWords(token, lexicon: scope.lexicon, quarters: NumberReader.quarters) else { return nil }
        return words(scope, at: i)
    }

    /// Whether a number in words may start with `token`: "half", "a",
    /// "an", a quarter (one of `quarters`), or a numeral. Asked of every
    /// word, inlined so that most words, which start none, cost no call.
    @inline(__always)
    private func mayStartWords(_ token: Token, lexicon: LexiconView, quarters: WordSet) -> Bool {
        token.keyword == .half || token.keyword == .a || token.keyword == .an
            || (token.entry >= 0 && lexicon.entries[Int(token.entry)].numeral >= 0)
            || quarters.contains(token.hash)
    }

    /// "forty thousand", "one hundred and fifty thousand", "a million",
    /// "half a million", "forty-five".
    private func words(_ scope: SentenceScope, at start: Int) -> Atom? {
        let end = scope.range.upperBound
        var k = start
        var total = 0.0
        var current = 0.0
        var any = false
        var scale = 1.0
        func scaleValue(_ at: Int) -> Double {
            guard at < end, scope[at].isWord, let entry = scope.lexicon.entry(of: scope[at]) else { return 0 }
            return entry.scale
        }
        // (Only for a word that may start one: ``mayStartWords(_:lexicon:quarters:)``.)
        let first = scope[start]
        if first.keyword == .half, k + 2 < end,
           scope[k + 1].keyword == .a, scaleValue(k + 2) >= 1000 {
            let s = scaleValue(k + 2)
            return Atom(start: start, end: k + 3, value: s / 2, scale: s, inWords: true)
        }
        // "a quarter of a million", "three quarters of a million".
        var q = start
        var quarters = 1.0
        if first.keyword == .a {
            q += 1
        } else if let entry = scope.lexicon.entry(of: first), entry.numeral > 0, entry.numeral < 4 {
            quarters = Double(entry.numeral)
            q += 1
        }
        if q + 3 < end, NumberReader.quarters.contains(scope[q].hash), scope[q + 1].keyword == .of,
           scope[q + 2].keyword == .a, scaleValue(q + 3) >= 1000 {
            let s = scaleValue(q + 3)
            return Atom(start: start, end: q + 4, value: s * quarters / 4, scale: s, inWords: true)
        }
        if first.keyword == .a || first.keyword == .an {
            guard scaleValue(k + 1) > 0 else { return nil }
            current = 1
            any = true
            k += 1
        }
        while k < end {
            let token = scope[k]
            guard token.isWord, let entry = scope.lexicon.entry(of: token) else { break }
            if entry.numeral >= 0 {
                current += Double(entry.numeral)
                any = true
                k += 1
                if k + 1 < end, scope[k].mark == .hyphen, let next = scope.lexicon.entry(of: scope[k + 1]), next.numeral > 0, next.numeral < 10 {
                    current += Double(next.numeral)
                    k += 2
                }
            } else if entry.scale > 1, entry.scale < 1000, any {
                // "two hundred", "two dozen".
                current = max(current, 1) * entry.scale
                k += 1
            } else if entry.scale >= 1000, any {
                total += max(current, 1) * entry.scale
                scale = entry.scale
                current = 0
                k += 1
                // "three hundred and eighty-nine thousand, five hundred and
                // sixty": the hundreds after a comma go on the same number.
                if k + 2 < end, scope[k].mark == .comma, let next = scope.lexicon.entry(of: scope[k + 1]), next.numeral > 0,
                   next.numeral < 10, scope.lexicon.entry(of: scope[k + 2])?.scale == 100 {
                    k += 1
                }
            } else if token.keyword == .and, any, current > 0, k + 3 < end, scope[k + 1].keyword == .a,
                      scope[k + 2].keyword == .half, scaleValue(k + 3) >= 1000 {
                // "six and a half million".
                current += 0.5
                k += 3
            } else if token.keyword == .and, any, k + 1 < end,
                      let next = scope.lexicon.entry(of: scope[k + 1]), next.numeral > 0 {
                k += 1
            } else {
                break
            }
        }
        guard any, k > start else { return nil }
        return Atom(start: start, end: k, value: total + current, scale: scale, inWords: true)
    }

    // MARK: Ranges

    /// The index a range of `a` and `b` starts at, if they form one:
    /// "between a and b", "from a to b", "a to b", "a-b", "a – b".
    private func rangeJoin(_ scope: SentenceScope, _ a: inout Atom, _ b: Atom) -> Int? {
        let gap = b.start - a.end
        // "between 7- and 15,000": the first figure leaves its thousands to the second.
        if gap == 2, !a.inWords, scope[a.end].mark == .hyphen || scope[a.end].mark == .dash, !scope[a.end].has(.spaceBefore),
           scope[a.end + 1].keyword == .and || scope[a.end + 1].keyword == .to {
            if a.value < 1000, b.value >= 1000, a.value * 1000 < b.value { a.value *= 1000 }
            return scope.is(a.start - 1, .between) || scope.is(a.start - 1, .from) ? a.start - 1 : a.start
        }
        guard gap == 1 else { return nil }
        let joiner = scope[a.end]
        let before = a.start - 1
        if joiner.keyword == .and, scope.is(before, .between) { return before }
        if joiner.keyword == .to, joiner.isWord {
            return scope.is(before, .from) || scope.is(before, .between) ? before : a.start
        }
        if joiner.mark == .hyphen || joiner.mark == .dash, !a.inWords, !b.inWords {
            return scope.is(before, .between) || scope.is(before, .from) ? before : a.start
        }
        return nil
    }

    // MARK: Kinds

    /// "six out of 10", "one in five", "six to eight for every one
    /// soldier killed", "a wounded-to-killed ratio of 3-4": a share, not a count.
    private func isRatio(_ scope: SentenceScope, _ mention: NumberMention) -> Bool {
        let lower = scope.range.lowerBound, upper = scope.range.upperBound
        func word(_ k: Int, _ set: WordSet) -> Bool { k >= lower && k < upper && scope[k].isWord && set.contains(scope[k].hash) }
        let after = mention.end
        if after + 1 < upper, scope[after].isWord {
            // "six out of 10" is a share; "100,000 out of 200,000 dead" two counts.
            if scope[after].keyword == .out, scope[after + 1].keyword == .of, after + 2 < upper {
                let whole = scope[after + 2].kind == .number ? scope[after + 2].value
                    : Double(scope.lexicon.entry(of: scope[after + 2]).map { $0.numeral >= 0 ? $0.numeral : 1000 } ?? 1000)
                if whole <= 100 { return true }
            }
            // "one in five", not "500 in 24 hours" or "253,000 in 2023".
            let year = scope[after + 1].kind == .number && !scope[after + 1].has(.grouped) && scope[after + 1].digits == 4
            if scope[after].keyword == .in, !year,
               scope[after + 1].kind == .number || scope.lexicon.entry(of: scope[after + 1]).map({ $0.numeral > 0 }) == true,
               scope.match(.countedThing, at: after + 2) == nil {
                return true
            }
            // "one soldier every ten", not "25 injured every single day" or
            // "exchanged 1,000 prisoners each" (each side its 1,000).
            for k in [after, after + 1] where word(k, NumberReader.every) && scope.match(.rate, at: k) == nil
                && (scope[k].hash != NumberReader.each || k + 1 < upper && scope[k + 1].kind == .number) {
                return true
            }
            // "a 1,000-for-1,000 swap", "1,000 prisoners for 1,000": a deal's
            // label. "three soldiers for every Ukrainian": a ratio.
            // ("two and a half Russian casualties for every Ukrainian one".)
            var k = after
            while k + 1 < upper, k < after + 6 {
                if scope[k].keyword == .for, scope[k + 1].kind == .number || word(k + 1, NumberReader.every) { return true }
                if !scope[k].isWord { break }
                k += 1
            }
        }
        // "For every soldier killed, there are about three wounded".
        if lower + 1 < mention.start, scope[lower].keyword == .for, word(lower + 1, NumberReader.every) { return true }
        let before = mention.start - 1
        if before - 1 >= lower, scope[before].keyword == .of, scope[before - 1].keyword == .out, mention.low <= 100 { return true }
        if word(before, NumberReader.every) { return true }
        // "for every Ukrainian one".
        if word(before - 1, NumberReader.every), scope[before].isWord, scope[before].has(.capitalized) { return true }
        if before - 1 >= lower, scope[before].keyword == .for, scope[before - 1].kind == .number
            || (before - 2 >= lower && scope[before].keyword == .for && scope[before - 2].kind == .number) {
            return true
        }
        // "the ratio of losses in the Pokrovsk direction was 1 to 7".
        var k = before
        // ("a small share of the more than 6.3 million refugees": the figure
        // is the whole a share is of.)
        // (A small figure further on in the ratio's clause too: "the
        // wounded-to-killed ratio for Russians at three to four soldiers
        // wounded for one killed", "the ratio … at roughly 2.5 to 1".)
        let reach = mention.low <= 100 ? 16 : 8
        while k >= lower, k >= before - reach, !scope.isClausePunctuation(k) {
            if word(k, NumberReader.ratioNouns) {
                let whole = k + 1 < mention.start && scope[k + 1].keyword == .of && mention.start - (k + 2) <= 4
                    && (k + 2..<mention.start).allSatisfy { scope[$0].isWord }
                return !whole
            }
            k -= 1
        }
        return false
    }

    /// Whether the sentence ends at `end`, or a line break follows it.
    private func endsLine(_ scope: SentenceScope, after end: Int) -> Bool {
        end >= scope.range.upperBound || scope[end].has(.lineBefore)
            || scope[end].mark == .period && (end + 1 >= scope.tokens.count || scope.tokens[end + 1].has(.lineBefore))
    }

    /// "the true scale of losses.[7]": a number alone in square brackets,
    /// set against what it annotates, or opening a line of notes.
    /// "including as many as 250,000 killed.1 No major power": a number
    /// glued to the full stop after a word.
    private func isFootnote(_ scope: SentenceScope, _ start: Int, _ end: Int) -> Bool {
        if start - 2 >= scope.range.lowerBound, end == start + 1, !scope[start].has(.spaceBefore),
           scope[start - 1].mark == .period, !scope[start - 1].has(.spaceBefore), scope[start - 2].isWord,
           end >= scope.tokens.count || scope.tokens[end].has(.spaceBefore) {
            return true
        }
        guard start > 0, end < scope.tokens.count else { return false }
        let open = scope.tokens[start - 1], close = scope.tokens[end]
        guard open.mark == .openParen, scope.bytes[Int(open.start)] == UInt8(ascii: "["), close.mark == .closeParen else {
            return false
        }
        return !open.has(.spaceBefore) || open.has(.lineBefore) || start - 1 == 0
    }

    /// "1 Military casualties" under "Contents", over "1.1 Russian": a
    /// number of two digits at most opening a line, before a capitalised
    /// word, that the numbers opening the lines around it continue.
    private func numbersSection(_ scope: SentenceScope, _ start: Int, _ end: Int) -> Bool {
        let tokens = scope.tokens
        let number = tokens[start]
        guard end == start + 1, number.digits <= 2, start == 0 || number.has(.lineBefore),
              end < tokens.count, tokens[end].isWord, tokens[end].has(.capitalized), !tokens[end].has(.lineBefore)
        else { return false }
        // The numbers opening the next line and the line before.
        var next = end
        while next < tokens.count, next < end + 40, !tokens[next].has(.lineBefore) { next += 1 }
        if next < tokens.count, tokens[next].has(.lineBefore), tokens[next].kind == .number,
           tokens[next].value > number.value, tokens[next].value <= number.value + 1 {
            return true
        }
        var line = start - 1
        while line > 0, line > start - 40, !tokens[line].has(.lineBefore) { line -= 1 }
        return line >= 0 && line < start && (tokens[line].has(.lineBefore) || line == 0) && tokens[line].kind == .number
            && tokens[line].value < number.value && tokens[line].value >= number.value - 1
    }

    static let persons = WordSet(["boy", "girl", "man", "woman", "child", "teenager", "pensioner", "soldier"].map(WordHash.of))
    static let ageBounds = WordSet(["under", "over", "above", "below"].map(WordHash.of))
    /// People a bound after them ages: "children under 18", "men over 60".
    static let ofAnAge = WordSet([
        "children", "adolescents", "minors", "teenagers", "youths", "boys", "girls", "men", "women", "people", "those",
    ].map(WordHash.of))
    static let boundWords = WordSet(["under", "over", "above", "below", "more", "less", "than", "about", "around", "some", "nearly", "almost"].map(WordHash.of))
    static let age = WordHash.of("age")
    static let population = WordHash.of("population")
    static let aged = WordHash.of("aged")
    static let ageNouns = WordSet(["population", "aged", "ages", "males", "men", "youngest", "oldest"].map(WordHash.of))
    /// Whether the subject of the copula just before `start` is an age
    /// ("the average age of those killed was").
    /// "The median age of those killed has risen to 37": a verb of change
    /// and "to" as well.
    private func isAgeStated(_ scope: SentenceScope, before start: Int) -> Bool {
        func links(_ k: Int) -> Bool {
            scope.english(k).contains(.copula)
                || (scope[k].keyword == .to && k > scope.range.lowerBound && NumberReader.changeVerbs.contains(scope[k - 1].hash))
        }
        var k = start - 1
        while k >= scope.range.lowerBound, k >= start - 3, !links(k) { k -= 1 }
        guard k >= scope.range.lowerBound, links(k) else { return false }
        var j = k - 1
        // ("The average age of the soldiers identified in the latest update is 37".)
        while j >= scope.range.lowerBound, j >= k - 12, !scope.isClausePunctuation(j) {
            if NumberReader.ageWords.contains(scope[j].hash) { return true }
            j -= 1
        }
        return false
    }

    static let partPronouns = WordSet(["them", "whom", "those", "these"].map(WordHash.of))

    /// "The youngest of the freed soldiers is 22": words that make what a
    /// copula gives an age.
    static let ageWords = WordSet(["age", "ages", "youngest", "oldest"].map(WordHash.of))
    static let changeVerbs = WordSet(["risen", "rose", "fallen", "fell", "dropped", "climbed", "increased", "grown", "grew"].map(WordHash.of))
    static let ranks = WordSet(["number", "no", "rank", "ranked", "seed", "seeded"].map(WordHash.of))
    static let comparisons = WordSet(["up", "down"].map(WordHash.of))
    static let fromHash = WordHash.of("from")
    static let quarters = WordSet(["quarter", "quarters"].map(WordHash.of))
    static let every = WordSet(["every", "each"].map(WordHash.of))
    static let each = WordHash.of("each")
    static let ratioNouns = WordSet(["ratio", "proportion", "share"].map(WordHash.of))

    private func classify(_ scope: SentenceScope, _ mention: NumberMention, atom: Atom) -> NumberMention.Kind {
        let lexicon = scope.lexicon
        let lower = scope.range.lowerBound, upper = scope.range.upperBound
        let first = scope[atom.start]
        let after = mention.end
        if mention.low < 1 { return .partitive }
        if mention.low >= 1e11 || (mention.high ?? 0) >= 1e11 { return .implausible }
        if !mention.isRange, atom.scale == 1, first.kind == .number, !first.has(.grouped), first.digits == 4,
           (1800...2100).contains(Int(first.value)), Double(Int(first.value)) == first.value,
           !(after < upper && (scope.match(.population, at: after) != nil || scope.match(.metric, at: after) != nil
                || scope.match(.side, at: after) != nil)) {
            return .year
        }
        if isRatio(scope, mention) { return .partitive }
        // "the world number one", "No. 2": a rank, not a count.
        if !mention.isRange, mention.low < 1000, mention.start > lower, NumberReader.ranks.contains(scope[mention.start - 1].hash) {
            return .modifier
        }
        // "the two sides", "the two armies": the parties, not a count.
        if mention.start > lower, let joint = scope.match(.jointEach, at: mention.start - 1), joint.end > mention.start {
            return .partitive
        }
        // "the male population between 20 and 50", "men aged 18 to 60".
        if mention.start > lower, NumberReader.ageNouns.contains(scope[mention.start - 1].hash)
            || (mention.start - 2 >= lower && scope[mention.start - 1].keyword == .of
                && NumberReader.ageNouns.contains(scope[mention.start - 2].hash))
            || (mention.start - 1 > lower && scope[mention.start].keyword == .between
                && NumberReader.ageNouns.contains(scope[mention.start - 1].hash)) {
            return .age
        }
        // "men under the age of 50", "Moscow, with a population of more
        // than 13 million": an age or a population, past a hedge.
        var k = mention.start - 1
        while k > lower, k >= mention.start - 3, !scope[k].isWord || NumberReader.boundWords.contains(scope[k].hash) { k -= 1 }
        if k - 1 >= lower, scope[k].keyword == .of {
            if scope[k - 1].hash == NumberReader.age { return .age }
            if scope[k - 1].hash == NumberReader.population { return .modifier }
        }
        // "those aged under 25", "men aged over 60", "children and
        // adolescents under 18": a bound on an age.
        if !mention.isRange, mention.low < 120, mention.start - 2 >= lower,
           NumberReader.ageBounds.contains(scope[mention.start - 1].hash),
           scope[mention.start - 2].hash == NumberReader.aged || NumberReader.ofAnAge.contains(scope[mention.start - 2].hash) {
            return .age
        }
        // "a boy of twelve", "a woman of 73": a person's age.
        if !mention.isRange, mention.low < 120, mention.start - 3 >= lower, scope[mention.start - 1].keyword == .of,
           NumberReader.persons.contains(scope[mention.start - 2].hash), scope.english(mention.start - 3).contains(.article) {
            return .age
        }
        // "The average age of the dead is about 35": what the subject counts is an age.
        if isAgeStated(scope, before: mention.start) { return .age }
        // "Naveen Shekharappa, 21, was killed": an age set off after a name.
        if !mention.isRange, mention.low < 120, mention.start - 2 >= lower, after < upper,
           scope[mention.start - 1].mark == .comma, scope[after].mark == .comma,
           scope[mention.start - 2].isWord, scope[mention.start - 2].has(.capitalized) {
            return .age
        }
        if atom.start > lower {
            let previous = scope[atom.start - 1]
            if previous.mark == .currency { return .money }
            if previous.mark == .hyphen, atom.start - 2 >= lower, !previous.has(.spaceBefore),
               scope[atom.start - 2].kind == .word || scope[atom.start - 2].kind == .code {
                return .code
            }
            if scope.match(.age, endingAt: atom.start) != nil { return .age }
            // "10:30": the minutes of a time.
            if previous.mark == .colon, !previous.has(.spaceBefore), atom.start - 2 >= lower, scope[atom.start - 2].kind == .number {
                return .time
            }
            // "1979-89": the second year of a span.
            if previous.mark == .hyphen, !previous.has(.spaceBefore), atom.start - 2 >= lower, scope[atom.start - 2].kind == .number {
                return .date
            }
            // "Russia's 2022 losses".
            if previous.keyword == .possessive, first.kind == .number, !first.has(.grouped), first.digits == 4 {
                return .year
            }
        }
        if after < upper {
            let next = scope[after]
            if next.mark == .percent || scope.match(.percent, at: after) != nil { return .percent }
            if scope.match(.money, at: after) != nil { return .money }
            if scope.match(.age, at: after) != nil { return .age }
            if next.mark == .hyphen, !next.has(.spaceBefore), after + 1 < upper, scope[after + 1].isWord,
               scope.match(.qualifierAfter, at: after + 1) == nil {
                return .modifier
            }
            if next.mark == .colon, !next.has(.spaceBefore), after + 1 < upper, scope[after + 1].kind == .number,
               !scope[after + 1].has(.spaceBefore) {
                return .time
            }
            // "two of the soldiers" is a partitive; but "forty-two were
            // injured, six of them children" counts a part, as its digits would.
            if atom.inWords, next.keyword == .of, lexicon.english(next).contains(.partitiveOf),
               atom.value < 2 || after + 1 >= upper || !NumberReader.partPronouns.contains(scope[after + 1].hash) {
                return .partitive
            }
        }
        return .count
    }
}

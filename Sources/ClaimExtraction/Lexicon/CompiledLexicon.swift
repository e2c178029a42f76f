/// A ``Lexicon`` turned into lookup tables: one hash lookup per word, then
/// the phrases that start with it. Built once per extractor.
struct CompiledLexicon: Sendable {
    /// What the extractor knows about one word.
    struct Entry: Sendable {
        var english: English.WordClass = []
        /// The value of a numeral ("forty"), or -1.
        var numeral: Int32 = -1
        /// The value of a scale word ("million", "lakh"), or 0.
        var scale: Double = 0
        var month: Int8 = 0
        var weekday: Int8 = 0
        var isAbbreviation = false
        var isTitleAbbreviation = false
        /// Lexicon phrases that start with this word, longest first.
        var phrases: [Int32] = []
        /// The kinds of those phrases, for a quick "none here".
        var kinds: UInt32 = 0
    }

    /// A speaker as the extractor uses it.
    struct SpeakerInfo: Sendable {
        var name: String
        var kind: Lexicon.SpeakerKind
        var side: Side?
        var isPerson: Bool
        /// The last words of its titles ("general" of "Major General").
        var titleHeads: Set<UInt64>
        /// Lower-cased surnames (the last word of each alias), for spelling
        /// variants.
        var surnames: [[UInt8]]
    }

    var index: [UInt64: Int32] = [:]
    var entries: [Entry] = []
    var phrases: [Phrase] = []
    var maxLength: [Int] = Array(repeating: 1, count: PhraseRole.Kind.allCases.count)

    var sides: [Side] = []
    var populations: [Population] = []
    var metrics: [(metric: Metric, population: Population?)] = []
    var figureVerbs: [(role: Lexicon.FigureVerb.Role, metric: Metric?)] = []
    var qualifiers: [Qualifier] = []
    var rates: [Rate] = []
    var speakers: [SpeakerInfo] = []
    var outlets: [String] = []
    var titleHeads: [UInt64] = []
    var descriptions: [[Lexicon.SpeakerKind]] = []
    var conflict: Lexicon.Conflict
    /// What the tokenizer needs: the word index and the scale words.
    var tables = TokenizerTables(index: [:], scales: [:])

    init(_ lexicon: Lexicon) {
        conflict = lexicon.conflict
        for (wordClass, words) in English.classes {
            for word in words { entries[entry(for: word)].english.formUnion(wordClass) }
        }
        for (word, value) in English.numerals { entries[entry(for: word)].numeral = Int32(value) }
        for (word, value) in English.months { entries[entry(for: word)].month = Int8(value) }
        for (word, value) in English.weekdays { entries[entry(for: word)].weekday = Int8(value) }
        for word in English.abbreviations { entries[entry(for: word)].isAbbreviation = true }
        for word in English.titleAbbreviations { entries[entry(for: word)].isTitleAbbreviation = true }
        for (word, value) in lexicon.scales { entries[entry(for: word)].scale = Double(value) }

        for group in lexicon.sides {
            add(group.words, .side, value: sides.count)
            sides.append(group.side)
        }
        add(lexicon.jointSides.each, .jointEach, value: 0)
        add(lexicon.jointSides.combined, .jointCombined, value: 0)
        for group in lexicon.populations {
            add(group.words, .population, value: populations.count)
            populations.append(group.population)
        }
        for group in lexicon.metrics {
            add(group.words, .metric, value: metrics.count)
            metrics.append((group.metric, group.population))
        }
        for verb in lexicon.figureVerbs {
            add(verb.words, .figureVerb, value: figureVerbs.count)
            figureVerbs.append((verb.role, verb.metric))
        }
        add(lexicon.linking, .linking, value: 0)
        for group in lexicon.qualifiers {
            add(group.before, .qualifierBefore, value: qualifiers.count)
            add(group.after, .qualifierAfter, value: qualifiers.count)
            qualifiers.append(group.qualifier)
        }
        for group in lexicon.rates {
            add(group.words, .rate, value: rates.count)
            rates.append(group.rate)
        }
        add(lexicon.attribution.verbs, .attributionVerb, value: 0)
        add(lexicon.attribution.sources, .attributionSource, value: 0)
        add(lexicon.attribution.sourceNouns, .sourceNoun, value: 0)
        add(lexicon.attribution.audienceVerbs, .audienceVerb, value: 0)
        for speaker in lexicon.speakers {
            add([speaker.name] + speaker.aliases, .speaker, value: speakers.count)
            let isPerson = speaker.kind == .person
            var surnames: [[UInt8]] = []
            if isPerson {
                for alias in [speaker.name] + speaker.aliases {
                    if let last = alias.split(separator: " ").last {
                        surnames.append(Array(last.lowercased().utf8))
                    }
                }
            }
            speakers.append(SpeakerInfo(
                name: speaker.name, kind: speaker.kind, side: speaker.side, isPerson: isPerson,
                titleHeads: Set(speaker.titles.compactMap { $0.split(separator: " ").last.map(WordHash.of) }),
                surnames: surnames))
        }
        for (number, outlet) in lexicon.outlets.enumerated() {
            add([outlet.name] + outlet.aliases, .outlet, value: number)
            outlets.append(outlet.name)
        }
        let titles = Set(lexicon.titles + lexicon.speakers.flatMap(\.titles))
        for title in titles.sorted() {
            add([title], .title, value: titleHeads.count)
            titleHeads.append(title.split(separator: " ").last.map(WordHash.of) ?? 0)
        }
        for description in lexicon.descriptions {
            add(description.words, .description, value: descriptions.count)
            descriptions.append(description.kinds)
        }
        add(lexicon.anaphora, .anaphora, value: 0)
        let exclusions = lexicon.exclusions
        add(exclusions.countedThings, .countedThing, value: 0)
        add(exclusions.mobilisation, .mobilisation, value: 0)
        add(exclusions.foreignSides, .foreignSide, value: 0)
        add(exclusions.otherConflicts, .otherConflict, value: 0)
        add(exclusions.incidents, .incident, value: 0)
        add(exclusions.aggregates, .aggregate, value: 0)
        add(exclusions.money, .money, value: 0)
        add(exclusions.ages, .age, value: 0)
        add(exclusions.percent, .percent, value: 0)

        let compiled = phrases
        for position in entries.indices {
            entries[position].phrases.sort { compiled[Int($0)].words.count > compiled[Int($1)].words.count }
        }
        var scales: [UInt64: Double] = [:]
        for (word, value) in lexicon.scales { scales[WordHash.of(word)] = Double(value) }
        tables = TokenizerTables(index: index, scales: scales)
    }

    private mutating func entry(for word: String) -> Int {
        let hash = WordHash.of(word)
        if let found = index[hash] { return Int(found) }
        index[hash] = Int32(entries.count)
        entries.append(Entry())
        return entries.count - 1
    }

    private mutating func add(_ texts: [String], _ kind: PhraseRole.Kind, value: Int) {
        for text in texts {
            let words = Tokenizer.phraseHashes(text)
            guard let first = words.first else { continue }
            let number = Int32(phrases.count)
            phrases.append(Phrase(words: words, role: PhraseRole(kind: kind, value: Int32(value))))
            maxLength[Int(kind.rawValue)] = max(maxLength[Int(kind.rawValue)], words.count)
            let position: Int
            if let found = index[first] {
                position = Int(found)
            } else {
                index[first] = Int32(entries.count)
                entries.append(Entry())
                position = entries.count - 1
            }
            entries[position].phrases.append(number)
            entries[position].kinds |= kind.bit
        }
    }

    @inline(__always)
    func entry(of token: Token) -> Entry? {
        token.entry >= 0 ? entries[Int(token.entry)] : nil
    }

    @inline(__always)
    func english(_ token: Token) -> English.WordClass {
        token.entry >= 0 ? entries[Int(token.entry)].english : []
    }

    /// The longest phrase of `kind` that starts at `start` and ends at or
    /// before `limit`.
    func match(_ kind: PhraseRole.Kind, in tokens: UnsafeBufferPointer<Token>, at start: Int, limit: Int) -> PhraseMatch? {
        guard start < limit, tokens[start].entry >= 0 else { return nil }
        let entry = entries[Int(tokens[start].entry)]
        guard entry.kinds & kind.bit != 0 else { return nil }
        for number in entry.phrases {
            let phrase = phrases[Int(number)]
            guard phrase.role.kind == kind, start + phrase.words.count <= limit else { continue }
            var position = 1
            while position < phrase.words.count, tokens[start + position].hash == phrase.words[position] {
                position += 1
            }
            if position == phrase.words.count {
                return PhraseMatch(role: phrase.role, start: start, end: start + position)
            }
        }
        return nil
    }

    /// The longest phrase of `kind` that ends right before `end` and starts
    /// at or after `floor`.
    func match(_ kind: PhraseRole.Kind, in tokens: UnsafeBufferPointer<Token>, endingAt end: Int, floor: Int) -> PhraseMatch? {
        var length = min(maxLength[Int(kind.rawValue)], end - floor)
        while length > 0 {
            if let found = match(kind, in: tokens, at: end - length, limit: end), found.end == end {
                return found
            }
            length -= 1
        }
        return nil
    }

    /// Whether any phrase of `kind` starts at `start`.
    @inline(__always)
    func starts(_ kind: PhraseRole.Kind, _ token: Token) -> Bool {
        token.entry >= 0 && entries[Int(token.entry)].kinds & kind.bit != 0
    }
}

/// The compiled lexicon's tables: one table probe per word, then the
/// phrases that start with it.
///
/// Plain pointers and numbers, so that stages copy it and read it without
/// any reference counting. The memory belongs to the ``CompiledLexicon``
/// it came from, is written only while compiling and freed with it: a
/// view must not outlive its owner, which is why sharing it is safe.
struct LexiconView: @unchecked Sendable {
    /// What the extractor knows about one word. Plain data, so that reading
    /// it costs no reference counting.
    struct Entry: Sendable {
        var english: English.WordClass = []
        var keyword: Keyword = .none
        /// The value of a numeral ("forty"), or -1.
        var numeral: Int32 = -1
        /// The value of a scale word ("million", "lakh"), or 0.
        var scale: Double = 0
        var month: Int8 = 0
        var weekday: Int8 = 0
        var isAbbreviation = false
        var isTitleAbbreviation = false
        /// A month, a weekday, or a word that starts a relative date.
        var isDateWord = false
        /// The lexicon phrases that start with this word lie in
        /// `phraseOrder` a group per kind, in the order of the kinds, each
        /// longest first; `phraseGroups[firstGroup + r]` starts the group
        /// of the `r`-th kind in `kinds`, and the next entry ends it.
        var firstGroup: Int32 = 0
        /// The kinds of those phrases, for a quick "none here".
        var kinds: UInt32 = 0
    }

    /// A phrase as a range of `phraseWords` and its meaning.
    struct Phrase: Sendable {
        var first: Int32
        var count: Int32
        var role: PhraseRole
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
        /// The number of the body it is part of (``Lexicon/Speaker/within``).
        var within: Int?
        /// Whether other speakers are part of it.
        var hasParts = false
        /// The name of its part that counts the civilian tolls it reports
        /// (``Lexicon/Speaker/countsCivilianTolls``).
        var civilianTollsBy: String?
    }

    /// What a group of `phraseGroups` holds, for skipping most of it: a
    /// word such as "Ukrainian" starts dozens of speaker phrases, nearly
    /// all of them ruled out by the word after it.
    struct GroupFilter: Sendable {
        /// A bit per phrase of two words or more, `1 << (second word's hash & 63)`.
        var seconds: UInt64 = 0
        /// Where the group's phrases of one word start in `phraseOrder`
        /// (they come last, the group being longest first).
        var singles: Int32 = 0
    }

    /// A surname of a person speaker (``SpeakerInfo/surnames``) as a range
    /// of `surnameBytes`, for ``NameMatcher``.
    struct Surname: Sendable {
        var speaker: Int32
        var start: Int32
        var count: Int32
        /// The bytes it holds, as ``NameMatcher/byteSet(_:)`` gives them.
        var bytes: UInt64
    }

    /// The tables, in one block the owner allocates: a view is one pointer,
    /// so that every sentence's scope and every stage that holds a copy
    /// copies one pointer rather than some twenty buffers.
    private let storage: UnsafePointer<Storage>

    var entries: UnsafeBufferPointer<Entry> { storage.pointee.entries }
    var phrases: UnsafeBufferPointer<Phrase> { storage.pointee.phrases }
    var phraseWords: UnsafeBufferPointer<UInt64> { storage.pointee.phraseWords }
    var phraseOrder: UnsafeBufferPointer<Int32> { storage.pointee.phraseOrder }
    var phraseGroups: UnsafeBufferPointer<Int32> { storage.pointee.phraseGroups }
    /// A filter per group, at the group's index in `phraseGroups`.
    var groupFilters: UnsafeBufferPointer<GroupFilter> { storage.pointee.groupFilters }
    var maxLength: UnsafeBufferPointer<Int> { storage.pointee.maxLength }
    /// The kinds of the phrases each word ends, as a bit mask by the word's hash.
    private var lastWords: FrozenWordTable { storage.pointee.lastWords }
    /// What the tokenizer needs: the word index and the entries.
    var tables: TokenizerTables { storage.pointee.tables }

    var sides: UnsafeBufferPointer<Side> { storage.pointee.sides }
    var populations: UnsafeBufferPointer<Population> { storage.pointee.populations }
    var metrics: UnsafeBufferPointer<(metric: Metric, population: Population?)> { storage.pointee.metrics }
    var figureVerbs: UnsafeBufferPointer<(role: Lexicon.FigureVerb.Role, metric: Metric?)> { storage.pointee.figureVerbs }
    var qualifiers: UnsafeBufferPointer<Qualifier> { storage.pointee.qualifiers }
    var rates: UnsafeBufferPointer<Rate> { storage.pointee.rates }
    var speakers: UnsafeBufferPointer<SpeakerInfo> { storage.pointee.speakers }
    var outlets: UnsafeBufferPointer<String> { storage.pointee.outlets }
    var titleHeads: UnsafeBufferPointer<UInt64> { storage.pointee.titleHeads }
    var descriptions: UnsafeBufferPointer<[Lexicon.SpeakerKind]> { storage.pointee.descriptions }
    /// The persons' surnames grouped by first byte, in speaker order within
    /// a group; `surnameGroups[b]..<surnameGroups[b + 1]` is the group of `b`.
    var surnames: UnsafeBufferPointer<Surname> { storage.pointee.surnames }
    var surnameGroups: UnsafeBufferPointer<Int32> { storage.pointee.surnameGroups }
    var surnameBytes: UnsafeBufferPointer<UInt8> { storage.pointee.surnameBytes }
    private var conflicts: UnsafeBufferPointer<Lexicon.Conflict> { storage.pointee.conflicts }

    /// The conflict the lexicon describes.
    var conflict: Lexicon.Conflict { conflicts[0] }

    /// Compiles `lexicon` into memory the caller must free with ``free()``;
    /// only ``CompiledLexicon`` does.
    init(compiling lexicon: Lexicon) {
        let storage = UnsafeMutablePointer<Storage>.allocate(capacity: 1)
        storage.initialize(to: Storage(compiling: lexicon))
        self.storage = UnsafePointer(storage)
    }

    /// Frees the memory; only the owning ``CompiledLexicon`` calls it.
    func free() {
        storage.pointee.free()
        let mutable = UnsafeMutablePointer(mutating: storage)
        mutable.deinitialize(count: 1)
        mutable.deallocate()
    }

    /// The tables a view points to.
    private struct Storage {
        let entries: UnsafeBufferPointer<Entry>
        let phrases: UnsafeBufferPointer<Phrase>
        let phraseWords: UnsafeBufferPointer<UInt64>
        let phraseOrder: UnsafeBufferPointer<Int32>
        let phraseGroups: UnsafeBufferPointer<Int32>
        let groupFilters: UnsafeBufferPointer<GroupFilter>
        let maxLength: UnsafeBufferPointer<Int>
        let indexKeys: UnsafeBufferPointer<UInt64>
        let indexValues: UnsafeBufferPointer<Int32>
        let lastWords: FrozenWordTable
        /// What the tokenizer needs: the word index and the entries.
        let tables: TokenizerTables

        let sides: UnsafeBufferPointer<Side>
        let populations: UnsafeBufferPointer<Population>
        let metrics: UnsafeBufferPointer<(metric: Metric, population: Population?)>
        let figureVerbs: UnsafeBufferPointer<(role: Lexicon.FigureVerb.Role, metric: Metric?)>
        let qualifiers: UnsafeBufferPointer<Qualifier>
        let rates: UnsafeBufferPointer<Rate>
        let speakers: UnsafeBufferPointer<SpeakerInfo>
        let outlets: UnsafeBufferPointer<String>
        let titleHeads: UnsafeBufferPointer<UInt64>
        let descriptions: UnsafeBufferPointer<[Lexicon.SpeakerKind]>
        let surnames: UnsafeBufferPointer<Surname>
        let surnameGroups: UnsafeBufferPointer<Int32>
        let surnameBytes: UnsafeBufferPointer<UInt8>
        let conflicts: UnsafeBufferPointer<Lexicon.Conflict>

        /// Compiles `lexicon` into memory ``free()`` frees.
        init(compiling lexicon: Lexicon) {
            var builder = Builder()
            for (wordClass, words) in English.classes {
                for word in words { builder.entries[builder.entry(for: word)].english.formUnion(wordClass) }
            }
            for (word, keyword) in Keyword.words { builder.entries[builder.entry(for: word)].keyword = keyword }
            for (word, value) in English.numerals { builder.entries[builder.entry(for: word)].numeral = Int32(value) }
            for (word, value) in English.months { builder.entries[builder.entry(for: word)].month = Int8(value) }
            for (word, value) in English.weekdays { builder.entries[builder.entry(for: word)].weekday = Int8(value) }
            for word in English.abbreviations { builder.entries[builder.entry(for: word)].isAbbreviation = true }
            for word in English.titleAbbreviations { builder.entries[builder.entry(for: word)].isTitleAbbreviation = true }
            for (word, value) in lexicon.scales { builder.entries[builder.entry(for: word)].scale = Double(value) }
            for word in Array(English.months.keys) + Array(English.weekdays.keys) + English.relativeDateWords {
                builder.entries[builder.entry(for: word)].isDateWord = true
            }

            sides = LexiconView.owned(lexicon.sides.map(\.side))
            for (number, group) in lexicon.sides.enumerated() { builder.add(group.words, .side, number) }
            builder.add(lexicon.enemy, .enemy, 0)
            builder.add(lexicon.jointSides.each, .jointEach, 0)
            builder.add(lexicon.jointSides.combined, .jointCombined, 0)
            populations = LexiconView.owned(lexicon.populations.map(\.population))
            for (number, group) in lexicon.populations.enumerated() { builder.add(group.words, .population, number) }
            metrics = LexiconView.owned(lexicon.metrics.map { ($0.metric, $0.population) })
            for (number, group) in lexicon.metrics.enumerated() { builder.add(group.words, .metric, number) }
            figureVerbs = LexiconView.owned(lexicon.figureVerbs.map { ($0.role, $0.metric) })
            for (number, verb) in lexicon.figureVerbs.enumerated() { builder.add(verb.words, .figureVerb, number) }
            builder.add(lexicon.linking, .linking, 0)
            qualifiers = LexiconView.owned(lexicon.qualifiers.map(\.qualifier))
            for (number, group) in lexicon.qualifiers.enumerated() {
                builder.add(group.before, .qualifierBefore, number)
                builder.add(group.after, .qualifierAfter, number)
            }
            rates = LexiconView.owned(lexicon.rates.map(\.rate))
            for (number, group) in lexicon.rates.enumerated() { builder.add(group.words, .rate, number) }
            builder.add(lexicon.attribution.verbs, .attributionVerb, 0)
            builder.add(lexicon.attribution.countingVerbs, .attributionVerb, LexiconView.countingVerb)
            builder.add(lexicon.attribution.sources, .attributionSource, 0)
            builder.add(lexicon.attribution.sourceNouns, .sourceNoun, 0)
            builder.add(lexicon.attribution.audienceVerbs, .audienceVerb, 0)
            let speakerNumbers = Dictionary(lexicon.speakers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            let wholes = Set(lexicon.speakers.compactMap { $0.within.flatMap { speakerNumbers[$0] } })
            let tollCounters = Dictionary(
                lexicon.speakers.compactMap { part in part.countsCivilianTolls ? part.within.map { ($0, part.name) } : nil },
                uniquingKeysWith: { first, _ in first })
            speakers = LexiconView.owned(lexicon.speakers.enumerated().map { number, speaker in
                let isPerson = speaker.kind == .person
                let surnames = isPerson
                    ? ([speaker.name] + speaker.aliases).compactMap { $0.split(separator: " ").last.map { Array($0.lowercased().utf8) } }
                    : []
                return SpeakerInfo(
                    name: speaker.name, kind: speaker.kind, side: speaker.side, isPerson: isPerson,
                    titleHeads: Set(speaker.titles.compactMap { $0.split(separator: " ").last.map(WordHash.of) }),
                    surnames: surnames, within: speaker.within.flatMap { speakerNumbers[$0] }, hasParts: wholes.contains(number),
                    civilianTollsBy: tollCounters[speaker.name])
            })
            for (number, speaker) in lexicon.speakers.enumerated() {
                builder.add(LexiconView.spellings(of: [speaker.name] + speaker.aliases), .speaker, number)
            }
            // Plain memory for the surnames, so that matching a name reads no
            // array of arrays (a reference count per speaker and surname).
            var surnames: [Surname] = []
            var surnameBytes: [UInt8] = []
            var surnameGroups = [Int32](repeating: 0, count: 257)
            for initial in 0..<256 {
                surnameGroups[initial] = Int32(surnames.count)
                for (number, speaker) in speakers.enumerated() {
                    for surname in speaker.surnames where surname.first == UInt8(initial) {
                        surnames.append(Surname(
                            speaker: Int32(number), start: Int32(surnameBytes.count), count: Int32(surname.count),
                            bytes: surname.withUnsafeBufferPointer(NameMatcher.byteSet)))
                        surnameBytes += surname
                    }
                }
            }
            surnameGroups[256] = Int32(surnames.count)
            self.surnames = LexiconView.owned(surnames)
            self.surnameGroups = LexiconView.owned(surnameGroups)
            self.surnameBytes = LexiconView.owned(surnameBytes)
            outlets = LexiconView.owned(lexicon.outlets.map(\.name))
            for (number, outlet) in lexicon.outlets.enumerated() { builder.add([outlet.name] + outlet.aliases, .outlet, number) }
            let titles = Set(lexicon.titles + lexicon.speakers.flatMap(\.titles)).sorted()
            titleHeads = LexiconView.owned(titles.map { $0.split(separator: " ").last.map(WordHash.of) ?? 0 })
            for (number, title) in titles.enumerated() { builder.add([title], .title, number) }
            descriptions = LexiconView.owned(lexicon.descriptions.map(\.kinds))
            for (number, description) in lexicon.descriptions.enumerated() { builder.add(description.words, .description, number) }
            builder.add(lexicon.anaphora, .anaphora, 0)
            let exclusions = lexicon.exclusions
            builder.add(exclusions.countedThings, .countedThing, 0)
            builder.add(exclusions.mobilisation, .mobilisation, 0)
            builder.add(exclusions.foreignSides, .foreignSide, 0)
            builder.add(exclusions.otherConflicts, .otherConflict, 0)
            builder.add(exclusions.incidents, .incident, 0)
            builder.add(exclusions.money, .money, 0)
            builder.add(exclusions.ages, .age, 0)
            builder.add(exclusions.percent, .percent, 0)
            builder.add(exclusions.pageFurniture, .furniture, 0)

            // Lay each entry's phrases out contiguously, a group per kind
            // (a word such as "Ukrainian" starts dozens of phrases, of some
            // ten kinds, and a match wants one kind), longest first within
            // a group, and in the order they were added among equals.
            var order: [Int32] = []
            var groups: [Int32] = []
            for position in builder.entries.indices {
                let starting = builder.starting[position].sorted { a, b in
                    let x = builder.phrases[Int(a)], y = builder.phrases[Int(b)]
                    if x.role.kind != y.role.kind { return x.role.kind.rawValue < y.role.kind.rawValue }
                    if x.count != y.count { return x.count > y.count }
                    return a < b
                }
                builder.entries[position].firstGroup = Int32(groups.count)
                for (k, number) in starting.enumerated() where k == 0 || builder.phrases[Int(starting[k - 1])].role.kind != builder.phrases[Int(number)].role.kind {
                    groups.append(Int32(order.count + k))
                }
                order += starting
                groups.append(Int32(order.count))
            }
            var filters = [GroupFilter](repeating: GroupFilter(), count: groups.count)
            for entry in builder.entries {
                let kinds = entry.kinds.nonzeroBitCount
                for group in Int(entry.firstGroup)..<(Int(entry.firstGroup) + kinds) {
                    var filter = GroupFilter(seconds: 0, singles: groups[group + 1])
                    for position in Int(groups[group])..<Int(groups[group + 1]) {
                        let phrase = builder.phrases[Int(order[position])]
                        if phrase.count >= 2 {
                            filter.seconds |= 1 << (builder.words[Int(phrase.first) + 1] & 63)
                        } else if filter.singles == groups[group + 1] {
                            filter.singles = Int32(position)
                        }
                    }
                    filters[group] = filter
                }
            }
            groupFilters = LexiconView.owned(filters)
            entries = LexiconView.owned(builder.entries)
            phrases = LexiconView.owned(builder.phrases)
            phraseWords = LexiconView.owned(builder.words)
            phraseOrder = LexiconView.owned(order)
            phraseGroups = LexiconView.owned(groups)
            maxLength = LexiconView.owned(builder.maxLength)
            let index = builder.index.storage
            indexKeys = LexiconView.owned(index.keys)
            indexValues = LexiconView.owned(index.values)
            let last = builder.lastWords.storage
            lastWords = FrozenWordTable(
                keys: LexiconView.owned(last.keys), values: LexiconView.owned(last.values), mask: last.keys.count - 1,
                shift: last.shift)
            let frozenEntries = entries
            tables = TokenizerTables(
                index: FrozenWordTable(keys: indexKeys, values: indexValues, mask: index.keys.count - 1, shift: index.shift),
                entries: entries,
                slots: LexiconView.owned(zip(index.keys, index.values).map { key, value in
                    TokenizerTables.WordSlot(key: key, entry: value, keyword: value >= 0 ? frozenEntries[Int(value)].keyword : .none)
                }))
            conflicts = LexiconView.owned([lexicon.conflict])
        }

        /// Frees the memory.
        func free() {
            LexiconView.release(conflicts)
            LexiconView.release(sides)
            LexiconView.release(populations)
            LexiconView.release(metrics)
            LexiconView.release(figureVerbs)
            LexiconView.release(qualifiers)
            LexiconView.release(rates)
            LexiconView.release(speakers)
            LexiconView.release(outlets)
            LexiconView.release(titleHeads)
            LexiconView.release(descriptions)
            LexiconView.release(surnames)
            LexiconView.release(surnameGroups)
            LexiconView.release(surnameBytes)
            LexiconView.release(tables.slots)
            LexiconView.release(groupFilters)
            for pointer in [
                UnsafeRawPointer(entries.baseAddress), UnsafeRawPointer(phrases.baseAddress),
                UnsafeRawPointer(phraseWords.baseAddress), UnsafeRawPointer(phraseOrder.baseAddress),
                UnsafeRawPointer(phraseGroups.baseAddress),
                UnsafeRawPointer(maxLength.baseAddress), UnsafeRawPointer(indexKeys.baseAddress),
                UnsafeRawPointer(indexValues.baseAddress), UnsafeRawPointer(lastWords.keys.baseAddress),
                UnsafeRawPointer(lastWords.values.baseAddress),
            ] {
                pointer.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
            }
        }
    }

    /// The value of an `attributionVerb` phrase that is a verb of counting
    /// ("recorded", "documented"), not of saying.
    static let countingVerb = 1

    /// Ends the life of values `owned` copied and frees their memory.
    private static func release<Element>(_ buffer: UnsafeBufferPointer<Element>) {
        guard let base = buffer.baseAddress else { return }
        let mutable = UnsafeMutablePointer(mutating: base)
        mutable.deinitialize(count: buffer.count)
        mutable.deallocate()
    }

    /// A copy of `values` in memory this object owns.
    private static func owned<Element>(_ values: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        return UnsafeBufferPointer(start: buffer.baseAddress, count: values.count)
    }

    /// Collects entries and phrases before they are frozen.
    private struct Builder {
        var index = WordTable(capacity: 4096)
        var entries: [Entry] = []
        var starting: [[Int32]] = []
        var phrases: [Phrase] = []
        var words: [UInt64] = []
        var maxLength = Array(repeating: 1, count: PhraseRole.Kind.allCases.count)
        /// A mask of kinds kept as a table value, which must not be negative:
        /// at most 31 kinds (checked when a phrase is added).
        var lastWords = WordTable(capacity: 1024)

        mutating func entry(for word: String) -> Int {
            entry(hash: WordHash.of(word))
        }

        mutating func entry(hash: UInt64) -> Int {
            if let found = index[hash] { return Int(found) }
            index[hash] = Int32(entries.count)
            entries.append(Entry())
            starting.append([])
            return entries.count - 1
        }

        mutating func add(_ texts: [String], _ kind: PhraseRole.Kind, _ value: Int) {
            for text in texts {
                let hashes = Tokenizer.phraseHashes(text)
                guard let first = hashes.first else { continue }
                let number = Int32(phrases.count)
                phrases.append(Phrase(first: Int32(words.count), count: Int32(hashes.count), role: PhraseRole(kind: kind, value: Int32(value))))
                words += hashes
                maxLength[Int(kind.rawValue)] = max(maxLength[Int(kind.rawValue)], hashes.count)
                precondition(kind.rawValue < 31, "the last-word table keeps at most 31 kinds of phrase")
                let last = hashes[hashes.count - 1]
                lastWords[last] = (lastWords[last] ?? 0) | Int32(kind.bit)
                let position = entry(hash: first)
                starting[position].append(number)
                entries[position].kinds |= kind.bit
            }
        }
    }

    /// Openings that name the same body: "UN refugee agency" is also written
    /// "U.N. refugee agency" and "United Nations refugee agency".
    static let equivalentOpenings: [[String]] = [["UN", "U.N.", "United Nations"], ["US", "U.S."], ["UK", "U.K."]]

    /// `names` with each name that opens with one of the
    /// ``equivalentOpenings`` also spelt with the others, and each with "of
    /// the" inside also without the article, once each.
    static func spellings(of names: [String]) -> [String] {
        var seen = Set<String>()
        var spellings: [String] = []
        for name in names {
            var variants = [name]
            if let group = equivalentOpenings.first(where: { $0.contains { name.hasPrefix($0 + " ") || name.hasPrefix($0 + "'s ") } }),
               let opening = group.first(where: { name.hasPrefix($0 + " ") || name.hasPrefix($0 + "'s ") }) {
                variants += group.map { $0 + name.dropFirst(opening.count) }
            }
            // "the Ministry of Defence of Russian Federation", "General
            // Staff of Armed Forces of Ukraine": a translation drops the
            // article inside a name.
            variants += variants.filter { $0.contains(" of the ") }.map { $0.replacingOccurrences(of: " of the ", with: " of ") }
            for variant in variants where seen.insert(variant.lowercased()).inserted { spellings.append(variant) }
        }
        return spellings
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
    ///
    /// Inlined where it is asked: four in five words start no phrase of the
    /// kind asked, and the look at the word that says so cost less than the
    /// call (and its saved registers) did.
    @inline(__always)
    func match(_ kind: PhraseRole.Kind, in tokens: UnsafeBufferPointer<Token>, at start: Int, limit: Int) -> PhraseMatch? {
        guard start < limit, tokens[start].entry >= 0 else { return nil }
        let entry = entries[Int(tokens[start].entry)]
        guard entry.kinds & kind.bit != 0 else { return nil }
        return phrase(kind, of: entry, in: tokens, at: start, limit: limit)
    }

    /// The longest phrase of `kind` at `start`, for a word that starts one
    /// of that kind (`entry`).
    private func phrase(
        _ kind: PhraseRole.Kind, of entry: Entry, in tokens: UnsafeBufferPointer<Token>, at start: Int, limit: Int
    ) -> PhraseMatch? {
        let group = Int(entry.firstGroup) + (entry.kinds & (kind.bit &- 1)).nonzeroBitCount
        // The phrases of two words or more only when the next word may be
        // the second word of one: most often it is not.
        let filter = groupFilters[group]
        let longer = start + 1 < limit && filter.seconds & (1 << (tokens[start + 1].hash & 63)) != 0
        let first = longer ? Int(phraseGroups[group]) : Int(filter.singles)
        for position in first..<Int(phraseGroups[group + 1]) {
            let phrase = phrases[Int(phraseOrder[position])]
            let count = Int(phrase.count)
            guard start + count <= limit else { continue }
            let base = Int(phrase.first)
            var offset = 1
            while offset < count, tokens[start + offset].hash == phraseWords[base + offset] { offset += 1 }
            if offset == count {
                return PhraseMatch(role: phrase.role, start: start, end: start + count)
            }
        }
        return nil
    }

    /// The longest phrase of `kind` that ends right before `end` and starts
    /// at or after `floor`.
    ///
    /// Inlined where it is asked, as ``match(_:in:at:limit:)`` is: stages
    /// ask it of word after word walking back, and most places end no
    /// phrase of the kind, which one probe says, rather than a try at
    /// every length (and the call that cost more than the probe).
    @inline(__always)
    func match(_ kind: PhraseRole.Kind, in tokens: UnsafeBufferPointer<Token>, endingAt end: Int, floor: Int) -> PhraseMatch? {
        guard end > floor else { return nil }
        let kinds = lastWords.find(tokens[end - 1].hash)
        guard kinds > 0, UInt32(kinds) & kind.bit != 0 else { return nil }
        return phrase(kind, in: tokens, endingAt: end, floor: floor)
    }

    /// The longest phrase of `kind` ending right before `end`, for a word
    /// that ends one of that kind.
    private func phrase(_ kind: PhraseRole.Kind, in tokens: UnsafeBufferPointer<Token>, endingAt end: Int, floor: Int) -> PhraseMatch? {
        var length = min(maxLength[Int(kind.rawValue)], end - floor)
        while length > 0 {
            if let found = match(kind, in: tokens, at: end - length, limit: end), found.end == end {
                return found
            }
            length -= 1
        }
        return nil
    }

    /// Whether any phrase of `kind` starts with `token`.
    @inline(__always)
    func starts(_ kind: PhraseRole.Kind, _ token: Token) -> Bool {
        token.entry >= 0 && entries[Int(token.entry)].kinds & kind.bit != 0
    }
}

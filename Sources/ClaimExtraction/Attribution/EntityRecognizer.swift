/// Finds who a sentence names: lexicon speakers by alias ("the Ukrainian
/// General Staff", "Moscow"), persons behind a title ("Defense Minister
/// Sergei Shoigu", "General Milio", matched by spelling to the lexicon or
/// kept as written), outlets ("the BBC"), pronouns, and definite
/// descriptions that refer back ("the top general", "the country").
struct EntityRecognizer {
    let lexicon: LexiconView

    /// The mentions of `scope`, in order, none overlapping.
    func recognize(_ scope: SentenceScope) -> [EntityMention] {
        // Which tokens a name covers, in a buffer on the stack for a
        // sentence's length rather than an array per sentence.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: scope.range.count) { covered in
            covered.initialize(repeating: false)
            return recognize(scope, covered: covered)
        }
    }

    private func recognize(_ scope: SentenceScope, covered: UnsafeMutableBufferPointer<Bool>) -> [EntityMention] {
        var mentions: [EntityMention] = []
        // Room for a sentence's usual few at the first mention: one
        // allocation rather than a regrowth at the second, third and fifth.
        func add(_ mention: EntityMention) {
            if mentions.capacity == 0 { mentions.reserveCapacity(8) }
            mentions.append(mention)
        }
        let lower = scope.range.lowerBound
        var i = lower
        let upper = scope.range.upperBound
        while i < upper {
            if let mention = name(scope, at: i) ?? body(scope, at: i) {
                add(mention)
                for k in mention.start..<mention.end { covered[k - lower] = true }
                i = mention.end
            } else {
                i += 1
            }
        }
        i = scope.range.lowerBound
        while i < upper {
            if covered[i - lower] {
                i += 1
                continue
            }
            let english = scope.english(i)
            let token = scope[i]
            // "Its Defense Ministry claimed": the party's body, not the
            // party itself.
            if EntityRecognizer.possessivePronouns.contains(token.hash), let description = description(scope, at: i, covered: covered) {
                add(description)
                i = description.end
                continue
            }
            var referent: Referent?
            if token.isWord, !token.has(.allCaps) {
                if english.contains(.personPronoun) { referent = .personPronoun }
                else if english.contains(.bodyPronoun) { referent = .bodyPronoun }
                else if english.contains(.groupPronoun) { referent = .groupPronoun }
                else if english.contains(.firstPersonPronoun) { referent = .firstPerson }
            }
            if let referent {
                add(EntityMention(start: i, end: i + 1, referent: referent))
                i += 1
                continue
            }
            // "Mamuka Mamulashvili, commander of the Georgian Legion,": a
            // full name the lexicon lacks, its title set beside it.
            if token.isWord, token.has(.capitalized), i == lower || !covered[i - 1 - lower], let person = apposedTitle(scope, at: i) {
                add(person)
                i = person.end
                continue
            }
            // "the top general", and "Ukraine's commander-in-chief".
            if token.keyword == .the || token.keyword == .possessive, let description = description(scope, at: i, covered: covered) {
                add(description)
                i = description.end
                continue
            }
            i += 1
        }
        mentions.sort { $0.start < $1.start }
        return mentions
    }

    /// A lexicon speaker or outlet, or a titled person, starting at `i`.
    ///
    /// Inlined where it is asked: most words start no name, and the look at
    /// the word that says so costs less than the call did (every word of a
    /// sentence is asked).
    @inline(__always)
    private func name(_ scope: SentenceScope, at i: Int) -> EntityMention? {
        let names = PhraseRole.Kind.speaker.bit | PhraseRole.Kind.outlet.bit | PhraseRole.Kind.title.bit
        let token = scope[i]
        guard token.entry >= 0 else { return nil }
        let kinds = scope.lexicon.entries[Int(token.entry)].kinds
        // "the BBC", "the UN human rights office": the article goes with the name.
        let article = token.keyword == .the || token.keyword == .a || token.keyword == .an
        guard kinds & names != 0 || article else { return nil }
        return name(scope, at: i, article: article)
    }

    /// A person's full name of two or three words at `i` with a title
    /// after a comma ("…, commander of the Georgian Legion", "…, the
    /// head of the agency").
    private func apposedTitle(_ scope: SentenceScope, at i: Int) -> EntityMention? {
        let upper = scope.range.upperBound
        guard let end = nameRun(scope, from: i), end - i >= 2, end + 2 < upper, scope[end].mark == .comma else { return nil }
        var title = end + 1
        if scope.english(title).contains(.article) { title += 1 }
        // (Not a place before a title that heads a name of its own: "In
        // Donetsk Oblast, Governor Vadym Filashkin said".)
        guard title < upper, let found = scope.match(.title, at: title), found.end >= upper || !isNameWord(scope, found.end),
              i == scope.range.lowerBound || !CueReader.placesWhatFollows(scope[i - 1])
        else { return nil }
        return EntityMention(start: i, end: end, referent: person(scope, i, end, titleHead: nil))
    }

    /// "the ministry of external affairs (MEA)": a name written in lower
    /// case, then in brackets as an acronym of the same speaker.
    private func acronymFollows(_ scope: SentenceScope, _ name: PhraseMatch) -> Bool {
        guard name.end + 2 < scope.range.upperBound, scope[name.end].mark == .openParen,
              let acronym = scope.match(.speaker, at: name.end + 1), acronym.role.value == name.role.value
        else { return false }
        return acronym.end < scope.range.upperBound && scope[acronym.end].mark == .closeParen && hasCapital(scope, acronym)
    }

    /// The name starting at `i`, a word that starts a speaker, outlet or
    /// title phrase or is an article (`article`).
    private func name(_ scope: SentenceScope, at i: Int, article: Bool) -> EntityMention? {
        var at = article && i + 1 < scope.range.upperBound ? i + 1 : i
        // "a senior Pentagon official".
        while article, at < scope.range.upperBound - 1, at < i + 3, EntityRecognizer.rank.contains(scope[at].hash) { at += 1 }
        var best: EntityMention?
        // A name needs a capital; a group the lexicon names in lower case
        // ("regional authorities") is a common noun and needs none.
        if let speaker = scope.match(.speaker, at: at),
           hasCapital(scope, speaker) || scope.lexicon.speakers[Int(speaker.role.value)].name.first?.isLowercase == true
            || acronymFollows(scope, speaker) {
            best = EntityMention(start: i, end: speaker.end, referent: .speaker(Int(speaker.role.value)))
            // "Ukraine's Coordination Headquarters for the Treatment of
            // Prisoners of War": a longer name after the possessive (than
            // an alias that takes the possessive in) is the one meant.
            if at + 2 < scope.range.upperBound, scope[at + 1].keyword == .possessive,
               let longer = scope.match(.speaker, at: at + 2), longer.end > speaker.end, hasCapital(scope, longer) {
                best = EntityMention(start: i, end: longer.end, referent: .speaker(Int(longer.role.value)))
            }
        }
        if let outlet = scope.match(.outlet, at: at), hasCapital(scope, outlet), outlet.end > best?.end ?? 0 {
            best = EntityMention(start: i, end: outlet.end, referent: .outlet(Int(outlet.role.value)))
        }
        if var best {
            // "a Washington-based think tank", "Kremlin-backed separatists":
            // a name joined to a participle is a modifier, not who speaks.
            if isCompoundModifier(scope, after: best.end) { return nil }
            // "a Pentagon official", "UN spokesperson": one who speaks for
            // the body speaks its figures.
            // ("a senior Nato military official": a field may stand between.)
            let field = best.end + 1 < scope.range.upperBound && EntityRecognizer.fields.contains(scope[best.end].hash) ? 1 : 0
            if best.end + field < scope.range.upperBound, EntityRecognizer.representatives.contains(scope[best.end + field].hash),
               case .speaker = best.referent {
                best.end += field + 1
                return best
            }
            // "the US senior general": a name used as a modifier leaves the
            // phrase to the description it modifies.
            if article, attributive(scope, after: best.end) { return nil }
            if at > i + 1 { return nil }
            return best
        }
        var k = i
        var titleHead: UInt64?
        while let title = scope.match(.title, at: k) {
            titleHead = scope.lexicon.titleHeads[Int(title.role.value)]
            k = title.end
            if k < scope.range.upperBound, scope[k].mark == .comma { break }
        }
        guard k > i, k < scope.range.upperBound else { return nil }
        if let speaker = scope.match(.speaker, at: k), hasCapital(scope, speaker) {
            return EntityMention(start: i, end: speaker.end, referent: .speaker(Int(speaker.role.value)), titleHead: titleHead)
        }
        guard let end = nameRun(scope, from: k) else { return nil }
        return EntityMention(start: i, end: end, referent: person(scope, k, end, titleHead: titleHead), titleHead: titleHead)
    }

    /// A body the lexicon lacks, named the way bodies are: capitalised
    /// words around a head such as Ministry, Office or Headquarters, with
    /// "of", "for", "and" and "the" inside ("the Kharkiv Regional
    /// Prosecutor's Office", "Coordination Headquarters for the Treatment
    /// of PoWs").
    ///
    /// Inlined where it is asked, as ``name(_:at:)`` is: most words are no
    /// capitalised word nor "the" before one.
    @inline(__always)
    private func body(_ scope: SentenceScope, at i: Int) -> EntityMention? {
        let k = scope[i].keyword == .the ? i + 1 : i
        guard k < scope.range.upperBound, scope[k].isWord, scope[k].has(.capitalized) else { return nil }
        // ("On Thursday the General Staff reported": a sentence's first
        // word and a day are no part of a body's name.)
        guard !scope.english(k).contains(.function) || EntityRecognizer.bodyHeads.contains(scope[k].hash),
              !EntityRecognizer.calendarWords.contains(scope[k].hash) else { return nil }
        return body(scope, at: i, first: k)
    }

    /// The body named from `i`, its first capitalised word at `first`.
    private func body(_ scope: SentenceScope, at i: Int, first: Int) -> EntityMention? {
        let upper = scope.range.upperBound
        var k = first
        var headEnd: Int?
        var capitals = 0
        let bodyHeads = EntityRecognizer.bodyHeads, bodyJoiners = EntityRecognizer.bodyJoiners
        while k < upper, k < first + 12 {
            let token = scope[k]
            // ("Chief of the General Staff of the Russian Armed Forces
            // Valery Gerasimov": a person's name ends the body's.)
            if k > first, token.entry >= 0, let person = scope.match(.speaker, at: k),
               scope.lexicon.speakers[Int(person.role.value)].isPerson {
                break
            }
            if token.isWord, token.has(.capitalized), !scope.english(k).contains(.function) || bodyHeads.contains(token.hash),
               !EntityRecognizer.calendarWords.contains(token.hash) {
                capitals += 1
                if bodyHeads.contains(token.hash) { headEnd = k + 1 }
                k += 1
                continue
            }
            // "Prosecutor's Office", "Treatment of PoWs", "Defence and Security".
            if token.keyword == .possessive || bodyJoiners.contains(token.hash),
               k + 1 < upper, scope[k + 1].isWord, scope[k + 1].has(.capitalized) || scope[k + 1].keyword == .the {
                k += 1
                continue
            }
            break
        }
        // "Nepal's foreign ministry": a country the lexicon does not know,
        // its body named in lower case.
        if headEnd == nil, capitals <= 2, k + 1 < upper, scope[k].keyword == .possessive, scope.side(at: first) == nil {
            var j = k + 1
            while j < min(upper, k + 5), scope[j].isWord, !scope[j].has(.capitalized) {
                if EntityRecognizer.bodyHeads.contains(scope[j].hash) || scope[j].hash == EntityRecognizer.embassy {
                    return EntityMention(start: i, end: j + 1, referent: .body(scope.text(first, j + 1)))
                }
                if !scope.english(j).isEmpty { break }
                j += 1
            }
        }
        // "Mariupol city council", "Odesa regional administration": a place
        // the lexicon does not know, its local body in lower case.
        if headEnd == nil, capitals <= 2, k + 1 < upper, scope.side(at: first) == nil, scope.english(first).isEmpty {
            var j = k
            while j < min(upper, k + 3), scope[j].isWord, !scope[j].has(.capitalized), scope.english(j).isEmpty {
                if EntityRecognizer.localBodies.contains(scope[j].hash) {
                    return EntityMention(start: i, end: j + 1, referent: .body(scope.text(first, j + 1)))
                }
                j += 1
            }
        }
        guard let end = headEnd.map({ head in
            // The name goes on after its head only through "of"/"for": "Office of the Prosecutor General".
            var e = head
            var j = head
            while j < k {
                if scope[j].isWord, scope[j].has(.capitalized) { e = j + 1 }
                j += 1
            }
            return head < k && (scope[head].hash == EntityRecognizer.ofHash || scope[head].keyword == .for) ? e : head
        }), capitals >= 2 else { return nil }
        // "the Defence Ministry", "the General Staff": a description of a
        // party's body written with capitals, not a body of its own name.
        if let description = scope.match(.description, at: first), description.end == end { return nil }
        return EntityMention(start: i, end: end, referent: .body(scope.text(first, end)))
    }

    static let bodyHeads = WordSet([
        "ministry", "office", "service", "committee", "agency", "council", "commission", "administration",
        "headquarters", "center", "centre", "department", "police", "directorate", "inspectorate", "bureau",
        "institute", "mission", "command", "staff", "guard", "prosecutor", "ombudsman",
    ].map(WordHash.of))
    static let localBodies = WordSet(["council", "administration"].map(WordHash.of))
    static let calendarWords = WordSet(English.weekdays.keys.map(WordHash.of) + English.months.keys.filter { $0 != "may" }.map(WordHash.of))
    static let bodyJoiners = WordSet(["of", "for", "and", "the", "on"].map(WordHash.of))
    static let ofHash = WordHash.of("of")
    static let embassy = WordHash.of("embassy")

    /// A person named by `scope[from..<to]`: a lexicon speaker when an alias
    /// or a close spelling of the surname matches, else the name as written.
    func person(_ scope: SentenceScope, _ from: Int, _ to: Int, titleHead: UInt64?) -> Referent {
        if let speaker = scope.match(.speaker, at: from), speaker.end == to {
            return .speaker(Int(speaker.role.value))
        }
        let last = scope[to - 1]
        // The surname folded, in a buffer on the stack: a name is short.
        let found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(last.end - last.start)) { buffer in
            var count = 0
            for k in Int(last.start)..<Int(last.end) {
                let b = scope.bytes[k]
                if Tokenizer.isLetter(b) || b >= 0x80 {
                    buffer[count] = b >= 0x80 ? b : b | 0x20
                    count += 1
                }
            }
            return NameMatcher(lexicon: lexicon).match(surname: UnsafeBufferPointer(rebasing: buffer[0..<count]), titleHead: titleHead)
        }
        if let speaker = found, to - from < 2 || sameInitial(scope[from], lexicon.speakers[speaker].name, in: scope) {
            return .speaker(speaker)
        }
        return .person(scope.text(from, to))
    }

    /// "Vladyslav Voloshyn" is not the lexicon's Nazar Voloshyn: a first
    /// name given must at least begin as the canonical one does ("Valeriy"
    /// and "Valery" do).
    private func sameInitial(_ first: Token, _ canonical: String, in scope: SentenceScope) -> Bool {
        guard let initial = canonical.utf8.first else { return true }
        return scope.bytes[Int(first.start)] | 0x20 == initial | 0x20
    }

    /// One past the last word of a run of capitalised name words starting
    /// at `from` (at most three: "Igor Konashenkov", "Eirik Kristoffersen").
    func nameRun(_ scope: SentenceScope, from: Int) -> Int? {
        var k = from
        while k < scope.range.upperBound, k - from < 4, isNameWord(scope, k) {
            k += 1
            if k + 1 < scope.range.upperBound, scope[k].mark == .hyphen, !scope[k].has(.spaceBefore), isNameWord(scope, k + 1) {
                k += 1
            }
            if k < scope.range.upperBound, isNameTail(scope, k) { k += 1 }
        }
        return k > from ? k : nil
    }

    /// Whether token `k` is the rest of a name after an apostrophe
    /// ("Sing'oei"), which the tokenizer cut off as it cuts off "'s": glued
    /// to the name and no clitic English knows.
    private func isNameTail(_ scope: SentenceScope, _ k: Int) -> Bool {
        let token = scope[k]
        let first = scope.bytes[Int(token.start)]
        // A straight apostrophe, or a typographic one (U+2019).
        return token.kind == .word && !token.has(.spaceBefore) && token.entry < 0 && token.keyword == .none
            && (first == UInt8(ascii: "'") || first == 0xE2)
    }

    /// The first word of a run of capitalised name words ending right
    /// before `end`.
    func nameRun(_ scope: SentenceScope, endingAt end: Int) -> Int? {
        var k = end - 1
        var words = 0
        while k >= scope.range.lowerBound, words < 3, isNameWord(scope, k) {
            words += 1
            k -= 1
            // "Petrenko-Kovalska".
            if k - 1 >= scope.range.lowerBound, scope[k].mark == .hyphen, !scope[k].has(.spaceBefore),
               !scope[k + 1].has(.spaceBefore), isNameWord(scope, k - 1) {
                k -= 1
            }
        }
        return k + 1 < end ? k + 1 : nil
    }

    func isNameWord(_ scope: SentenceScope, _ k: Int) -> Bool {
        let token = scope[k]
        guard token.kind == .word, token.has(.capitalized) else { return false }
        // "Pipping earlier estimates, …": a sentence opened by a participle.
        if k == scope.range.lowerBound, token.end - token.start > 4,
           scope.bytes[Int(token.end) - 3] == UInt8(ascii: "i"), scope.bytes[Int(token.end) - 2] == UInt8(ascii: "n"),
           scope.bytes[Int(token.end) - 1] == UInt8(ascii: "g") {
            return false
        }
        guard let entry = scope.lexicon.entry(of: token) else { return true }
        if entry.english.contains(.function) || entry.english.contains(.commonSource) { return false }
        if entry.month > 0 || entry.weekday > 0 || entry.numeral >= 0 || entry.scale > 0 { return false }
        let blocking: UInt32 = PhraseRole.Kind.side.bit | PhraseRole.Kind.title.bit | PhraseRole.Kind.outlet.bit
            | PhraseRole.Kind.population.bit | PhraseRole.Kind.metric.bit | PhraseRole.Kind.attributionVerb.bit
            | PhraseRole.Kind.otherConflict.bit | PhraseRole.Kind.foreignSide.bit
        return entry.kinds & blocking == 0
    }

    /// "the top general", "the US senior general", "the country", "the
    /// ministry": the article, up to three modifiers, and a title or a
    /// description head not followed by a name.
    private func description(_ scope: SentenceScope, at start: Int, covered: UnsafeMutableBufferPointer<Bool>) -> EntityMention? {
        var k = start + 1
        let upper = scope.range.upperBound
        while k < upper, k - start <= 4 {
            // "the US senior general": a name may modify the head, but a
            // name's own words ("the Ukrainian General Staff") are no head.
            let isCovered = covered[k - scope.range.lowerBound]
            let token = scope[k]
            guard token.isWord else { return nil }
            if isCovered {
                k += 1
                continue
            }
            // "the Defence Ministry" capitalised is still the description
            // of a party's ministry, unless a name goes on after it.
            if let head = scope.match(.description, at: k) {
                if head.end < upper, isNameWord(scope, head.end) { return nil }
                return EntityMention(start: start, end: head.end, referent: .description(Int(head.role.value)))
            }
            if let title = scope.match(.title, at: k) {
                if title.end < upper, isNameWord(scope, title.end) || scope[title.end].mark == .comma && title.end + 1 < upper && isNameWord(scope, title.end + 1) {
                    return nil
                }
                let side = (start + 1..<title.end).lazy.compactMap { scope.match(.side, at: $0) }.first.map { Int($0.role.value) }
                return EntityMention(
                    start: start, end: title.end, referent: .titled(scope.lexicon.titleHeads[Int(title.role.value)], side: side))
            }
            if scope.english(k).contains(.clauseOpener) || token.keyword == .possessive { return nil }
            k += 1
        }
        return nil
    }

    static let possessivePronouns = WordSet(["its", "their"].map(WordHash.of))
    static let rank = WordSet(["senior", "top", "unnamed", "anonymous", "high-ranking", "leading"].map(WordHash.of))
    static let fields = WordSet([
        "military", "defence", "defense", "intelligence", "security", "government", "administration", "diplomatic",
    ].map(WordHash.of))
    static let representatives = WordSet([
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
        "representatives", "source", "sources",
    ].map(WordHash.of))

    private func attributive(_ scope: SentenceScope, after end: Int) -> Bool {
        var k = end
        while k < scope.range.upperBound, k < end + 3 {
            if scope.match(.title, at: k) != nil || scope.match(.description, at: k) != nil { return true }
            guard scope[k].isWord, !scope[k].has(.capitalized), scope[k].entry < 0 else { return false }
            k += 1
        }
        return false
    }

    /// Whether a hyphen at `end` joins the name before it to a word in
    /// lower case ("Washington-based", "US-led", "Moscow-installed").
    private func isCompoundModifier(_ scope: SentenceScope, after end: Int) -> Bool {
        end + 1 < scope.range.upperBound && scope[end].mark == .hyphen && !scope[end].has(.spaceBefore)
            && !scope[end + 1].has(.spaceBefore) && scope[end + 1].isWord && !scope[end + 1].has(.capitalized)
            && !scope[end + 1].has(.allCaps)
    }

    private func hasCapital(_ scope: SentenceScope, _ match: PhraseMatch) -> Bool {
        (match.start..<match.end).contains { scope[$0].has(.capitalized) }
    }
}

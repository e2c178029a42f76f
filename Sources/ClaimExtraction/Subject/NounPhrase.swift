/// The words right after a figure that say what it counts: "100,000
/// Russian soldiers", "40,000 innocent deaths", "200 prisoners of war",
/// "1 lakh Russian" (a head left to the next conjunct).
struct NounPhrase: Sendable, Hashable {
    /// One past its last word.
    var end: Int
    /// Sides named by adjectives or demonyms, as lexicon indices.
    var sides: [Int] = []
    var population: Population?
    var metrics: [Metric] = []
    var rate: Rate?
    /// "each side" after the figure.
    var each = false
    /// The figure counts tanks, bases, reservists or another war's soldiers.
    var excluded = false
    /// The figure counts something the lexicon does not know: "17 command
    /// posts", "30 days".
    var blocked = false
    /// The population is only "people": soldiers when the clause is about
    /// a side's losses ("Ukraine had lost about 25,000 people").
    var weakPopulation = false
    /// The head is "men" with no women or children beside it: soldiers,
    /// unless an attack killed them.
    var soldiersByDefault = false
    /// The head names people without saying soldiers or civilians
    /// ("people", "citizens"): held captive, they are counted as soldiers.
    var anyone = false
    /// A loss word stands before the head as its adjective: "two wounded
    /// soldiers" (captured, if a verb says so).
    var describedByLoss = false

    /// "11,400 of those losses": a part of a whole named after the figure.
    var partOfWhole = false

    /// "248 of its servicemen": whose they are is a pronoun's antecedent.
    var ownersPronoun = false

    static let names = WordSet(["names", "name"].map(WordHash.of))

    /// A word names what is counted (not just whose).
    var hasHead: Bool { population != nil || !metrics.isEmpty }

    /// Reads the phrase that starts at `start`.
    init(_ scope: SentenceScope, from start: Int) {
        end = start
        var k = start
        var unknown = 0
        let limit = min(scope.range.upperBound, start + 9)
        while k < limit {
            let token = scope[k]
            if token.isQuote {
                k += 1
                continue
            }
            // "4,000 of the approximately 11,000 North Korean troops": the
            // whole's noun is the part's.
            if k == start, token.keyword == .of, k + 2 < scope.range.upperBound,
               let number = (k + 2..<min(scope.range.upperBound, k + 5)).first(where: { scope[$0].kind == .number }),
               NumberReader.wholeAfter(scope, k, number) {
                var after = number + 1
                while after < scope.range.upperBound, scope.lexicon.entry(of: scope[after]).map({ $0.scale > 0 }) == true { after += 1 }
                k = after
                continue
            }
            // "61,415 names of Russian servicemen killed": a list of the
            // dead counts the people it names.
            // ("168,310 — the names of Russian servicemen killed").
            var list = k
            if k == start, token.mark == .dash, k + 1 < scope.range.upperBound, scope[k + 1].keyword == .the {
                list = k + 2
            } else if k == start, token.keyword == .the {
                list = k + 1
            }
            if k == start, list + 2 < scope.range.upperBound, NounPhrase.names.contains(scope[list].hash), scope[list + 1].keyword == .of {
                k = list + 2
                continue
            }
            // "9,000 of the group's fighters": of a body named before.
            if k == start, token.keyword == .of, k + 4 < limit, scope[k + 1].keyword == .the, scope[k + 2].isWord,
               !scope[k + 2].has(.capitalized), scope[k + 3].keyword == .possessive {
                ownersPronoun = true
                k += 4
                continue
            }
            // "11,400 of those losses were irrecoverable": a part of a whole
            // whose loss the verb after it narrows.
            if k == start, token.keyword == .of, k + 2 < limit, NounPhrase.demonstratives.contains(scope[k + 1].hash) {
                partOfWhole = true
                k += 2
                continue
            }
            // "24 of its servicemen": whom a part is of.
            if k == start, token.keyword == .of, k + 2 < limit, NounPhrase.determiners.contains(scope[k + 1].hash) {
                ownersPronoun = true
                k += 2
                continue
            }
            // "4,056 mobilized soldiers" were killed; "300,000 mobilized" were raised.
            if let found = scope.match(.mobilisation, at: k), found.end < limit, scope.match(.population, at: found.end) != nil {
                k = found.end
                continue
            }
            // "25 injured every single day": a period, not a thing counted.
            if hasHead, let found = scope.match(.rate, at: k) {
                rate = scope.lexicon.rates[Int(found.role.value)]
                k = found.end
                end = k
                continue
            }
            if let found = scope.match(.countedThing, at: k) ?? scope.match(.mobilisation, at: k)
                ?? scope.match(.foreignSide, at: k) {
                excluded = true
                end = found.end
                return
            }
            // "troop-carrying vehicles": a compound modifier, not the head.
            if let found = scope.match(.population, at: k) ?? scope.match(.metric, at: k),
               found.end + 1 < limit, scope[found.end].mark == .hyphen, !scope[found.end].has(.spaceBefore),
               scope[found.end + 1].isWord, !scope[found.end + 1].has(.spaceBefore) {
                unknown += 1
                k = found.end + 2
                continue
            }
            // "two US-made HMMWV armored vehicles": a modifier of two words
            // joined by a hyphen.
            if token.isWord, unknown < 2, k + 2 < limit, scope[k + 1].mark == .hyphen, !scope[k + 1].has(.spaceBefore),
               scope[k + 2].isWord, !scope[k + 2].has(.spaceBefore), scope.match(.metric, at: k) == nil {
                unknown += 1
                k += 3
                continue
            }
            // "250 other armored vehicles".
            if token.isWord, NounPhrase.modifiers.contains(token.hash) {
                k += 1
                continue
            }
            if let found = scope.match(.metric, at: k) {
                let metric = scope.lexicon.metrics[Int(found.role.value)].metric
                // "5,032 were prisoners recruited by Wagner": convicts who
                // became soldiers, not captives.
                if metric == .captured, found.end < scope.range.upperBound, NounPhrase.recruited.contains(scope[found.end].hash) {
                    if population == nil { population = .military }
                    k = found.end
                    end = k
                    unknown = 0
                    continue
                }
                // "50 prisoners of war were killed": what befell the captives
                // (a verb, "were killed", after the head) is their loss.
                if metrics == [.captured], metric == .killed, k > start, scope.english(k).contains(.copula) {
                    metrics = [.killed]
                } else {
                    metrics.append(metric)
                }
                k = found.end
                end = k
                unknown = 0
                continue
            }
            if let found = scope.match(.population, at: k) {
                // "3,392 Ukrainian soldiers and civilians": the first head names them.
                if population == nil {
                    describedByLoss = !metrics.isEmpty
                    population = scope.lexicon.populations[Int(found.role.value)]
                    weakPopulation = found.end == k + 1 && NounPhrase.weakNouns.contains(token.hash)
                    anyone = found.end == k + 1 && (weakPopulation || NounPhrase.citizens.contains(token.hash))
                    if found.end == k + 1, token.hash == NounPhrase.men {
                        if scope.range.contains(where: { NounPhrase.civilianKin.contains(scope[$0].hash) }) {
                            population = .civilian
                        } else {
                            soldiersByDefault = true
                        }
                    }
                }
                k = found.end
                end = k
                unknown = 0
                continue
            }
            // "70,000 people fighting in Russia's military": soldiers.
            if weakPopulation, token.isWord, NounPhrase.serving.contains(token.hash) {
                population = .military
                weakPopulation = false
                var j = k + 1
                while j < min(scope.range.upperBound, k + 5) {
                    if let found = scope.side(at: j) {
                        sides.append(found.side)
                        break
                    }
                    j += 1
                }
                k = j < scope.range.upperBound && j < k + 5 ? j + 1 : k + 1
                end = k
                continue
            }
            if let found = scope.side(at: k) {
                sides.append(found.side)
                k = found.end
                end = k
                continue
            }
            // "1,035 foreign fighters on Ukraine's side": whose side they
            // fought on.
            if token.keyword == .on, hasHead, k + 1 < limit {
                var next = scope[k + 1].keyword == .the ? k + 2 : k + 1
                if let found = scope.side(at: next), found.side != SentenceScope.enemy {
                    next = found.end
                    if next < limit, scope[next].keyword == .possessive { next += 1 }
                    if next < limit, scope[next].hash == NounPhrase.sideWord {
                        sides.append(found.side)
                        k = next + 1
                        end = k
                        continue
                    }
                }
            }
            // "6,060 bodies of Ukrainian soldiers", "31 servicemen of the
            // Russian army": whose a head is, after "of".
            if token.keyword == .of, hasHead, k + 1 < limit {
                let next = scope[k + 1].keyword == .the && k + 2 < limit ? k + 2 : k + 1
                if scope.side(at: next) != nil || scope.match(.population, at: next) != nil {
                    k = next
                    continue
                }
            }
            if token.mark == .comma || token.keyword == .and || token.keyword == .or {
                var next = k + 1
                if next < limit, scope[next].keyword == .and || scope[next].keyword == .or { next += 1 }
                // "killed and wounded", "Russian and Ukrainian soldiers".
                // "killed and wounded" joins the head; "killed 21 people and
                // hurt 112" is a second verb with a figure of its own.
                let joinedMetric = scope.match(.metric, at: next)
                // ("killed two and wounded five": in words too.)
                let ownFigure = joinedMetric.map {
                    $0.end < scope.range.upperBound
                        && (scope[$0.end].kind == .number || (scope.lexicon.entry(of: scope[$0.end])?.numeral ?? 0) > 0)
                } ?? false
                // "12 people and injured scores more": after a population, a
                // loss word is a verb of its own.
                let joinsHead = next < limit && !ownFigure
                    && (joinedMetric != nil && (!metrics.isEmpty || population == nil) || scope.match(.population, at: next) != nil)
                // ("put Ukrainian deaths at 90,000 and Russian deaths at
                // double that": right after a bare figure, another object.)
                let joinsSide = token.mark != .comma && k > start && next < limit
                    && scope.match(.side, at: next).map { NounPhrase.headFollows(scope, $0.end, limit: limit) } == true
                if joinsHead || joinsSide {
                    k = next
                    continue
                }
                break
            }
            // ("6.5 million worldwide": an adverb ends the phrase; it is no noun.)
            if token.isWord, NounPhrase.placeAdverbs.contains(token.hash) { break }
            // An adjective the lexicon lacks ("brave soldiers") may stand
            // before the head.
            if token.isWord, token.entry < 0 || scope.english(k).isEmpty, unknown < 2, k - start < 4 {
                unknown += 1
                k += 1
                continue
            }
            break
        }
        // "147,210 named individually": a participle right after the figure
        // is a verb on it, not a noun the lexicon lacks.
        if unknown > 0, !hasHead, sides.isEmpty,
           !(start < scope.range.upperBound && scope.english(start).isEmpty && scope.isParticiple(start, endingWith: "ed")) {
            blocked = true
        }
    }

    static let placeAdverbs = WordSet([
        "worldwide", "globally", "abroad", "overseas", "nationwide", "countrywide", "elsewhere", "overall", "altogether",
    ].map(WordHash.of))
    static let modifiers = WordSet(["other", "additional", "further", "fellow", "more"].map(WordHash.of))
    static let serving = WordSet(["fighting", "serving", "fought", "served"].map(WordHash.of))
    /// Participles that make "prisoners" convicts turned soldiers.
    static let recruited = WordSet(["recruited", "enlisted"].map(WordHash.of))
    static let determiners = WordSet(["its", "their", "our", "his", "her"].map(WordHash.of))
    static let demonstratives = WordSet(["those", "these", "the"].map(WordHash.of))
    static let sideWord = WordHash.of("side")
    static let weakNouns = WordSet(["people", "persons"].map(WordHash.of))
    static let citizens = WordSet(["citizens", "compatriots", "nationals"].map(WordHash.of))
    /// "lost 270 men" counts soldiers; "29 men, 21 women and 1 girl" civilians.
    static let men = WordHash.of("men")
    static let civilianKin = WordSet(["women", "woman", "children", "girls", "girl", "boys", "boy", "civilians"].map(WordHash.of))

    /// (Not a head that opens a clause of its own: "lost 500 soldiers and
    /// Russian forces lost 1,200", "… and Russian forces 1,200".)
    private static func headFollows(_ scope: SentenceScope, _ at: Int, limit: Int) -> Bool {
        guard at < limit, let head = scope.match(.population, at: at) ?? scope.match(.metric, at: at) else { return false }
        guard head.end < scope.range.upperBound else { return true }
        let next = scope[head.end]
        return next.kind != .number && scope.match(.figureVerb, at: head.end) == nil && scope.match(.metric, at: head.end) == nil
    }
}

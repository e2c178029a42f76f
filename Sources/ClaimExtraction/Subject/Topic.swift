/// What a sentence is about when a later figure leaves its subject to a
/// pronoun: "Russian losses — … I said it was over 100,000".
struct Topic: Sendable, Hashable {
    var metric: Metric
    var sides: [Int]
    var population: Population?
    /// The period and the figure of the last figure counted, when the topic
    /// is the figures of a sentence before: "lost 1,350 over the past day.
    /// Of these, 415 …".
    var rate: Rate? = nil
    var low: Double = 0
}

/// Whose losses of whom the rows under a heading count: "Russian Armed
/// Forces" over "Killed: 120,000", "Civilians (in Ukraine)" over
/// "Wounded: 19,875".
struct Heading: Sendable, Hashable {
    /// The sides it names: one, or all of them for "Total (both sides)".
    var sides: [Int]
    var population: Population?

    /// The heading `scope` is, if it is one: a short line of its own
    /// without a figure, that does not end as a sentence does.
    ///
    /// - Parameter above: the heading before it, whose side a heading that
    ///   names none ("Wagner Group" under "Russia and allies") keeps.
    init?(_ scope: SentenceScope, above: Heading?) {
        // ("1. Russian military losses in 2025": a section's number and a
        // year are no figure.)
        guard scope.isLine, scope.range.count <= 10, let last = scope.range.last, scope[last].mark != .period,
              !scope.range.contains(where: { k in
                  let token = scope[k]
                  guard token.kind == .number else { return false }
                  let year = token.digits == 4 && !token.has(.grouped) && (1900...2100).contains(token.value)
                  let itemNumber = k == scope.range.lowerBound && token.digits <= 2 && k + 1 < scope.range.upperBound
                      && scope[k + 1].mark == .period
                  return !year && !itemNumber
              }) else { return nil }
        self.init(naming: scope, above: above)
    }

    /// The sides and population `scope` names, as a heading over what
    /// follows it (a table's column: "Russian military losses"); nil when
    /// it names no side and there is no heading above to keep.
    init?(naming scope: SentenceScope, above: Heading? = nil) {
        var sides: [Int] = []
        var population: Population?
        var k = scope.range.lowerBound
        while k < scope.range.upperBound {
            if scope.match(.jointEach, at: k) != nil || scope.match(.jointCombined, at: k) != nil {
                sides = Array(scope.lexicon.sides.indices)
            }
            // ("Ukrainian General Staff (daily reports, 2025):" names a
            // source, not whose losses.)
            // ("Russian military losses" names whose losses.)
            if let speaker = scope.match(.speaker, at: k), speaker.end > k + 1,
               speaker.end >= scope.range.upperBound || scope.match(.metric, at: speaker.end) == nil && scope.match(.population, at: speaker.end) == nil {
                k = speaker.end
                continue
            }
            if let found = scope.match(.side, at: k) {
                if !sides.contains(Int(found.role.value)) { sides.append(Int(found.role.value)) }
                k = found.end
                continue
            }
            // ("People's Republics" names no one's losses.)
            if population == nil, let found = scope.match(.population, at: k), !NounPhrase.weakNouns.contains(scope[k].hash) {
                population = scope.lexicon.populations[Int(found.role.value)]
                k = found.end
                continue
            }
            k += 1
        }
        if sides.isEmpty {
            guard let above else { return nil }
            self.sides = above.sides
            self.population = population ?? above.population
        } else {
            self.sides = sides
            self.population = population
        }
    }
}

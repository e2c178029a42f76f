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
        guard scope.isLine, scope.range.count <= 8, let last = scope.range.last, scope[last].mark != .period,
              !scope.range.contains(where: { scope[$0].kind == .number }) else { return nil }
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

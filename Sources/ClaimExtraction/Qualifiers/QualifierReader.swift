/// Reads how a figure is hedged: the lexicon's phrases ending right before
/// it ("well over", "significantly more than", "in excess of", "no fewer
/// than", "quickly reaching"), also inside quotation marks ("‘well over’
/// 100,000"), or following it ("100,000 or more"). A range is a range
/// whatever its hedge.
struct QualifierReader {
    /// A figure's hedge and where its words start.
    struct Reading: Sendable, Hashable {
        var qualifier: Qualifier
        /// The first token of the hedge, or of the figure when there is none.
        var start: Int
        /// One past the figure or a hedge that follows it.
        var end: Int
    }

    /// The hedge of `mention` in `scope`.
    func read(_ scope: SentenceScope, _ mention: NumberMention) -> Reading {
        var reading = Reading(qualifier: .exact, start: mention.start, end: mention.end)
        // A hedge may sit inside quotation marks of its own.
        let before = scope.skipQuotes(back: mention.start - 1) + 1
        if let found = scope.match(.qualifierBefore, endingAt: before), !isParticle(scope, found) {
            reading.qualifier = scope.lexicon.qualifiers[Int(found.role.value)]
            var start = found.start
            if start - 1 >= scope.range.lowerBound, scope[start - 1].isQuote { start -= 1 }
            reading.start = start
        }
        var after = scope.skipQuotes(from: mention.end)
        // "100,000-plus".
        if after < scope.range.upperBound, scope[after].mark == .hyphen { after += 1 }
        if let found = scope.match(.qualifierAfter, at: after) {
            if reading.qualifier == .exact { reading.qualifier = scope.lexicon.qualifiers[Int(found.role.value)] }
            reading.end = found.end
        }
        // Signs glued to the figure, as tables write hedges: "~70,000",
        // "45,123+".
        if reading.qualifier == .exact {
            if mention.start > scope.range.lowerBound, !scope[mention.start].has(.spaceBefore),
               isSign(scope, mention.start - 1, "~") {
                reading.qualifier = .approximately
                reading.start = mention.start - 1
            } else if mention.end < scope.range.upperBound, !scope[mention.end].has(.spaceBefore),
                      isSign(scope, mention.end, "+") {
                reading.qualifier = .atLeast
                reading.end = mention.end + 1
            }
        }
        if mention.isRange { reading.qualifier = .range }
        return reading
    }

    /// Whether token `k` is the one-character sign `sign`.
    private func isSign(_ scope: SentenceScope, _ k: Int, _ sign: Unicode.Scalar) -> Bool {
        let token = scope[k]
        return token.mark == .other && token.end - token.start == 1 && scope.bytes[Int(token.start)] == UInt8(ascii: sign)
    }

    /// "handed over 6,060 bodies", "turned over 300 prisoners": the
    /// particle of a phrasal verb, not a hedge. ("took over 300
    /// prisoners" may be either, and stays a hedge.)
    private func isParticle(_ scope: SentenceScope, _ found: PhraseMatch) -> Bool {
        found.end - found.start == 1 && found.start > scope.range.lowerBound
            && QualifierReader.particles.contains(scope[found.start].hash)
            && QualifierReader.particleVerbs.contains(scope[found.start - 1].hash)
    }

    static let particles = WordSet(["over"].map(WordHash.of))

    static let particleVerbs = WordSet([
        "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning",
    ].map(WordHash.of))
}

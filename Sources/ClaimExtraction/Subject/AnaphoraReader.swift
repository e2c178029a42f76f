/// Reads a sentence that repeats the previous figure for another side
/// without a number of its own: "Same thing probably on the Ukrainian
/// side.", "Probably the same number is observed towards Ukraine."
struct AnaphoraReader {
    /// The side the sentence carries the previous figure over to, if it
    /// is such a sentence: not one that denies it ("Moscow does not
    /// publish a comparable figure", "there is no similar number for Russia").
    func side(_ scope: SentenceScope) -> Side? {
        var found = false
        var negated = false
        var side: Side?
        for k in scope.range {
            let token = scope[k]
            if !found, SubjectReader.negations.contains(token.hash) || token.hash == AnaphoraReader.no { negated = true }
            guard token.entry >= 0 else { continue }
            if !found, scope.lexicon.starts(.anaphora, token), scope.match(.anaphora, at: k) != nil {
                if negated { return nil }
                found = true
            }
            if side == nil, scope.lexicon.starts(.side, token), let match = scope.match(.side, at: k) {
                side = scope.lexicon.sides[Int(match.role.value)]
            }
        }
        return found ? side : nil
    }

    private static let no = WordHash.of("no")
}

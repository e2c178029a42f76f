/// What a lexicon phrase means where it is found: a kind, and an index into
/// the compiled lexicon's table for that kind.
struct PhraseRole: Hashable, Sendable {
    enum Kind: UInt8, Sendable, CaseIterable {
        case side, enemy, jointEach, jointCombined, population, metric, figureVerb, linking
        case qualifierBefore, qualifierAfter, rate
        case attributionVerb, attributionSource, sourceNoun, audienceVerb
        case speaker, outlet, title, description, anaphora
        case countedThing, mobilisation, foreignSide, otherConflict, incident
        case money, age, percent, furniture

        /// The kind's bit in a mask of kinds. Always inlined: a call to it
        /// from the phrase lookups, asked for most words, cost more than the shift.
        @inline(__always) var bit: UInt32 { 1 << UInt32(rawValue) }
    }

    var kind: Kind
    var value: Int32
}

/// What a sentence is about when a later figure leaves its subject to a
/// pronoun: "Russian losses — … I said it was over 100,000".
struct Topic: Sendable, Hashable {
    var metric: Metric
    var sides: [Int]
    var population: Population?
}

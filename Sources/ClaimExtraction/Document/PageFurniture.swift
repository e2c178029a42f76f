/// The lines of a saved page that are not its article: a list of other
/// stories under a heading such as "Read more:" or "Related", and a
/// heading that runs into one headline ("Read more: 20 killed as …").
/// Their figures belong to other stories.
struct PageFurniture {
    /// How many lines a list of other stories runs to at most.
    static let longestList = 12

    /// For each sentence, whether it is page furniture.
    static func lines(_ scopes: [SentenceScope]) -> [Bool] {
        var furniture = Array(repeating: false, count: scopes.count)
        var index = 0
        while index < scopes.count {
            let scope = scopes[index]
            let first = scope.range.lowerBound
            guard let heading = scope.match(.furniture, at: first) else {
                index += 1
                continue
            }
            furniture[index] = true
            // A heading alone on its line ("Related:", "More from World")
            // heads a list: the headline lines after it, up to a sentence of
            // the article (one that ends with a period).
            let alone = scope.range.upperBound - heading.end <= 2 && !scope.range.contains { scope[$0].kind == .number }
            index += 1
            guard alone else { continue }
            var listed = 0
            while index < scopes.count, listed < longestList, isHeadline(scopes[index]) {
                furniture[index] = true
                index += 1
                listed += 1
            }
        }
        return furniture
    }

    /// A line of its own that does not end as a sentence of an article does.
    private static func isHeadline(_ scope: SentenceScope) -> Bool {
        let first = scope.range.lowerBound
        let last = scope.range.upperBound - 1
        guard last >= first else { return false }
        // "• Ukraine war: 20 killed …": a bullet opens the line.
        let opener = first > 0 && scope.tokens[first - 1].mark == .bullet ? first - 1 : first
        return scope.tokens[opener].has(.lineBefore) && scope[last].mark != .period
    }
}

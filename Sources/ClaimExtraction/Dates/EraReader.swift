/// Finds the latest event of the conflict a text names ("the Kursk
/// incursion", "North Korean troops"), for the dates of a text that does
/// not date itself: it cannot be older than the events it names.
struct EraReader {
    /// Each era's start and its phrases, as the hashes of their words.
    private let phrases: [(from: PartialDate, words: [UInt64])]

    init(_ eras: [Lexicon.Era]) {
        phrases = eras.flatMap { era in
            era.words.map { phrase in (era.from, phrase.split(separator: " ").map { WordHash.of($0.lowercased()) }) }
        }
    }

    /// The start of the latest era `scopes` name, if they name one. ("former
    /// President Donald Trump" names no presidency.)
    func latestStart(in scopes: [SentenceScope]) -> PartialDate? {
        guard !phrases.isEmpty else { return nil }
        var latest: PartialDate?
        for scope in scopes {
            for k in scope.range where scope[k].isWord {
                for phrase in phrases where phrase.words[0] == scope[k].hash && latest.map({ phrase.from > $0 }) ?? true {
                    guard k + phrase.words.count <= scope.range.upperBound,
                          phrase.words.indices.allSatisfy({ scope[k + $0].hash == phrase.words[$0] }),
                          !(k > scope.range.lowerBound && scope[k - 1].hash == EraReader.former)
                    else { continue }
                    latest = phrase.from
                }
            }
        }
        return latest
    }

    private static let former = WordHash.of("former")
}

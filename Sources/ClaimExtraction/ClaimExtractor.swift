/// Finds the loss estimates in a document.
public struct ClaimExtractor: Sendable {
    /// Recorded with every claim, so that a claim names the code that found it.
    public static let version = "0.1.0"

    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The claims in `document`, in the order of their sentences.
    public func extract(_ document: Document) -> Extraction {
        Extraction()
    }
}

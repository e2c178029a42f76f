import Foundation
@testable import ClaimExtraction

/// The extractor's claims for `text`, read as an article published on
/// `published` (a Tuesday by default, the fixed reference day of the date
/// tests).
func claims(_ text: String, published: String = "2013-02-12") -> [Claim] {
    extraction(text, published: published).claims
}

/// The whole extraction of `text`, dated by front matter.
func extraction(_ text: String, published: String = "2013-02-12") -> Extraction {
    LexiconFixture.extractor.extract(Document(name: "test.txt", text: "Published: \(published)\n\n" + text))
}

/// "russia military killed exact 100000", "ukraine civilian refugees range
/// 1500000-3000000", "russia military killed approximately 800/day": the
/// fields the scorer's strict key holds, in one line.
func key(_ claim: Claim) -> String {
    var text = "\(claim.side) \(claim.population) \(claim.metric) \(claim.qualifier) \(claim.low)"
    if let high = claim.high { text += "-\(high)" }
    if let per = claim.per { text += "/\(per)" }
    return text
}

/// The keys of the claims of `text`.
func keys(_ text: String) -> [String] {
    claims(text).map(key)
}

/// The speakers of the claims of `text`.
func speakers(_ text: String) -> [String?] {
    claims(text).map(\.speaker)
}

/// A sentence's scope over its own tokens, for the stage tests.
struct Scoped {
    let bytes: [UInt8]
    let tokens: [Token]
    let lexicon: LexiconView

    /// Compiled once: the views the tests take point into it.
    static let compiled = CompiledLexicon(LexiconFixture.lexicon)

    init(_ text: String) {
        lexicon = Scoped.compiled.view
        bytes = Array(text.utf8)
        let lexicon = self.lexicon
        tokens = bytes.withUnsafeBufferPointer { Tokenizer(tables: lexicon.tables).tokenize($0) }
    }

    func with<T>(_ body: (SentenceScope) -> T) -> T {
        bytes.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                body(SentenceScope(tokens: tokens, range: 0..<tokens.count, lexicon: lexicon, bytes: bytes))
            }
        }
    }

    /// The count figures of the text, as (low, high) pairs.
    var figures: [NumberMention] {
        with { scope in
            let dates = DateReader(lexicon: lexicon).read(scope.tokens, in: scope.range)
            return NumberReader().read(scope, dates: dates)
        }
    }
}

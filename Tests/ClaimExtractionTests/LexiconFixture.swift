import ClaimExtraction
import Foundation
import Yams

/// The project's lexicon, read from config/lexicon.yaml as the daemon reads
/// it, once for all tests.
enum LexiconFixture {
    static let lexicon: Lexicon = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/lexicon.yaml")
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try YAMLDecoder().decode(Lexicon.self, from: text)
        } catch {
            fatalError("config/lexicon.yaml does not load: \(error)")
        }
    }()

    static let extractor = ClaimExtractor(lexicon: lexicon)
}

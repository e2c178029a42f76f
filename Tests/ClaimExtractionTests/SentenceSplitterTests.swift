import Testing
@testable import ClaimExtraction

@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let scoped = Scoped(text)
        return scoped.bytes.withUnsafeBufferPointer { bytes in
            scoped.tokens.withUnsafeBufferPointer { tokens in
                SentenceSplitter(lexicon: scoped.lexicon).split(tokens, bytes: bytes).map {
                    String(decoding: bytes[$0.span.start..<$0.span.end], as: UTF8.self)
                }
            }
        }
    }

    @Test func headlinesAndBulletsAreSentences() {
        let text = """
        Russia has ‘well over’ 100,000 casualties in Ukraine

          • Milley said Friday that Russia had suffered losses.
          • This marked a slight update.
        """
        #expect(sentences(text) == [
            "Russia has ‘well over’ 100,000 casualties in Ukraine",
            "Milley said Friday that Russia had suffered losses.",
            "This marked a slight update.",
        ])
    }

    @Test func aRunOfWordsWithNoEndIsCutSoThatNoSentenceIsUnboundedlyLong() {
        let run = Array(repeating: "it had confirmed 249 civilian deaths", count: 300).joined(separator: " ")
        let found = sentences(run)
        #expect(found.count > 1)
        #expect(found.joined(separator: " ") == run)
        #expect(found.allSatisfy { $0.split(separator: " ").count <= 2 * SentenceSplitter.longest })
    }

    @Test func titlesInitialsAndAcronymsDoNotEndASentence() {
        #expect(sentences("Gen. Mark A. Milley told the U.S. Congress on Friday. He spoke.") == [
            "Gen. Mark A. Milley told the U.S. Congress on Friday.", "He spoke.",
        ])
    }

    @Test func aClosingQuoteBelongsToItsSentence() {
        #expect(sentences("“Same thing probably on the Ukrainian side.” Milley added.") == [
            "“Same thing probably on the Ukrainian side.”", "Milley added.",
        ])
    }

    @Test func aNoBreakSpaceSeparatesSentences() {
        #expect(sentences("Russia admitted losses.\u{00A0}However, he has not disclosed the number.") == [
            "Russia admitted losses.", "However, he has not disclosed the number.",
        ])
    }

    @Test func hardWrappedLinesJoinIntoSentences() {
        let text = """
        The Ukrainian General Staff believes that over 139,000 Russian troops have
        been killed or injured since the main invasion began on February 24, and it
        only recognizes the deaths of up to 13,000 Ukrainian soldiers in that time,
        according to figures published by the military in Kyiv on Monday evening.
        """
        #expect(sentences(text).count == 1)
    }
}

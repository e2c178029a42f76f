import Foundation
import Testing
import Yams
@testable import ClaimExtraction

/// The lexicon is data: it decodes from YAML, and a speaker added there is
/// found without a build.
@Suite struct LexiconTests {
    @Test func theProjectLexiconDecodes() {
        let lexicon = LexiconFixture.lexicon
        #expect(lexicon.conflict.began.iso == "2022-02-24")
        #expect(lexicon.speakers.contains { $0.name == "Mark Milley" })
        #expect(lexicon.outlets.contains { $0.name == "BBC" })
        #expect(lexicon.scales["lakh"] == 100_000)
    }

    @Test func aSpeakerAddedToTheLexiconIsFound() throws {
        var lexicon = LexiconFixture.lexicon
        #expect(ClaimExtractor(lexicon: lexicon).extract(Document(name: "a", text: "Ukraine has lost 50,000 soldiers, Ivanna Petrenko-Kovalska estimated.")).claims.first?.speaker
            == "Ivanna Petrenko-Kovalska")
        lexicon.speakers.append(Lexicon.Speaker(name: "Oleksandr Kovalenko", kind: .person, aliases: ["Kovalenko"], titles: ["analyst"]))
        let claim = ClaimExtractor(lexicon: lexicon).extract(Document(name: "b", text: "Ukraine has lost 50,000 soldiers, Kovalenko estimated.")).claims.first
        #expect(claim?.speaker == "Oleksandr Kovalenko")
    }

    @Test func aLexiconRoundTripsThroughYAML() throws {
        let yaml = try YAMLEncoder().encode(LexiconFixture.lexicon)
        let decoded = try YAMLDecoder().decode(Lexicon.self, from: yaml)
        #expect(decoded == LexiconFixture.lexicon)
    }

    @Test func editDistanceCountsSwapsAsOne() {
        #expect(NameMatcher.distance(Array("milley".utf8), Array("milli".utf8)) == 2)
        #expect(NameMatcher.distance(Array("shoigu".utf8), Array("shoygu".utf8)) == 1)
        #expect(NameMatcher.distance(Array("zaluzhny".utf8), Array("zaluzhyn".utf8)) == 1)
    }
}

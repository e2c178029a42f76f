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

    /// The shipped lexicon gives each body and person one canonical name,
    /// however reporting spells or abbreviates it (CONVENTIONS.md, `speaker`).
    @Test(arguments: [
        ("HRMMU said it had verified 310 civilian deaths in the region.", "OHCHR"),
        ("UN human rights monitors say 64 civilians were killed in March.", "OHCHR"),
        ("The U.N. refugee agency said 2.1 million refugees had left the country.", "UNHCR"),
        ("UK Defence Intelligence assessed that 1,100 Russian soldiers were killed each day.", "UK Ministry of Defence"),
        ("British intelligence believes 45,000 Russian soldiers have been killed.", "UK Ministry of Defence"),
        ("The General Staff of the Armed Forces of Ukraine said 870 Russian soldiers were killed.", "Ukrainian General Staff"),
        ("Moscow claims that 8,000 Ukrainian soldiers have been killed.", "Russian government"),
        ("Russian authorities said 9 civilians were killed in Kursk.", "Russian government"),
        ("Shoygu said 7,000 Ukrainian soldiers had been killed.", "Sergei Shoigu"),
        ("Zelenskyy said 43,000 Ukrainian soldiers had been killed.", "Volodymyr Zelensky"),
        ("General Syrsky said 6,000 Russian soldiers were killed.", "Oleksandr Syrskyi"),
        ("Oleksiy Reznikov said 40,000 Russian soldiers had been killed.", "Oleksii Reznikov"),
        ("The HUR said 1,000 North Korean soldiers had been killed.", "Defence Intelligence of Ukraine (HUR)"),
        ("Ukraine's State Emergency Service said 14 people were killed.", "State Emergency Service of Ukraine"),
        ("US officials said 20,000 Russian soldiers had been killed.", "US officials"),
        ("A Ukrainian official said 11 civilians had been killed.", "Ukrainian officials"),
        ("Western intelligence estimates that 50,000 Russian soldiers have been killed.", "Western intelligence agencies"),
        ("The Center for Strategic and International Studies estimated 250,000 Russian soldiers killed.", "CSIS"),
    ])
    func theShippedLexiconResolvesAliasesToCanonicalNames(text: String, speaker: String) {
        let claims = LexiconFixture.extractor.extract(Document(name: "a", text: text)).claims
        #expect(claims.first?.speaker == speaker, "\(text)")
    }

    /// An outlet that only relays is `reported_by`; the body it cites speaks.
    @Test func aRelayingOutletIsNeverTheSpeaker() {
        let relayed = LexiconFixture.extractor.extract(Document(
            name: "a", text: "Ukrinform reported that 640 Russian soldiers were killed, citing Ukraine's General Staff.")).claims.first
        #expect(relayed?.speaker == "Ukrainian General Staff")
        #expect(relayed?.reportedBy == "Ukrinform")
        let bare = LexiconFixture.extractor.extract(Document(name: "b", text: "TASS reported that 300 Ukrainian soldiers were killed.")).claims.first
        #expect(bare?.speaker == nil)
        #expect(bare?.reportedBy == "TASS")
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

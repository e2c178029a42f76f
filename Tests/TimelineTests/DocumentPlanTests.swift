import ClaimExtraction
import Foundation
import Testing
@testable import Timeline

/// The pure plan of a document's events, which the daemon records and
/// `timelinectl extract` shows.
@Suite struct DocumentPlanTests {
    static let lexicon: LexiconFile = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try! LexiconFile.load(path: root.path + "/config/lexicon.yaml")
    }()

    static let text = """
        KYIV, Jan 20 (Reuters) - About 200,000 soldiers and about 40,000 civilians have been killed \
        in the war, Mark Milley said.

        """

    func plan(_ text: String = Self.text, name: String = "milley.txt") -> DocumentPlan {
        let content = DocumentContent(bytes: Array(text.utf8))
        let info = ExtractorInfo(version: ClaimExtractor.version, lexicon: Self.lexicon.sha256)
        return DocumentPlan(
            content: content, name: name, size: text.utf8.count,
            extractor: ClaimExtractor(lexicon: Self.lexicon.lexicon), info: info)
    }

    @Test func theDocumentComesFirstThenEachClaimWithTheIdOfItsDocumentAndSpan() throws {
        let plan = plan()
        let sha256 = DocumentContent(bytes: Array(Self.text.utf8)).sha256
        #expect(plan.received.document == sha256)
        #expect(plan.received.name == "milley.txt")
        #expect(plan.received.size == Self.text.utf8.count)
        #expect(plan.claims.count >= 2, "\(plan.claims)")
        for claim in plan.claims {
            #expect(claim.document == sha256)
            #expect(claim.id == ClaimID.make(document: sha256, claim: claim.claim))
        }

        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let events = plan.events(recordedAt: at)
        #expect(events.count == 1 + plan.claims.count)
        #expect(events.allSatisfy { $0.recordedAt == at && $0.seq == 0 })
        #expect(events.first?.payload == .documentReceived(plan.received))
        #expect(Array(events.dropFirst().map(\.payload)) == plan.claims.map { .claimExtracted($0) })
    }

    @Test func theSameBytesGiveTheSamePlanWhateverTheirName() {
        let first = plan(name: "a.txt")
        let second = plan(name: "b.txt")
        #expect(first.claims == second.claims)
        #expect(first.received.name != second.received.name)
    }

    @Test func extractShowsTheClaimsTheDaemonRecords() {
        let plan = plan()
        let shown = plan.extractedClaims
        #expect(shown.map(\.id) == plan.claims.map(\.id))
        #expect(shown.allSatisfy { $0.documentName == "milley.txt" && $0.documentSHA256 == plan.received.document })
        #expect(shown.map(\.claim) == plan.claims.map(\.claim))
    }
}

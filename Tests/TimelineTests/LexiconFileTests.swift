import Foundation
import Testing
@testable import Timeline

/// Reading a lexicon file: what is wrong with one is said, naming it.
@Suite struct LexiconFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The project's lexicon with `edit` applied, written to a file of its own.
    func load(editing edit: (String) -> String) throws -> LexiconFile {
        let text = try String(contentsOfFile: Self.root.path + "/config/lexicon.yaml", encoding: .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString).yaml").path
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try LexiconFile.load(path: path)
    }

    @Test func theProjectsLexiconLoads() throws {
        let file = try load { $0 }
        #expect(file.lexicon.speakers.contains { $0.within == "United Nations" })
    }

    @Test func aSpeakerWithinNoSpeakerIsRefusedByName() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try load { $0.replacingOccurrences(of: "within: United Nations", with: "within: United Natoins") }
        }
        #expect(error.message.contains("United Natoins"))
        #expect(error.message.contains("is within"))
    }
}

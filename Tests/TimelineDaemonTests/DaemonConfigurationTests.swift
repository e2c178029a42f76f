import Foundation
import Testing
import TimelineTestSupport
import Timeline
@testable import TimelineDaemon

/// Reading timelined.yaml: the settings it gives, and what is wrong with
/// one said with the file's name.
@Suite struct DaemonConfigurationTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/config/timelined.yaml"

    /// The configuration after applying a file holding `text`.
    private func applying(_ text: String) async throws -> DaemonConfiguration {
        try await withTemporaryFolder { folder in
            let path = folder + "/timelined.yaml"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var configuration = DaemonConfiguration(dataDirectory: folder)
            try configuration.apply(file: path)
            return configuration
        }
    }

    @Test func reextractOnUpgradeIsOffUnlessTheFileTurnsItOn() async throws {
        #expect(try await applying("").reextractOnUpgrade == false)
        #expect(try await applying("reextract_on_upgrade: false\n").reextractOnUpgrade == false)
        #expect(try await applying("reextract_on_upgrade: true\n").reextractOnUpgrade == true)
        var shipped = DaemonConfiguration(dataDirectory: "var")
        try shipped.apply(file: Self.shipped)
        #expect(shipped.reextractOnUpgrade == false)
    }

    @Test func reextractOnUpgradeThatIsNotTrueOrFalseIsRefusedByName() async throws {
        let error = try await #require(throws: ConfigurationError.self) {
            try await applying("reextract_on_upgrade: sometimes\n")
        }
        #expect(error.message.contains("reextract_on_upgrade"), "\(error)")
    }

    @Test func htmlIsReadAsTextUnlessTheFileRefusesIt() async throws {
        #expect(try await applying("").html == .text)
        #expect(try await applying("content:\n  html: text\n").html == .text)
        #expect(try await applying("content:\n  html: refuse\n").html == .refuse)
        var shipped = DaemonConfiguration(dataDirectory: "var")
        try shipped.apply(file: Self.shipped)
        #expect(shipped.html == .text)
        let error = try await #require(throws: ConfigurationError.self) {
            try await applying("content:\n  html: strip\n")
        }
        #expect(error.message.contains("'content.html' should be 'text' or 'refuse', not 'strip'"), "\(error)")
        await #expect(throws: ConfigurationError.self) { try await applying("content:\n  htm: refuse\n") }
    }
}

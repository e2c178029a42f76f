import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The layout timelined.service runs with: the data folder (inbox,
/// processed, failed) shared in /var/spool, the state (log, documents)
/// private, set apart with --state.
struct FolderLayoutTests {
    @Test func theStateFolderCanLiveApartFromTheData() async throws {
        try await onOwnThread {
            let folder = try TemporaryFolder()
            let data = folder.path + "/spool"
            let state = folder.path + "/private/state"
            let daemon = try BackgroundProcess(
                Paths.binaries + "/timelined",
                ["--data", data, "--state", state, "--lexicon", Paths.lexicon, "--socket", folder.path + "/t.sock"],
                environment: [:], logPath: folder.path + "/timelined.log")
            try waitUntil("the socket answers") { try timelinectl("status", socket: folder.path + "/t.sock").status == 0 }
            let article = folder.path + "/article.txt"
            try Data("An article.\n".utf8).write(to: URL(fileURLWithPath: article))
            try FileManager.default.moveItem(atPath: article, toPath: data + "/inbox/article.txt")
            try waitUntil("the article is processed") {
                FileManager.default.fileExists(atPath: data + "/processed/article.txt")
            }
            let documents = try FileManager.default.contentsOfDirectory(atPath: state + "/documents")
            #expect(documents.count == 1)
            #expect(!(try FileManager.default.contentsOfDirectory(atPath: state + "/log")).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: data + "/state"))
            daemon.signal(SIGTERM)
            #expect(try daemon.waitForExit() == 0, "\(daemon.log)")
        }
    }
}

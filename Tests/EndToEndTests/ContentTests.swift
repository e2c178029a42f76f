import Foundation
import TimelineTestSupport
import Testing

/// Files that are not plain UTF-8: UTF-16 is decoded and an HTML page read
/// as its text, by the daemon and by `extract` alike; what is not text at
/// all is refused with its reason, never read as 0 claims.
@Suite struct ContentTests {
    typealias Object = [String: Any]

    /// The first seed as UTF-16 with a byte order mark, and as an HTML page
    /// with a script holding a number.
    private func variants(in folder: String) throws -> (seed: String, utf16: String, page: String) {
        let seed = try #require(try Paths.seedFiles().first)
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        let utf16 = folder + "/utf16.txt"
        try #require(text.data(using: .utf16)).write(to: URL(fileURLWithPath: utf16))
        let paragraphs = text.components(separatedBy: "\n\n")
        let page = folder + "/page.html"
        let html = "<html><head><script>var views = 31415926;</script></head><body>\n"
            + paragraphs.map { "<p>" + $0.replacingOccurrences(of: "'", with: "&#39;") + "</p>" }.joined(separator: "\n")
            + "\n</body></html>"
        try Data(html.utf8).write(to: URL(fileURLWithPath: page))
        return (seed, utf16, page)
    }

    private func figures(_ claims: [Object]) -> [String] {
        claims.map { "\($0["side"] ?? "") \($0["metric"] ?? "") \($0["low"] ?? "") \($0["speaker"] ?? "")" }.sorted()
    }

    @Test func extractReadsUTF16AndPagesAndRefusesWhatIsNotText() async throws {
        try await onOwnThread(extractReadsUTF16AndPagesAndRefusesWhatIsNotTextBody)
    }

    private func extractReadsUTF16AndPagesAndRefusesWhatIsNotTextBody() throws {
        let folder = try TemporaryFolder()
        let (seed, utf16, page) = try variants(in: folder.path)
        func extract(_ file: String) throws -> [Object] {
            let result = try run(Paths.binaries + "/timelinectl", ["extract", "--json", "--lexicon", Paths.lexicon, file])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try result.json() as? [Object])
        }
        let original = try extract(seed)
        #expect(!original.isEmpty)
        #expect(figures(try extract(utf16)) == figures(original))
        let fromPage = try extract(page)
        #expect(figures(fromPage) == figures(original))
        #expect(!fromPage.contains { ($0["low"] as? Int) == 31_415_926 })

        let pdf = folder.path + "/report.pdf"
        try Data("%PDF-1.7\n1 0 obj 5000 killed".utf8).write(to: URL(fileURLWithPath: pdf))
        let refused = try run(Paths.binaries + "/timelinectl", ["extract", "--json", "--lexicon", Paths.lexicon, pdf])
        #expect(refused.status == 1)
        #expect(refused.stderr == "timelinectl: cannot read \(pdf): not a text: a PDF\n")
    }

    @Test func theDaemonDecodesUTF16ReadsPagesAndRefusesBinaries() async throws {
        try await onOwnThread(theDaemonDecodesUTF16ReadsPagesAndRefusesBinariesBody)
    }

    private func theDaemonDecodesUTF16ReadsPagesAndRefusesBinariesBody() throws {
        let folder = try TemporaryFolder()
        let (seed, utf16, page) = try variants(in: folder.path)
        let binary = folder.path + "/photo.bin"
        try Data([0x00, 0x01, 0x02, 0x03] + Array("5000 killed".utf8)).write(to: URL(fileURLWithPath: binary))

        let daemon = try TestDaemon()
        try daemon.start()
        for file in [utf16, page, binary] { try daemon.drop(file) }
        try waitUntil("the two texts are processed and the binary refused") {
            daemon.files(in: daemon.processed) == ["page.html", "utf16.txt"]
                && daemon.files(in: daemon.failed) == ["photo.bin", "photo.bin.error.json"]
        }
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: daemon.failed + "/photo.bin.error.json"))) as? Object
        #expect(report?["reason"] as? String == "binary")
        #expect(report?["message"] as? String == "not a text: it holds zero bytes")

        let recorded = try #require(try daemon.ctl("claims", "--json").json() as? [Object])
        let offline = try run(Paths.binaries + "/timelinectl", ["extract", "--json", "--lexicon", Paths.lexicon, seed])
        let original = try #require(try offline.json() as? [Object])
        let perDocument = Dictionary(grouping: recorded) { $0["document"] as? String ?? "" }
        #expect(perDocument.count == 2)
        for claims in perDocument.values { #expect(figures(claims) == figures(original)) }
        #expect(try daemon.stop() == 0)
    }

    @Test func aDaemonConfiguredToRefuseHTMLRefusesPagesAndTakesPlainText() async throws {
        try await onOwnThread(aDaemonConfiguredToRefuseHTMLRefusesPagesAndTakesPlainTextBody)
    }

    private func aDaemonConfiguredToRefuseHTMLRefusesPagesAndTakesPlainTextBody() throws {
        let folder = try TemporaryFolder()
        let (seed, _, page) = try variants(in: folder.path)
        // Plain text with a character reference and a "<" that opens no tag.
        let plain = folder.path + "/plain.txt"
        try writeText(
            "Ben Wallace said on Monday that 5000 Russian soldiers had been killed &amp; fewer than <5% returned.\n", to: plain)

        let daemon = try TestDaemon()
        let config = daemon.data + "/timelined.yaml"
        try writeText("content:\n  html: refuse\n", to: config)
        daemon.extraArguments = ["--config", config]
        try daemon.start()
        for file in [page, plain, seed] { try daemon.drop(file) }
        try waitUntil("the page is refused and the texts taken") {
            daemon.files(in: daemon.processed) == [URL(fileURLWithPath: seed).lastPathComponent, "plain.txt"].sorted()
                && daemon.files(in: daemon.failed) == ["page.html", "page.html.error.json"]
        }
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: daemon.failed + "/page.html.error.json"))) as? Object
        #expect(report?["reason"] as? String == "html")
        #expect(report?["message"] as? String == "an HTML page; HTML is refused here (content.html: refuse)")
        let documents = try daemon.documents()
        let refused = try #require(documents.first { $0["document"] as? String == "page.html" })
        #expect(refused["status"] as? String == "rejected")
        let plainClaims = try #require(try daemon.ctl("claims", "--json", "--document", "plain.txt").json() as? [Object])
        #expect(!plainClaims.isEmpty, "a plain text with a reference is read, not refused")
        #expect(try daemon.stop() == 0)
    }
}

import Foundation
import Synchronization
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Later readings of documents through the real daemon: `timelinectl
/// reextract` after a lexicon change, and a new version of an article
/// dropped into the inbox.
@Suite(.serialized) struct ReextractionTests {
    typealias Object = [String: Any]

    @Test func reextractAfterALexiconChangeSupersedesClaimsOnceAndKeepsACorrection() async throws {
        try await onOwnThread(reextractBody)
    }

    @Test func aNewVersionOfAnArticleSupersedesTheEarlierVersionsClaims() async throws {
        try await onOwnThread(revisionBody)
    }

    @Test func aStartWithReextractOnUpgradeReadsTheDocumentsOfAnotherLexiconAgainOnce() async throws {
        try await onOwnThread(upgradeBody)
    }

    @Test func aKillInTheMiddleOfAReextractionLeavesTheLogWholeAndARunAgainFinishesItWithoutDoubling() async throws {
        try await onOwnThread(killedReextractionBody)
    }

    private func events(_ daemon: TestDaemon) throws -> [Substring] {
        try daemon.ctl("events").stdout.split(separator: "\n")
    }

    private func claims(_ daemon: TestDaemon, _ arguments: String...) throws -> [Object] {
        try #require(try daemon.ctl(["claims", "--json"] + arguments).json() as? [Object])
    }

    /// A daemon reading a copy of the project's lexicon, which a test may
    /// change.
    private func daemonWithItsOwnLexicon() throws -> TestDaemon {
        let daemon = try TestDaemon()
        daemon.lexicon = daemon.data + "/lexicon.yaml"
        try FileManager.default.copyItem(atPath: Paths.lexicon, toPath: daemon.lexicon)
        return daemon
    }

    /// Changes the daemon's lexicon so that it names Milley otherwise.
    private func nameMilleyOtherwise(_ daemon: TestDaemon) throws {
        let text = try String(contentsOfFile: daemon.lexicon, encoding: .utf8)
        try writeText(text.replacingOccurrences(of: "- name: Mark Milley\n", with: "- name: Gen. Mark Milley\n"), to: daemon.lexicon)
    }

    /// Sends SIGHUP and waits until the daemon reads with the lexicon as
    /// it is now.
    private func reload(_ daemon: TestDaemon) throws {
        let before = try #require((try daemon.ctl("status", "--json").json() as? Object)?["extractor"] as? Object)["lexicon"] as? String
        kill(try #require(daemon.pid), SIGHUP)
        try waitUntil("the daemon reads the new lexicon") {
            let status = try daemon.ctl("status", "--json").json() as? Object
            return (status?["extractor"] as? Object)?["lexicon"] as? String != before
        }
    }

    private func reextractBody() throws {
        let daemon = try daemonWithItsOwnLexicon()
        try daemon.start()
        let seeds = try Paths.seedFiles()
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("all five seeds are in processed/") { daemon.files(in: daemon.processed).count == seeds.count }

        // The same extractor finds the same claims: nothing is appended.
        let received = try events(daemon).count
        let same = try daemon.ctl("reextract", "--all")
        #expect(same.status == 0 && same.stdout == "0 of 5 documents changed\n", "\(same.stdout) \(same.stderr)")
        #expect(try events(daemon).count == received)

        // A person corrects one of Milley's claims.
        let milley = try claims(daemon, "--speaker", "Milley")
        #expect(!milley.isEmpty)
        let corrected = try #require(milley.first?["claim"] as? String)
        let low = try #require(milley.first?["low"] as? Int)
        #expect(try daemon.ctl("correct", corrected, "--low", "\(low + 1)", "--reason", "the speech says so").status == 0)
        let lastBefore = try events(daemon).count

        // The lexicon now names him otherwise; SIGHUP reads it again.
        try nameMilleyOtherwise(daemon)
        try reload(daemon)

        // A dry run shows the change field by field, and appends nothing.
        let dry = try daemon.ctl("reextract", "--all", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("speaker Mark Milley → Gen. Mark Milley"), "\(dry.stdout)")
        #expect(dry.stdout.contains("would change (dry run: nothing appended)"), "\(dry.stdout)")
        #expect(try events(daemon).count == lastBefore)

        // The run appends document.reextracted and the claims found anew.
        let run = try #require(try daemon.ctl("reextract", "--all", "--json").json() as? Object)
        let changed = try #require(run["documents"] as? [Object])
        #expect(!changed.isEmpty && run["total"] as? Int == 5 && run["dry_run"] as? Bool == false)
        let log = try events(daemon)
        #expect(log.filter { $0.contains(#""type":"document.reextracted""#) }.count == changed.count)
        let now = try claims(daemon)
        // (Where the text itself says "General Mark Milley", the extractor
        // still names an unknown general so: those claims are unchanged.)
        let replaced = Set(changed.flatMap { ($0["changed"] as? [Object] ?? []).compactMap { $0["claim"] as? String } })
        #expect(!replaced.isEmpty)
        #expect(!now.contains { replaced.contains($0["claim"] as? String ?? "") })
        #expect(now.contains { $0["speaker"] as? String == "Gen. Mark Milley" })
        // The corrected claim's successor carries the correction.
        let all = try claims(daemon, "--all")
        let old = try #require(all.first { $0["claim"] as? String == corrected })
        let superseded = try #require(old["superseded"] as? Object)
        #expect(superseded["reason"] as? String == "reextracted")
        let successor = try #require(now.first { $0["claim"] as? String == superseded["by"] as? String })
        #expect(successor["low"] as? Int == low + 1 && successor["speaker"] as? String == "Gen. Mark Milley")
        #expect((successor["corrected"] as? Object)?["reason"] as? String == "the speech says so")
        #expect(try daemon.ctl("claims", "--all").stdout.contains("SUPERSEDED"))

        // A second run finds the same claims: nothing more.
        let again = try daemon.ctl("reextract", "--all")
        #expect(again.stdout == "0 of 5 documents changed\n", "\(again.stdout) \(again.stderr)")
        #expect(try events(daemon).count == log.count)

        // As of before the re-extraction, the claims as they stood.
        let past = try #require(try daemon.ctl("claims", "--json", "--as-of", "\(lastBefore)").json() as? Object)
        let pastClaims = try #require(past["claims"] as? [Object])
        #expect(pastClaims.contains { $0["speaker"] as? String == "Mark Milley" })
        #expect(!pastClaims.contains { $0["superseded"] != nil })
        #expect(try daemon.ctl("verify").status == 0)

        // After a restart, from the snapshot the stop writes, the same.
        try daemon.stop()
        try daemon.start()
        #expect(try claims(daemon).map { $0["claim"] as? String } == now.map { $0["claim"] as? String })
        #expect(try claims(daemon, "--all").count == all.count)
    }

    private func upgradeBody() throws {
        let daemon = try daemonWithItsOwnLexicon()
        let configuration = daemon.data + "/timelined.yaml"
        try writeText("reextract_on_upgrade: true\n", to: configuration)
        daemon.extraArguments = ["--config", configuration]
        try daemon.start()
        let seeds = try Paths.seedFiles()
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("all five seeds are in processed/") { daemon.files(in: daemon.processed).count == seeds.count }
        let before = try claims(daemon)
        #expect(before.contains { $0["speaker"] as? String == "Mark Milley" })
        try daemon.stop()

        // The lexicon now names Milley otherwise; the start reads the
        // seeds again by itself.
        try nameMilleyOtherwise(daemon)
        try daemon.start()
        try waitUntil("the start's re-extraction finishes") { daemon.log.contains("re-extraction finished") }
        #expect(daemon.log.contains("reextract_on_upgrade: documents were read by another extractor or lexicon; re-extracting them"), "\(daemon.log)")
        let log = try events(daemon)
        let reextracted = log.filter { $0.contains(#""type":"document.reextracted""#) }
        #expect(!reextracted.isEmpty && reextracted.count < seeds.count)
        #expect(daemon.log.components(separatedBy: "re-extracted ").count - 1 == reextracted.count, "\(daemon.log)")
        let now = try claims(daemon)
        #expect(now.contains { $0["speaker"] as? String == "Gen. Mark Milley" })
        let superseded = try claims(daemon, "--all").filter { $0["superseded"] != nil }
        #expect(!superseded.isEmpty)
        #expect(superseded.allSatisfy { ($0["superseded"] as? Object)?["reason"] as? String == "reextracted" })
        #expect(try daemon.ctl("verify").status == 0)
        // What the run has done, it has recorded; a stop waits for the record.
        try waitUntil("the run is recorded in state/reextracted-with") {
            FileManager.default.fileExists(atPath: daemon.data + "/state/reextracted-with")
        }
        try daemon.stop()

        // A second start finds nothing to read again, the documents whose
        // claims were found again included, and appends nothing.
        try daemon.start()
        try waitUntil("the start says there is nothing to re-extract") {
            daemon.log.contains("reextract_on_upgrade: the documents were read by this extractor and lexicon; nothing to re-extract")
        }
        #expect(!daemon.log.contains("re-extraction started"), "\(daemon.log)")
        #expect(try events(daemon) == log)
        #expect(try claims(daemon).map { $0["claim"] as? String } == now.map { $0["claim"] as? String })
    }

    /// An article with Milley's figure and the General Staff's: with
    /// Milley named otherwise, every one changes, and one claim of two stays.
    private static func article(_ n: Int) -> String {
        "Report \(n). Mark Milley said that \(1_000 + n) Russian soldiers had been killed in the fighting near the river. "
            + "The Ukrainian General Staff said \(2_000 + n) Russian troops were wounded there.\n"
    }

    private func killedReextractionBody() throws {
        let count = 400
        let daemon = try daemonWithItsOwnLexicon()
        try daemon.start()
        let articles = daemon.data + "/articles"
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        let paths = (0..<count).map { articles + "/report-\($0).txt" }
        for (n, path) in paths.enumerated() {
            try writeText(Self.article(n), to: path)
            try daemon.drop(path)
        }
        try waitUntil("the \(count) articles are in processed/") { daemon.files(in: daemon.processed).count == count }
        #expect(try claims(daemon).count == 2 * count)
        try nameMilleyOtherwise(daemon)
        try reload(daemon)

        // The run is killed as soon as the log shows it under way.
        let status = try #require(try daemon.ctl("status", "--json").json() as? Object)
        let lastSeq = try #require((status["log"] as? Object)?["last_seq"] as? Int)
        let follower = try LineFollower(
            Paths.binaries + "/timelinectl", ["events", "--follow", "--after", "\(lastSeq)", "--socket", daemon.socket])
        let reextract = Process()
        reextract.executableURL = URL(fileURLWithPath: Paths.binaries + "/timelinectl")
        reextract.arguments = ["reextract", "--all", "--socket", daemon.socket]
        reextract.environment = childEnvironment()
        reextract.standardOutput = FileHandle.nullDevice
        reextract.standardError = FileHandle.nullDevice
        try reextract.run()
        try waitUntil("the run appends its first document.reextracted") {
            follower.text.contains(#""type":"document.reextracted""#)
        }
        try daemon.stop(signal: SIGKILL)
        reextract.waitUntilExit()
        follower.wait()
        #expect(reextract.terminationStatus != 0)
        // The log as the kill left it: whole, or with a torn tail a start cuts.
        let offline = try run(Paths.binaries + "/timelined", ["verify", "--data", daemon.data])
        #expect(offline.status == 0 || offline.status == 2, "\(offline.stdout)")

        try daemon.start()
        #expect(try daemon.ctl("verify").status == 0)
        let done = try events(daemon).filter { $0.contains(#""type":"document.reextracted""#) }.count
        #expect(done > 0 && done < count, "the kill came after \(done) of \(count) documents")
        let again = try daemon.ctl("reextract", "--all")
        #expect(again.status == 0 && again.stdout.hasSuffix("\n\(count - done) of \(count) documents changed\n"), "\(again.stderr)")

        // Each document re-extracted once, each claim superseded once.
        let reextracted = try events(daemon).filter { $0.contains(#""type":"document.reextracted""#) }.map {
            try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Object)?["data"] as? Object)
        }
        let readings = reextracted.map { "\($0["document"] ?? "") \(($0["extractor"] as? Object)?["lexicon"] ?? "")" }
        #expect(readings.count == count && Set(readings).count == count)
        let superseded = reextracted.flatMap { ($0["superseded"] as? [Object] ?? []).compactMap { $0["claim"] as? String } }
        #expect(superseded.count == count && Set(superseded).count == count)
        // The claims served are those a reading from scratch finds.
        let scratch = try run(Paths.binaries + "/timelinectl", ["extract", "--json", "--lexicon", daemon.lexicon] + paths)
        let fresh = try #require(try scratch.json() as? [Object])
        func key(_ claim: Object) -> String {
            ["document_sha256", "metric", "low", "speaker"].map { "\(claim[$0] ?? "")" }.joined(separator: " ")
        }
        let served = try claims(daemon)
        #expect(served.count == 2 * count && fresh.count == 2 * count)
        #expect(served.map(key).sorted() == fresh.map(key).sorted())
        #expect(try claims(daemon, "--all").count == 3 * count)
        #expect(try daemon.stop() == 0)
        #expect(try run(Paths.binaries + "/timelined", ["verify", "--data", daemon.data]).status == 0)
    }

    private func revisionBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        func article(_ figure: String, _ note: String) -> String {
            "---\nurl: https://example.org/news/losses\npublished: \"2025-06-06\"\n---\n"
                + "Ukraine says Russia has lost \(figure) soldiers. \(note)\n"
        }
        let first = daemon.data + "/losses.txt"
        try writeText(article("990,000", ""), to: first)
        try daemon.drop(first)
        try waitUntil("the first version is recorded") { daemon.files(in: daemon.processed).count == 1 }
        let firstClaims = try claims(daemon)
        #expect(firstClaims.map { $0["low"] as? Int } == [990_000])

        let second = daemon.data + "/losses-updated.txt"
        try writeText(article("1,000,000", "Updated."), to: second)
        try daemon.drop(second)
        try waitUntil("the second version is recorded") { daemon.files(in: daemon.processed).count == 2 }

        #expect(try claims(daemon).map { $0["low"] as? Int } == [1_000_000])
        let documents = try daemon.documents()
        #expect(documents.count == 2)
        let (old, new) = (documents[0], documents[1])
        #expect(old["revised_by"] as? String == new["document_sha256"] as? String)
        #expect(new["revises"] as? String == old["document_sha256"] as? String)
        let all = try claims(daemon, "--all")
        let superseded = try #require(all.first { $0["low"] as? Int == 990_000 }?["superseded"] as? Object)
        #expect(superseded["reason"] as? String == "revised" && superseded["document"] as? String == new["document_sha256"] as? String)
        #expect(try events(daemon).contains { $0.contains(#""type":"document.revised""#) })
        // Both versions' bytes are kept.
        for document in documents {
            let sha256 = try #require(document["document_sha256"] as? String)
            #expect(FileManager.default.fileExists(atPath: daemon.data + "/state/documents/" + sha256))
        }
        // As of the first version, its claim stands.
        let past = try #require(try daemon.ctl("latest", "--json", "--as-of", "2").json() as? Object)
        #expect((past["claims"] as? [Object])?.map { $0["low"] as? Int } == [990_000])
        // A file with other bytes and no url is another document.
        let plain = daemon.data + "/plain.txt"
        try writeText("Ukraine says Russia has lost 1,000,000 soldiers. Plain.\n", to: plain)
        try daemon.drop(plain)
        try waitUntil("the plain file is recorded") { daemon.files(in: daemon.processed).count == 3 }
        #expect(try claims(daemon).count == 2)
        #expect(try daemon.ctl("verify").status == 0)
    }
}

/// A child whose standard output is gathered as it comes, for a test that
/// waits for a line (``waitUntil(_:timeout:sourceLocation:_:)``) rather
/// than reading to the end.
private final class LineFollower: Sendable {
    private let process: Process
    private let pipe = Pipe()
    private let output = Mutex("")

    init(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = childEnvironment()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        self.process = process
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.output.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// What the child has printed so far.
    var text: String { output.withLock { $0 } }

    /// Waits for the child to end (its daemon gone, it does), then stops reading.
    func wait() {
        process.waitUntilExit()
        pipe.fileHandleForReading.readabilityHandler = nil
    }
}

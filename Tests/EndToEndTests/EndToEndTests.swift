import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The whole path, as a user walks it: real binaries, a temporary data
/// folder, files dropped into the inbox, answers read with timelinectl.
@Suite(.serialized) struct EndToEndTests {
    typealias Object = [String: Any]

    @Test func theSeedsBecomeClaimsThatSurviveARestart() async throws {
        try await onOwnThread(theSeedsBecomeClaimsThatSurviveARestartBody)
    }

    private func theSeedsBecomeClaimsThatSurviveARestartBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let seeds = try Paths.seedFiles()
        #expect(seeds.count == 5)
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("all five seeds are in processed/") {
            daemon.files(in: daemon.processed).count == seeds.count
        }
        #expect(daemon.files(in: daemon.inbox).isEmpty)
        #expect(daemon.files(in: daemon.failed).isEmpty)

        let claims = try daemon.ctl("claims", "--json")
        #expect(claims.status == 0, "\(claims.stderr)")
        let claimList = try #require(try claims.json() as? [Object])
        #expect(claimList.count >= 10)
        for claim in claimList {
            for field in ["side", "population", "metric", "qualifier", "low", "quote", "document",
                          "document_sha256", "claim", "seq"] {
                #expect(claim[field] != nil, "a claim lacks \(field): \(claim)")
            }
        }
        let names = Set(claimList.compactMap { $0["document"] as? String })
        #expect(names.isSubset(of: Set(seeds.map { URL(fileURLWithPath: $0).lastPathComponent })))

        let latest = try #require(try daemon.ctl("latest", "--json").json() as? [Object])
        #expect(latest.contains { $0["side"] as? String == "russia" && $0["population"] as? String == "military"
            && ["casualties", "killed"].contains($0["metric"] as? String) })

        let history = try #require(try daemon.ctl("history", "--speaker", "Mark Milley", "--json").json() as? [Object])
        let longest = history.map { ($0["entries"] as? [Object])?.count ?? 0 }.max() ?? 0
        #expect(longest >= 2, "Milley's history: \(history)")
        #expect(history.allSatisfy { $0["speaker"] as? String == "Mark Milley" })

        let documents = try #require(try daemon.ctl("documents", "--json").json() as? [Object])
        #expect(documents.count == 5)

        // The same answers from the replayed log.
        let before = try ["claims", "latest", "history", "documents"].map { try daemon.ctl($0, "--json").stdout }
        #expect(try daemon.stop() == 0)
        try daemon.start()
        let after = try ["claims", "latest", "history", "documents"].map { try daemon.ctl($0, "--json").stdout }
        #expect(after == before)

        // The same bytes again add no event.
        let seqBefore = try lastSeq(daemon)
        try daemon.drop(seeds[0], as: "again.txt")
        try waitUntil("the duplicate is moved to processed/") {
            daemon.files(in: daemon.processed).contains("again.txt")
        }
        #expect(try lastSeq(daemon) == seqBefore)
        #expect(try daemon.stop() == 0)
    }

    @Test func whatCannotBeTakenLandsInFailedWithItsReason() async throws {
        try await onOwnThread(whatCannotBeTakenLandsInFailedWithItsReasonBody)
    }

    private func whatCannotBeTakenLandsInFailedWithItsReasonBody() throws {
        let daemon = try TestDaemon(extraArguments: ["--max-document-bytes", "4096"])
        try daemon.start()
        let big = daemon.data + "/big.txt"
        try Data(repeating: UInt8(ascii: "a"), count: 5000).write(to: URL(fileURLWithPath: big))
        try daemon.drop(big)
        try FileManager.default.createSymbolicLink(atPath: daemon.inbox + "/link.txt", withDestinationPath: big)
        try FileManager.default.createDirectory(atPath: daemon.inbox + "/folder", withIntermediateDirectories: false)

        try waitUntil("the three are in failed/") {
            Set(daemon.files(in: daemon.failed)).isSuperset(of: [
                "big.txt", "big.txt.error.json", "link.txt", "link.txt.error.json", "folder", "folder.error.json",
            ])
        }
        let reasons = try ["big.txt", "link.txt", "folder"].map { name -> String in
            let report = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: daemon.failed + "/" + name + ".error.json"))) as? Object
            #expect(report?["rejected_at"] != nil)
            #expect(report?["message"] as? String != nil)
            return report?["reason"] as? String ?? ""
        }
        #expect(reasons == ["too_large", "symlink", "not_regular_file"])
        // The link itself was moved; what it pointed to is untouched.
        #expect(FileManager.default.fileExists(atPath: big))
        let documents = try #require(try daemon.ctl("documents", "--json").json() as? [Object])
        #expect(Set(documents.compactMap { $0["reason"] as? String }) == ["too_large", "symlink", "not_regular_file"])
        #expect(try daemon.stop() == 0)
    }

    @Test func filesAlreadyInTheInboxAreTakenAtStartAndPartialOnesWait() async throws {
        try await onOwnThread(filesAlreadyInTheInboxAreTakenAtStartAndPartialOnesWaitBody)
    }

    private func filesAlreadyInTheInboxAreTakenAtStartAndPartialOnesWaitBody() throws {
        let daemon = try TestDaemon()
        try FileManager.default.createDirectory(atPath: daemon.inbox, withIntermediateDirectories: true)
        let seed = try #require(try Paths.seedFiles().first)
        try FileManager.default.copyItem(atPath: seed, toPath: daemon.inbox + "/early.txt")
        try FileManager.default.copyItem(atPath: seed, toPath: daemon.inbox + "/late.txt.part")
        try FileManager.default.copyItem(atPath: seed, toPath: daemon.inbox + "/.hidden.txt")
        try daemon.start()
        try waitUntil("early.txt is processed") { daemon.files(in: daemon.processed) == ["early.txt"] }
        #expect(Set(daemon.files(in: daemon.inbox)) == ["late.txt.part", ".hidden.txt"])
        #expect(try daemon.stop() == 0)
    }

    @Test func aKilledDaemonLosesNothing() async throws {
        try await onOwnThread(aKilledDaemonLosesNothingBody)
    }

    private func aKilledDaemonLosesNothingBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let seeds = try Paths.seedFiles()
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("the seeds are processed") { daemon.files(in: daemon.processed).count == seeds.count }
        let before = try daemon.ctl("claims", "--json").stdout
        try daemon.stop(signal: SIGKILL)
        try daemon.start()
        #expect(try daemon.ctl("claims", "--json").stdout == before)
        #expect(try daemon.stop() == 0)
    }

    @Test func theDaemonRecordsWhatExtractFindsOffline() async throws {
        try await onOwnThread(theDaemonRecordsWhatExtractFindsOfflineBody)
    }

    private func theDaemonRecordsWhatExtractFindsOfflineBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let seeds = try Paths.seedFiles()
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("the seeds are processed") { daemon.files(in: daemon.processed).count == seeds.count }
        let recorded = try #require(try daemon.ctl("claims", "--json").json() as? [Object])
        let offline = try run(Paths.binaries + "/timelinectl", ["extract", "--json", "--lexicon", Paths.lexicon] + seeds)
        #expect(offline.status == 0, "\(offline.stderr)")
        let extracted = try #require(try offline.json() as? [Object])
        func ids(_ claims: [Object]) -> [String] { claims.compactMap { $0["claim"] as? String }.sorted() }
        #expect(ids(recorded) == ids(extracted))
        #expect(try daemon.stop() == 0)
    }

    @Test func timelinectlExitCodesSayWhatWentWrong() async throws {
        try await onOwnThread(timelinectlExitCodesSayWhatWentWrongBody)
    }

    private func timelinectlExitCodesSayWhatWentWrongBody() throws {
        let nowhere = try run(Paths.binaries + "/timelinectl", ["status", "--socket", "/nonexistent/io.timelined.Timeline"])
        #expect(nowhere.status == 3)
        #expect(nowhere.stderr.contains("cannot connect to /nonexistent/io.timelined.Timeline"))
        #expect(nowhere.stderr.contains("is timelined running?"))

        let usage = try run(Paths.binaries + "/timelinectl", ["latest", "--no-such-flag"])
        #expect(usage.status == 2)

        let daemon = try TestDaemon()
        try daemon.start()
        let empty = try daemon.ctl("claims", "--json")
        #expect(empty.status == 0)
        #expect((try empty.json() as? [Any])?.isEmpty == true)
        let badSide = try daemon.ctl("latest", "--side", "atlantis")
        #expect(badSide.status == 1)
        #expect(badSide.stderr.contains("side"))
        #expect(try daemon.stop() == 0)
    }

    @Test func extractNamesEachFileItCannotReadInOneLine() async throws {
        try await onOwnThread(extractNamesEachFileItCannotReadInOneLineBody)
    }

    private func extractNamesEachFileItCannotReadInOneLineBody() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/missing.txt"
        let result = try run(
            Paths.binaries + "/timelinectl", ["extract", "--json", "--lexicon", Paths.lexicon, missing, folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == """
            timelinectl: cannot read \(missing): no such file or directory
            timelinectl: cannot read \(folder.path): is a directory

            """)
    }

    @Test(.enabled(if: getuid() != 0, "root may read any file, so permission cannot be denied"))
    func extractSaysWhenAFileMayNotBeRead() async throws {
        try await onOwnThread(extractSaysWhenAFileMayNotBeReadBody)
    }

    private func extractSaysWhenAFileMayNotBeReadBody() throws {
        let folder = try TemporaryFolder()
        let secret = folder.path + "/secret.txt"
        try Data("100 soldiers were killed.".utf8).write(to: URL(fileURLWithPath: secret))
        #expect(chmod(secret, 0) == 0)
        let result = try run(Paths.binaries + "/timelinectl", ["extract", "--lexicon", Paths.lexicon, secret])
        #expect(result.status == 1)
        #expect(result.stderr == "timelinectl: cannot read \(secret): permission denied\n")
        withExtendedLifetime(folder) {}
    }

    private func lastSeq(_ daemon: TestDaemon) throws -> Int {
        let status = try #require(try daemon.ctl("status", "--json").json() as? Object)
        return try #require((status["log"] as? Object)?["last_seq"] as? Int)
    }
}

/// A generic Varlink client, not ours, reads the daemon: the Python
/// `varlink` package checks every reply against the interface description.
@Suite struct GenericVarlinkClientTests {
    static let script = """
        import json, sys, varlink
        with varlink.Client("unix:" + sys.argv[1]) as client:
            with client.open("org.varlink.service") as service:
                info = service.GetInfo()
            with client.open("io.timelined.Timeline") as timeline:
                latest = timeline.Latest()
                status = timeline.Status()
        print(json.dumps({"interfaces": info["interfaces"], "latest": latest["claims"], "status": status["status"]}))
        """

    static var available: Bool {
        (try? run("/usr/bin/env", ["python3", "-c", "import varlink"]).status) == 0
    }

    @Test(.enabled(if: available, "python3 with the varlink package (pip install varlink) is not installed"))
    func pythonVarlinkCallsGetInfoLatestAndStatus() async throws {
        try await onOwnThread(pythonVarlinkCallsGetInfoLatestAndStatusBody)
    }

    private func pythonVarlinkCallsGetInfoLatestAndStatusBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        for seed in try Paths.seedFiles() { try daemon.drop(seed) }
        try waitUntil("the seeds are processed") { daemon.files(in: daemon.processed).count == 5 }
        let result = try run("/usr/bin/env", ["python3", "-c", Self.script, daemon.socket])
        #expect(result.status == 0, "\(result.stderr)")
        let reply = try #require(try result.json() as? [String: Any])
        #expect((reply["interfaces"] as? [String])?.contains("io.timelined.Timeline") == true)
        let latest = try #require(reply["latest"] as? [[String: Any]])
        #expect(latest.contains { $0["side"] as? String == "russia" && $0["population"] as? String == "military" })
        #expect((reply["status"] as? [String: Any])?["documents"] as? Int == 5)
        #expect(try daemon.stop() == 0)
    }
}

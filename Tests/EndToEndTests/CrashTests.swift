import Foundation
import TimelineTestSupport
import Testing
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// A timelined ingesting a stream of articles is killed with SIGKILL at
/// random moments, round after round; after each kill and restart nothing
/// may be lost or doubled, and what it serves must equal a replay from
/// scratch.
@Suite(.serialized) struct CrashTests {
    typealias Object = [String: Any]

    /// The seed makes every run kill at the same moments of the same stream.
    static let seed: UInt64 = 0x7155_CAFE
    static let rounds = 16

    @Test func aDaemonKilledAtRandomMomentsLosesNothingAndDoublesNothing() async throws {
        try await onOwnThread(aDaemonKilledAtRandomMomentsLosesNothingAndDoublesNothingBody)
    }

    private func aDaemonKilledAtRandomMomentsLosesNothingAndDoublesNothingBody() throws {
        var random = SplitMix64(seed: Self.seed)
        let daemon = try TestDaemon()
        // Snapshots every 25 events and every second, so that kills also
        // land while a snapshot is written and starts load fresh ones.
        let configuration = daemon.data + "/timelined.yaml"
        try "lexicon: \(Paths.lexicon)\nsnapshots:\n  every_events: 25\n  every_seconds: 1\n"
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        daemon.extraArguments = ["--config", configuration]
        let staging = daemon.data + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        var dropped: [String: String] = [:]
        var articles = ArticleGenerator(seed: Self.seed)

        /// Writes articles beside the inbox and renames them in, as a careful writer does.
        func drop(_ count: Int) throws {
            for _ in 0..<count {
                let (name, text) = articles.next()
                try Data(text.utf8).write(to: URL(fileURLWithPath: staging + "/" + name))
                guard rename(staging + "/" + name, daemon.inbox + "/" + name) == 0 else {
                    throw CocoaError(.fileWriteUnknown)
                }
                dropped[name] = DocumentContent(bytes: Array(text.utf8)).sha256
            }
        }

        let started = ContinuousClock.now
        try daemon.start()
        var kills: [String] = []
        var met: [String: Int] = [:]
        for round in 0..<Self.rounds {
            // The stream: a burst, then an article or three every few
            // milliseconds until the kill, 0–300 ms in, so that it lands
            // while files are being read, recorded and moved.
            let killAt = ContinuousClock.now + .milliseconds(Int(random.next() % 301))
            try drop(4 + Int(random.next() % 8))
            while ContinuousClock.now < killAt {
                try drop(1 + Int(random.next() % 3))
                usleep(UInt32(1_000 + random.next() % 5_000))
            }
            try daemon.stop(signal: SIGKILL)
            kills.append("\(daemon.files(in: daemon.inbox).count)")

            // Dead: every article is in exactly one of the three folders.
            try checkEveryArticleIsInOneFolder(daemon, dropped: dropped, round: round)
            // The log as the kill left it: intact, perhaps with a torn tail.
            let offline = try run(Paths.binaries + "/timelined", ["verify", "--data", daemon.data])
            #expect(offline.status == 0 || offline.status == 2, "round \(round): \(offline.stdout)")

            if round % 4 == 3 {
                // Killed again while it starts: recovering, loading a snapshot, replaying.
                try killDuringStart(daemon, after: Int(random.next() % 120))
            }

            try daemon.start()
            try waitUntil("round \(round): the inbox is worked through") {
                guard daemon.files(in: daemon.inbox).isEmpty else { return false }
                let status = try #require(try daemon.ctl("status", "--json").json() as? Object)
                return (status["inbox"] as? Object)?["state"] as? String == "idle"
            }
            // The restart's log says what recovery met (each start rewrites it).
            for (key, text) in ["torn tails cut": "torn tail", "duplicates taken again": "duplicate: already in the log",
                                "starts from a snapshot": "snapshot loaded", "snapshots passed over": "snapshot ignored"] {
                met[key, default: 0] += daemon.log.components(separatedBy: text).count - 1
            }
            try checkTheLogHoldsEachArticleOnce(daemon, dropped: dropped, round: round)
            try checkServedEqualsAReplayFromScratch(daemon, round: round)
        }
        #expect(try daemon.stop() == 0)
        let elapsed = ContinuousClock.now - started
        print("crash test: \(Self.rounds) rounds, \(dropped.count) articles in \(elapsed); files left in the inbox by each kill: "
            + kills.joined(separator: ", ") + "; the restarts met: "
            + met.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
    }

    private func checkEveryArticleIsInOneFolder(_ daemon: TestDaemon, dropped: [String: String], round: Int) throws {
        let found = daemon.files(in: daemon.inbox) + daemon.files(in: daemon.processed) + daemon.files(in: daemon.failed)
        #expect(found.count == Set(found).count, "round \(round): a file is in two folders")
        #expect(Set(found) == Set(dropped.keys), "round \(round): lost \(Set(dropped.keys).subtracting(found)), extra \(Set(found).subtracting(dropped.keys))")
        #expect(daemon.files(in: daemon.failed).isEmpty, "round \(round): \(daemon.files(in: daemon.failed))")
    }

    private func checkTheLogHoldsEachArticleOnce(_ daemon: TestDaemon, dropped: [String: String], round: Int) throws {
        let verify = try daemon.ctl("verify")
        #expect(verify.status == 0, "round \(round): \(verify.stdout)\(verify.stderr)\n\(daemon.log)")

        let events = try daemon.ctl("events", "--json")
        #expect(events.status == 0, "round \(round): \(events.stderr)")
        let lines = events.stdout.split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Object) }
        let seqs = objects.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(0..<seqs.count).map { $0 + 1 }, "round \(round): seqs are not 1…n")
        var received: [String: Int] = [:]
        for object in objects where object["type"] as? String == "document.received" {
            if let document = (object["data"] as? Object)?["document"] as? String { received[document, default: 0] += 1 }
        }
        #expect(received.values.allSatisfy { $0 == 1 }, "round \(round): doubled \(received.filter { $0.value > 1 })")
        // Everything dropped has been taken: each article once, by its hash.
        #expect(Set(received.keys) == Set(dropped.values), "round \(round): \(received.count) received of \(dropped.count)")
        #expect(Set(daemon.files(in: daemon.processed)) == Set(dropped.keys))
    }

    /// A fresh daemon on a copy of the log alone (no snapshots) must serve
    /// what the restarted one serves from its snapshot and the tail.
    private func checkServedEqualsAReplayFromScratch(_ daemon: TestDaemon, round: Int) throws {
        let fresh = try TestDaemon()
        try FileManager.default.createDirectory(atPath: fresh.data + "/state", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: daemon.data + "/state/log", toPath: fresh.data + "/state/log")
        try fresh.start()
        defer { _ = try? fresh.stop() }
        for query in ["documents", "claims", "latest", "history"] {
            let served = try daemon.ctl(query, "--json")
            let replayed = try fresh.ctl(query, "--json")
            #expect(served.status == 0 && replayed.status == 0)
            #expect(served.stdout == replayed.stdout, "round \(round): \(query) differs from a replay from scratch")
        }
        let status = try #require(try daemon.ctl("status", "--json").json() as? Object)
        let freshStatus = try #require(try fresh.ctl("status", "--json").json() as? Object)
        #expect((status["log"] as? Object)?["last_seq"] as? Int == (freshStatus["log"] as? Object)?["last_seq"] as? Int)
    }

    /// Starts timelined on the same folder and kills it `milliseconds` in,
    /// before it has necessarily answered.
    private func killDuringStart(_ daemon: TestDaemon, after milliseconds: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.binaries + "/timelined")
        process.arguments = ["--data", daemon.data, "--lexicon", Paths.lexicon] + daemon.extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(milliseconds) * 1_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// Articles of varied length and words, each with distinct bytes.
struct ArticleGenerator {
    private var random: SplitMix64
    private var count = 0
    private static let words = """
        the minister said on Tuesday that forces had advanced near the river while officials estimated \
        losses among soldiers and civilians at several thousand according to reports from the front and \
        independent analysts who cautioned that figures could not be verified a spokesman added statement \
        overnight shelling villages eastern region western partners aid convoy talks ceasefire casualties
        """.split(separator: " ")

    init(seed: UInt64) {
        random = SplitMix64(seed: seed ^ 0xA5A5)
    }

    mutating func next() -> (name: String, text: String) {
        count += 1
        var text = "Title: Report \(count)\nSource: Test Wire\n\n"
        let sentences = 3 + Int(random.next() % 40)
        for _ in 0..<sentences {
            let length = 6 + Int(random.next() % 18)
            let sentence = (0..<length).map { _ in String(Self.words[Int(random.next() % UInt64(Self.words.count))]) }
            text += sentence.joined(separator: " ").capitalizedFirst + ". "
            if random.next() % 5 == 0 { text += "\n\n" }
        }
        text += "\n(report \(count), \(random.next()))\n"
        return (String(format: "report-%04d.txt", count), text)
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

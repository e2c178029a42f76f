import Foundation
import TimelineTestSupport
import Testing

/// `--as-of` through the real daemon: the views as they stood at an
/// earlier seq, time or day, edits made after it not applied, before and
/// after a restart, and the errors for a point the log does not reach.
@Suite(.serialized) struct AsOfTests {
    typealias Object = [String: Any]

    @Test func theViewsAsOfAnEarlierPointAnswerAsTheDaemonDidThen() async throws {
        try await onOwnThread(asOfBody)
    }

    /// JSON text with sorted keys, to compare answers whole.
    private func canonical(_ value: Any?) throws -> String {
        let value = try #require(value)
        return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The views asked of the daemon, as JSON, now or as of a point.
    private func views(_ daemon: TestDaemon, asOf: String? = nil) throws -> [String: String] {
        let point = asOf.map { ["--as-of", $0] } ?? []
        var answers: [String: String] = [:]
        for (name, arguments) in [
            ("latest", ["latest"]), ("latest russia", ["latest", "--side", "russia", "--metric", "casualties"]),
            ("history", ["history"]), ("claims", ["claims"]), ("claims all", ["claims", "--all"]),
            ("documents", ["documents"]),
        ] {
            let result = try daemon.ctl(arguments + point + ["--json"])
            #expect(result.status == 0, "\(arguments) \(point): \(result.stderr)")
            let json = try result.json()
            if asOf == nil {
                answers[name] = try canonical(json)
            } else {
                // As of a point, --json is the reply: the view and as_of.
                let reply = try #require(json as? Object, "\(arguments): \(result.stdout)")
                let view = reply.first { $0.key != "as_of" }?.value
                answers[name] = try canonical(view)
                answers["as_of"] = try canonical(reply["as_of"])
            }
        }
        return answers
    }

    private func lastSeq(_ daemon: TestDaemon) throws -> Int {
        let status = try #require(try daemon.ctl("status", "--json").json() as? Object)
        return try #require((status["log"] as? Object)?["last_seq"] as? Int)
    }

    private func asOfBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        defer { _ = try? daemon.stop() }
        let seeds = try Paths.seedFiles()
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("all five seeds are in processed/") { daemon.files(in: daemon.processed).count == seeds.count }
        let before = try lastSeq(daemon)
        let then = try views(daemon)

        // Edits and a new document after it.
        let latest = try #require(try daemon.ctl("latest", "--side", "russia", "--metric", "casualties", "--json").json() as? [Object])
        let gone = try #require(latest.first?["claim"] as? String)
        #expect(try daemon.ctl("retract", gone, "--reason", "misread").status == 0)
        let claims = try #require(try daemon.ctl("claims", "--json").json() as? [Object])
        let kept = try #require(claims.first?["claim"] as? String)
        #expect(try daemon.ctl("correct", kept, "--low", "7", "--reason", "typo").status == 0)
        try daemon.dropArticle(1)
        try waitUntil("the article is recorded") { try lastSeq(daemon) == before + 3 }
        let edited = try views(daemon)
        #expect(edited["latest russia"] != then["latest russia"] && edited["claims"] != then["claims"])

        // As of the seq before the edits: every view as it was then.
        var past = try views(daemon, asOf: "\(before)")
        let asOf = try #require(try JSONSerialization.jsonObject(with: Data(past.removeValue(forKey: "as_of")!.utf8)) as? Object)
        #expect(asOf["seq"] as? Int == before)
        let recordedAt = try #require(asOf["recorded_at"] as? String)
        #expect(past == then)
        // Its time names the same seq; today names the last one.
        #expect((try views(daemon, asOf: recordedAt)).filter { $0.key != "as_of" } == then)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        #expect((try views(daemon, asOf: today)).filter { $0.key != "as_of" } == edited)

        // The tables say the point on their first line; CSV on standard error.
        let table = try daemon.ctl("latest", "--as-of", "\(before)")
        #expect(table.stdout.hasPrefix("as of seq \(before), recorded \(recordedAt)\n"), "\(table.stdout)")
        #expect(table.stdout.contains(gone), "the retracted claim stood then: \(table.stdout)")
        let csv = try daemon.ctl("claims", "--csv", "--as-of", "\(before)")
        #expect(csv.status == 0 && csv.stderr == "as of seq \(before), recorded \(recordedAt)\n", "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("claim,"))
        #expect(try daemon.ctl("documents", "--as-of", "\(before)").stdout.hasPrefix("as of seq \(before)"))

        // A point the log does not reach, or not a point: one line, status 1 (2 for bad usage).
        func refused(_ point: String, status: Int32, saying words: String) throws {
            let result = try daemon.ctl("latest", "--as-of", point)
            #expect(result.status == status, "\(point): \(result.stdout) \(result.stderr)")
            // A usage error is followed by the usage, as every usage error is.
            let line = result.stderr.split(separator: "\n").first ?? ""
            #expect(status == 2 || result.stderr.split(separator: "\n").count == 1, "\(point): \(result.stderr)")
            #expect(line.contains(words), "\(point): \(result.stderr)")
        }
        try refused("0", status: 1, saying: "before the log's first event")
        try refused("\(before + 1_000)", status: 1, saying: "is past the end of the log, which ends at seq \(before + 3)")
        try refused("1999-01-01", status: 1, saying: "no event was recorded by 1999-01-01")
        try refused("2999-01-01T00:00:00Z", status: 1, saying: "later than now")
        try refused("last week", status: 2, saying: "--as-of takes a seq")

        // After a restart (a snapshot at the stop covers the edits), the same answers.
        try daemon.stop()
        try daemon.start()
        try daemon.dropArticle(2)
        try waitUntil("the second article is recorded") { try lastSeq(daemon) == before + 4 }
        #expect((try views(daemon, asOf: "\(before)")).filter { $0.key != "as_of" } == then)
        #expect((try views(daemon, asOf: "\(before + 3)")).filter { $0.key != "as_of" } == edited)
        // The stop's snapshot is the one the point after the edits starts from.
        let snapshot = String(format: "%020d.snap", before + 3)
        #expect(daemon.files(in: daemon.data + "/state/snapshots").contains(snapshot))
    }
}

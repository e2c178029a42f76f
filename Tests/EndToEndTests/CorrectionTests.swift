import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `timelinectl retract` and `correct` through the real daemon: the events
/// they append, what every view then shows, the errors, and who may.
@Suite(.serialized) struct CorrectionTests {
    typealias Object = [String: Any]

    @Test func retractAndCorrectChangeTheViewsAndSurviveARestart() async throws {
        try await onOwnThread(retractAndCorrectBody)
    }

    private func retractAndCorrectBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let seeds = try Paths.seedFiles()
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("all five seeds are in processed/") { daemon.files(in: daemon.processed).count == seeds.count }

        // Retract the latest Russian military casualties figure.
        let latest = try #require(try daemon.ctl("latest", "--side", "russia", "--metric", "casualties", "--json").json() as? [Object])
        let gone = try #require(latest.first?["claim"] as? String)
        let retract = try daemon.ctl("retract", String(gone.prefix(8)), "--reason", "misread figure")
        #expect(retract.status == 0, "\(retract.stderr)")
        #expect(retract.stdout.hasPrefix("retracted \(gone) at seq "), "\(retract.stdout)")
        #expect(retract.stdout.contains("by root (uid 0): misread figure"))
        let after = try #require(try daemon.ctl("latest", "--side", "russia", "--metric", "casualties", "--json").json() as? [Object])
        #expect(!after.contains { $0["claim"] as? String == gone })
        #expect(!(try daemon.ctl("claims", "--json").stdout.contains(gone)))
        let all = try #require(try daemon.ctl("claims", "--all", "--json").json() as? [Object])
        let marked = try #require(all.first { $0["claim"] as? String == gone }?["retracted"] as? Object)
        #expect(marked["reason"] as? String == "misread figure" && marked["uid"] as? Int == 0 && marked["user"] as? String == "root")
        #expect(try daemon.ctl("claims", "--all").stdout.contains("RETRACTED"))
        let history = try daemon.ctl("history", "--side", "russia", "--metric", "casualties")
        #expect(history.stdout.contains("retracted") && history.stdout.contains("misread figure"), "\(history.stdout)")

        // Errors: one line each, exit status 1.
        func refused(_ arguments: String..., saying words: String) throws {
            let result = try daemon.ctl(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(words), "\(arguments): \(result.stderr)")
        }
        try refused("retract", gone, "--reason", "again", saying: "was retracted")
        try refused("correct", gone, "--low", "5", "--reason", "after all", saying: "was retracted")
        try refused("retract", "0123456789abcdef", "--reason", "who?", saying: "no claim has the id")
        let kept = try #require(all.first { $0["retracted"] == nil })
        let keptID = try #require(kept["claim"] as? String)
        let low = try #require(kept["low"] as? Int)
        try refused("correct", keptID, "--low", "\(low)", "--reason", "same", saying: "changes nothing")
        try refused("correct", keptID, "--reason", "nothing", saying: "names no field")
        try refused("correct", keptID, "--side", "atlantis", "--reason", "typo", saying: "unknown side 'atlantis'")

        // Correct a claim: every view shows the new fields, claims --json the extracted ones.
        let correct = try daemon.ctl(
            "correct", keptID, "--low", "\(low + 1)", "--speaker", "Test Speaker", "--stated-on", "2023-02", "--reason", "the article says so")
        #expect(correct.status == 0, "\(correct.stderr)")
        #expect(correct.stdout.contains("corrected \(keptID)") && correct.stdout.contains("extracted"), "\(correct.stdout)")
        let record = try #require((try daemon.ctl("claims", "--json").json() as? [Object])?.first { $0["claim"] as? String == keptID })
        #expect(record["low"] as? Int == low + 1 && record["speaker"] as? String == "Test Speaker")
        #expect(record["stated_on"] as? String == "2023-02" && record["stated_on_source"] as? String == "correction")
        let corrected = try #require(record["corrected"] as? Object)
        #expect(corrected["reason"] as? String == "the article says so" && corrected["uid"] as? Int == 0)
        #expect((corrected["original"] as? Object)?["low"] as? Int == low)
        #expect((corrected["original"] as? Object)?["speaker"] as? String == kept["speaker"] as? String)
        let sources = try #require(try daemon.ctl("sources", "--speaker", "Test Speaker", "--json").json() as? [Object])
        #expect(sources.map { $0["claim"] as? String } == [keptID])
        let csv = try daemon.ctl("claims", "--csv", "--speaker", "test speaker").stdout
        #expect(csv.contains("corrected.original.low") && csv.contains("the article says so"), "\(csv)")

        // The log: both events, with who; verify passes.
        let events = try daemon.ctl("events").stdout.split(separator: "\n")
        #expect(events.contains { $0.contains(#""type":"claim.retracted""#) && $0.contains(#""uid":0"#) && $0.contains(gone) })
        #expect(events.contains { $0.contains(#""type":"claim.corrected""#) && $0.contains(#""speaker":"Test Speaker""#) })
        #expect(try daemon.ctl("verify").status == 0)

        // The same answers after a restart (from the snapshot written at the stop) and after a replay.
        let views = ["claims", "latest", "history", "sources", "statements"]
        let before = try views.map { try daemon.ctl([$0, "--json"] + ($0 == "claims" ? ["--all"] : [])).stdout }
        #expect(try daemon.stop() == 0)
        try daemon.start()
        #expect(try views.map { try daemon.ctl([$0, "--json"] + ($0 == "claims" ? ["--all"] : [])).stdout } == before)
        #expect(try daemon.stop() == 0)
        try FileManager.default.removeItem(atPath: daemon.data + "/state/snapshots")
        try daemon.start()
        #expect(try views.map { try daemon.ctl([$0, "--json"] + ($0 == "claims" ? ["--all"] : [])).stdout } == before)
    }

    /// Root may edit (above); a user outside the editors group is refused
    /// with io.timelined.Timeline.PermissionDenied; a member, by the
    /// primary group or by a supplementary one in the group database, may.
    @Test(.enabled(if: getuid() == 0, "only root can run timelinectl as other users"))
    func onlyEditorsMayEdit() async throws {
        try await onOwnThread(onlyEditorsMayEditBody)
    }

    private func onlyEditorsMayEditBody() throws {
        let setpriv = try #require(which("setpriv"), "setpriv (util-linux) runs timelinectl as another user")
        // A group with a member of its own in /etc/group, to check supplementary groups by the book.
        let member = Self.supplementaryMember()
        let group = member?.group ?? "users"
        let gid = try #require(Self.groupID(group))
        let config = try TemporaryFolder()
        try writeText("editors_group: \(group)\n", to: config.path + "/timelined.yaml")
        let daemon = try TestDaemon(extraArguments: ["--config", config.path + "/timelined.yaml"])
        try daemon.start()
        // Others must reach the socket: the folders are the test's own.
        for path in [daemon.data, daemon.data + "/run"] { chmod(path, 0o755) }
        chmod(daemon.socket, 0o666)
        try daemon.drop(try Paths.seedFiles()[0])
        try waitUntil("the seed is in processed/") { daemon.files(in: daemon.processed).count == 1 }
        let ids = try #require(try daemon.ctl("claims", "--json").json() as? [Object]).compactMap { $0["claim"] as? String }
        #expect(ids.count >= 3)

        func ctl(uid: UInt32, gid: UInt32, _ arguments: String...) throws -> CommandResult {
            try run(setpriv, ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", Paths.binaries + "/timelinectl"]
                + arguments + ["--socket", daemon.socket])
        }
        let nobody: UInt32 = 65534
        let denied = try ctl(uid: nobody, gid: nobody, "retract", ids[0], "--reason", "not mine to retract")
        #expect(denied.status == 1, "\(denied.stdout) \(denied.stderr)")
        #expect(denied.stderr == "timelinectl: permission denied: uid 65534 may not call io.timelined.Timeline.Retract; only root, the daemon's user and members of the group '\(group)' may\n")
        // Reading stays open to whoever may connect.
        #expect(try ctl(uid: nobody, gid: nobody, "claims").status == 0)
        // The refused call appended nothing.
        #expect(!(try daemon.ctl("events").stdout.contains("claim.retracted")))

        let byPrimary = try ctl(uid: nobody, gid: gid, "correct", ids[1], "--low", "1", "--reason", "editor by primary group")
        #expect(byPrimary.status == 0, "\(byPrimary.stderr)")
        if let member {
            let bySupplementary = try ctl(uid: member.uid, gid: member.primaryGID, "retract", ids[2], "--reason", "editor by membership")
            #expect(bySupplementary.status == 0, "\(bySupplementary.stderr)")
        }
        let events = try daemon.ctl("events").stdout.split(separator: "\n")
        #expect(events.contains { $0.contains(#""type":"claim.corrected""#) && $0.contains(#""uid":65534"#) && $0.contains(#""user":"nobody""#) })
        // Without a group in /etc/group listing a member whose primary group
        // is another, supplementary membership is not checked here.
        if let member {
            #expect(events.contains { $0.contains(#""type":"claim.retracted""#) && $0.contains("\"user\":\"\(member.user)\"") })
        }
    }

    /// A group that lists a user, not root, whose primary group is another.
    static func supplementaryMember() -> (group: String, user: String, uid: UInt32, primaryGID: UInt32)? {
        guard let groups = try? String(contentsOfFile: "/etc/group", encoding: .utf8) else { return nil }
        for line in groups.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 4, let gid = UInt32(fields[2]) else { continue }
            for user in fields[3].split(separator: ",") where user != "root" {
                guard let entry = getpwnam(String(user)), entry.pointee.pw_gid != gid else { continue }
                return (String(fields[0]), String(user), entry.pointee.pw_uid, entry.pointee.pw_gid)
            }
        }
        return nil
    }

    static func groupID(_ name: String) -> UInt32? {
        getgrnam(name).map { $0.pointee.gr_gid }
    }
}

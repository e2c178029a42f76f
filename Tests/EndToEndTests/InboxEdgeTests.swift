import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The inbox's edges, as the reliability trial found them: what a batch
/// writes beside people's files, names the kernel allows and a terminal
/// does not, and files that arrive in ways other than a close.
@Suite(.serialized) struct InboxEdgeTests {
    typealias Object = [String: Any]

    /// Long enough for a busy two-core machine.
    static let patience: Duration = .seconds(90)

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func documents(_ daemon: TestDaemon) throws -> [Object] {
        try #require(try daemon.ctl("documents", "--json").json() as? [Object])
    }

    private func report(_ path: String) throws -> Object? {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? Object
    }

    @Test func aRefusalsReportNeverReplacesARefusedFileOfThatName() async throws {
        try await onOwnThread(aRefusalsReportNeverReplacesARefusedFileOfThatNameBody)
    }

    /// Row 3 of the trial: `p.error.json` (too large) and `p` (a symlink)
    /// refused in one batch; `p`'s report must not take the other's name.
    private func aRefusalsReportNeverReplacesARefusedFileOfThatNameBody() throws {
        let daemon = try TestDaemon(extraArguments: ["--max-document-bytes", "4096"])
        try daemon.start()
        let pid = try #require(daemon.pid)
        let users = String(repeating: "the user's own file\n", count: 300)
        // Stopped, so that both arrive in one batch, the larger one first.
        kill(pid, SIGSTOP)
        try write(users, to: daemon.inbox + "/p.error.json")
        #expect(symlink("/etc/hostname", daemon.inbox + "/p") == 0)
        kill(pid, SIGCONT)

        try waitUntil("both are refused", timeout: Self.patience) {
            try daemon.files(in: daemon.inbox).isEmpty && documents(daemon).count == 2
        }
        let byName = Dictionary(uniqueKeysWithValues: try documents(daemon).map { ($0["document"] as? String ?? "", $0) })
        let bigTo = try #require(byName["p.error.json"]?["moved_to"] as? String)
        let linkTo = try #require(byName["p"]?["moved_to"] as? String)
        // Each event names where its file is, and the two differ.
        #expect(try String(contentsOfFile: daemon.data + "/" + bigTo, encoding: .utf8) == users)
        var info = stat()
        #expect(lstat(daemon.data + "/" + linkTo, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "\(linkTo)")
        // Each report sits beside its file and names it.
        #expect(try report(daemon.data + "/" + bigTo + ".error.json")?["name"] as? String == "p.error.json")
        #expect(try report(daemon.data + "/" + linkTo + ".error.json")?["name"] as? String == "p")
        #expect(daemon.files(in: daemon.failed).count == 4, "\(daemon.files(in: daemon.failed))")
        #expect(try daemon.stop() == 0)
    }
}

extension InboxEdgeTests {
    @Test func longNamesAreTakenAndRefusedWithTheirReports() async throws {
        try await onOwnThread(longNamesAreTakenAndRefusedWithTheirReportsBody)
    }

    /// Rows 1o and 1o′ of the trial: a 255-byte name dropped twice, and a
    /// refused name of 251 bytes, whose report's name would be too long.
    private func longNamesAreTakenAndRefusedWithTheirReportsBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let long = String(repeating: "L", count: 251) + ".txt"
        let refused = String(repeating: "R", count: 251) + ".txt"
        for (n, text) in ["The council met on Monday.\n", "The council met on Tuesday.\n"].enumerated() {
            // Written under a short dot-name: `.part` would make it too long.
            try write(text, to: daemon.inbox + "/.writing")
            #expect(rename(daemon.inbox + "/.writing", daemon.inbox + "/" + long) == 0)
            try waitUntil("copy \(n + 1) is taken", timeout: Self.patience) {
                daemon.files(in: daemon.inbox).isEmpty && daemon.files(in: daemon.processed).count == n + 1
            }
        }
        #expect(symlink("/etc/hostname", daemon.inbox + "/" + refused) == 0)
        try waitUntil("the link is refused with a report", timeout: Self.patience) {
            daemon.files(in: daemon.failed).count == 2
        }
        #expect(daemon.files(in: daemon.inbox).isEmpty)
        let reports = daemon.files(in: daemon.failed).filter { $0.hasSuffix(".error.json") }
        #expect(reports.count == 1)
        for name in reports {
            #expect(name.utf8.count <= 255)
            #expect(try report(daemon.failed + "/" + name)?["name"] as? String == refused)
        }
        #expect(!daemon.log.contains("File name too long"), "\(daemon.log)")
        #expect(try documents(daemon).count == 3)
        #expect(try daemon.stop() == 0)
    }
}

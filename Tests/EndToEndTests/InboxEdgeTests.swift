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

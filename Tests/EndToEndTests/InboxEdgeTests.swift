import DurableFiles
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
        try stopProcess(pid)
        try writeText(users, to: daemon.inbox + "/p.error.json")
        #expect(symlink("/etc/hostname", daemon.inbox + "/p") == 0)
        kill(pid, SIGCONT)

        // The events come first, the moves and the reports after them.
        try waitUntil("both are refused with their reports", timeout: Self.patience) {
            try daemon.files(in: daemon.inbox).isEmpty && daemon.documents().count == 2
                && daemon.files(in: daemon.failed).filter { !$0.hasPrefix(".") }.count == 4
        }
        let byName = Dictionary(uniqueKeysWithValues: try daemon.documents().map { ($0["document"] as? String ?? "", $0) })
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
            try writeText(text, to: daemon.inbox + "/.writing")
            #expect(rename(daemon.inbox + "/.writing", daemon.inbox + "/" + long) == 0)
            try waitUntil("copy \(n + 1) is taken", timeout: Self.patience) {
                daemon.files(in: daemon.inbox).isEmpty && daemon.files(in: daemon.processed).count == n + 1
            }
        }
        #expect(symlink("/etc/hostname", daemon.inbox + "/" + refused) == 0)
        try waitUntil("the link is refused with a report", timeout: Self.patience) {
            daemon.files(in: daemon.failed).filter { $0.hasSuffix(".error.json") }.count == 1
        }
        #expect(daemon.files(in: daemon.inbox).isEmpty)
        let reports = daemon.files(in: daemon.failed).filter { $0.hasSuffix(".error.json") }
        #expect(reports.count == 1)
        for name in reports {
            #expect(name.utf8.count <= 255)
            #expect(try report(daemon.failed + "/" + name)?["name"] as? String == refused)
        }
        #expect(!daemon.log.contains("File name too long"), "\(daemon.log)")
        #expect(try daemon.documents().count == 3)
        #expect(try daemon.stop() == 0)
    }
}

extension InboxEdgeTests {
    @Test func namesAreBytesTakenByThemAndShownEscaped() async throws {
        try await onOwnThread(namesAreBytesTakenByThemAndShownEscapedBody)
    }

    /// Rows 1m, 1m′ and 1n of the trial: a newline, escape codes and bytes
    /// that are not UTF-8 in names.
    private func namesAreBytesTakenByThemAndShownEscapedBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let names = [
            FileName(bytes: Array("bad".utf8) + [0xFF, 0xFE] + Array("name.txt".utf8)),
            FileName("new\nline.txt"),
            FileName("\u{1B}[2J\u{1B}[31mFAKE\u{1B}[0m.txt"),
        ]
        for (n, name) in names.enumerated() {
            let writing = FileName(".writing")
            try writeText("Article \(n): the council met on Monday.\n", to: daemon.inbox + "/.writing")
            #expect(rename(writing.path(in: daemon.inbox), name.path(in: daemon.inbox)) == 0)
        }
        try waitUntil("the three are taken", timeout: Self.patience) {
            try FileSystem.entries(daemon.inbox).isEmpty && FileSystem.entries(daemon.processed).count == 3
        }
        // Moved by their bytes, recorded by their text.
        #expect(Set(try FileSystem.entries(daemon.processed)) == Set(names))
        #expect(Set(try daemon.documents().compactMap { $0["document"] as? String }) == Set(names.map(\.text)))
        #expect(names[0].text == "bad\\xFF\\xFEname.txt")

        // Never raw in the log or on the terminal. Each is logged once moved.
        try waitUntil("the three are logged", timeout: Self.patience) {
            daemon.log.split(separator: "\n").filter { $0.contains("received") && $0.contains("moved_to") }.count == 3
        }
        let lines = daemon.log.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("line.txt") }, "\(daemon.log)")
        #expect(lines.contains { $0.contains("new\\x0Aline.txt") }, "\(daemon.log)")
        #expect(!daemon.log.contains("\u{1B}"))
        let table = try daemon.ctl("documents")
        #expect(table.status == 0)
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(table.stdout.contains("\\x1B[2J"), "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").count == 1 + names.count, "\(table.stdout)")
        #expect(try daemon.stop() == 0)
    }
}

import DurableFiles
import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files that arrive without a close the watcher sees, an inbox replaced
/// under the daemon, and a file still being written: each taken without a
/// restart, whole, and `pending` true meanwhile (trial 1h, 1r, 2b, D5, D7).
@Suite(.serialized) struct InboxWatchTests {
    typealias Object = [String: Any]

    static let patience: Duration = .seconds(90)

    @Test func aHardLinkAndAnOTmpfileLinkedInAreTaken() async throws {
        try await onOwnThread(aHardLinkAndAnOTmpfileLinkedInAreTakenBody)
    }

    private func aHardLinkAndAnOTmpfileLinkedInAreTakenBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let outside = daemon.data + "/outside.txt"
        try writeText("The council met on Monday.\n", to: outside)
        #expect(link(outside, daemon.inbox + "/hard.txt") == 0)
        try waitUntil("the hard link is taken", timeout: Self.patience) {
            daemon.files(in: daemon.processed) == ["hard.txt"]
        }

        // Written whole to an unnamed file, then given its name (linkat).
        let fd = open(daemon.inbox, Int32(0o20000000) | O_DIRECTORY | O_WRONLY, 0o644)
        try #require(fd >= 0, "O_TMPFILE: \(String(cString: strerror(errno)))")
        let text = Array("The council met on Tuesday.\n".utf8)
        #expect(text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) } == text.count)
        #expect(linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, daemon.inbox + "/tmpfile.txt", AT_SYMLINK_FOLLOW) == 0)
        close(fd)
        try waitUntil("the O_TMPFILE file is taken", timeout: Self.patience) {
            daemon.files(in: daemon.processed) == ["hard.txt", "tmpfile.txt"]
        }
        #expect(try Set(daemon.documents().compactMap { $0["document"] as? String }) == ["hard.txt", "tmpfile.txt"])
        #expect(try daemon.stop() == 0)
    }

    @Test func anInboxDeletedAndMadeAgainIsWatchedAgain() async throws {
        try await onOwnThread(anInboxDeletedAndMadeAgainIsWatchedAgainBody)
    }

    private func anInboxDeletedAndMadeAgainIsWatchedAgainBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        // Deleted and made again by a person.
        try FileManager.default.removeItem(atPath: daemon.inbox)
        try FileManager.default.createDirectory(atPath: daemon.inbox, withIntermediateDirectories: false)
        try writeText("The council met on Monday.\n", to: daemon.inbox + "/b.txt")
        try waitUntil("the file in the new inbox is taken", timeout: Self.patience) {
            daemon.files(in: daemon.processed) == ["b.txt"]
        }
        #expect(daemon.log.contains("watching the inbox again"), "\(daemon.log)")

        // Deleted and left gone: the daemon makes it anew.
        func rewatches() -> Int { daemon.log.components(separatedBy: "watching the inbox again").count - 1 }
        let before = rewatches()
        try FileManager.default.removeItem(atPath: daemon.inbox)
        try waitUntil("the daemon makes the inbox anew", timeout: Self.patience) {
            FileSystem.isDirectory(daemon.inbox) && rewatches() > before
        }
        try writeText("The council met on Tuesday.\n", to: daemon.inbox + "/c.txt")
        try waitUntil("a file dropped in it is taken", timeout: Self.patience) {
            daemon.files(in: daemon.processed) == ["b.txt", "c.txt"]
        }
        let inbox = try daemon.inboxStatus()
        #expect(inbox["state"] as? String == "idle" && inbox["pending"] as? Int == 0, "\(inbox)")
        #expect(try daemon.stop() == 0)
    }

    @Test func aFileStillOpenForWritingWaitsAndIsTakenWhole() async throws {
        try await onOwnThread(aFileStillOpenForWritingWaitsAndIsTakenWholeBody)
    }

    /// Trial 2b / D7: a rescan took a file still being written, recording
    /// 40 of its 197 bytes while all 197 were moved.
    private func aFileStillOpenForWritingWaitsAndIsTakenWholeBody() throws {
        let daemon = try TestDaemon()
        let configuration = daemon.data + "/timelined.yaml"
        try writeText("rescan:\n  every_seconds: 1\n", to: configuration)
        daemon.extraArguments = ["--config", configuration]
        try daemon.start()
        let path = daemon.inbox + "/half.txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(fd >= 0)
        let first = Array("Published: 2023-01-10\n\nKYIV — Ben Wallace said on".utf8)
        let rest = Array(" Monday that 5000 Russian soldiers had been killed.\n".utf8)
        #expect(first.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) } == first.count)

        // Seen, and held back while open for writing.
        try waitUntil("the daemon holds the file back", timeout: Self.patience) {
            let inbox = try daemon.inboxStatus()
            return inbox["state"] as? String == "waiting" && inbox["pending"] as? Int == 1
        }
        // Rescans and retries come and go meanwhile (every second and
        // every five); none may take it.
        try writeText("The council met on Monday.\n", to: daemon.inbox + "/other.txt")
        try waitUntil("another file is taken meanwhile", timeout: Self.patience) {
            daemon.files(in: daemon.processed) == ["other.txt"]
        }
        usleep(6_000_000)
        #expect(FileManager.default.fileExists(atPath: path))

        #expect(rest.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) } == rest.count)
        close(fd)
        try waitUntil("the finished file is taken", timeout: Self.patience) {
            daemon.files(in: daemon.processed) == ["half.txt", "other.txt"]
        }
        let recorded = try daemon.documents().filter { $0["document"] as? String == "half.txt" }
        #expect(recorded.count == 1, "\(recorded)")
        #expect(recorded.first?["size"] as? Int == first.count + rest.count, "\(recorded)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: daemon.processed + "/half.txt")) == Data(first + rest))
        #expect(try daemon.stop() == 0)
    }
}

import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A folder the kernel refuses to create files in, even for root
/// (`chattr +i`), until it is let go.
struct ImmutableFolder {
    let path: String

    /// Whether this machine can make one: root, and a file system with
    /// the attribute (ext4, tmpfs since Linux 6.0).
    static let available: Bool = {
        guard getuid() == 0, let chattr = which("chattr"), let folder = try? TemporaryFolder("timelined-chattr") else {
            return false
        }
        guard (try? run(chattr, ["+i", folder.path]))?.status == 0 else { return false }
        return (try? run(chattr, ["-i", folder.path]))?.status == 0
    }()

    func lock() throws {
        let result = try run(which("chattr")!, ["+i", path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    func unlock() throws {
        let result = try run(which("chattr")!, ["-i", path])
        #expect(result.status == 0, "\(result.stderr)")
    }
}

/// When the log cannot be written, the daemon does not go on as if it
/// could: the append fails, the daemon stops with exit status 1 (so that
/// systemd's `Restart=on-failure` starts it again), says why, and the
/// file of the batch it could not record stays in the inbox (trial 5b, D2).
///
/// A full disk is not this case: it is foreseen before the append, and
/// pauses ingestion instead (``FullDiskTests``). What is left is a log
/// that refuses a write the free space did not predict; here, the next
/// segment cannot be created in a log folder made immutable.
@Suite(.serialized) struct LogWriteFailureTests {
    @Test(.enabled(if: ImmutableFolder.available, "needs root and a file system with chattr +i, which this machine does not give"))
    func aLogThatCannotBeWrittenStopsTheDaemonWithAFailureAndLosesNoFile() async throws {
        try await onOwnThread(aLogThatCannotBeWrittenStopsTheDaemonWithAFailureAndLosesNoFileBody)
    }

    private func aLogThatCannotBeWrittenStopsTheDaemonWithAFailureAndLosesNoFileBody() throws {
        let patience: Duration = .seconds(90)
        let daemon = try TestDaemon()
        // Segments of 4 KiB: a few articles fill one, and the next append
        // must create a segment.
        let configuration = daemon.data + "/timelined.yaml"
        try writeText("lexicon: \(Paths.lexicon)\nlog:\n  segment_bytes: 4096\n", to: configuration)
        daemon.extraArguments = ["--config", configuration]
        try daemon.start()
        let logFolder = ImmutableFolder(path: daemon.data + "/state/log")
        try logFolder.lock()
        defer { try? logFolder.unlock() }

        // One article at a time, each waited for, until one cannot be recorded.
        var taken = 0
        var status: Int32?
        for n in 1...200 {
            try daemon.dropArticle(n)
            try waitUntil("article \(n) is taken or the daemon stops", timeout: patience) {
                daemon.files(in: daemon.processed).contains("article-\(n).txt") || !daemon.isRunning
            }
            if !daemon.isRunning {
                status = try daemon.exitStatus(within: patience)
                break
            }
            taken = n
        }
        let exit = try #require(status, "the log took 200 articles in 4 KiB segments with its folder immutable: \(daemon.log)")
        #expect(exit == 1, "\(daemon.log)")
        #expect(taken >= 1, "the first articles fit in the open segment")
        let log = daemon.log
        #expect(log.contains("the event log stopped accepting appends; stopping so that the daemon is started again"), "\(log)")
        #expect(log.contains("cannot run: the ingester failed"), "\(log)")
        // The article the log could not record is still in the inbox.
        #expect(daemon.files(in: daemon.inbox) == ["article-\(taken + 1).txt"], "\(log)")

        // The log taking writes again, a start takes it: nothing lost, nothing doubled.
        try logFolder.unlock()
        try daemon.start()
        try waitUntil("the article left behind is taken", timeout: patience) { daemon.files(in: daemon.inbox).isEmpty }
        let names = try daemon.documents().compactMap { $0["document"] as? String }
        #expect(names == (1...(taken + 1)).map { "article-\($0).txt" }, "\(daemon.log)")
        #expect(try daemon.ctl("verify").status == 0)
        #expect(try daemon.stop() == 0)
    }
}

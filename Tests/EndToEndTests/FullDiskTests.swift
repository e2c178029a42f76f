import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A tmpfs of a few MiB to fill, unmounted when the value goes.
final class SmallFileSystem {
    let path: String

    /// Mounts one, or returns nil where this machine cannot (not root, or
    /// a container that forbids mounts).
    init?(megabytes: Int) {
        guard getuid() == 0 else { return nil }
        var template = Array((FileManager.default.temporaryDirectory.path + "/timelined-tmpfs-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        path = String(cString: made)
        let mounted = try? run("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path])
        guard mounted?.status == 0 else {
            rmdir(path)
            return nil
        }
    }

    deinit {
        _ = try? run("/usr/bin/env", ["umount", "-l", path])
        rmdir(path)
    }

    /// Whether a tmpfs can be mounted here (root, and mounts allowed).
    static let available: Bool = SmallFileSystem(megabytes: 1) != nil

    /// Writes zeros to `path` until the file system is full: until a write
    /// fails for want of space, not because a signal interrupted it (a
    /// test process hears its other daemons end), and no block is free.
    func fill(_ file: String) throws {
        // (Not inherited by the daemons other tests start meanwhile: one
        // holding it open would keep the space after the file is removed.)
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        for chunk in [1 << 16, 4096, 1] {
            let zeros = [UInt8](repeating: 0, count: chunk)
            while true {
                let written = zeros.withUnsafeBytes { write(fd, $0.baseAddress!, chunk) }
                if written > 0 || written < 0 && errno == EINTR { continue }
                break
            }
        }
        var stats = statvfs()
        guard statvfs(path, &stats) == 0, stats.f_bavail == 0 else { throw CocoaError(.fileWriteOutOfSpace) }
    }
}

/// A full disk pauses ingestion, and space returning resumes it: nothing
/// lost, nothing doubled, queries answered meanwhile (trial 5a, 5b).
@Suite(.serialized) struct FullDiskTests {
    typealias Object = [String: Any]

    @Test(.enabled(if: SmallFileSystem.available, "needs root and a tmpfs mount, which this machine does not allow"))
    func aFullDiskPausesIngestionAndFreedSpaceResumesIt() async throws {
        try await onOwnThread(aFullDiskPausesIngestionAndFreedSpaceResumesItBody)
    }

    private func aFullDiskPausesIngestionAndFreedSpaceResumesItBody() throws {
        let patience: Duration = .seconds(90)
        let disk = try #require(SmallFileSystem(megabytes: 8))
        let daemon = try TestDaemon(in: disk.path)
        try daemon.start()
        let pid = try #require(daemon.pid)
        func article(_ n: Int) -> String {
            "Article \(n): the council met on Tuesday to discuss the budget for \(n * 1_000) schools.\n"
        }
        try writeText(article(0), to: daemon.inbox + "/a0.txt")
        try waitUntil("the first article is taken", timeout: patience) { daemon.files(in: daemon.processed) == ["a0.txt"] }

        // Stopped, files dropped, the disk filled, then let go (trial 5a).
        // The stop is waited for: kill returns before the daemon stops, and
        // on a busy machine it ran on long enough to take the files while
        // the disk was being filled, and to refuse the link with room for
        // its report.
        let articles = ["a0.txt", "a1.txt", "a2.txt", "a3.txt"]
        try stopProcess(pid)
        for n in 1...3 {
            try writeText(article(n), to: daemon.inbox + "/a\(n).txt")
        }
        #expect(symlink("/etc/hostname", daemon.inbox + "/link") == 0)
        let filler = disk.path + "/filler"
        try disk.fill(filler)
        kill(pid, SIGCONT)

        // The state the daemon serves, not its log: the log is on the full
        // disk, and a line may find no room there.
        do {
            try waitUntil("ingestion pauses", timeout: patience) {
                try daemon.inboxStatus()["state"] as? String == "paused"
            }
        } catch {
            Issue.record("the daemon's log: \(daemon.log); inbox \(daemon.files(in: daemon.inbox)), processed \(daemon.files(in: daemon.processed))")
            throw error
        }
        // Nothing is taken and nothing refused while the disk is full: every
        // file waits in the inbox, counted.
        let waiting = ["a1.txt", "a2.txt", "a3.txt", "link"]
        try waitUntil("the pending count is what the inbox holds", timeout: patience) {
            try daemon.inboxStatus()["pending"] as? Int == waiting.count
        }
        #expect(daemon.files(in: daemon.inbox) == waiting, "\(daemon.log)")
        #expect(daemon.files(in: daemon.processed) == ["a0.txt"], "\(daemon.log)")
        #expect(daemon.files(in: daemon.failed).isEmpty, "\(daemon.log)")

        try FileManager.default.removeItem(atPath: filler)
        try waitUntil("ingestion resumes and takes every file", timeout: patience) {
            daemon.files(in: daemon.inbox).isEmpty && daemon.files(in: daemon.processed).count == articles.count
                && daemon.files(in: daemon.failed) == ["link", "link.error.json"]
        }
        // (The line is written once the batch's files are moved: wait for it.)
        try waitUntil("the daemon says ingestion resumed", timeout: patience) { daemon.log.contains("ingestion resumed") }
        let documents = try daemon.documents()
        #expect(documents.compactMap { $0["document"] as? String }.sorted() == (articles + ["link"]).sorted())
        let resumed = try daemon.inboxStatus()
        #expect(resumed["state"] as? String == "idle" && resumed["pending"] as? Int == 0, "\(resumed)")
        #expect(try daemon.stop() == 0)
    }
}

extension FullDiskTests {
    /// The state on a disk with room and the spool on a full one, as under
    /// systemd (/var/lib and /var/spool): a refusal is recorded and its file
    /// moved, but its report finds no room. A stop then holds it only in
    /// the log, and the next start writes it from there.
    @Test(.enabled(if: SmallFileSystem.available, "needs root and a tmpfs mount, which this machine does not allow"))
    func aReportAFullDiskHeldBackIsWrittenByTheNextStart() async throws {
        try await onOwnThread(aReportAFullDiskHeldBackIsWrittenByTheNextStartBody)
    }

    private func aReportAFullDiskHeldBackIsWrittenByTheNextStartBody() throws {
        let patience: Duration = .seconds(90)
        let disk = try #require(SmallFileSystem(megabytes: 8))
        let state = try TemporaryFolder("timelined-state")
        let daemon = try TestDaemon(in: disk.path, extraArguments: ["--state", state.path])
        try daemon.start()
        let pid = try #require(daemon.pid)
        try writeText("The council met on Tuesday.\n", to: daemon.inbox + "/a0.txt")
        try waitUntil("the first article is taken", timeout: patience) { daemon.files(in: daemon.processed) == ["a0.txt"] }

        // Stopped while the link is made and the spool filled, so that the
        // daemon meets the link only once there is no room for its report.
        try stopProcess(pid)
        #expect(symlink("/etc/hostname", daemon.inbox + "/link") == 0)
        let filler = disk.path + "/filler"
        try disk.fill(filler)
        kill(pid, SIGCONT)
        // The daemon's own log is on the full disk: the folders and the
        // state it serves say what happened. Once the link is in failed/,
        // an inbox no longer busy means its batch, report try included, is over.
        try waitUntil("the link is refused", timeout: patience) { daemon.files(in: daemon.failed).contains("link") }
        try waitUntil("the batch that refused it is over", timeout: patience) {
            try daemon.inboxStatus()["state"] as? String != "busy"
        }
        #expect(daemon.files(in: daemon.failed) == ["link"], "no room for the report yet")
        let refusal = try #require(try daemon.documents().first { $0["document"] as? String == "link" })
        #expect(try daemon.stop() == 0)

        try FileManager.default.removeItem(atPath: filler)
        try daemon.start()
        let report = daemon.failed + "/link.error.json"
        try waitUntil("the next start writes the report", timeout: patience) { FileManager.default.fileExists(atPath: report) }
        #expect(daemon.files(in: daemon.failed) == ["link", "link.error.json"], "\(daemon.log)")
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? Object)
        #expect(written["name"] as? String == "link")
        #expect(written["reason"] as? String == "symlink")
        #expect(written["seq"] as? Int == refusal["seq"] as? Int)
        #expect(written["message"] as? String == refusal["message"] as? String)
        #expect(daemon.log.contains("refused files in failed/ have no report; writing them from the log"), "\(daemon.log)")
        #expect(try daemon.documents().count == 2, "the report adds no event")
        #expect(try daemon.stop() == 0)
    }
}

/// Out of file descriptors, a file is left in the inbox and taken once
/// they are back, never refused for good (trial 3i′, D1).
@Suite(.serialized) struct DescriptorExhaustionTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "prlimit (util-linux) is not installed"))
    func aFileMetWithNoDescriptorLeftWaitsInTheInboxAndIsTakenLater() async throws {
        try await onOwnThread(aFileMetWithNoDescriptorLeftWaitsInTheInboxAndIsTakenLaterBody)
    }

    private func aFileMetWithNoDescriptorLeftWaitsInTheInboxAndIsTakenLaterBody() throws {
        let patience: Duration = .seconds(90)
        let daemon = try TestDaemon()
        // The idle clients below hold the daemon's descriptors until this
        // test closes them, however slow the machine: the idle timeout
        // would hand them back (ConnectionLimitTests test that).
        let config = daemon.data + "/timelined.yaml"
        try writeText("connections:\n  idle_timeout_seconds: 3600\n", to: config)
        daemon.extraArguments = ["--config", config]
        // Ready, not merely answering: the socket answers before the
        // start-up step has watched and listed the inbox, and on a busy
        // machine the clients below came first and that step failed for
        // want of a descriptor. Nor may a status call's connection be
        // left for the daemon to close: closed once the descriptors had
        // run out, it freed one for the file (NIO accepts again only a
        // second after EMFILE), which was then simply taken.
        try daemon.start(until: .ready)
        let pid = try #require(daemon.pid)
        let limit = try run("/usr/bin/prlimit", ["--pid", "\(pid)", "--nofile=64:64"])
        #expect(limit.status == 0, "\(limit.stderr)")
        // More idle clients than the daemon has descriptors left: those it
        // cannot accept wait in the listen queue, and take any descriptor
        // the daemon frees.
        var clients = try (0..<100).map { _ in try RawClient(connectingTo: daemon.socket) }
        defer { clients.forEach { $0.close() } }
        func descriptorsOpen() -> Int {
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
        }
        try waitUntil("the daemon has no descriptor left", timeout: patience) {
            try #require(daemon.isRunning, "the daemon ended: \(daemon.log)")
            return descriptorsOpen() >= 64
        }
        try writeText("The council met on Tuesday.\n", to: daemon.inbox + "/x1.txt")
        let leftForNow = "left in the inbox for now; it will be tried again"
        // Where the file went and what the daemon held say why, if it went.
        func whereItWent() -> String {
            """
            the daemon has \(descriptorsOpen()) descriptors open; inbox \(daemon.files(in: daemon.inbox)), \
            processed \(daemon.files(in: daemon.processed)), failed \(daemon.files(in: daemon.failed)); \
            its log: \(daemon.log)
            """
        }
        try waitUntil("the daemon meets the file", timeout: patience) {
            daemon.logged(leftForNow) || daemon.files(in: daemon.inbox) != ["x1.txt"]
        }
        try #require(daemon.logged(leftForNow), "the file is left in the inbox for now: \(whereItWent())")
        #expect(daemon.files(in: daemon.failed).isEmpty, "\(daemon.log)")
        #expect(daemon.files(in: daemon.inbox) == ["x1.txt"])

        clients.forEach { $0.close() }
        clients.removeAll()
        do {
            try waitUntil("the file is taken once descriptors are back", timeout: patience) {
                daemon.files(in: daemon.processed) == ["x1.txt"]
            }
        } catch {
            Issue.record("\(whereItWent())")
            throw error
        }
        #expect(daemon.files(in: daemon.failed).isEmpty)
        // Taken, not only moved: its event is in the log.
        let documents = try daemon.documents()
        #expect(documents.map { $0["document"] as? String } == ["x1.txt"], "\(documents)")
        #expect(documents.map { $0["status"] as? String } == ["received"], "\(documents)")
        #expect(try daemon.stop() == 0)
    }
}

import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The sd_notify protocol as systemd sees it: the test binds the datagram
/// socket systemd would, points NOTIFY_SOCKET and WATCHDOG_USEC at it, and
/// runs the real timelined.
@Suite(.serialized) struct NotifyProtocolTests {
    /// 0.4 s, so that the daemon pings every 0.2 s.
    static let watchdogMicroseconds = 400_000

    final class Notified {
        let folder: TemporaryFolder
        let notify: NotifySocket
        let daemon: BackgroundProcess
        var socket: String { folder.path + "/data/run/io.timelined.Timeline" }
        var inbox: String { folder.path + "/data/inbox" }

        init(watchdog: Bool = true) throws {
            folder = try TemporaryFolder()
            notify = try NotifySocket(path: folder.path + "/notify")
            var environment = ["NOTIFY_SOCKET": notify.path]
            if watchdog { environment["WATCHDOG_USEC"] = String(NotifyProtocolTests.watchdogMicroseconds) }
            daemon = try BackgroundProcess(
                Paths.binaries + "/timelined",
                ["--data", folder.path + "/data", "--lexicon", Paths.lexicon],
                environment: environment, logPath: folder.path + "/timelined.log")
        }
    }

    @Test func readyOnceTheSocketAnswersThenPingsReloadAndStop() async throws {
        try await onOwnThread(readyOnceTheSocketAnswersThenPingsReloadAndStopBody)
    }

    private func readyOnceTheSocketAnswersThenPingsReloadAndStopBody() throws {
        let run = try Notified()
        let (ready, before) = try run.notify.next(with: "READY")
        // Asked once, with no retry: READY=1 promises the socket answers now.
        let status = try timelinectl("status", socket: run.socket)
        #expect(status.status == 0, "the socket did not answer at READY=1: \(status.stderr)\n\(run.daemon.log)")
        #expect(before.allSatisfy { $0["WATCHDOG"] == nil }, "pinged before it was ready: \(before)")
        // The start says what it does, and asks for time while it does it.
        let starting = before.filter { $0["EXTEND_TIMEOUT_USEC"] != nil }
        #expect(starting.contains { $0["STATUS"] == "starting: checking the log" }, "\(before)")
        #expect(starting.contains { $0["STATUS"] == "starting: rebuilding the projections (the log holds 0 events)" }, "\(before)")
        #expect(starting.allSatisfy { $0["EXTEND_TIMEOUT_USEC"] == "15000000" }, "\(before)")
        #expect(ready["READY"] == "1")
        #expect(ready["STATUS"] == "0 documents, 0 claims, inbox idle")
        #expect(run.daemon.log.contains("ready"))

        var pings = 0
        try waitUntil("three WATCHDOG=1 pings", timeout: .seconds(90)) {
            if let message = run.notify.receive(timeout: .seconds(1)), message["WATCHDOG"] == "1" { pings += 1 }
            return pings >= 3
        }

        let sent = monotonicMicroseconds()
        run.daemon.signal(SIGHUP)
        let (reloading, _) = try run.notify.next(with: "RELOADING")
        #expect(reloading["RELOADING"] == "1")
        let stamp = try #require(reloading["MONOTONIC_USEC"].flatMap(UInt64.init), "RELOADING=1 without MONOTONIC_USEC")
        #expect(stamp >= sent && stamp <= monotonicMicroseconds())
        let (reloaded, _) = try run.notify.next(with: "READY")
        #expect(reloaded["READY"] == "1")
        #expect(run.daemon.log.contains("reloaded"))

        run.daemon.signal(SIGTERM)
        let (stopping, _) = try run.notify.next(with: "STOPPING")
        #expect(stopping["STOPPING"] == "1")
        #expect(try run.daemon.waitForExit() == 0, "\(run.daemon.log)")
    }

    @Test func statusSaysWhatTheDaemonHolds() async throws {
        try await onOwnThread(statusSaysWhatTheDaemonHoldsBody)
    }

    private func statusSaysWhatTheDaemonHoldsBody() throws {
        let run = try Notified(watchdog: false)
        _ = try run.notify.next(with: "READY")
        let article = run.folder.path + "/article.txt"
        try Data("Kyiv, 3 March 2023. An article with no figures in it.\n".utf8).write(to: URL(fileURLWithPath: article))
        try FileManager.default.moveItem(atPath: article, toPath: run.inbox + "/article.txt")
        var last = ""
        try waitUntil("STATUS says one document, inbox idle") {
            if let status = run.notify.receive(timeout: .seconds(1))?["STATUS"] { last = status }
            return last.hasPrefix("1 document, ") && last.hasSuffix("inbox idle")
        }
        run.daemon.signal(SIGTERM)
        #expect(try run.daemon.waitForExit() == 0)
    }

    @Test func aStalledDaemonStopsPinging() async throws {
        try await onOwnThread(aStalledDaemonStopsPingingBody)
    }

    private func aStalledDaemonStopsPingingBody() throws {
        let run = try Notified()
        _ = try run.notify.next(with: "READY")
        _ = try run.notify.next(with: "WATCHDOG")
        try stopProcess(run.daemon.pid)
        // A ping sent before the stop may still be queued.
        run.notify.drain()
        // Five intervals of silence: systemd would have killed it after two.
        let interval = Duration.microseconds(NotifyProtocolTests.watchdogMicroseconds / 2)
        let quiet = run.notify.receive(timeout: interval * 5)
        #expect(quiet == nil, "a stopped daemon pinged: \(quiet.map(\.description) ?? "")")
        run.daemon.signal(SIGCONT)
        _ = try run.notify.next(with: "WATCHDOG", timeout: .seconds(90))
        run.daemon.signal(SIGTERM)
        #expect(try run.daemon.waitForExit() == 0)
    }

    @Test func withoutNotifySocketItRunsAsInATerminal() async throws {
        try await onOwnThread(withoutNotifySocketItRunsAsInATerminalBody)
    }

    private func withoutNotifySocketItRunsAsInATerminalBody() throws {
        let folder = try TemporaryFolder()
        let daemon = try BackgroundProcess(
            Paths.binaries + "/timelined", ["--data", folder.path + "/data", "--lexicon", Paths.lexicon],
            environment: [:], logPath: folder.path + "/timelined.log")
        let socket = folder.path + "/data/run/io.timelined.Timeline"
        try waitUntil("the socket answers") { try timelinectl("status", socket: socket).status == 0 }
        // Lines on stderr carry their syslog priority for the journal to read.
        #expect(daemon.log.split(separator: "\n").contains { $0.hasPrefix("<6>ready") }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(try daemon.waitForExit() == 0)
    }
}

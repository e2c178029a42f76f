import CSystemd
import Foundation
import Synchronization

/// Tells the service manager what the daemon is doing, through
/// sd_notify(3): `READY=1`, `STATUS=…`, `RELOADING=1`, `STOPPING=1`,
/// `WATCHDOG=1`, `EXTEND_TIMEOUT_USEC=…`.
///
/// Outside systemd (no NOTIFY_SOCKET) every call does nothing, so the
/// daemon runs the same in a terminal.
struct SystemdNotifier: Sendable {
    /// Whether a service manager is listening.
    var isActive: Bool { ProcessInfo.processInfo.environment["NOTIFY_SOCKET"] != nil }

    /// Sends one notification of newline-separated `KEY=value` lines.
    func notify(_ state: String) {
        guard isActive else { return }
        _ = sd_notify(0, state)
    }

    func ready(status: String) { notify("READY=1\nSTATUS=\(status)") }
    func status(_ text: String) { notify("STATUS=\(text)") }
    func stopping() { notify("STOPPING=1\nSTATUS=stopping") }

    /// `RELOADING=1` with the monotonic time, as systemd's reload protocol asks.
    func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let micros = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        notify("RELOADING=1\nMONOTONIC_USEC=\(micros)\nSTATUS=reloading")
    }

    func watchdog() { notify("WATCHDOG=1") }

    /// Runs `work`, a step of the start, telling the service manager that
    /// the start is going on (`EXTEND_TIMEOUT_USEC`, 15 s at a time) and
    /// what it is doing: a replay of a long log, or its first full check,
    /// may outlast `TimeoutStartSec`, and a start that still moves must not
    /// be killed as hung.
    ///
    /// It asks once as the step begins, then every five seconds if the
    /// process has used processor time since the last ask: checking and
    /// replaying the log keep a core busy, while a start stuck on a lock or
    /// on a disk that stopped answering uses none, stops asking, and meets
    /// systemd's timeout.
    func extendingStartTimeout<Result>(status: String, _ work: () throws -> Result) rethrows -> Result {
        guard isActive else { return try work() }
        let message = "EXTEND_TIMEOUT_USEC=15000000\nSTATUS=\(status)"
        notify(message)
        // The last processor time seen, or nil once the step is over: no
        // ask may follow the step's end (READY=1 may come next).
        let lastSeen = Mutex<Duration?>(Self.processorTime())
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + .seconds(5), repeating: .seconds(5))
        timer.setEventHandler {
            lastSeen.withLock { last in
                guard let before = last else { return }
                let now = Self.processorTime()
                if now > before + .milliseconds(100) { notify(message) }
                last = now
            }
        }
        timer.resume()
        defer {
            timer.cancel()
            lastSeen.withLock { $0 = nil }
        }
        return try work()
    }

    /// The processor time the process has used, user and system.
    private static func processorTime() -> Duration {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return .seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + .microseconds(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }

    /// Half the interval systemd expects a `WATCHDOG=1` within, or nil when
    /// no watchdog is set for this process.
    var watchdogInterval: Duration? {
        var micros: UInt64 = 0
        guard sd_watchdog_enabled(0, &micros) > 0, micros > 0 else { return nil }
        return .microseconds(Int64(micros / 2))
    }
}

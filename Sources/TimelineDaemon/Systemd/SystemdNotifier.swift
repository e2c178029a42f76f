import CSystemd
import Foundation

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

    /// Runs `work`, a step of the start, telling the service manager every
    /// five seconds that the start is going on (`EXTEND_TIMEOUT_USEC`, 15 s
    /// at a time) and what it is doing: a replay of a long log, or its
    /// first full check, may outlast `TimeoutStartSec`, and a start that
    /// still moves must not be killed as hung. One that stops moving stops
    /// extending, and systemd's timeout applies again.
    func extendingStartTimeout<Result>(status: String, _ work: () throws -> Result) rethrows -> Result {
        guard isActive else { return try work() }
        let message = "EXTEND_TIMEOUT_USEC=15000000\nSTATUS=\(status)"
        notify(message)
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + .seconds(5), repeating: .seconds(5))
        timer.setEventHandler { notify(message) }
        timer.resume()
        defer { timer.cancel() }
        return try work()
    }

    /// Half the interval systemd expects a `WATCHDOG=1` within, or nil when
    /// no watchdog is set for this process.
    var watchdogInterval: Duration? {
        var micros: UInt64 = 0
        guard sd_watchdog_enabled(0, &micros) > 0, micros > 0 else { return nil }
        return .microseconds(Int64(micros / 2))
    }
}

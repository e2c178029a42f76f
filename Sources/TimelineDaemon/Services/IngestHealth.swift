import Synchronization

/// Whether the ingest loop is waiting for work or doing it, and since
/// when: what the watchdog reads to decide that the loop still moves.
///
/// The loop says ``waiting()`` right before it waits for inputs and
/// ``working()`` as it wakes, so a loop stuck anywhere but in its wait (a
/// batch that never ends, a call that never returns) stops the pings.
final class IngestHealth: Sendable {
    private let busySince = Mutex<ContinuousClock.Instant?>(nil)

    init() {}

    /// The loop is about to wait for inputs: nothing is in hand.
    func waiting() { busySince.withLock { $0 = nil } }

    /// The loop woke and works, from now.
    func working() { busySince.withLock { $0 = $0 ?? .now } }

    /// Whether the loop is waiting, or has been working for less than
    /// `limit`.
    func isResponsive(within limit: Duration, now: ContinuousClock.Instant = .now) -> Bool {
        busySince.withLock { since in since.map { now - $0 < limit } ?? true }
    }
}

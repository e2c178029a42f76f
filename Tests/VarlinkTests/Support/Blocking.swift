import Foundation
import TimelineTestSupport

/// Waits for `body`, failing after `limit` instead of hanging the suite.
/// How long a test waits for what must happen: long, because a busy
/// two-core machine (a build beside the tests) delays a reply by seconds,
/// and a wait only ever lasts this long when the test fails.
let patience: Duration = .seconds(90)

func withTimeout<T: Sendable>(
    _ what: String,
    _ limit: Duration = patience,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(what: what)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// Events that handlers report, so a test waits for the event itself
/// instead of sleeping and hoping it happened.
final class EventLog: Sendable {
    let events: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init() {
        (events, continuation) = AsyncStream.makeStream()
    }

    func record(_ event: String) {
        continuation.yield(event)
    }

    /// Waits until `event` is recorded; earlier events are skipped.
    func wait(for event: String, limit: Duration = patience) async throws {
        let events = self.events
        try await withTimeout("event '\(event)'", limit) {
            for await recorded in events where recorded == event { return }
            throw TimedOut(what: "event '\(event)' (the log ended)")
        }
    }
}

/// A gate a handler waits at until the test opens it.
final class Gate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream()
    }

    func open() {
        continuation.finish()
    }

    func wait() async {
        for await _ in stream {}
    }
}

import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing
@testable import TimelineDaemon

/// The group the daemon runs its services in (``Daemon/serviceGroup``):
/// the order of a graceful stop, and a failure ending it non-zero.
@Suite struct DaemonServicesTests {
    /// What the services did, in order, and a way to wait for a line.
    final class Journal: Sendable {
        private let lines = Mutex<[String]>([])
        private let stream = AsyncStream<String>.makeStream()

        func write(_ line: String) {
            lines.withLock { $0.append(line) }
            stream.continuation.yield(line)
        }

        var all: [String] { lines.withLock { $0 } }

        /// Waits until `count` lines satisfy `matching`, for at most a
        /// minute: long enough for a loaded machine, short enough to fail.
        /// Once per journal: the wait reads every line from the first.
        func wait(for count: Int, _ matching: @escaping @Sendable (String) -> Bool) async throws {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { [self] in
                    var seen = 0
                    for await line in stream.stream where matching(line) {
                        seen += 1
                        if seen >= count { return true }
                    }
                    return false
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(60))
                    return false
                }
                let done = try await group.next() ?? false
                group.cancelAll()
                #expect(done, "waited a minute for \(count) lines; saw \(all)")
            }
        }
    }

    /// A service that says when it starts and stops, and fails when asked to.
    struct Recorder: Service {
        let name: String
        let journal: Journal
        /// Thrown once the test opens the gate.
        var failure: (gate: AsyncStream<Void>, error: DaemonServiceFailure)?

        func run() async throws {
            journal.write("\(name) started")
            if let failure {
                for await _ in failure.gate { break }
                journal.write("\(name) failed")
                throw failure.error
            }
            try? await gracefulShutdown()
            journal.write("\(name) stopped")
        }
    }

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test func aGracefulStopStopsTheServicesLastFirst() async throws {
        let journal = Journal()
        let names = ["snapshots", "control", "ingest", "inbox"]
        let group = Daemon.serviceGroup(
            names.map { ($0, Recorder(name: $0, journal: journal)) }, logger: Self.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await journal.wait(for: names.count) { $0.hasSuffix(" started") }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(journal.all.filter { $0.hasSuffix(" stopped") } == names.reversed().map { "\($0) stopped" })
    }

    @Test func aFailingServiceStopsTheOthersInOrderAndTheGroupThrowsItsError() async throws {
        let journal = Journal()
        let gate = AsyncStream<Void>.makeStream()
        let error = DaemonServiceFailure(service: "ingester", reason: "the event log stopped accepting appends")
        let services: [(name: String, service: any Service)] = [
            ("snapshots", Recorder(name: "snapshots", journal: journal)),
            ("control", Recorder(name: "control", journal: journal)),
            ("ingester", Recorder(name: "ingest", journal: journal, failure: (gate.stream, error))),
            ("inbox", Recorder(name: "inbox", journal: journal)),
            ("watchdog", Recorder(name: "watchdog", journal: journal)),
        ]
        let group = Daemon.serviceGroup(services, logger: Self.logger)
        await #expect(throws: DaemonServiceFailure.self) {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await journal.wait(for: services.count) { $0.hasSuffix(" started") }
                gate.continuation.yield()
                try await tasks.waitForAll()
            }
        }
        #expect(journal.all.filter { $0.hasSuffix(" stopped") || $0.hasSuffix(" failed") } == [
            "ingest failed", "watchdog stopped", "inbox stopped", "control stopped", "snapshots stopped",
        ])
        #expect(error.description == "the ingester failed: the event log stopped accepting appends")
    }

    @Test func aServiceThatEndsByItselfStopsTheGroupWithAFailure() async throws {
        struct Ends: Service { func run() async throws {} }
        let journal = Journal()
        let group = Daemon.serviceGroup(
            [("control server", Recorder(name: "control", journal: journal)), ("inbox watcher", Ends())],
            logger: Self.logger)
        let error = await #expect(throws: DaemonServiceFailure.self) { try await group.run() }
        #expect(error?.service == "inbox watcher")
        #expect(journal.all == ["control started", "control stopped"])
    }

    @Test func theWatchdogAnnouncesReadinessThenStopsOnAGracefulStop() async throws {
        let journal = Journal()
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await WatchdogService(notifier: SystemdNotifier(), health: IngestHealth(), logger: Self.logger) {
                        journal.write("ready")
                    }.run()
                    journal.write("returned")
                }
                try await journal.wait(for: 1) { $0 == "ready" }
                trigger.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
        #expect(journal.all == ["ready", "returned"])
    }

    @Test func theIngestLoopIsResponsiveWhileWaitingOrBriefly() {
        let health = IngestHealth()
        let start = ContinuousClock.now
        #expect(health.isResponsive(within: .seconds(1), now: start))
        health.working()
        #expect(health.isResponsive(within: .seconds(1), now: .now))
        #expect(!health.isResponsive(within: .seconds(1), now: .now + .seconds(2)))
        health.waiting()
        #expect(health.isResponsive(within: .seconds(1), now: .now + .seconds(2)))
    }
}

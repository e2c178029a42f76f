import EventLog
import Foundation
import Logging
import Synchronization
import Testing
import TimelineTestSupport
import Timeline
import Varlink
@testable import TimelineDaemon

/// `Events` through a real socket: every seq once, in order, whatever the
/// race between the catch-up read, the live events and a slow reader.
@Suite(.serialized) struct EventStreamTests {
    /// A store, its log and the Varlink server answering for them.
    private func withDaemonParts(
        capacity: Int, _ body: @escaping @Sendable (EventLog, TimelineStore, String) async throws -> Void
    ) async throws {
        try await withTemporaryFolder { data in
            let log = try EventLog.open(directory: URL(fileURLWithPath: data + "/log"))
            defer { log.close() }
            let followers = EventBroadcaster(capacity: capacity)
            let store = TimelineStore(extractor: TestEvents.extractor, inboxPath: data + "/inbox", log: log, followers: followers)
            let socket = data + "/timeline.sock"
            let server = try VarlinkServer(
                endpoint: .unixSocket(path: socket),
                info: VarlinkServiceInfo(vendor: "test", product: "test", version: "0", url: "https://example.org"),
                interfaces: [VarlinkInterface(
                    name: TimelineInterface.name, description: TimelineInterface.description,
                    handler: TimelineHandler(
                        store: store, mailbox: Mailbox(),
                        reextractor: Reextractor(
                            store: store, mailbox: Mailbox(), documents: data + "/documents", logger: Logger(label: "test"))))])
            let (listening, signal) = AsyncStream<Void>.makeStream()
            let serving = Task { try await server.run { signal.yield() } }
            for await _ in listening { break }
            do {
                try await body(log, store, socket)
            } catch {
                followers.finish()
                server.shutdown()
                throw error
            }
            followers.finish()
            await followers.awaitFollowersLeaving(timeout: .seconds(5))
            server.shutdown()
            _ = try? await serving.value
        }
    }

    /// Appends like the ingest loop: durable, then applied and published.
    private func ingest(_ batches: [[Event]], log: EventLog, store: TimelineStore) async throws {
        for batch in batches {
            try await TestEvents.append([batch], to: log)
            await store.apply(batch, chainHead: log.chainHead.hex)
        }
    }

    /// Reads a stream on a thread of its own until it has seen `last` or ended.
    private func collect(
        socket: String, after: UInt64?, follow: Bool, until last: UInt64? = nil, pause: Duration = .zero
    ) async throws -> [UInt64] {
        try await blocking {
            let client = try VarlinkClient(connectingTo: socket, timeout: .seconds(30))
            let replies = try client.callMore(
                TimelineInterface.Method.events,
                parameters: TimelineInterface.EventsParameters(after: after, follow: follow))
            var seqs: [UInt64] = []
            while let reply = try replies.next(as: Line.self) {
                if let seq = reply.event?.seq { seqs.append(seq) }
                if let last, seqs.last == last { break }
                if pause > .zero { Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18) }
            }
            return seqs
        }
    }

    private struct Line: Decodable {
        struct Event: Decodable { var seq: UInt64; var type: String }
        var event: Event?
    }

    @Test func withoutFollowTheStreamEndsAfterTheLastDurableEvent() async throws {
        try await withDaemonParts(capacity: 100) { log, store, socket in
            try await ingest(TestEvents.batches(count: 1_200), log: log, store: store)
            #expect(try await collect(socket: socket, after: nil, follow: false) == Array(1...1_200))
            #expect(try await collect(socket: socket, after: 1_150, follow: false) == Array(1_151...1_200))
            #expect(try await collect(socket: socket, after: 1_200, follow: false) == [])
        }
    }

    @Test(arguments: [10_000, 3])
    func followersSeeEverySeqOnceWhateverTheRace(capacity: Int) async throws {
        try await withDaemonParts(capacity: capacity) { log, store, socket in
            let batches = TestEvents.batches(count: 1_500)
            let total = batches.last!.last!.seq
            try await ingest(Array(batches.prefix(20)), log: log, store: store)
            // Followers join at various points while the log grows, resuming
            // after various seqs, one of them reading slowly; with a capacity
            // of 3 every batch of more than 3 events sends them back to the log.
            let starts: [UInt64] = [0, 5, 40, 700, 1_400]
            let followers = starts.enumerated().map { index, after in
                Task {
                    try await collect(
                        socket: socket, after: after, follow: true, until: total,
                        pause: index == 2 ? .milliseconds(1) : .zero)
                }
            }
            for batch in batches.dropFirst(20) {
                try await ingest([batch], log: log, store: store)
            }
            for (after, follower) in zip(starts, followers) {
                let seqs = try await follower.value
                #expect(seqs == Array((after + 1)...total), "after \(after): \(seqs.count) seqs")
            }
        }
    }

    @Test func aFollowedStreamEndsWithALastReplyWhenTheDaemonStops() async throws {
        try await withDaemonParts(capacity: 100) { log, store, socket in
            try await ingest(TestEvents.batches(count: 10), log: log, store: store)
            let follower = Task { try await collect(socket: socket, after: 0, follow: true) }
            try await waitUntil("the follower subscribes") { store.followers.followerCount == 1 }
            store.followers.finish()
            #expect(try await follower.value == Array(1...10))
        }
    }

    @Test func aCallWithoutMoreIsRefused() async throws {
        try await withDaemonParts(capacity: 100) { _, _, socket in
            let error = try await blocking {
                let client = try VarlinkClient(connectingTo: socket, timeout: .seconds(30))
                do {
                    _ = try client.call(TimelineInterface.Method.events, parameters: TimelineInterface.EventsParameters())
                    return ""
                } catch let error as VarlinkError {
                    return error.name
                }
            }
            #expect(error == VarlinkError.expectedMoreName)
        }
    }

    @Test func verifyReportsTheLogThroughTheSocket() async throws {
        try await withDaemonParts(capacity: 100) { log, store, socket in
            try await ingest(TestEvents.batches(count: 50), log: log, store: store)
            let report = try await blocking {
                try VarlinkClient(connectingTo: socket, timeout: .seconds(30))
                    .call(TimelineInterface.Method.verify, returning: TimelineInterface.VerifyReply.self).report
            }
            #expect(report.isClean)
            #expect(report.records == 50 && report.lastSeq == 50 && report.segments == 1)
            #expect(report.chainHead == log.chainHead.hex)
        }
    }
}

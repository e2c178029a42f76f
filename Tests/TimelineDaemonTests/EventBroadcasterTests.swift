import Foundation
import Testing
import Timeline
@testable import TimelineDaemon

@Suite struct EventBroadcasterTests {
    private func events(_ seqs: ClosedRange<UInt64>) -> [Event] {
        seqs.map { seq in
            Event(seq: seq, recordedAt: TestEvents.recordedAt, payload: .documentReceived(DocumentReceived(
                document: String(format: "%064x", seq), name: "\(seq).txt", size: 1)))
        }
    }

    @Test func aFollowerGetsEachBatchInOrder() async throws {
        let broadcaster = EventBroadcaster(capacity: 100)
        let subscription = try #require(broadcaster.subscribe())
        broadcaster.publish(events(1...2))
        broadcaster.publish(events(3...3))
        #expect(await subscription.next() == .events(events(1...3)))
        broadcaster.publish(events(4...5))
        #expect(await subscription.next() == .events(events(4...5)))
    }

    @Test func aFollowerThatFallsBehindIsToldSoAndBufferedAgainAfterwards() async throws {
        let broadcaster = EventBroadcaster(capacity: 4)
        let subscription = try #require(broadcaster.subscribe())
        broadcaster.publish(events(1...3))
        broadcaster.publish(events(4...6))
        // Dropped while behind: the follower reads these from the log.
        broadcaster.publish(events(7...7))
        #expect(await subscription.next() == .fellBehind)
        broadcaster.publish(events(8...9))
        #expect(await subscription.next() == .events(events(8...9)))
    }

    @Test func followersThatNeverReadHoldNoMoreThanTheCapacity() async throws {
        let broadcaster = EventBroadcaster(capacity: 10)
        let followers = try (0..<50).map { _ in try #require(broadcaster.subscribe()) }
        for seq in UInt64(1)...1_000 { broadcaster.publish(events(seq...seq)) }
        broadcaster.publish(events(1_001...1_003))
        for follower in followers {
            // Sent back to the log once, holding nothing meanwhile, then buffered again.
            #expect(await follower.next() == .fellBehind)
            broadcaster.publish([])
        }
        broadcaster.publish(events(1_004...1_005))
        for follower in followers {
            #expect(await follower.next() == .events(events(1_004...1_005)))
        }
    }

    @Test func followersShareThePublishedEventsInsteadOfCopyingThem() async throws {
        let broadcaster = EventBroadcaster(capacity: 10)
        let first = try #require(broadcaster.subscribe())
        let second = try #require(broadcaster.subscribe())
        broadcaster.publish(events(1...3))
        guard case .events(let a) = await first.next(), case .events(let b) = await second.next() else {
            Issue.record("no events delivered")
            return
        }
        #expect(a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func finishingEndsEveryFollowerAfterItsBuffer() async throws {
        let broadcaster = EventBroadcaster()
        let waiting = try #require(broadcaster.subscribe())
        let buffered = try #require(broadcaster.subscribe())
        let progress = broadcaster.progress()
        let waiter = Task { await waiting.next() }
        broadcaster.publish(events(1...1))
        broadcaster.finish()
        #expect(await waiter.value == .events(events(1...1)))
        #expect(await waiting.next() == .finished)
        #expect(await buffered.next() == .events(events(1...1)))
        #expect(await buffered.next() == .finished)
        #expect(broadcaster.subscribe() == nil)
        var seqs: [UInt64] = []
        for await seq in progress { seqs.append(seq) }
        #expect(seqs == [1])
    }

    @Test func aCancelledFollowerStopsWaiting() async throws {
        let broadcaster = EventBroadcaster()
        let subscription = try #require(broadcaster.subscribe())
        let waiter = Task { await subscription.next() }
        waiter.cancel()
        #expect(await waiter.value == .cancelled)
        subscription.cancel()
        #expect(broadcaster.followerCount == 0)
    }

    @Test func stoppingWaitsForFollowersToLeaveButNotForever() async throws {
        let broadcaster = EventBroadcaster()
        let subscription = try #require(broadcaster.subscribe())
        let leaving = Task {
            #expect(await subscription.next() == .finished)
            subscription.cancel()
        }
        broadcaster.finish()
        await broadcaster.awaitFollowersLeaving(timeout: .seconds(30))
        #expect(broadcaster.followerCount == 0)
        await leaving.value

        let stuck = EventBroadcaster()
        let held = try #require(stuck.subscribe())
        let started = ContinuousClock.now
        await stuck.awaitFollowersLeaving(timeout: .milliseconds(100))
        // The follower never leaves: returning at all is the point. The
        // bound is wide because a busy machine may take seconds to run the
        // resumed task; a wait for the follower would never return.
        #expect(ContinuousClock.now - started < .seconds(60))
        withExtendedLifetime(held) {}
    }
}

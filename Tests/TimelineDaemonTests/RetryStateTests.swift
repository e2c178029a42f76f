import DurableFiles
import Testing
import Timeline
@testable import TimelineDaemon

/// What waits for a temporary failure to pass is counted, retried once
/// due, and logged once per pause (not at every try).
@Suite struct RetryStateTests {
    @Test func heldNamesAreCountedOnceAndReleasedSortedWhenDue() {
        var retry = RetryState()
        #expect(retry.due == nil)
        let newly = [retry.hold("b.txt"), retry.hold("a.txt"), retry.hold("b.txt")]
        #expect(newly == [true, true, false])
        #expect(retry.held.count == 2)
        #expect(retry.due != nil)
        let released = retry.release()
        #expect(released == ["a.txt", "b.txt"])
        #expect(retry.held.isEmpty && retry.due == nil)
    }

    @Test func aNameReadSinceIsNoLongerHeld() {
        var retry = RetryState()
        _ = retry.hold("a.txt")
        _ = retry.hold("b.txt")
        retry.forget(["a.txt"])
        #expect(retry.held == ["b.txt"])
    }

    @Test func aNameHeldAtEveryTryIsSaidOnlyTheFirstTime() {
        var retry = RetryState()
        var said = [retry.hold("a.txt")]
        _ = retry.release()
        said.append(retry.hold("a.txt"))
        _ = retry.release()
        // Read at last, then held again later: a new wait.
        retry.forget(["a.txt"])
        said.append(retry.hold("a.txt"))
        #expect(said == [true, false, true])
    }

    @Test func aPauseIsSaidOnceAndItsEndOnce() {
        var retry = RetryState()
        let first = retry.pause(reason: "disk full")
        #expect(first)
        #expect(retry.paused == "disk full")
        _ = retry.release()
        #expect(retry.paused == nil)
        // Still full at the next try: the same pause, not a new one.
        let again = retry.pause(reason: "disk full")
        #expect(!again)
        _ = retry.release()
        let ended = [retry.resumed(), retry.resumed()]
        #expect(ended == ["disk full", nil])
    }

    @Test func theInboxStaysPausedThroughTriesUntilABatchGoesThrough() {
        var retry = RetryState()
        _ = retry.pause(reason: "disk full")
        _ = retry.release()
        #expect(retry.paused == nil, "a try is let through")
        #expect(retry.pausedFor == "disk full", "yet the inbox is still paused while it runs")
        _ = retry.pause(reason: "disk full")
        _ = retry.release()
        _ = retry.resumed()
        #expect(retry.pausedFor == nil)
    }

    @Test func reportsStillUnwrittenKeepATryDue() {
        var retry = RetryState()
        retry.wake()
        retry.unwrittenReports = [BatchIngester.PendingReport(movedTo: "x", report: RejectionReport(
            DocumentRejected(name: "x", reason: "symlink", message: "a symbolic link", movedTo: "failed/x"),
            seq: 1, recordedAt: .init(timeIntervalSince1970: 0)))]
        _ = retry.release()
        #expect(retry.due != nil)
    }
}

/// Inbox names are read each once, in arrival order, and those not
/// reached go back to the front.
@Suite struct WorkQueueTests {
    @Test func namesComeOnceInOrderAndPutBackFirst() {
        var queue = WorkQueue()
        queue.add(["a", "b", "a", "c"])
        #expect(queue.count == 3)
        #expect(queue.contains("b"))
        let first = queue.next(upTo: 2)
        #expect(first == ["a", "b"])
        #expect(!queue.contains("a"))
        queue.putBack(["b"])
        let rest = queue.next(upTo: 5)
        #expect(rest == ["b", "c"])
        #expect(queue.count == 0)
    }
}

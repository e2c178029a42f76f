import EventLog
import Timeline
import Varlink

/// Answers `Events`: the events after a seq from the log, one per reply,
/// then, with `follow`, each new event as it becomes durable.
///
/// Following starts before the catch-up read, so nothing appended between
/// the two is missed: an event appended meanwhile is both in what the log
/// read returns and in the subscription, and the stream sends each seq
/// once, in order (a gap is filled from the log). A stream whose buffer
/// overflowed (its client reads slower than the daemon appends) is sent
/// back to the log, from the last event it sent; see ``EventBroadcaster``.
struct EventStream {
    let log: EventLog
    let followers: EventBroadcaster

    /// Records read and decoded at a time off the actor: small enough to
    /// start sending at once, and to bound what a stream blocked on a client
    /// that stopped reading holds (one page, unshared), large enough that a
    /// long catch-up costs few hops to the reading queue.
    static let pageSize = 128

    /// Sends the events `parameters` asks for.
    /// - Throws: ``VarlinkError/expectedMore`` for a call without `more`;
    ///   what reading the log or sending throws; `CancellationError` when the
    ///   client leaves while the stream follows.
    func serve(_ parameters: TimelineInterface.EventsParameters, more: Bool, replies: VarlinkReplies) async throws {
        guard more else { throw VarlinkError.expectedMore }
        let after = parameters.after ?? 0
        if parameters.follow == true {
            try await follow(after: after, replies: replies)
        } else {
            try await sendDurable(after: after, replies: replies)
        }
    }

    /// The events durable now, the last one in the closing reply.
    private func sendDurable(after: UInt64, replies: VarlinkReplies) async throws {
        let end = log.lastSeq
        var held: Event?
        var last = after
        while last < end {
            let events = try await page(after: last, through: end)
            guard let newest = events.last else { break }
            for event in events {
                if let held { try await replies.send(TimelineInterface.EventsReply(event: held), continues: true) }
                held = event
            }
            last = newest.seq
        }
        try await replies.send(TimelineInterface.EventsReply(event: held))
    }

    private func follow(after: UInt64, replies: VarlinkReplies) async throws {
        guard let subscription = followers.subscribe() else {
            // The daemon is stopping.
            try await replies.send(TimelineInterface.EventsReply(event: nil))
            return
        }
        defer { subscription.cancel() }
        var last = try await send(after: after, through: log.lastSeq, replies: replies)
        while true {
            switch await subscription.next() {
            case .events(let events):
                for event in events where event.seq > last {
                    if event.seq > last + 1 {
                        last = try await send(after: last, through: event.seq - 1, replies: replies)
                    }
                    try await replies.send(TimelineInterface.EventsReply(event: event), continues: true)
                    last = event.seq
                }
            case .fellBehind:
                last = try await send(after: last, through: log.lastSeq, replies: replies)
            case .finished:
                try await replies.send(TimelineInterface.EventsReply(event: nil))
                return
            case .cancelled:
                throw CancellationError()
            }
        }
    }

    /// Sends the events of the log after `after` through `end`, each with
    /// `continues`, and returns the last seq sent (or `after`).
    private func send(after: UInt64, through end: UInt64, replies: VarlinkReplies) async throws -> UInt64 {
        var last = after
        while last < end {
            try Task.checkCancellation()
            let events = try await page(after: last, through: end)
            guard let newest = events.last else { break }
            for event in events {
                try await replies.send(TimelineInterface.EventsReply(event: event), continues: true)
            }
            last = newest.seq
        }
        return last
    }

    /// Up to ``pageSize`` events after `after`, none past `end`, read and
    /// decoded on a queue of their own (the log is a file).
    private func page(after: UInt64, through end: UInt64) async throws -> [Event] {
        let log = self.log
        return try await BlockingWork.run {
            let records = try log.records(after: after, limit: Int(min(UInt64(Self.pageSize), end - after)))
            var decoder = EventReplayDecoder()
            return try records.map { record in
                try record.body.withUnsafeBytes { try decoder.decode($0, seq: record.seq) }
            }
        }
    }
}

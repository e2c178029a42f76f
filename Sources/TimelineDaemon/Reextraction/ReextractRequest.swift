import EventLog
import Foundation
import Synchronization
import Timeline

/// A few documents read again, on their way to the ingest loop, the log's
/// one writer, which compares each with the claims in force as they stand
/// then, appends the events of those that changed and answers.
///
/// The reading (the costly part) is done before, off the loop; the
/// comparison and the append are done by the loop, so that nothing (a
/// file, a person's edit) comes between them.
final class ReextractRequest: Sendable, Equatable {
    let plans: [DocumentPlan]
    let extractor: ExtractorInfo
    private let reply: Mutex<CheckedContinuation<[(Reextraction, seq: UInt64)], any Error>?>

    init(plans: [DocumentPlan], extractor: ExtractorInfo, reply: CheckedContinuation<[(Reextraction, seq: UInt64)], any Error>) {
        self.plans = plans
        self.extractor = extractor
        self.reply = Mutex(reply)
    }

    /// Answers the caller; later answers are ignored.
    func finish(_ result: Result<[(Reextraction, seq: UInt64)], any Error>) {
        reply.withLock { reply in
            reply?.resume(with: result)
            reply = nil
        }
    }

    static func == (a: ReextractRequest, b: ReextractRequest) -> Bool { a === b }

    /// Posts the readings to the ingest loop and waits until it has
    /// recorded those that change something.
    ///
    /// - Returns: each document that changed, with the seq of its
    ///   `document.reextracted` event.
    /// - Throws: ``EditUnavailable`` when the daemon stops first or the log
    ///   refuses the append.
    static func submit(_ plans: [DocumentPlan], extractor: ExtractorInfo, to mailbox: Mailbox) async throws
        -> [(Reextraction, seq: UInt64)]
    {
        try await withCheckedThrowingContinuation { continuation in
            mailbox.post(.reextract(ReextractRequest(plans: plans, extractor: extractor, reply: continuation)))
        }
    }
}

extension BatchIngester {
    /// Records the documents of `request` whose claims change: for each, in
    /// one durable append, `document.reextracted` and the claims found
    /// anew; then applies them and answers the request.
    ///
    /// - Throws: the ``EventLogError`` of an append the log refused (the
    ///   request is answered first): the log takes no more appends.
    func record(_ request: ReextractRequest, log: EventLog, store: TimelineStore) async throws {
        let changed = await store.reextractions(of: request.plans, extractor: request.extractor).filter { !$0.isUnchanged }
        let now = Date()
        let perDocument = changed.map { $0.events(recordedAt: now) }
        let events = perDocument.flatMap { $0 }
        let numbered: [Event]
        do {
            let encoded = try events.map(EventCodec().encode)
            if !events.isEmpty { try requireSpace(encoded.reduce(0) { $0 + $1.count }) }
            numbered = try await record(events, encoded: encoded, log: log, store: store)
        } catch let error as EventLogError {
            request.finish(.failure(EditUnavailable(description: "the event log refused the append: \(error)")))
            throw error
        } catch {
            return request.finish(.failure(EditUnavailable(description: "\(error)")))
        }
        var recorded: [(Reextraction, seq: UInt64)] = []
        var next = 0
        for (reextraction, events) in zip(changed, perDocument) {
            let seq = numbered[next].seq
            next += events.count
            recorded.append((reextraction, seq))
            logger.notice("re-extracted", metadata: [
                "document": "\(reextraction.document)", "file": "\(reextraction.name)",
                "added": "\(reextraction.added.count)", "removed": "\(reextraction.removed.count)",
                "changed": "\(reextraction.changed.count)", "seq": "\(seq)",
                "extractor": "\(reextraction.extractor.version)", "lexicon": "\(reextraction.extractor.lexicon)",
            ])
        }
        request.finish(.success(recorded))
    }
}

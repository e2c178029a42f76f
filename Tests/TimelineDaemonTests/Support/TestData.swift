import ClaimExtraction
import EventLog
import Foundation
import Logging
import Synchronization
import Testing
import Timeline

/// Events shaped like ingestion's, with claims (the extractor is not
/// needed to make them): each document is followed by its claims, and
/// now and then a rejection or a retraction comes between.
enum TestEvents {
    static let extractor = ExtractorInfo(version: "test", lexicon: String(repeating: "ab", count: 32))
    static let recordedAt = Date(timeIntervalSince1970: 1_700_000_000)

    /// `count` events in batches as ingestion appends them (one document
    /// and its claims, or one rejection, per batch), numbered from `firstSeq`.
    static func batches(count: Int, firstSeq: UInt64 = 1) -> [[Event]] {
        var batches: [[Event]] = []
        var seq = firstSeq
        var n = Int(firstSeq)
        var lastClaim: String?
        while seq < firstSeq + UInt64(count) {
            var batch: [Event] = []
            let remaining = Int(firstSeq + UInt64(count) - seq)
            if n % 7 == 3 {
                batch.append(Event(seq: seq, recordedAt: recordedAt, payload: .documentRejected(DocumentRejected(
                    name: "bad-\(n).txt", reason: "too_large", message: "too large", movedTo: "failed/bad-\(n).txt", size: n))))
            } else if n % 11 == 5, let claim = lastClaim {
                batch.append(Event(seq: seq, recordedAt: recordedAt, payload: .claimRetracted(ClaimRetracted(claim: claim, reason: "misread"))))
            } else {
                let document = String(format: "%064x", n)
                batch.append(Event(seq: seq, recordedAt: recordedAt, payload: .documentReceived(DocumentReceived(
                    document: document, name: "article-\(n).txt", size: 1_000 + n,
                    published: PartialDate(year: 2023, month: 1 + n % 12, day: 1 + n % 28)))))
                for k in 0..<min(n % 4, remaining - 1) {
                    let quote = "About \(n * 10 + k) soldiers were killed, officials said."
                    let claim = Claim(
                        side: [Side.russia, .ukraine, .both][k % 3], population: .military,
                        metric: [Metric.killed, .wounded, .casualties][n % 3], qualifier: k == 2 ? .range : .approximately,
                        low: n * 10 + k, high: k == 2 ? n * 20 : nil, speaker: k == 1 ? nil : "Speaker \(n % 5)",
                        statedOn: PartialDate(year: 2023, month: 1 + k), quote: quote,
                        span: ByteSpan(start: k * 100, end: k * 100 + quote.utf8.count))
                    let id = ClaimID.make(document: document, claim: claim)
                    lastClaim = id
                    batch.append(Event(seq: seq + UInt64(batch.count), recordedAt: recordedAt, payload: .claimExtracted(
                        ClaimExtracted(id: id, document: document, extractor: extractor, claim: claim))))
                }
            }
            seq += UInt64(batch.count)
            n += 1
            batches.append(batch)
        }
        return batches
    }

    /// Appends the batches to the log; returns the events with their seqs.
    @discardableResult
    static func append(_ batches: [[Event]], to log: EventLog) async throws -> [Event] {
        let codec = EventCodec()
        var appended: [Event] = []
        for batch in batches {
            let seqs = try await log.append(try batch.map(codec.encode))
            #expect(seqs.lowerBound == batch[0].seq)
            appended += batch
        }
        return appended
    }

    /// The projections of the whole log, replayed from scratch.
    static func replay(_ log: EventLog) throws -> Projections {
        var projections = Projections()
        var decoder = EventReplayDecoder()
        try log.forEachRecord(after: 0) { seq, bytes in projections.apply(try decoder.decode(bytes, seq: seq)) }
        return projections
    }
}

/// A logger whose messages a test can read.
final class CapturedLog: Sendable {
    private let messages = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    var all: [String] { messages.withLock { $0 } }

    func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }

    fileprivate func add(_ line: String) { messages.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            log.add(([event.level.rawValue, "\(event.message)"] + fields).joined(separator: " "))
        }
    }
}

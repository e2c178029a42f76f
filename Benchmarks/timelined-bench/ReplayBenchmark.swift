import ClaimExtraction
import EventLog
import Foundation
import Timeline

/// Replay as the daemon does it at start: a cold open of the log, every
/// record decoded into an event and applied to the projections.
func replayBenchmark(_ arguments: [String]) async throws {
    let count = Int(arguments.first ?? "") ?? 1_000_000
    let folder = try BenchmarkFolder.make(prefix: "timelined-bench-replay")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let directory = URL(fileURLWithPath: folder)

    // A document.received and then claim events of about the size real
    // ones have, eight to a document, as ingestion writes them.
    let codec = EventCodec()
    let extractor = ExtractorInfo(version: ClaimExtractor.version, lexicon: String(repeating: "ab", count: 32))
    let sides: [Side] = [.russia, .ukraine, .both]
    let metrics: [Metric] = [.killed, .wounded, .casualties, .captured]
    let speakers = ["Mark Milley", "Ukrainian General Staff", "United Nations", "Russian Ministry of Defence"]
    let log = try EventLog.open(directory: directory)
    var written = 0
    var payloadBytes = 0
    let batch = 10_000
    while written < count {
        var payloads: [[UInt8]] = []
        let n = min(batch, count - written)
        payloads.reserveCapacity(n)
        for i in written..<written + n {
            let quote = "Officials said that about \(i) soldiers had been killed or wounded since the start of the invasion, a figure that cannot be verified."
            let claim = Claim(
                side: sides[i % 3], population: .military, metric: metrics[i % 4], qualifier: .approximately,
                low: 1_000 + i, speaker: speakers[i % 4], statedOn: PartialDate(year: 2023, month: 1 + i % 12),
                quote: quote, span: ByteSpan(start: i, end: i + quote.utf8.count))
            let document = String(repeating: "0", count: 48) + String(format: "%016x", i / 8)
            if i % 8 == 0 {
                payloads.append(try codec.encode(Event(recordedAt: Date(), payload: .documentReceived(DocumentReceived(
                    document: document, name: "article-\(i / 8).txt", size: 4_000,
                    published: PartialDate(year: 2023, month: 1 + i % 12, day: 1))))))
            }
            let payload = try codec.encode(Event(recordedAt: Date(), payload: .claimExtracted(ClaimExtracted(
                id: ClaimID.make(document: document, claim: claim), document: document, extractor: extractor, claim: claim))))
            payloadBytes += payload.count
            payloads.append(payload)
        }
        _ = try await log.append(payloads)
        written += n
    }
    log.close()

    let start = ContinuousClock.now
    let reopened = try EventLog.open(directory: directory)
    let opened = ContinuousClock.now
    var projections = Projections()
    var decoder = EventReplayDecoder()
    var events = 0
    try reopened.forEachRecord(after: 0) { seq, bytes in
        projections.apply(try decoder.decode(bytes, seq: seq))
        events += 1
    }
    let end = ContinuousClock.now
    reopened.close()
    let total = (end - start).seconds
    let summary = projections.summary
    precondition(summary.claims == count, "replay lost claims: \(summary.claims) of \(count)")
    print("replay: \(events) events (\(payloadBytes / max(count, 1)) bytes each) opened and verified in \(format(opened - start)), "
        + "decoded and applied in \(format(end - opened)): \(Int(Double(events) / total)) events/s from a cold open "
        + "(target ≥ 250,000/s)")
}

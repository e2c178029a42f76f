import ClaimExtraction
import EventLog
import Foundation
import Timeline

/// A log of generated events shaped like ingestion's: a `document.received`
/// followed by its `claim.extracted` events, eight to a document, with
/// claims of the size real ones have (a quoted sentence, a speaker, dates).
///
/// Claim `i` is of side `i % 3`, metric and speaker `i % 4`, stated on a
/// day of 2023 that goes through the months every 12 claims and through
/// the days every 144, so that a speaker's quantity has claims on every
/// day. Every ``retellingEvery``th document retells the one before it (the
/// same statements, its last figure ten times larger, as a mistranslation
/// makes it): statements with two reports, and conflicts.
enum SyntheticLog {
    /// What was written.
    struct Written {
        var events: Int
        var documents: Int
        var claims: Int
        var payloadBytes: Int
    }

    static let claimsPerDocument = 8
    static let retellingEvery = 2_000

    /// The day claim `i` (or the claim it retells) was stated on.
    static func statedOn(_ i: Int) -> PartialDate {
        PartialDate(year: 2023, month: 1 + (i / 12) % 12, day: 1 + (i / 144) % 28)
    }

    /// Appends `events` events to the log in `directory` (created if needed),
    /// in batches of one document and its claims.
    static func write(events count: Int, to directory: URL) async throws -> Written {
        let log = try EventLog.open(directory: directory)
        defer { log.close() }
        let codec = EventCodec()
        let extractor = ExtractorInfo(version: ClaimExtractor.version, lexicon: String(repeating: "ab", count: 32))
        let sides: [Side] = [.russia, .ukraine, .both]
        let metrics: [Metric] = [.killed, .wounded, .casualties, .captured]
        let speakers = ["Mark Milley", "Ukrainian General Staff", "United Nations", "Russian Ministry of Defence"]
        let recordedAt = Date(timeIntervalSince1970: 1_768_900_000)
        var written = Written(events: 0, documents: 0, claims: 0, payloadBytes: 0)
        var payloads: [[UInt8]] = []
        var document = ""
        while written.events < count {
            let n = written.events
            let slot = n % (claimsPerDocument + 1)
            if slot == 0 {
                let number = written.documents
                document = String(repeating: "0", count: 48) + String(format: "%016x", number)
                payloads.append(try codec.encode(Event(recordedAt: recordedAt, payload: .documentReceived(DocumentReceived(
                    document: document, name: "article-\(number).txt", size: 4_000 + number % 1_000,
                    published: PartialDate(year: 2023, month: 1 + number % 12, day: 1 + number % 28),
                    publishedFrom: .frontMatter, source: "BBC")))))
                written.documents += 1
            } else {
                let i = written.claims
                // The document's number: the count includes it already.
                let retelling = (written.documents - 1) % retellingEvery == 1
                let j = retelling ? i - claimsPerDocument : i
                let low = (1_000 + j) * (retelling && slot == claimsPerDocument ? 10 : 1)
                let quote = "Officials said that about \(low) soldiers had been killed or wounded since the start of the invasion, a figure that cannot be verified."
                let claim = Claim(
                    side: sides[j % 3], population: .military, metric: metrics[j % 4], qualifier: .approximately,
                    low: low, speaker: speakers[j % 4], statedOn: statedOn(j),
                    quote: quote, span: ByteSpan(start: slot * 200, end: slot * 200 + quote.utf8.count))
                payloads.append(try codec.encode(Event(recordedAt: recordedAt, payload: .claimExtracted(ClaimExtracted(
                    id: ClaimID.make(document: document, claim: claim), document: document, extractor: extractor,
                    claim: claim)))))
                written.claims += 1
            }
            written.payloadBytes += payloads[payloads.count - 1].count
            written.events += 1
            // A hundred documents to an append: one sync each, not one per document.
            if (slot == claimsPerDocument && written.documents % 100 == 0) || written.events == count {
                _ = try await log.append(payloads)
                payloads.removeAll(keepingCapacity: true)
            }
        }
        return written
    }
}

/// The log a benchmark reads, from its arguments `[EVENTS] [--log DIR]`:
/// the log in DIR, written there first when DIR holds none (so that a
/// profiler can watch the benchmark alone), else a synthetic log of EVENTS
/// (a million unless given) in a temporary folder.
struct BenchmarkLog {
    let folder: String
    /// What was written, when the log was written for this run.
    let written: SyntheticLog.Written?
    private let temporary: Bool

    init(_ arguments: [String], prefix: String) async throws {
        var arguments = arguments
        var kept: String?
        if let flag = arguments.firstIndex(of: "--log"), flag + 1 < arguments.count {
            kept = arguments[flag + 1]
            arguments.removeSubrange(flag...(flag + 1))
        }
        let count = Int(arguments.first ?? "") ?? 1_000_000
        folder = try kept ?? BenchmarkFolder.make(prefix: prefix)
        temporary = kept == nil
        written = FileManager.default.fileExists(atPath: folder + "/00000000000000000001.seg")
            ? nil : try await SyntheticLog.write(events: count, to: URL(fileURLWithPath: folder))
    }

    var directory: URL { URL(fileURLWithPath: folder) }

    /// Removes the log when it was made for this run.
    func removeIfTemporary() {
        if temporary { try? FileManager.default.removeItem(atPath: folder) }
    }
}

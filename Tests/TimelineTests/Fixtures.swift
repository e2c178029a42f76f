import ClaimExtraction
import Foundation
import Timeline

/// Small, hand-made events for the projection tests.
enum Fixtures {
    static let extractor = ExtractorInfo(version: "test", lexicon: "0000")
    static let day = Date(timeIntervalSince1970: 1_700_000_000)

    static func claim(
        _ side: Side = .russia, _ population: Population = .military, _ metric: Metric = .casualties,
        _ qualifier: Qualifier = .exact, _ low: Int, high: Int? = nil,
        speaker: String? = "Mark Milley", statedOn: String? = nil, quote: String? = nil
    ) -> Claim {
        let quote = quote ?? "\(low) \(side) \(population) \(metric)."
        // The span stands in for the sentence's place: different quotes are
        // different sentences, so the claims get different ids.
        return Claim(
            side: side, population: population, metric: metric, qualifier: qualifier, low: low, high: high,
            speaker: speaker, statedOn: statedOn.flatMap { PartialDate(iso: $0) },
            quote: quote, span: ByteSpan(start: quote.utf8.count, end: 2 * quote.utf8.count))
    }

    static func claim(_ qualifier: Qualifier, _ low: Int) -> Claim {
        claim(.russia, .military, .casualties, qualifier, low)
    }

    static func claim(_ low: Int, speaker: String? = "Mark Milley") -> Claim {
        claim(.russia, .military, .casualties, .exact, low, speaker: speaker)
    }

    /// The events of one received document with `claims`, numbered from `seq`.
    static func document(
        _ name: String, sha: String, published: String? = nil, claims: [Claim], from seq: UInt64
    ) -> [Event] {
        var events = [Event(seq: seq, recordedAt: day, payload: .documentReceived(DocumentReceived(
            document: sha, name: name, size: 100, published: published.flatMap { PartialDate(iso: $0) })))]
        for (i, claim) in claims.enumerated() {
            events.append(Event(seq: seq + UInt64(i) + 1, recordedAt: day, payload: .claimExtracted(ClaimExtracted(
                id: ClaimID.make(document: sha, claim: claim), document: sha, extractor: extractor, claim: claim))))
        }
        return events
    }
}

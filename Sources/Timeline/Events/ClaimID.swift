import ClaimExtraction
import Crypto

/// A claim's id: 16 hex digits of SHA-256 over the document's hash, the
/// claim's span and its key fields. The same extractor finding the same
/// claim in the same bytes gives the same id, so ids survive a replay and
/// a re-extraction that changes nothing.
public enum ClaimID {
    public static func make(document: String, claim: Claim) -> String {
        let key = [
            document, String(claim.span.start), String(claim.span.end),
            claim.side.rawValue, claim.population.rawValue, claim.metric.rawValue,
            claim.qualifier.rawValue, String(claim.low), claim.high.map(String.init) ?? "",
            claim.per?.rawValue ?? "",
        ].joined(separator: "\u{1F}")
        return String(hex(SHA256.hash(data: Array(key.utf8))).prefix(16))
    }
}

import ClaimExtraction
import Crypto

/// A claim's id: 16 hex digits of SHA-256 over the document's hash, the
/// claim's span and its key fields. The same extractor finding the same
/// claim in the same bytes gives the same id, so ids survive a replay and
/// a re-extraction that changes nothing.
public enum ClaimID {
    /// The id of `claim` in the document whose SHA-256 is `document`: the
    /// hash of the fields joined by U+001F (document, span start and end,
    /// side, population, metric, qualifier, low, high or nothing, rate or
    /// nothing).
    public static func make(document: String, claim: Claim) -> String {
        // The key's bytes written into one buffer: the strings for each
        // field and their join cost more than the hash of them.
        var key: [UInt8] = []
        key.reserveCapacity(document.utf8.count + 96)
        key.append(contentsOf: document.utf8)
        func field(_ text: String) {
            key.append(0x1F)
            key.append(contentsOf: text.utf8)
        }
        func field(_ number: Int?) {
            key.append(0x1F)
            guard let number else { return }
            if number < 0 { key.append(UInt8(ascii: "-")) }
            let first = key.count
            var magnitude = number.magnitude
            repeat {
                key.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            key[first...].reverse()
        }
        field(claim.span.start)
        field(claim.span.end)
        field(claim.side.rawValue)
        field(claim.population.rawValue)
        field(claim.metric.rawValue)
        field(claim.qualifier.rawValue)
        field(claim.low)
        field(claim.high)
        field(claim.per?.rawValue ?? "")
        return hex(SHA256.hash(data: key))
    }

    /// The id a claim is given when its own is held by another claim of
    /// the log (a re-extraction finds the same key fields with another
    /// speaker or date): the same digits of SHA-256 over `id` and U+001F.
    public static func next(after id: String) -> String {
        hex(SHA256.hash(data: Array(id.utf8) + [0x1F]))
    }

    /// The first 8 bytes of `digest` as 16 lower-case hex digits.
    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 16) { buffer in
            var index = 0
            for byte in digest.prefix(8) {
                buffer[index] = digits.utf8Start[Int(byte >> 4)]
                buffer[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                index += 2
            }
            return 16
        }
    }
}

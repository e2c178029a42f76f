import ClaimExtraction
import Foundation

/// A claim's JSON object written straight into a ``JSONWriter``, byte for
/// byte as `TimelineJSON` encodes ``ClaimRecord`` and ``ExtractedClaim``:
/// the claim's fields (nulls included, a nil bound of the interval left
/// out) beside its id, document and extractor, keys sorted.
///
/// A view's row that is a claim with a few members of its own
/// (``SourceRow``) gives them as `extras`, merged in key order.
struct ClaimJSON {
    var id: String
    var documentName: String
    var documentSHA256: String
    var published: PartialDate?
    var extractor: ExtractorInfo
    var claim: Claim
    /// Only recorded claims (``ClaimRecord``) have these.
    var recordedAt: Date?
    var retraction: ClaimEdit?
    var correction: ClaimCorrection?
    var supersession: ClaimSupersession?
    var seq: UInt64?

    /// A member besides the claim's own: a text, an integer or null.
    struct Extra {
        enum Value {
            case string(String?)
            case int(Int)
            /// An array or object, written by the closure.
            case written((inout JSONWriter) -> Void)
        }

        var key: StaticString
        var value: Value
    }

    /// Writes the object as the next value `writer` expects.
    ///
    /// - Parameter extras: members to merge in, sorted by key, none of
    ///   them a key of the claim's own.
    func write(to writer: inout JSONWriter, extras: [Extra] = []) {
        var pending = extras[...]
        /// Writes the extras that sort before `name` (all that are left
        /// when nil).
        func writeExtras(before name: StaticString?) {
            while let extra = pending.first, name.map({ Self.precedes(extra.key, $0) }) ?? true {
                writer.key(extra.key)
                extra.value.write(to: &writer)
                pending.removeFirst()
            }
        }
        /// Starts member `name`, after the extras that sort before it.
        func key(_ name: StaticString) {
            writeExtras(before: name)
            writer.key(name)
        }
        writer.openObject()
        key("claim"); writer.string(id)
        if let correction { key("corrected"); correction.write(to: &writer) }
        key("document"); writer.string(documentName)
        key("document_sha256"); writer.string(documentSHA256)
        key("extractor")
        writer.openObject()
        writer.key("lexicon"); writer.string(extractor.lexicon)
        writer.key("version"); writer.string(extractor.version)
        writer.closeObject()
        key("high"); writer.int(claim.high)
        key("interval")
        writer.openObject()
        if let lower = claim.interval.lower { writer.key("lower"); writer.int(lower) }
        writer.key("lower_closed"); writer.bool(claim.interval.lowerClosed)
        if let upper = claim.interval.upper { writer.key("upper"); writer.int(upper) }
        writer.key("upper_closed"); writer.bool(claim.interval.upperClosed)
        writer.closeObject()
        key("low"); writer.int(claim.low)
        key("metric"); writer.string(claim.metric.rawValue)
        key("per"); writer.string(claim.per?.rawValue)
        key("population"); writer.string(claim.population.rawValue)
        key("published"); writer.string(published?.iso)
        key("qualifier"); writer.string(claim.qualifier.rawValue)
        key("quote"); writer.string(claim.quote)
        if let recordedAt { key("recorded_at"); writer.string(RFC3339.string(from: recordedAt)) }
        key("reported_by"); writer.string(claim.reportedBy)
        if let retraction { key("retracted"); retraction.write(to: &writer) }
        if let seq { key("seq"); writer.int(Int(seq)) }
        key("side"); writer.string(claim.side.rawValue)
        key("span")
        writer.openObject()
        writer.key("end"); writer.int(claim.span.end)
        writer.key("start"); writer.int(claim.span.start)
        writer.closeObject()
        key("speaker"); writer.string(claim.speaker)
        key("stated_on"); writer.string(claim.statedOn?.iso)
        key("stated_on_precision"); writer.string(claim.statedOn?.precision.rawValue)
        key("stated_on_source"); writer.string(claim.statedOnSource?.rawValue)
        if let supersession { key("superseded"); supersession.write(to: &writer) }
        writeExtras(before: nil)
        writer.closeObject()
    }

    /// Byte order, as `sortedKeys` orders plain ASCII keys.
    private static func precedes(_ a: StaticString, _ b: StaticString) -> Bool {
        let order = memcmp(a.utf8Start, b.utf8Start, min(a.utf8CodeUnitCount, b.utf8CodeUnitCount))
        return order < 0 || (order == 0 && a.utf8CodeUnitCount < b.utf8CodeUnitCount)
    }
}

extension ClaimJSON.Extra.Value {
    /// Writes the value as the next one `writer` expects.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let text): writer.string(text)
        case .int(let number): writer.int(number)
        case .written(let write): write(&writer)
        }
    }
}

import ClaimExtraction
import Foundation

/// A `claim.extracted` event as ``Projections`` applies it: read into an
/// ``Event`` (live, and any event replay reads so), or read in place from
/// its record's bytes (replay). One reducer takes either
/// (`Projections.add(_:)`), so that both give the same projections.
protocol ExtractedClaimSource {
    /// The SHA-256 of the claim's document.
    var document: String { get }
    /// The claim's id.
    var id: String { get }
    /// Whether the claim's document is the one with this SHA-256.
    func isOfDocument(_ sha256: String) -> Bool
    /// Records the claim's id at `position`, as ``ClaimIndex/insert(_:at:)`` does.
    func insertID(into index: inout ClaimIndex, at position: Int) -> Int?
    /// The claim's row, its strings added to `pool` and its quote to `text`.
    func row(document: DocumentRow, pool: inout StringPool, text: inout TextArena) -> ClaimRow
}

/// A claim read into an event.
struct EventClaim: ExtractedClaimSource {
    let extracted: ClaimExtracted
    let seq: UInt64
    let recordedAt: Date

    var document: String { extracted.document }
    var id: String { extracted.id }

    func isOfDocument(_ sha256: String) -> Bool { extracted.document == sha256 }

    func insertID(into index: inout ClaimIndex, at position: Int) -> Int? {
        index.insert(extracted.id, at: position)
    }

    func row(document: DocumentRow, pool: inout StringPool, text: inout TextArena) -> ClaimRow {
        ClaimRow(
            id: extracted.id, seq: seq, recordedAt: recordedAt, document: document, extractor: extracted.extractor,
            claim: extracted.claim, pool: &pool, text: &text)
    }
}

/// A claim read in place from its record: its strings made only when
/// asked for (its document when it is not the last one's, its id when a
/// re-extraction left edits waiting for it).
struct RecordClaim: ExtractedClaimSource {
    /// Its fields, with no escapes in their strings.
    let fields: ExtractedClaimFields
    let buffer: UnsafeRawBufferPointer

    var document: String { fields.document.string(in: buffer) }
    var id: String { fields.id.string(in: buffer) }

    func isOfDocument(_ sha256: String) -> Bool {
        let bytes = fields.document.bytes(in: buffer)
        var sha256 = sha256
        return sha256.withUTF8 { held in
            held.count == bytes.count && (held.isEmpty || memcmp(held.baseAddress!, bytes.baseAddress!, held.count) == 0)
        }
    }

    func insertID(into index: inout ClaimIndex, at position: Int) -> Int? {
        index.insert(utf8: fields.id.bytes(in: buffer), at: position)
    }

    func row(document: DocumentRow, pool: inout StringPool, text: inout TextArena) -> ClaimRow {
        ClaimRow(fields, in: buffer, document: document, pool: &pool, text: &text)
    }
}

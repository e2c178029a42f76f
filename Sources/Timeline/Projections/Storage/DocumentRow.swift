import ClaimExtraction
import Foundation

/// A document as the projections store it: numbers only, its strings in
/// the ``StringPool``. ``record(_:)`` turns it back into the
/// ``DocumentRecord`` it was made from.
struct DocumentRow: Sendable, Equatable {
    var seq: UInt64
    /// `receivedAt`, in seconds since the reference date.
    var receivedAt: Double
    var size: Int64
    var claims: Int64
    var published: PackedDate
    var name: UInt32
    var sha256: UInt32
    var status: UInt32
    var source: UInt32
    var url: UInt32
    var reason: UInt32
    var message: UInt32
    var movedTo: UInt32
    /// The extractor that last read the document (``DocumentRecord/extractor``).
    var extractorVersion: UInt32
    var extractorLexicon: UInt32
    /// The SHA-256s of the version it replaced and of the one that replaced it.
    var revises: UInt32
    var revisedBy: UInt32
    var flags: Flags

    struct Flags: OptionSet, Sendable, Equatable {
        let rawValue: UInt32
        static let size = Flags(rawValue: 1 << 0)
        static let all = Flags(rawValue: (1 << 1) - 1)
    }

    /// The row for `record`, its strings added to `pool`.
    init(_ record: DocumentRecord, pool: inout StringPool) {
        seq = record.seq
        receivedAt = record.receivedAt.timeIntervalSinceReferenceDate
        size = record.size.map(Int64.init) ?? 0
        claims = Int64(record.claims)
        published = PackedDate(record.published)
        name = pool.id(record.name)
        sha256 = pool.id(record.sha256)
        status = pool.id(record.status.rawValue)
        source = pool.id(record.source)
        url = pool.id(record.url)
        reason = pool.id(record.reason)
        message = pool.id(record.message)
        movedTo = pool.id(record.movedTo)
        extractorVersion = pool.id(record.extractor?.version)
        extractorLexicon = pool.id(record.extractor?.lexicon)
        revises = pool.id(record.revises)
        revisedBy = pool.id(record.revisedBy)
        flags = record.size == nil ? [] : .size
    }

    /// A row with every field zero, to be filled by a snapshot's reader.
    init() {
        seq = 0; receivedAt = 0; size = 0; claims = 0; published = .none
        name = 0; sha256 = 0; status = 0; source = 0; url = 0; reason = 0; message = 0; movedTo = 0
        extractorVersion = 0; extractorLexicon = 0; revises = 0; revisedBy = 0
        flags = []
    }

    /// The record this row was made from.
    func record(_ pool: StringPool) -> DocumentRecord {
        DocumentRecord(
            name: pool[name], sha256: pool[optional: sha256], status: DocumentRecord.Status(rawValue: pool[status]),
            seq: seq, receivedAt: Date(timeIntervalSinceReferenceDate: receivedAt),
            size: flags.contains(.size) ? Int(size) : nil, published: published.date,
            source: pool[optional: source], url: pool[optional: url], claims: Int(claims),
            reason: pool[optional: reason], message: pool[optional: message], movedTo: pool[optional: movedTo],
            extractor: extractor(pool), revises: pool[optional: revises], revisedBy: pool[optional: revisedBy])
    }

    /// The extractor that last read the document, if an event said.
    func extractor(_ pool: StringPool) -> ExtractorInfo? {
        guard extractorVersion != StringPool.none else { return nil }
        return ExtractorInfo(version: pool[extractorVersion], lexicon: pool[extractorLexicon])
    }

    /// Whether a newer version replaced this one.
    var isRevised: Bool { revisedBy != StringPool.none }
}

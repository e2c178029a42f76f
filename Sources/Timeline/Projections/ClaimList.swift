/// The claims of the projections in seq order, each read back into a
/// ``ClaimRecord`` when it is accessed.
public struct ClaimList: RandomAccessCollection, Sendable, Equatable {
    let rows: ChunkedArray<ClaimRow>
    let pool: StringPool
    let text: TextArena
    /// A person's edits, by position (``Projections/edits``).
    let edits: [Int: ClaimEdits]

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of claims.
    public var endIndex: Int { rows.count }

    /// The claim at `position`, which must be below ``endIndex``, with its
    /// retraction, correction and supersession.
    public subscript(position: Int) -> ClaimRecord {
        let row = rows[position]
        var record = row.record(pool, text)
        guard !row.flags.isDisjoint(with: [.retracted, .corrected, .superseded]), let edits = edits[position] else {
            return record
        }
        record.retraction = edits.retraction
        record.supersession = edits.supersession
        if let correction = edits.correction, let original = edits.original {
            record.correction = ClaimCorrection(edit: correction, original: ClaimFields(original.record(pool, text).claim))
        }
        return record
    }

    /// Whether both hold equal claims in the same order.
    public static func == (a: ClaimList, b: ClaimList) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

/// The documents of the projections in the order they were received or
/// rejected, each read back into a ``DocumentRecord`` when it is accessed.
public struct DocumentList: RandomAccessCollection, Sendable, Equatable {
    let rows: ChunkedArray<DocumentRow>
    let pool: StringPool

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of documents.
    public var endIndex: Int { rows.count }

    /// The document at `position`, which must be below ``endIndex``.
    public subscript(position: Int) -> DocumentRecord {
        rows[position].record(pool)
    }

    /// Whether both hold equal documents in the same order.
    public static func == (a: DocumentList, b: DocumentList) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

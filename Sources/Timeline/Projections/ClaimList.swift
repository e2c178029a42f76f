/// The claims of the projections in seq order, each read back into a
/// ``ClaimRecord`` when it is accessed.
public struct ClaimList: RandomAccessCollection, Sendable, Equatable {
    let rows: ChunkedArray<ClaimRow>
    let pool: StringPool
    let text: TextArena

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of claims.
    public var endIndex: Int { rows.count }

    /// The claim at `position`, which must be below ``endIndex``.
    public subscript(position: Int) -> ClaimRecord {
        rows[position].record(pool, text)
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

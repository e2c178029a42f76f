/// The body of a seal record, the last record of a full segment:
/// `record count u64 | first seq u64 | last seq u64 | chain head [32]`.
///
/// The seal adds no information a reader could not compute; it states what the
/// segment must hold, so that a segment cut short, or one whose last records
/// were removed, is caught even when what remains is well formed.
struct SegmentSeal: Hashable {
    var recordCount: UInt64
    var firstSeq: UInt64
    var lastSeq: UInt64
    var chainHead: ChainHash

    func encoded() -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(LogFormat.sealBodyLength)
        bytes.appendLittleEndian(recordCount)
        bytes.appendLittleEndian(firstSeq)
        bytes.appendLittleEndian(lastSeq)
        bytes.append(contentsOf: chainHead.bytes)
        return bytes
    }

    /// Reads a seal body, or `nil` when it has the wrong length.
    init?(body: UnsafeRawBufferPointer) {
        guard body.count == LogFormat.sealBodyLength, let base = body.baseAddress else { return nil }
        recordCount = base.loadLittleEndian(at: 0, as: UInt64.self)
        firstSeq = base.loadLittleEndian(at: 8, as: UInt64.self)
        lastSeq = base.loadLittleEndian(at: 16, as: UInt64.self)
        chainHead = ChainHash(bytes: UnsafeRawBufferPointer(rebasing: body[24..<56]))
    }

    init(recordCount: UInt64, firstSeq: UInt64, lastSeq: UInt64, chainHead: ChainHash) {
        self.recordCount = recordCount
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.chainHead = chainHead
    }
}

/// One record as ``RecordDecoder`` yields it: the framing and CRC checked, the
/// payload's fields taken apart.
public struct DecodedRecord: Sendable, Hashable {
    /// What the record is (an event, or a segment's seal).
    public var kind: RecordKind
    /// Whether the next record belongs to the same appended batch.
    public var batchContinues: Bool
    /// The record's seq (for a seal: the segment's last seq).
    public var seq: UInt64
    /// The chain head before this record, as the record carries it.
    public var previousChainHead: ChainHash
    /// The body: the caller's bytes for an event, the seal's fields for a seal.
    public var body: [UInt8]
    /// Where the frame starts, in bytes from the start of what was fed to the decoder.
    public var offset: Int64

    /// Makes a record value.
    /// - Parameters:
    ///   - kind: what the record is.
    ///   - batchContinues: whether the next record belongs to the same batch.
    ///   - seq: the record's seq.
    ///   - previousChainHead: the chain head before it.
    ///   - body: its body.
    ///   - offset: where its frame starts.
    public init(
        kind: RecordKind, batchContinues: Bool, seq: UInt64, previousChainHead: ChainHash,
        body: [UInt8], offset: Int64
    ) {
        self.kind = kind
        self.batchContinues = batchContinues
        self.seq = seq
        self.previousChainHead = previousChainHead
        self.body = body
        self.offset = offset
    }

    /// The offset after the record: where the next one starts.
    public var end: Int64 { offset + Int64(LogFormat.minimumFrameLength + body.count) }

    /// The chain head after this record: the SHA-256 of its payload
    /// (`kind | seq | previous chain head | body`).
    public var chainHead: ChainHash {
        var frame = [UInt8]()
        let head = body.withUnsafeBytes {
            RecordFrame.append(
                kind: kind, batchContinues: batchContinues, seq: seq, previous: previousChainHead,
                body: $0, to: &frame
            )
        }
        return head
    }
}

/// A read-only view of a payload whose CRC was checked.
struct PayloadView {
    let bytes: UnsafeRawBufferPointer

    var kind: RecordKind { RecordKind(rawValue: bytes.load(as: UInt8.self)) }
    var batchContinues: Bool { bytes.load(as: UInt8.self) & LogFormat.batchContinuesFlag != 0 }
    var seq: UInt64 { bytes.baseAddress!.loadLittleEndian(at: 1, as: UInt64.self) }
    var previous: ChainHash { ChainHash(bytes: UnsafeRawBufferPointer(rebasing: bytes[9..<41])) }
    var body: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[LogFormat.payloadHeaderLength...]) }
    /// The chain head after this record.
    var chainHead: ChainHash { ChainHash.sha256(of: bytes) }
}

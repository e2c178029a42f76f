/// Encoding and recognising one framed record:
/// `length u32 | CRC32C u32 | payload | length u32`, where `length` counts the
/// payload only and the CRC covers the payload only. The payload is
/// `kind u8 | seq u64 | previous chain head [32] | body`.
enum RecordFrame {
    /// What the bytes at some position hold.
    enum Inspection {
        /// A frame whose two lengths agree; the CRC is not checked yet.
        case frame(payloadLength: Int)
        /// A frame may start here, but `total` bytes are needed to see it whole.
        case needMore(total: Int)
        /// No frame starts here.
        case invalid(reason: String)
    }

    /// Recognises the framing at `base` without checking the CRC (a caller
    /// skipping records may not need it).
    /// - Parameters:
    ///   - base: where the frame would start.
    ///   - available: how many bytes from `base` are at hand.
    static func inspect(_ base: UnsafeRawPointer, available: Int) -> Inspection {
        guard available >= 4 else { return .needMore(total: 4) }
        let length = Int(base.loadLittleEndian(at: 0, as: UInt32.self))
        guard length >= LogFormat.payloadHeaderLength else {
            return .invalid(reason: "record length \(length) is below the \(LogFormat.payloadHeaderLength)-byte minimum")
        }
        let total = length + LogFormat.frameOverhead
        guard available >= total else { return .needMore(total: total) }
        let trailing = Int(base.loadLittleEndian(at: 8 + length, as: UInt32.self))
        guard trailing == length else {
            return .invalid(reason: "the record's trailing length \(trailing) does not match its leading length \(length)")
        }
        return .frame(payloadLength: length)
    }

    /// The stored CRC of a recognised frame.
    @inline(__always)
    static func storedCRC(_ frame: UnsafeRawPointer) -> UInt32 {
        frame.loadLittleEndian(at: 4, as: UInt32.self)
    }

    /// The payload of a recognised frame.
    @inline(__always)
    static func payload(_ frame: UnsafeRawPointer, length: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: frame + 8, count: length)
    }

    /// Whether some bytes hold a whole frame with a correct CRC, for telling a
    /// torn tail (no whole record after the damage) from damage in the middle.
    static func isWholeValidFrame(at base: UnsafeRawPointer, available: Int) -> Bool {
        guard case .frame(let length) = inspect(base, available: available) else { return false }
        let payload = payload(base, length: length)
        guard CRC32C.checksum(payload) == storedCRC(base) else { return false }
        return RecordKind(rawValue: payload.load(as: UInt8.self)).isKnown
    }

    /// Appends one framed record to `buffer`.
    /// - Returns: the chain head after this record (the SHA-256 of its payload).
    @discardableResult
    static func append(
        kind: RecordKind, batchContinues: Bool, seq: UInt64, previous: ChainHash,
        body: UnsafeRawBufferPointer, to buffer: inout [UInt8]
    ) -> ChainHash {
        let payloadLength = LogFormat.payloadHeaderLength + body.count
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: payloadLength + LogFormat.frameOverhead))
        return buffer.withUnsafeMutableBytes { raw in
            let frame = raw.baseAddress! + start
            frame.storeLittleEndian(UInt32(payloadLength), at: 0)
            let payload = frame + 8
            payload.storeBytes(of: kind.rawValue | (batchContinues ? LogFormat.batchContinuesFlag : 0), as: UInt8.self)
            payload.storeLittleEndian(seq, at: 1)
            previous.store(into: payload + 9)
            if let source = body.baseAddress, body.count > 0 {
                (payload + LogFormat.payloadHeaderLength).copyMemory(from: source, byteCount: body.count)
            }
            let payloadBytes = UnsafeRawBufferPointer(start: payload, count: payloadLength)
            frame.storeLittleEndian(CRC32C.checksum(payloadBytes), at: 4)
            frame.storeLittleEndian(UInt32(payloadLength), at: 8 + payloadLength)
            return ChainHash.sha256(of: payloadBytes)
        }
    }
}

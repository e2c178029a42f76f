/// Takes framed records apart from bytes that arrive in pieces of any size:
/// a segment read in chunks, a pipe, a socket.
///
/// ```swift
/// var decoder = RecordDecoder()
/// decoder.feed(chunk)
/// while let record = try decoder.next() { … }
/// ```
///
/// It checks what one record can show alone: the two lengths agree, the
/// CRC32C matches, the kind is known. Seq continuity and the hash chain span
/// records and belong to the caller (``EventLog/verify(directory:)`` does both).
///
/// - Important: feed the bytes after a segment's header (``SegmentHeader/headerLength``
///   bytes in), not the header itself. Fed the same bytes whole, one byte at a
///   time or in chunks of any sizes, the decoder yields the same records; the
///   test suite checks this the way swift-nio's `ByteToMessageDecoderVerifier` does.
public struct RecordDecoder: Sendable {
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// The stream offset of `buffer[readIndex]`.
    private var streamOffset: Int64

    /// Whether a zero length ends the records (see ``init(startOffset:preallocated:)``).
    private let preallocated: Bool

    /// Whether decoding stopped at a zero length: the end of the records
    /// written so far in a preallocated segment, where zeros follow (set
    /// only when decoding with `preallocated`). ``next()`` returns nil
    /// there, whatever is fed.
    public private(set) var atEndOfRecords = false

    /// Starts decoding.
    /// - Parameters:
    ///   - startOffset: the offset of the first byte to be fed, so that errors and
    ///     ``DecodedRecord/offset`` give file offsets (pass the header length
    ///     when feeding a segment file from its first record).
    ///   - preallocated: the bytes are a log's last segment, preallocated, so
    ///     that zeros follow its records: a zero length then ends them
    ///     (``atEndOfRecords``) rather than being bad framing. The caller
    ///     decides whether what follows is all zeros; for any other segment
    ///     or stream, leave it false.
    public init(startOffset: Int64 = 0, preallocated: Bool = false) {
        streamOffset = startOffset
        self.preallocated = preallocated
    }

    /// The bytes fed but not yet yielded as records: after the last chunk of a
    /// segment, anything here is a torn tail, or, at ``atEndOfRecords``, the
    /// zeros preallocated after the records (and whatever follows them).
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Adds the next bytes of the stream.
    /// - Parameters:
    ///   - bytes: the bytes, in stream order.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// Adds the next bytes of the stream.
    /// - Parameters:
    ///   - bytes: the bytes, in stream order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// The next whole record, or `nil` until more bytes are fed.
    /// - Throws: ``EventLogError`` with ``EventLogError/Code/corruptRecord`` and
    ///   the frame's offset when the framing or CRC is wrong or the kind unknown.
    ///   The decoder cannot find the next frame after that, so it throws the
    ///   same error again if called again.
    public mutating func next() throws -> DecodedRecord? {
        let offset = streamOffset
        let result: Result<(DecodedRecord, Int)?, EventLogError> = buffer.withUnsafeBytes { raw in
            let available = raw.count - readIndex
            guard available > 0 else { return .success(nil) }
            let base = raw.baseAddress! + readIndex
            if preallocated, available >= 4, base.loadUnaligned(as: UInt32.self) == 0 { return .success(nil) }
            switch RecordFrame.inspect(base, available: available) {
            case .needMore:
                return .success(nil)
            case .invalid(let reason):
                return .failure(EventLogError(.corruptRecord, "bad record framing at offset \(offset): \(reason)", offset: offset))
            case .frame(let length):
                let payload = RecordFrame.payload(base, length: length)
                let stored = RecordFrame.storedCRC(base)
                let computed = CRC32C.checksum(payload)
                guard stored == computed else {
                    return .failure(EventLogError(
                        .corruptRecord,
                        "record CRC32C mismatch at offset \(offset) (stored \(hex32(stored)), computed \(hex32(computed)))",
                        offset: offset))
                }
                let view = PayloadView(bytes: payload)
                guard view.kind.isKnown else {
                    return .failure(EventLogError(.corruptRecord, "record at offset \(offset) has unknown \(view.kind)", offset: offset, seq: view.seq))
                }
                let record = DecodedRecord(
                    kind: view.kind, batchContinues: view.batchContinues, seq: view.seq,
                    previousChainHead: view.previous, body: Array(view.body), offset: offset)
                return .success((record, length + LogFormat.frameOverhead))
            }
        }
        guard let (record, consumed) = try result.get() else {
            atEndOfRecords = preallocated && bufferedByteCount >= 4
                && buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: readIndex, as: UInt32.self) } == 0
            return nil
        }
        readIndex += consumed
        streamOffset += Int64(consumed)
        return record
    }

    /// Drops consumed bytes once they outweigh the rest, so a long stream
    /// costs memory for one record at a time, not for everything fed.
    private mutating func compactIfWorthwhile() {
        guard readIndex > 0, readIndex >= buffer.count - readIndex else { return }
        buffer.removeFirst(readIndex)
        readIndex = 0
    }
}

/// Walks the frames of one segment file, reading it in large chunks and
/// handing out each payload in place, so that a replay costs a `pread` per
/// megabyte and no allocation per record.
///
/// A payload handed out stays valid until the next call to ``next()``.
final class SegmentFrameReader {
    enum Step {
        /// A frame whose lengths agree and whose CRC matches.
        case frame(offset: Int64, payload: UnsafeRawBufferPointer)
        /// The frame at `offset` is damaged or cut short; `reason` says how.
        case bad(offset: Int64, reason: String)
        /// The end of the range was reached exactly at a frame boundary.
        case end
    }

    private let file: SystemFile
    private var buffer: UnsafeMutableRawBufferPointer
    /// The file offset of `buffer[0]`.
    private var bufferFileOffset: Int64
    /// Bytes of `buffer` holding file data.
    private var filled = 0
    /// Index in `buffer` of the next frame.
    private var position = 0
    /// The reader stops here (the file size, or the committed end of a segment being written).
    private var limit: Int64
    /// Whether the file may be cut short while it is read: the last segment
    /// of a log a writer is sealing (which cuts the zeros after the seal).
    private let mayShrink: Bool

    /// - Parameters:
    ///   - file: the open segment.
    ///   - start: the offset of the first frame (the header length).
    ///   - limit: the offset to stop at.
    ///   - mayShrink: a file that ends before `limit` ends there, rather
    ///     than being an error: the last segment of a log being written,
    ///     read without the writer's committed end.
    ///   - chunkBytes: how much to read at once.
    init(file: SystemFile, start: Int64, limit: Int64, mayShrink: Bool = false, chunkBytes: Int = 1 << 20) {
        self.file = file
        self.bufferFileOffset = start
        self.limit = limit
        self.mayShrink = mayShrink
        // A small read (the newest records) need not allocate a whole chunk.
        let capacity = Int(min(Int64(chunkBytes), max(4096, limit - start)))
        self.buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// The offset of the next frame: after `.end`, where the segment ends.
    var offset: Int64 { bufferFileOffset + Int64(position) }

    func next() throws -> Step {
        let frameOffset = offset
        if frameOffset >= limit { return .end }
        var available = filled - position
        while true {
            let inspection = RecordFrame.inspect(buffer.baseAddress! + position, available: available)
            switch inspection {
            case .invalid(let reason):
                return .bad(offset: frameOffset, reason: reason)
            case .needMore(let total):
                let remainingInFile = limit - frameOffset
                guard Int64(total) <= remainingInFile else {
                    return .bad(offset: frameOffset, reason: remainingInFile < 4
                        ? "only \(remainingInFile) bytes remain, too few for a record length"
                        : "the record needs \(total) bytes but only \(remainingInFile) remain in the file")
                }
                guard try fill(atLeast: total) else {
                    // Cut short meanwhile: the file ends where it now does.
                    return frameOffset >= limit ? .end : .bad(offset: frameOffset, reason: "the file ends within the record")
                }
                available = filled - position
            case .frame(let length):
                let base = buffer.baseAddress! + position
                let payload = RecordFrame.payload(base, length: length)
                let stored = RecordFrame.storedCRC(base)
                let computed = CRC32C.checksum(payload)
                guard stored == computed else {
                    return .bad(offset: frameOffset, reason: "CRC32C mismatch (stored \(hex32(stored)), computed \(hex32(computed)))")
                }
                position += length + LogFormat.frameOverhead
                return .frame(offset: frameOffset, payload: payload)
            }
        }
    }

    /// Makes `buffer[position...]` hold at least `count` bytes (the caller
    /// checked the file has them): moves the unread rest to the front, grows
    /// the buffer for a record larger than it, and reads as much as fits.
    /// - Returns: false when the file ended first and ``mayShrink`` allows
    ///   it; the limit is then where it ended.
    private func fill(atLeast count: Int) throws -> Bool {
        let unread = filled - position
        if position > 0 {
            if unread > 0 {
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: buffer.baseAddress! + position, byteCount: unread)
            }
            bufferFileOffset += Int64(position)
            position = 0
            filled = unread
        }
        if count > buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 2 * buffer.count), alignment: 16)
            larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
            buffer.deallocate()
            buffer = larger
        }
        let fileRemaining = limit - (bufferFileOffset + Int64(filled))
        let wanted = Int(min(Int64(buffer.count - filled), fileRemaining))
        var got = 0
        while filled < count {
            let read = try file.read(into: buffer.baseAddress! + filled, count: wanted - got, at: bufferFileOffset + Int64(filled))
            if read == 0 {
                if mayShrink {
                    limit = bufferFileOffset + Int64(filled)
                    return false
                }
                throw EventLogError(.io, "\(file.name) ended at \(bufferFileOffset + Int64(filled)) bytes while being read; was it truncated by another program?", segment: file.name, offset: bufferFileOffset + Int64(filled))
            }
            filled += read
            got += read
        }
        return true
    }
}

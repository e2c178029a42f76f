#if canImport(Glibc)
import Glibc
#endif
import NIOCore

/// Splits a byte stream into NUL-terminated messages; shared by the server's
/// channel decoder and the blocking client so both frame alike.
struct VarlinkFraming: Sendable {
    /// The largest message accepted, NUL excluded.
    let maximumMessageSize: Int
    /// How many readable bytes are already known to hold no NUL, so a
    /// message arriving in many pieces is scanned once, not once per piece.
    private var scannedBytes = 0

    init(maximumMessageSize: Int) {
        precondition(maximumMessageSize > 0, "maximumMessageSize must be positive")
        self.maximumMessageSize = maximumMessageSize
    }

    /// Takes the next whole message off the front of `buffer`.
    ///
    /// - Returns: The message without its NUL, or nil if none is complete yet.
    /// - Throws: ``VarlinkTransportError`` `messageTooLarge` once more than
    ///   `maximumMessageSize` bytes precede the next NUL.
    mutating func nextMessage(from buffer: inout ByteBuffer) throws(VarlinkTransportError) -> ByteBuffer? {
        let readable = buffer.readableBytes
        let start = scannedBytes
        let terminator: Int? =
            readable > start
            ? buffer.withUnsafeReadableBytes { bytes in
                // memchr runs at memory speed; a Swift loop over the view does not.
                guard let found = memchr(bytes.baseAddress! + start, 0, readable - start) else { return nil }
                return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
            }
            : nil
        guard let length = terminator else {
            scannedBytes = readable
            if readable > maximumMessageSize { throw tooLarge() }
            return nil
        }
        if length > maximumMessageSize { throw tooLarge() }
        scannedBytes = 0
        let message = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        return message
    }

    private func tooLarge() -> VarlinkTransportError {
        VarlinkTransportError(
            code: .messageTooLarge,
            message: "message is larger than the maximum of \(maximumMessageSize) bytes"
        )
    }
}

import NIOCore

/// A `ByteToMessageDecoder` that turns a Varlink byte stream into messages:
/// each message is the bytes before a NUL, without the NUL.
///
/// NIOCore has no decoder for a NUL delimiter, hence this one.
///
/// - Important: A message longer than `maximumMessageSize` is an error, not a
///   truncation: `decode` throws ``VarlinkTransportError`` with code
///   ``VarlinkTransportError/Code/messageTooLarge`` as soon as that many bytes
///   arrive without a NUL, so a peer cannot make the server buffer without
///   bound. After the error the stream cannot be resynchronised; close it.
public struct VarlinkFrameDecoder: ByteToMessageDecoder, Sendable {
    /// Each message, without its NUL terminator.
    public typealias InboundOut = ByteBuffer

    private var framing: VarlinkFraming

    /// Creates a decoder.
    ///
    /// - Parameter maximumMessageSize: The largest message accepted, in bytes,
    ///   NUL excluded; must be positive.
    public init(maximumMessageSize: Int) {
        self.framing = VarlinkFraming(maximumMessageSize: maximumMessageSize)
    }

    /// Emits the next complete message, if the buffer holds one.
    ///
    /// - Parameters:
    ///   - context: The handler context to emit the message on.
    ///   - buffer: The bytes received and not yet decoded.
    /// - Returns: `.continue` after emitting a message, `.needMoreData` otherwise.
    /// - Throws: ``VarlinkTransportError`` `messageTooLarge`.
    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let message = try framing.nextMessage(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(message))
        return .continue
    }

    /// Emits the messages still complete at end of stream; a trailing partial
    /// message is dropped, since its sender is gone and it can never finish.
    ///
    /// - Parameters:
    ///   - context: The handler context to emit messages on.
    ///   - buffer: The bytes received and not yet decoded.
    ///   - seenEOF: Whether the stream ended (true) or the handler is being removed.
    /// - Returns: `.continue` after emitting a message, `.needMoreData` when done.
    /// - Throws: ``VarlinkTransportError`` `messageTooLarge`.
    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        if try decode(context: context, buffer: &buffer) == .continue { return .continue }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}

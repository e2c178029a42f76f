import NIOCore
import NIOTestUtils
import Testing
import TimelineTestSupport

@testable import Varlink

@Suite("NUL framing")
struct FramingTests {
    static let messages = [
        #"{"method":"org.varlink.service.GetInfo"}"#,
        "",
        #"{"parameters":{"text":"déjà vu – 💥"}}"#,
        String(repeating: "x", count: 5000),
    ]

    @Test func frameDecoderPassesNIOsDecoderVerifier() async throws {
        try await onOwnThread {
            let pairs = Self.messages.map { message -> (ByteBuffer, [ByteBuffer]) in
                (ByteBuffer(string: message + "\0"), [ByteBuffer(string: message)])
            }
            try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
                VarlinkFrameDecoder(maximumMessageSize: 8192)
            }
        }
    }

    @Test func framingYieldsTheSameMessagesWholeByteByByteAndInRandomChunks() throws {
        let stream = Array(Self.messages.map { $0 + "\0" }.joined().utf8)
        var generator = SplitMix64(seed: 0x5eed)
        let splits: [(String, [Int])] = [
            ("whole", [stream.count]),
            ("byte by byte", Array(repeating: 1, count: stream.count)),
        ] + (0..<20).map { round in ("random chunks #\(round)", randomChunks(of: stream.count, using: &generator)) }

        for (name, chunkSizes) in splits {
            var framing = VarlinkFraming(maximumMessageSize: 8192)
            var buffer = ByteBuffer()
            var received: [String] = []
            var offset = 0
            for size in chunkSizes {
                buffer.writeBytes(stream[offset..<offset + size])
                offset += size
                while let message = try framing.nextMessage(from: &buffer) {
                    received.append(String(buffer: message))
                }
            }
            #expect(received == Self.messages, "split: \(name)")
            #expect(buffer.readableBytes == 0, "split: \(name)")
        }
    }

    @Test func messageOfExactlyTheMaximumSizeIsAccepted() throws {
        var framing = VarlinkFraming(maximumMessageSize: 8)
        var buffer = ByteBuffer(string: "12345678\0")
        #expect(try framing.nextMessage(from: &buffer) == ByteBuffer(string: "12345678"))
    }

    @Test func oversizedMessageFailsAsSoonAsItsSizeIsKnown() throws {
        var framing = VarlinkFraming(maximumMessageSize: 8)
        var buffer = ByteBuffer(string: "12345678")
        #expect(try framing.nextMessage(from: &buffer) == nil)
        buffer.writeString("9")
        let error = try #require(throws: VarlinkTransportError.self) {
            try framing.nextMessage(from: &buffer)
        }
        #expect(error.code == .messageTooLarge)
    }

    @Test func oversizedMessageWithItsTerminatorInTheSameChunkFails() throws {
        var framing = VarlinkFraming(maximumMessageSize: 8)
        var buffer = ByteBuffer(string: "ok\0123456789\0")
        #expect(try framing.nextMessage(from: &buffer) == ByteBuffer(string: "ok"))
        #expect(throws: VarlinkTransportError.self) { try framing.nextMessage(from: &buffer) }
    }

    private func randomChunks(of total: Int, using generator: inout SplitMix64) -> [Int] {
        var sizes: [Int] = []
        var remaining = total
        while remaining > 0 {
            let size = Int.random(in: 1...min(remaining, 97), using: &generator)
            sizes.append(size)
            remaining -= size
        }
        return sizes
    }
}

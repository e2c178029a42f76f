import Foundation
import NIOCore

/// The JSON shapes of messages on the wire, and their reading and writing.
///
/// Reading parses only the envelope (method and flags, or error name and
/// `continues`); the parameters stay in the message text for
/// ``VarlinkParameters`` to decode later into the receiver's type. Writing
/// encodes a sender's `Encodable` parameters straight into the envelope, so
/// a reply costs one encode.
enum VarlinkWire {
    /// A call's envelope. `parameters` is only checked to be an object.
    struct CallHeader: Decodable {
        var method: String
        var more: Bool?
        var oneway: Bool?
        var upgrade: Bool?
        var parameters: ObjectProbe?
    }

    /// A reply's or an error's envelope.
    struct ReplyHeader: Decodable {
        var error: String?
        var continues: Bool?
        var parameters: ObjectProbe?
    }

    /// Accepts any JSON object and keeps nothing of it.
    struct ObjectProbe: Decodable {
        init(from decoder: any Decoder) throws {
            _ = try decoder.container(keyedBy: AnyCodingKey.self)
        }
    }

    struct OutgoingCall<Parameters: Encodable>: Encodable {
        var method: String
        var parameters: Parameters
        var more: Bool?
        var oneway: Bool?
    }

    struct OutgoingReply<Parameters: Encodable>: Encodable {
        var parameters: Parameters
        var continues: Bool?
    }

    /// A received message: a reply, or an error reply.
    enum IncomingReply {
        case reply(VarlinkReply)
        case error(VarlinkError)
    }

    /// Reads a call's envelope.
    ///
    /// - Throws: ``VarlinkError`` `InvalidMessage` saying what is wrong.
    static func parseCall(_ message: Data, peer: VarlinkPeerCredentials?) throws(VarlinkError) -> VarlinkCall {
        let header: CallHeader
        do {
            header = try VarlinkJSON.decoder.decode(CallHeader.self, from: message)
        } catch {
            throw VarlinkError.invalidMessage(reason(for: error, message: "call"))
        }
        return VarlinkCall(
            method: header.method,
            parameters: VarlinkParameters(storage: .member(of: message)),
            more: header.more ?? false,
            oneway: header.oneway ?? false,
            upgrade: header.upgrade ?? false,
            peer: peer
        )
    }

    /// Reads a reply's envelope.
    ///
    /// - Throws: A description of what is wrong with the message.
    static func parseReply(_ message: Data) throws(MalformedMessage) -> IncomingReply {
        if let envelope = VarlinkReplyEnvelope.read(message) {
            let start = message.startIndex
            let parameters = envelope.parameters.map { range in
                VarlinkParameters(storage: .object(message.subdata(in: (start + range.lowerBound)..<(start + range.upperBound))))
            } ?? VarlinkParameters()
            if let name = envelope.error { return .error(VarlinkError(name: name, parameters: parameters)) }
            return .reply(VarlinkReply(parameters: parameters, continues: envelope.continues))
        }
        let header: ReplyHeader
        do {
            header = try VarlinkJSON.decoder.decode(ReplyHeader.self, from: message)
        } catch {
            throw MalformedMessage(reason: reason(for: error, message: "reply"))
        }
        let parameters = VarlinkParameters(storage: .member(of: message))
        if let name = header.error {
            return .error(VarlinkError(name: name, parameters: parameters))
        }
        return .reply(VarlinkReply(parameters: parameters, continues: header.continues ?? false))
    }

    /// Why a message could not be read.
    struct MalformedMessage: Error {
        var reason: String
    }

    /// A sentence for a person reading the error: which member is wrong.
    static func reason(for error: any Error, message kind: String) -> String {
        guard let error = error as? DecodingError else { return "the \(kind) could not be read" }
        switch error {
        case .keyNotFound(let key, _):
            return "the \(kind) has no \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            guard let member = context.codingPath.first?.stringValue else {
                return "the \(kind) is not a JSON object"
            }
            let expected =
                switch member {
                case "method", "error": "a string"
                case "parameters": "an object"
                default: "a boolean"
                }
            return "\(member) is not \(expected)"
        case .dataCorrupted(let context):
            if let member = context.codingPath.first?.stringValue {
                return "\(member) is not valid"
            }
            return "the \(kind) is not valid JSON"
        @unknown default:
            return "the \(kind) could not be read"
        }
    }

    /// A call, NUL-terminated.
    static func encodeCall(
        method: String,
        parameters: some Encodable,
        more: Bool,
        oneway: Bool
    ) throws -> Data {
        var data = try VarlinkJSON.encoder.encode(
            OutgoingCall(method: method, parameters: parameters, more: more ? true : nil, oneway: oneway ? true : nil)
        )
        data.append(0)
        return data
    }

    /// A reply, NUL-terminated.
    static func encodeReply(parameters: some Encodable, continues: Bool, allocator: ByteBufferAllocator) throws -> ByteBuffer {
        let data = try VarlinkJSON.encoder.encode(
            OutgoingReply(parameters: parameters, continues: continues ? true : nil)
        )
        return frame(data, allocator: allocator)
    }

    /// A reply around parameters that are already JSON text, NUL-terminated.
    static func encodeReply(json: [UInt8], continues: Bool, allocator: ByteBufferAllocator) -> ByteBuffer {
        let head = Array(#"{"parameters":"#.utf8)
        let tail = Array((continues ? #","continues":true}"# : "}").utf8)
        var buffer = allocator.buffer(capacity: head.count + json.count + tail.count + 1)
        buffer.writeBytes(head)
        buffer.writeBytes(json)
        buffer.writeBytes(tail)
        buffer.writeInteger(UInt8(0))
        return buffer
    }

    /// An error reply, NUL-terminated.
    ///
    /// Encoding cannot fail in practice (received parameters were valid JSON,
    /// built ones hold no non-finite numbers); if it did, the name alone is sent.
    static func encodeError(_ error: VarlinkError, allocator: ByteBufferAllocator) -> ByteBuffer {
        let data =
            (try? VarlinkJSON.encoder.encode(error))
            ?? (try? VarlinkJSON.encoder.encode(VarlinkError(name: error.name)))
            ?? Data()
        return frame(data, allocator: allocator)
    }

    private static func frame(_ data: Data, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: data.count + 1)
        buffer.writeBytes(data)
        buffer.writeInteger(UInt8(0))
        return buffer
    }
}

import ClaimExtraction
import Foundation

/// Turns events into the bytes of one log record and back.
///
/// A record holds the envelope without `seq` (the log's record header
/// carries it, so the two can never disagree):
/// `{"data":{…},"recorded_at":"2023-01-20T12:00:00Z","schema":1,"type":"claim.extracted"}`.
/// Keys are sorted so that the same event always has the same bytes.
public struct EventCodec: Sendable {
    public init() {}

    /// The record bytes of `event`; its `seq` is not written.
    public func encode(_ event: Event) throws -> [UInt8] {
        try Array(Self.encoder.encode(Envelope(event: event, includeSeq: false)))
    }

    /// The event a record holds.
    ///
    /// - Parameters:
    ///   - bytes: the record's payload.
    ///   - seq: the record's seq, given to the event.
    /// - Throws: ``EventDecodingError`` when the bytes are not an event this
    ///   code can read (a newer schema, an unknown type, broken JSON).
    public func decode(_ bytes: some Collection<UInt8>, seq: UInt64) throws -> Event {
        if let event = bytes.withContiguousStorageIfAvailable({ buffer in
            ReplayEventReader.read(UnsafeRawBufferPointer(buffer), seq: seq)
        }) ?? nil {
            return event
        }
        return try decodeWithFoundation(bytes, seq: seq)
    }

    /// The event a record holds, read from the record buffer in place (the
    /// replay path: no copy of the bytes).
    public func decode(_ buffer: UnsafeRawBufferPointer, seq: UInt64) throws -> Event {
        if let event = ReplayEventReader.read(buffer, seq: seq) { return event }
        return try decodeWithFoundation(Array(buffer), seq: seq)
    }

    /// The slow, general path: every event type, every schema this code
    /// reads, and the precise error for a record it cannot.
    func decodeWithFoundation(_ bytes: some Collection<UInt8>, seq: UInt64) throws -> Event {
        let data = Data(bytes)
        let head: Head
        do {
            head = try Self.decoder.decode(Head.self, from: data)
        } catch {
            throw EventDecodingError(seq: seq, message: "not an event envelope: \(Self.describe(error))")
        }
        guard head.schema <= Event.currentSchema else {
            throw EventDecodingError(
                seq: seq,
                message: "schema \(head.schema) is newer than this timelined reads (\(Event.currentSchema)); upgrade timelined")
        }
        do {
            let payload: Event.Payload
            switch head.type {
            case .documentReceived:
                payload = .documentReceived(try Self.decoder.decode(Body<DocumentReceived>.self, from: data).data)
            case .claimExtracted:
                payload = .claimExtracted(try Self.decoder.decode(Body<ClaimExtracted>.self, from: data).data)
            case .documentRejected:
                payload = .documentRejected(try Self.decoder.decode(Body<DocumentRejected>.self, from: data).data)
            case .claimRetracted:
                payload = .claimRetracted(try Self.decoder.decode(Body<ClaimRetracted>.self, from: data).data)
            case .claimCorrected:
                payload = .claimCorrected(try Self.decoder.decode(Body<ClaimCorrected>.self, from: data).data)
            case .documentReextracted:
                payload = .documentReextracted(try Self.decoder.decode(Body<DocumentReextracted>.self, from: data).data)
            case .documentRevised:
                payload = .documentRevised(try Self.decoder.decode(Body<DocumentRevised>.self, from: data).data)
            default:
                throw EventDecodingError(seq: seq, message: "unknown event type \(head.type)")
            }
            return Event(seq: seq, schema: head.schema, recordedAt: head.recordedAt, payload: payload)
        } catch let error as EventDecodingError {
            throw error
        } catch {
            throw EventDecodingError(seq: seq, message: "\(head.type) event: \(Self.describe(error))")
        }
    }

    /// The event as one JSON object with its `seq`, as `timelinectl events`
    /// prints it.
    public func encodeForDisplay(_ event: Event) throws -> Data {
        try Self.encoder.encode(Envelope(event: event, includeSeq: true))
    }

    static let encoder = TimelineJSON.encoder()
    static let decoder = TimelineJSON.decoder()

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(Self.path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(Self.path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? context.debugDescription
                : "\(Self.path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private struct Head: Decodable {
        var type: EventType
        var schema: Int
        var recordedAt: Date

        enum CodingKeys: String, CodingKey {
            case type, schema
            case recordedAt = "recorded_at"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = try c.decode(EventType.self, forKey: .type)
            schema = try c.decode(Int.self, forKey: .schema)
            recordedAt = try c.decodeTimestamp(forKey: .recordedAt)
        }
    }

    private struct Body<Payload: Decodable>: Decodable {
        var data: Payload
    }

    struct Envelope: Encodable {
        var event: Event
        var includeSeq: Bool

        enum CodingKeys: String, CodingKey {
            case seq, type, schema
            case recordedAt = "recorded_at"
            case data
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if includeSeq { try c.encode(event.seq, forKey: .seq) }
            try c.encode(event.type, forKey: .type)
            try c.encode(event.schema, forKey: .schema)
            try c.encodeTimestamp(event.recordedAt, forKey: .recordedAt)
            switch event.payload {
            case .documentReceived(let body): try c.encode(body, forKey: .data)
            case .claimExtracted(let body): try c.encode(body, forKey: .data)
            case .documentRejected(let body): try c.encode(body, forKey: .data)
            case .claimRetracted(let body): try c.encode(body, forKey: .data)
            case .claimCorrected(let body): try c.encode(body, forKey: .data)
            case .documentReextracted(let body): try c.encode(body, forKey: .data)
            case .documentRevised(let body): try c.encode(body, forKey: .data)
            }
        }
    }
}

/// Decodes a run of records, as replay reads them: strings that repeat from
/// one record to the next (the document, the extractor, the speaker) are
/// made once.
public struct EventReplayDecoder {
    private var reader = ReplayEventReader()
    private let codec = EventCodec()

    public init() {}

    /// The event a record holds; see ``EventCodec/decode(_:seq:)-(UnsafeRawBufferPointer,_)``.
    public mutating func decode(_ buffer: UnsafeRawBufferPointer, seq: UInt64) throws -> Event {
        if let event = reader.read(buffer, seq: seq) { return event }
        return try codec.decodeWithFoundation(Array(buffer), seq: seq)
    }
}

/// A record that does not hold an event this code can read.
public struct EventDecodingError: Error, CustomStringConvertible, Sendable {
    /// The record's seq.
    public var seq: UInt64
    public var message: String

    public var description: String { "event \(seq): \(message)" }
}

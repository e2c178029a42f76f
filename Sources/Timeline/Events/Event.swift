import ClaimExtraction
import Foundation

/// One immutable fact in the timeline, as stored in one log record.
///
/// The envelope is the same for every kind: `seq` (gap-free, given by the
/// log), `type`, `schema` and `recorded_at`; the payload says what happened.
public struct Event: Sendable, Equatable {
    /// The schema version this code writes. Older versions are upcast at load.
    public static let currentSchema = 1

    /// The position in the log: 1, 2, 3… with no gaps. Zero before the log
    /// has given it one.
    public var seq: UInt64
    public var schema: Int
    public var recordedAt: Date
    public var payload: Payload

    public init(seq: UInt64 = 0, schema: Int = Event.currentSchema, recordedAt: Date, payload: Payload) {
        self.seq = seq
        self.schema = schema
        self.recordedAt = recordedAt
        self.payload = payload
    }

    /// The `type` field: `document.received`, `claim.extracted`, …
    public var type: EventType { payload.type }

    /// What happened.
    public enum Payload: Sendable, Equatable {
        case documentReceived(DocumentReceived)
        case claimExtracted(ClaimExtracted)
        case documentRejected(DocumentRejected)
        case claimRetracted(ClaimRetracted)
        case claimCorrected(ClaimCorrected)
        case documentReextracted(DocumentReextracted)
        case documentRevised(DocumentRevised)

        public var type: EventType {
            switch self {
            case .documentReceived: .documentReceived
            case .claimExtracted: .claimExtracted
            case .documentRejected: .documentRejected
            case .claimRetracted: .claimRetracted
            case .claimCorrected: .claimCorrected
            case .documentReextracted: .documentReextracted
            case .documentRevised: .documentRevised
            }
        }
    }
}

/// The names of the event kinds, as written in the `type` field.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let documentReceived = EventType(rawValue: "document.received")
    public static let claimExtracted = EventType(rawValue: "claim.extracted")
    public static let documentRejected = EventType(rawValue: "document.rejected")
    public static let claimRetracted = EventType(rawValue: "claim.retracted")
    public static let claimCorrected = EventType(rawValue: "claim.corrected")
    public static let documentReextracted = EventType(rawValue: "document.reextracted")
    public static let documentRevised = EventType(rawValue: "document.revised")

    public var description: String { rawValue }
}

/// A document was taken from the inbox; its claims follow in the same batch.
public struct DocumentReceived: Sendable, Equatable, Codable {
    /// SHA-256 of the document's bytes, lower-case hex: its content address
    /// under `state/documents/`.
    public var document: String
    /// The file name it arrived under.
    public var name: String
    /// Its size in bytes.
    public var size: Int
    public var published: PartialDate?
    public var publishedFrom: DateSource?
    public var source: String?
    public var url: String?
    /// Whether invalid UTF-8 had to be replaced to read it.
    public var repairedEncoding: Bool

    public init(
        document: String, name: String, size: Int,
        published: PartialDate? = nil, publishedFrom: DateSource? = nil,
        source: String? = nil, url: String? = nil, repairedEncoding: Bool = false
    ) {
        self.document = document
        self.name = name
        self.size = size
        self.published = published
        self.publishedFrom = publishedFrom
        self.source = source
        self.url = url
        self.repairedEncoding = repairedEncoding
    }

    enum CodingKeys: String, CodingKey {
        case document, name, size, published
        case publishedFrom = "published_from"
        case source, url
        case repairedEncoding = "repaired_encoding"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        document = try c.decode(String.self, forKey: .document)
        name = try c.decode(String.self, forKey: .name)
        size = try c.decode(Int.self, forKey: .size)
        published = try c.decodeIfPresent(PartialDate.self, forKey: .published)
        publishedFrom = try c.decodeIfPresent(DateSource.self, forKey: .publishedFrom)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        repairedEncoding = try c.decodeIfPresent(Bool.self, forKey: .repairedEncoding) ?? false
    }
}

/// Which code found a claim: the extractor's version and the SHA-256 of the
/// lexicon it read, so that a claim can be traced to the rules behind it.
public struct ExtractorInfo: Sendable, Equatable, Hashable, Codable {
    public var version: String
    public var lexicon: String

    public init(version: String, lexicon: String) {
        self.version = version
        self.lexicon = lexicon
    }
}

/// One claim found in a received document.
public struct ClaimExtracted: Sendable, Equatable {
    /// The claim's id (see ``ClaimID``).
    public var id: String
    /// The SHA-256 of the document it was found in.
    public var document: String
    public var extractor: ExtractorInfo
    public var claim: Claim

    public init(id: String, document: String, extractor: ExtractorInfo, claim: Claim) {
        self.id = id
        self.document = document
        self.extractor = extractor
        self.claim = claim
    }
}

extension ClaimExtracted: Codable {
    enum CodingKeys: String, CodingKey {
        case id = "claim"
        case document, extractor
    }

    /// The claim's own fields sit beside `claim`, `document` and `extractor`
    /// in one flat object, as DESIGN.md's event list gives them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        document = try c.decode(String.self, forKey: .document)
        extractor = try c.decode(ExtractorInfo.self, forKey: .extractor)
        claim = try Claim(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try claim.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(document, forKey: .document)
        try c.encode(extractor, forKey: .extractor)
    }
}

/// A file that could not be taken: why, and where it was moved.
public struct DocumentRejected: Sendable, Equatable, Codable {
    public var name: String
    /// A code a program can match: `too_large`, `not_regular_file`,
    /// `unreadable`, `symlink`.
    public var reason: String
    /// The same, for a person.
    public var message: String
    /// Where the file now is, relative to the data folder (`failed/NAME`).
    public var movedTo: String
    /// The file's size, when it could be read.
    public var size: Int?

    public init(name: String, reason: String, message: String, movedTo: String, size: Int? = nil) {
        self.name = name
        self.reason = reason
        self.message = message
        self.movedTo = movedTo
        self.size = size
    }

    enum CodingKeys: String, CodingKey {
        case name, reason, message
        case movedTo = "moved_to"
        case size
    }
}

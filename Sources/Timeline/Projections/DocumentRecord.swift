import ClaimExtraction
import Foundation

/// What became of one file: received with its claims, or rejected and why.
public struct DocumentRecord: Sendable, Equatable, Codable {
    /// Whether the file was taken.
    public struct Status: RawRepresentable, Hashable, Sendable, Codable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let received = Status(rawValue: "received")
        public static let rejected = Status(rawValue: "rejected")
    }

    /// The file name.
    public var name: String
    /// The SHA-256 of its bytes; nil for a file rejected before it was read.
    public var sha256: String?
    public var status: Status
    /// The seq of its `document.received` or `document.rejected` event.
    public var seq: UInt64
    public var receivedAt: Date
    public var size: Int?
    public var published: PartialDate?
    public var source: String?
    public var url: String?
    /// How many claims were found in it.
    public var claims: Int
    /// Why it was rejected (a code), and the same for a person.
    public var reason: String?
    public var message: String?
    /// Where a rejected file was moved, relative to the data folder.
    public var movedTo: String?

    public init(
        name: String, sha256: String?, status: Status, seq: UInt64, receivedAt: Date,
        size: Int? = nil, published: PartialDate? = nil, source: String? = nil, url: String? = nil,
        claims: Int = 0, reason: String? = nil, message: String? = nil, movedTo: String? = nil
    ) {
        self.name = name
        self.sha256 = sha256
        self.status = status
        self.seq = seq
        self.receivedAt = receivedAt
        self.size = size
        self.published = published
        self.source = source
        self.url = url
        self.claims = claims
        self.reason = reason
        self.message = message
        self.movedTo = movedTo
    }

    enum CodingKeys: String, CodingKey {
        case name = "document"
        case sha256 = "document_sha256"
        case status, seq
        case receivedAt = "received_at"
        case size, published, source, url, claims, reason, message
        case movedTo = "moved_to"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
        status = try c.decode(Status.self, forKey: .status)
        seq = try c.decode(UInt64.self, forKey: .seq)
        receivedAt = try c.decodeTimestamp(forKey: .receivedAt)
        size = try c.decodeIfPresent(Int.self, forKey: .size)
        published = try c.decodeIfPresent(PartialDate.self, forKey: .published)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        claims = try c.decode(Int.self, forKey: .claims)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        movedTo = try c.decodeIfPresent(String.self, forKey: .movedTo)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(status, forKey: .status)
        try c.encode(seq, forKey: .seq)
        try c.encodeTimestamp(receivedAt, forKey: .receivedAt)
        try c.encode(size, forKey: .size)
        try c.encode(published, forKey: .published)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(claims, forKey: .claims)
        try c.encode(reason, forKey: .reason)
        try c.encode(message, forKey: .message)
        try c.encode(movedTo, forKey: .movedTo)
    }
}

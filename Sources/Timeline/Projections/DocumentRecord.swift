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
    /// The extractor that last read it: that of its first claim, or of its
    /// last re-extraction; nil when no event says (no claim was found).
    public var extractor: ExtractorInfo?
    /// For a new version of a document (same `url`, other bytes): the
    /// SHA-256 of the version it replaced.
    public var revises: String?
    /// For a version a newer one replaced: that one's SHA-256. Its claims
    /// are superseded.
    public var revisedBy: String?

    public init(
        name: String, sha256: String?, status: Status, seq: UInt64, receivedAt: Date,
        size: Int? = nil, published: PartialDate? = nil, source: String? = nil, url: String? = nil,
        claims: Int = 0, reason: String? = nil, message: String? = nil, movedTo: String? = nil,
        extractor: ExtractorInfo? = nil, revises: String? = nil, revisedBy: String? = nil
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
        self.extractor = extractor
        self.revises = revises
        self.revisedBy = revisedBy
    }

    enum CodingKeys: String, CodingKey {
        case name = "document"
        case sha256 = "document_sha256"
        case status, seq
        case receivedAt = "received_at"
        case size, published, source, url, claims, reason, message
        case movedTo = "moved_to"
        case extractor, revises
        case revisedBy = "revised_by"
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
        extractor = try c.decodeIfPresent(ExtractorInfo.self, forKey: .extractor)
        revises = try c.decodeIfPresent(String.self, forKey: .revises)
        revisedBy = try c.decodeIfPresent(String.self, forKey: .revisedBy)
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
        try c.encode(extractor, forKey: .extractor)
        try c.encode(revises, forKey: .revises)
        try c.encode(revisedBy, forKey: .revisedBy)
    }
}

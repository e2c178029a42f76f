import Foundation

/// A text handed to the extractor: its name, its content, and the date the
/// file carries, which dates the text when nothing inside it does.
public struct Document: Sendable {
    /// The file name, for messages ("000_067b7c23c09b06c2.txt").
    public var name: String
    /// The decoded text.
    public var text: String
    /// The file's modification time, the last resort for the publication date.
    public var modified: Date?

    public init(name: String, text: String, modified: Date? = nil) {
        self.name = name
        self.text = text
        self.modified = modified
    }
}

/// What the extractor makes of a document.
public struct Extraction: Hashable, Sendable, Codable {
    /// When the document was published: from front matter, a dateline, or
    /// the file's modification time, in that order.
    public var published: PartialDate?
    /// Where the date in `published` came from.
    public var publishedFrom: DateSource?
    /// The outlet the front matter names (`Source: BBC`).
    public var source: String?
    /// The address the front matter names (`URL: …`).
    public var url: String?
    /// The claims, in the order of their sentences.
    public var claims: [Claim]

    public init(
        published: PartialDate? = nil, publishedFrom: DateSource? = nil,
        source: String? = nil, url: String? = nil, claims: [Claim] = []
    ) {
        self.published = published
        self.publishedFrom = publishedFrom
        self.source = source
        self.url = url
        self.claims = claims
    }

    enum CodingKeys: String, CodingKey {
        case published
        case publishedFrom = "published_from"
        case source, url, claims
    }
}

/// Where a document's publication date was read.
public struct DateSource: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let frontMatter = DateSource(rawValue: "front_matter")
    public static let dateline = DateSource(rawValue: "dateline")
    public static let fileModified = DateSource(rawValue: "file_modified")
}

/// A text handed to the extractor: its name and its content.
///
/// Nothing about the file dates it: a file's modification time is when it
/// was copied, not when it was written, so only the text (its front matter,
/// a dateline, a "Published" line) can say when it was published.
public struct Document: Sendable {
    /// The file name, for messages ("000_067b7c23c09b06c2.txt").
    public var name: String
    /// The decoded text.
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// What the extractor makes of a document.
public struct Extraction: Hashable, Sendable, Codable {
    /// When the document was published: from front matter, else a dateline
    /// or a "Published" line in the text; nil when nothing in the text
    /// dates it.
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

/// Where a date was read: a document's publication date (front matter, a
/// dateline), or a claim's statement date (the text's own words, or a
/// relative date resolved against the publication date from one of those).
public struct DateSource: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A `Published:` field of the front matter.
    public static let frontMatter = DateSource(rawValue: "front_matter")
    /// A dateline or a "Published"/"Updated" line in the text.
    public static let dateline = DateSource(rawValue: "dateline")
    /// The words of the sentence alone give the whole date, year included.
    public static let text = DateSource(rawValue: "text")
    /// A month and day the sentence gives ("on Oct. 25"), in the latest
    /// year the text names (the conflict's first when it names none), for
    /// a document that does not date itself.
    public static let context = DateSource(rawValue: "context")
    /// The file's modification time. Old events carry it; the extractor no
    /// longer dates anything by it (a copy time is not a publication date).
    public static let fileModified = DateSource(rawValue: "file_modified")
}

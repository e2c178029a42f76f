import ClaimExtraction

/// Which claims a query is about. Every field left nil matches everything.
public struct ClaimFilter: Sendable, Equatable, Codable {
    public var side: Side?
    public var population: Population?
    public var metric: Metric?
    /// A speaker's name: matches the canonical name ignoring case, or any
    /// name containing it ("milley" matches "Mark Milley").
    public var speaker: String?
    /// A document's file name, or a prefix of its SHA-256 (at least 6 digits).
    public var document: String?

    public init(
        side: Side? = nil, population: Population? = nil, metric: Metric? = nil,
        speaker: String? = nil, document: String? = nil
    ) {
        self.side = side
        self.population = population
        self.metric = metric
        self.speaker = speaker
        self.document = document
    }

    /// Whether `record` passes the filter.
    public func matches(_ record: ClaimRecord) -> Bool {
        if let side, record.claim.side != side { return false }
        if let population, record.claim.population != population { return false }
        if let metric, record.claim.metric != metric { return false }
        if let speaker, !Self.speaker(record.claim.speaker, matches: speaker) { return false }
        if let document, !Self.document(name: record.documentName, sha256: record.documentSHA256, matches: document) {
            return false
        }
        return true
    }

    static func speaker(_ name: String?, matches wanted: String) -> Bool {
        guard let name = name?.lowercased() else { return false }
        let wanted = wanted.lowercased()
        return name == wanted || name.contains(wanted)
    }

    static func document(name: String, sha256: String?, matches wanted: String) -> Bool {
        if name == wanted { return true }
        guard let sha256, wanted.count >= 6 else { return false }
        return sha256.hasPrefix(wanted.lowercased())
    }
}

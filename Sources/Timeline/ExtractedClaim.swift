import ClaimExtraction

/// A claim found offline (`timelinectl extract`): the claim's fields with
/// its id and document, as the daemon would record it, but with no seq
/// (nothing was recorded).
public struct ExtractedClaim: Encodable, Sendable {
    public var id: String
    public var documentName: String
    public var documentSHA256: String
    public var published: PartialDate?
    public var extractor: ExtractorInfo
    public var claim: Claim

    public init(
        id: String, documentName: String, documentSHA256: String, published: PartialDate?,
        extractor: ExtractorInfo, claim: Claim
    ) {
        self.id = id
        self.documentName = documentName
        self.documentSHA256 = documentSHA256
        self.published = published
        self.extractor = extractor
        self.claim = claim
    }

    enum CodingKeys: String, CodingKey {
        case id = "claim"
        case documentName = "document"
        case documentSHA256 = "document_sha256"
        case published, extractor
    }

    public func encode(to encoder: any Encoder) throws {
        try claim.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(documentName, forKey: .documentName)
        try c.encode(documentSHA256, forKey: .documentSHA256)
        try c.encode(published, forKey: .published)
        try c.encode(extractor, forKey: .extractor)
    }
}

extension ExtractedClaim {
    /// Writes the claim as `TimelineJSON` encodes it, as the next element
    /// of the array `writer` has open.
    public func write(to writer: inout JSONWriter) {
        writer.element()
        ClaimJSON(
            id: id, documentName: documentName, documentSHA256: documentSHA256, published: published,
            extractor: extractor, claim: claim
        ).write(to: &writer)
    }
}

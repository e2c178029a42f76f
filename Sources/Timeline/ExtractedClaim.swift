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
    /// Writes the claim as `TimelineJSON.encoder(pretty: true)` encodes it,
    /// as the next element of the array `writer` has open: every field,
    /// nulls included, keys sorted, a nil bound of the interval left out.
    public func write(to writer: inout PrettyJSONWriter) {
        writer.element()
        writer.openObject()
        writer.key("claim"); writer.string(id)
        writer.key("document"); writer.string(documentName)
        writer.key("document_sha256"); writer.string(documentSHA256)
        writer.key("extractor")
        writer.openObject()
        writer.key("lexicon"); writer.string(extractor.lexicon)
        writer.key("version"); writer.string(extractor.version)
        writer.closeObject()
        writer.key("high"); writer.int(claim.high)
        writer.key("interval")
        writer.openObject()
        if let lower = claim.interval.lower { writer.key("lower"); writer.int(lower) }
        writer.key("lower_closed"); writer.bool(claim.interval.lowerClosed)
        if let upper = claim.interval.upper { writer.key("upper"); writer.int(upper) }
        writer.key("upper_closed"); writer.bool(claim.interval.upperClosed)
        writer.closeObject()
        writer.key("low"); writer.int(claim.low)
        writer.key("metric"); writer.string(claim.metric.rawValue)
        writer.key("per"); writer.string(claim.per?.rawValue)
        writer.key("population"); writer.string(claim.population.rawValue)
        writer.key("published"); writer.string(published?.iso)
        writer.key("qualifier"); writer.string(claim.qualifier.rawValue)
        writer.key("quote"); writer.string(claim.quote)
        writer.key("reported_by"); writer.string(claim.reportedBy)
        writer.key("side"); writer.string(claim.side.rawValue)
        writer.key("span")
        writer.openObject()
        writer.key("end"); writer.int(claim.span.end)
        writer.key("start"); writer.int(claim.span.start)
        writer.closeObject()
        writer.key("speaker"); writer.string(claim.speaker)
        writer.key("stated_on"); writer.string(claim.statedOn?.iso)
        writer.key("stated_on_precision"); writer.string(claim.statedOn?.precision.rawValue)
        writer.key("stated_on_source"); writer.string(claim.statedOnSource?.rawValue)
        writer.closeObject()
    }
}

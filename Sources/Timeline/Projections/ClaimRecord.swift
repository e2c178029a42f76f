import ClaimExtraction
import Foundation

/// A claim as the timeline holds it: the claim with its id, its place in
/// the log, and the document it leads back to.
///
/// Its JSON is one flat object: the claim's fields (those of
/// shared/corpus/README.md and more) plus `claim` (the id), `seq`,
/// `document` (the file name) and `document_sha256`.
public struct ClaimRecord: Sendable, Equatable, Codable {
    public var id: String
    public var seq: UInt64
    /// The name of the file the claim was found in.
    public var documentName: String
    /// The SHA-256 of that file.
    public var documentSHA256: String
    /// The document's publication date.
    public var published: PartialDate?
    public var recordedAt: Date
    public var extractor: ExtractorInfo
    public var claim: Claim
    /// Set when a person retracted the claim.
    public var retraction: ClaimEdit?
    /// Set when a person corrected the claim: `claim` holds the corrected
    /// fields, this the extracted ones and the latest correction's why,
    /// who and when.
    public var correction: ClaimCorrection?
    /// Set when a later reading of its document replaced the claim.
    public var supersession: ClaimSupersession?

    public init(
        id: String, seq: UInt64, documentName: String, documentSHA256: String,
        published: PartialDate?, recordedAt: Date, extractor: ExtractorInfo, claim: Claim,
        retraction: ClaimEdit? = nil, correction: ClaimCorrection? = nil, supersession: ClaimSupersession? = nil
    ) {
        self.id = id
        self.seq = seq
        self.documentName = documentName
        self.documentSHA256 = documentSHA256
        self.published = published
        self.recordedAt = recordedAt
        self.extractor = extractor
        self.claim = claim
        self.retraction = retraction
        self.correction = correction
        self.supersession = supersession
    }

    /// The date the claim is placed at: when it was stated, else when the
    /// document was published.
    public var effectiveDate: PartialDate? { claim.statedOn ?? published }

    /// Where ``effectiveDate`` comes from: the claim's `stated_on_source`
    /// (`text`, `front_matter`, `dateline`, `context`) when the text dates
    /// the statement, `published` when the document's publication date
    /// stands in for it, `unknown` when there is no date at all.
    public var dateSource: String {
        if claim.statedOn != nil { return claim.statedOnSource?.rawValue ?? "stated" }
        return published == nil ? "unknown" : "published"
    }

    /// Orders claims in time: by effective date (undated first), then by seq.
    public static func chronologically(_ a: ClaimRecord, _ b: ClaimRecord) -> Bool {
        inTimeOrder((a.effectiveDate, a.seq), (b.effectiveDate, b.seq))
    }

    /// The order of ``chronologically(_:_:)``, on a claim's effective date
    /// and seq: the stored rows are ordered by it too.
    static func inTimeOrder(_ a: (date: PartialDate?, seq: UInt64), _ b: (date: PartialDate?, seq: UInt64)) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: return a.seq < b.seq
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "claim"
        case seq
        case documentName = "document"
        case documentSHA256 = "document_sha256"
        case published
        case recordedAt = "recorded_at"
        case extractor
        case retraction = "retracted"
        case correction = "corrected"
        case supersession = "superseded"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        seq = try c.decode(UInt64.self, forKey: .seq)
        documentName = try c.decode(String.self, forKey: .documentName)
        documentSHA256 = try c.decode(String.self, forKey: .documentSHA256)
        published = try c.decodeIfPresent(PartialDate.self, forKey: .published)
        recordedAt = try c.decodeTimestamp(forKey: .recordedAt)
        extractor = try c.decode(ExtractorInfo.self, forKey: .extractor)
        retraction = try c.decodeIfPresent(ClaimEdit.self, forKey: .retraction)
        correction = try c.decodeIfPresent(ClaimCorrection.self, forKey: .correction)
        supersession = try c.decodeIfPresent(ClaimSupersession.self, forKey: .supersession)
        claim = try Claim(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try claim.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(seq, forKey: .seq)
        try c.encode(documentName, forKey: .documentName)
        try c.encode(documentSHA256, forKey: .documentSHA256)
        try c.encode(published, forKey: .published)
        try c.encodeTimestamp(recordedAt, forKey: .recordedAt)
        try c.encode(extractor, forKey: .extractor)
        try c.encodeIfPresent(retraction, forKey: .retraction)
        try c.encodeIfPresent(correction, forKey: .correction)
        try c.encodeIfPresent(supersession, forKey: .supersession)
    }
}

extension ClaimRecord {
    /// Writes the claim as `TimelineJSON` encodes it, as the next value
    /// `writer` expects; the daemon writes its replies so.
    public func write(to writer: inout JSONWriter) {
        json.write(to: &writer)
    }

    var json: ClaimJSON {
        ClaimJSON(
            id: id, documentName: documentName, documentSHA256: documentSHA256, published: published,
            extractor: extractor, claim: claim, recordedAt: recordedAt, retraction: retraction,
            correction: correction, supersession: supersession, seq: seq)
    }
}

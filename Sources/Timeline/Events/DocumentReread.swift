import ClaimExtraction

/// A claim that a later reading of its document replaces: it leaves the
/// views (``Projections`` keeps it, marked superseded, for `claims --all`).
///
/// `{"by":"…","claim":"…"}`: `by` is the claim found in its place, the
/// same quote span and subject found otherwise, or null when the reading
/// found nothing there.
public struct SupersededClaim: Sendable, Equatable, Hashable, Codable {
    public var claim: String
    public var by: String?

    public init(claim: String, by: String? = nil) {
        self.claim = claim
        self.by = by
    }

    /// Writes `by` as null rather than leaving it out, as every optional
    /// field of an event is written.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(claim, forKey: .claim)
        try c.encode(by, forKey: .by)
    }
}

/// The daemon's extractor read a stored document again and found other
/// claims than those in force: `superseded` leave the views, and the
/// `claim.extracted` events that follow it in the same append are the
/// claims found anew. A reading that finds the same claims adds no event.
///
/// `{"document":"…","extractor":{…},"previous_extractor":{…},"superseded":[…]}`.
public struct DocumentReextracted: Sendable, Equatable, Codable {
    /// The SHA-256 of the document read again.
    public var document: String
    /// The extractor that read it before (of its claims, or of its last
    /// re-extraction); nil when no event of the log says (a document
    /// received with no claim).
    public var previousExtractor: ExtractorInfo?
    /// The extractor that read it now, which the claims that follow carry.
    public var extractor: ExtractorInfo
    public var superseded: [SupersededClaim]

    public init(document: String, previousExtractor: ExtractorInfo?, extractor: ExtractorInfo, superseded: [SupersededClaim]) {
        self.document = document
        self.previousExtractor = previousExtractor
        self.extractor = extractor
        self.superseded = superseded
    }

    enum CodingKeys: String, CodingKey {
        case document
        case previousExtractor = "previous_extractor"
        case extractor, superseded
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(previousExtractor, forKey: .previousExtractor)
        try c.encode(extractor, forKey: .extractor)
        try c.encode(superseded, forKey: .superseded)
    }
}

/// A new version of a document: a file whose front matter gives the `url`
/// of a document received before, with other bytes (news sites update
/// their articles). It is received as `document.received` would be (its
/// fields sit beside `previous` and `superseded`), its claims follow it,
/// and the earlier version's claims in force are superseded. Both
/// versions stay in the log, the documents view and state/documents.
///
/// `{"document":"…","name":"…",…,"previous":"…","superseded":[…],"url":"…"}`.
public struct DocumentRevised: Sendable, Equatable {
    /// The new version, as `document.received` would record it.
    public var received: DocumentReceived
    /// The SHA-256 of the version it replaces.
    public var previous: String
    /// The claims of the earlier version in force when this one came
    /// (`by` null: a version replaces its claims as a whole).
    public var superseded: [SupersededClaim]

    public init(received: DocumentReceived, previous: String, superseded: [SupersededClaim]) {
        self.received = received
        self.previous = previous
        self.superseded = superseded
    }
}

extension DocumentRevised: Codable {
    enum CodingKeys: String, CodingKey { case previous, superseded }

    public init(from decoder: any Decoder) throws {
        received = try DocumentReceived(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        previous = try c.decode(String.self, forKey: .previous)
        superseded = try c.decode([SupersededClaim].self, forKey: .superseded)
    }

    public func encode(to encoder: any Encoder) throws {
        try received.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(previous, forKey: .previous)
        try c.encode(superseded, forKey: .superseded)
    }
}

import ClaimExtraction
import Foundation

extension TimelineInterface {
    /// The parameters of `Reextract`: which documents, and whether only to
    /// show what would change.
    public struct ReextractParameters: Sendable, Equatable, Codable {
        /// Names, name prefixes or SHA-256 prefixes of documents.
        public var documents: [String]?
        public var all: Bool?
        public var dryRun: Bool?

        public init(documents: [String]? = nil, all: Bool? = nil, dryRun: Bool? = nil) {
            self.documents = documents
            self.all = all
            self.dryRun = dryRun
        }
    }

    /// A reply of `Reextract`: how far it is, and the documents that
    /// changed since the reply before.
    public struct ReextractReply: Sendable, Equatable, Codable {
        public var done: Int
        public var total: Int
        public var dryRun: Bool
        public var documents: [DocumentDifference]
        /// Documents whose stored bytes could not be read, by name.
        public var unreadable: [String]

        public init(done: Int, total: Int, dryRun: Bool, documents: [DocumentDifference] = [], unreadable: [String] = []) {
            self.done = done
            self.total = total
            self.dryRun = dryRun
            self.documents = documents
            self.unreadable = unreadable
        }

        enum CodingKeys: String, CodingKey {
            case done, total
            case dryRun = "dry_run"
            case documents, unreadable
        }
    }

    /// A re-extraction under way, as `Status` shows it.
    public struct ReextractionProgress: Sendable, Equatable, Codable {
        public var done: Int
        public var total: Int
        public var dryRun: Bool
        public var startedAt: Date

        public init(done: Int, total: Int, dryRun: Bool, startedAt: Date) {
            self.done = done
            self.total = total
            self.dryRun = dryRun
            self.startedAt = startedAt
        }

        enum CodingKeys: String, CodingKey {
            case done, total
            case dryRun = "dry_run"
            case startedAt = "started_at"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            done = try c.decode(Int.self, forKey: .done)
            total = try c.decode(Int.self, forKey: .total)
            dryRun = try c.decode(Bool.self, forKey: .dryRun)
            startedAt = try c.decodeTimestamp(forKey: .startedAt)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(done, forKey: .done)
            try c.encode(total, forKey: .total)
            try c.encode(dryRun, forKey: .dryRun)
            try c.encodeTimestamp(startedAt, forKey: .startedAt)
        }
    }

    /// A field a re-extraction reads otherwise, before and now, as text.
    public struct FieldChange: Sendable, Equatable, Codable {
        public var field: String
        public var old: String?
        public var new: String?

        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }

        /// The fields of `new` that differ from `old`'s, in the order a
        /// claim's fields are listed.
        public static func between(_ old: Claim, _ new: Claim) -> [FieldChange] {
            func text(_ claim: Claim) -> [(String, String?)] {
                [
                    ("side", claim.side.rawValue), ("population", claim.population.rawValue),
                    ("metric", claim.metric.rawValue), ("qualifier", claim.qualifier.rawValue),
                    ("low", String(claim.low)), ("high", claim.high.map(String.init)), ("per", claim.per?.rawValue),
                    ("speaker", claim.speaker), ("reported_by", claim.reportedBy), ("stated_on", claim.statedOn?.iso),
                    ("stated_on_source", claim.statedOnSource?.rawValue),
                ]
            }
            return zip(text(old), text(new)).compactMap { before, after in
                before.1 == after.1 ? nil : FieldChange(field: before.0, old: before.1, new: after.1)
            }
        }
    }

    /// A claim a re-extraction adds, removes or reads otherwise.
    public struct ClaimDifference: Sendable, Equatable, Codable {
        /// Its id; a changed claim's: the one in force.
        public var claim: String
        /// A changed claim's: the id of the claim found in its place.
        public var by: String?
        public var quote: String
        /// As found now; a removed claim's: as extracted before.
        public var fields: ClaimFields
        /// A changed claim's fields, one by one.
        public var changes: [FieldChange]

        public init(claim: String, by: String? = nil, quote: String, fields: ClaimFields, changes: [FieldChange] = []) {
            self.claim = claim
            self.by = by
            self.quote = quote
            self.fields = fields
            self.changes = changes
        }
    }

    /// What reading one document again changes.
    public struct DocumentDifference: Sendable, Equatable, Codable {
        /// The document's file name and SHA-256.
        public var document: String
        public var documentSHA256: String
        public var previousExtractor: ExtractorInfo?
        public var extractor: ExtractorInfo
        /// The seq of its `document.reextracted` event; nil in a dry run.
        public var seq: UInt64?
        public var added: [ClaimDifference]
        public var removed: [ClaimDifference]
        public var changed: [ClaimDifference]

        /// The difference `reextraction` finds, recorded at `seq` (nil: not recorded).
        public init(_ reextraction: Reextraction, seq: UInt64? = nil) {
            document = reextraction.name
            documentSHA256 = reextraction.document
            previousExtractor = reextraction.previousExtractor
            extractor = reextraction.extractor
            self.seq = seq
            added = reextraction.added.map {
                ClaimDifference(claim: $0.id, quote: $0.claim.quote, fields: ClaimFields($0.claim))
            }
            removed = reextraction.removed.map {
                ClaimDifference(claim: $0.id, quote: $0.claim.quote, fields: ClaimFields($0.claim))
            }
            changed = reextraction.changed.map {
                ClaimDifference(
                    claim: $0.old.id, by: $0.new.id, quote: $0.new.claim.quote, fields: ClaimFields($0.new.claim),
                    changes: FieldChange.between($0.old.claim, $0.new.claim))
            }
        }

        enum CodingKeys: String, CodingKey {
            case document
            case documentSHA256 = "document_sha256"
            case previousExtractor = "previous_extractor"
            case extractor, seq, added, removed, changed
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            document = try c.decode(String.self, forKey: .document)
            documentSHA256 = try c.decode(String.self, forKey: .documentSHA256)
            previousExtractor = try c.decodeIfPresent(ExtractorInfo.self, forKey: .previousExtractor)
            extractor = try c.decode(ExtractorInfo.self, forKey: .extractor)
            seq = try c.decodeIfPresent(UInt64.self, forKey: .seq)
            added = try c.decode([ClaimDifference].self, forKey: .added)
            removed = try c.decode([ClaimDifference].self, forKey: .removed)
            changed = try c.decode([ClaimDifference].self, forKey: .changed)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(document, forKey: .document)
            try c.encode(documentSHA256, forKey: .documentSHA256)
            try c.encode(previousExtractor, forKey: .previousExtractor)
            try c.encode(extractor, forKey: .extractor)
            try c.encode(seq, forKey: .seq)
            try c.encode(added, forKey: .added)
            try c.encode(removed, forKey: .removed)
            try c.encode(changed, forKey: .changed)
        }
    }

    /// The parameters of `ClaimSuperseded`.
    public struct ClaimSuperseded: Sendable, Equatable, Codable {
        public var claim: String
        public var by: String?
        public var message: String

        public init(claim: String, by: String?, message: String) {
            self.claim = claim
            self.by = by
            self.message = message
        }
    }

    /// The parameters of `ReextractionRunning`.
    public struct ReextractionRunning: Sendable, Equatable, Codable {
        public var done: Int
        public var total: Int

        public init(done: Int, total: Int) {
            self.done = done
            self.total = total
        }
    }
}

import ClaimExtraction

/// One statement: a speaker's figure for a quantity on one occasion, with
/// every document that reports it (``StatementRule``), and the statements
/// of the same occasion whose reports give another figure.
///
/// Its JSON is its first report's claim (``ClaimRecord``) with
/// `statement` (that claim's id), `date`, `date_source`, `reports` (the
/// number of documents), `report_claims`, `report_documents` and
/// `conflicts` beside its fields.
public struct Statement: Sendable, Equatable, Codable {
    /// The first report: the statement's figure, speaker and date.
    public var record: ClaimRecord
    /// Every report's claim id, the first report's first.
    public var reportClaims: [String]
    /// The documents reporting it, each once, in the order of its reports.
    public var reportDocuments: [String]
    /// Statements of the same occasion whose figure contradicts this one.
    public var conflicts: [Conflict]

    /// The statement's id: its first report's claim id.
    public var id: String { record.id }

    public init(record: ClaimRecord, reportClaims: [String], reportDocuments: [String], conflicts: [Conflict] = []) {
        self.record = record
        self.reportClaims = reportClaims
        self.reportDocuments = reportDocuments
        self.conflicts = conflicts
    }

    /// Another statement's figure for the same speaker, quantity and occasion.
    public struct Conflict: Sendable, Equatable, Codable {
        public var statement: String
        public var qualifier: Qualifier
        public var low: Int
        public var high: Int?
        public var documents: [String]

        public init(statement: String, qualifier: Qualifier, low: Int, high: Int?, documents: [String]) {
            self.statement = statement
            self.qualifier = qualifier
            self.low = low
            self.high = high
            self.documents = documents
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(statement, forKey: .statement)
            try c.encode(qualifier, forKey: .qualifier)
            try c.encode(low, forKey: .low)
            try c.encode(high, forKey: .high)
            try c.encode(documents, forKey: .documents)
        }
    }

    enum CodingKeys: String, CodingKey {
        case statement, date
        case dateSource = "date_source"
        case reports
        case reportClaims = "report_claims"
        case reportDocuments = "report_documents"
        case conflicts
    }

    public init(from decoder: any Decoder) throws {
        record = try ClaimRecord(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reportClaims = try c.decode([String].self, forKey: .reportClaims)
        reportDocuments = try c.decode([String].self, forKey: .reportDocuments)
        conflicts = try c.decode([Conflict].self, forKey: .conflicts)
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record.id, forKey: .statement)
        try c.encode(record.effectiveDate, forKey: .date)
        try c.encode(record.dateSource, forKey: .dateSource)
        try c.encode(reportDocuments.count, forKey: .reports)
        try c.encode(reportClaims, forKey: .reportClaims)
        try c.encode(reportDocuments, forKey: .reportDocuments)
        try c.encode(conflicts, forKey: .conflicts)
    }
}

extension Statement {
    /// Writes the statement as `TimelineJSON` encodes it, as the next
    /// value `writer` expects.
    public func write(to writer: inout JSONWriter) {
        func strings(_ values: [String]) -> ClaimJSON.Extra.Value {
            .written { writer in
                writer.openArray()
                for value in values {
                    writer.element()
                    writer.string(value)
                }
                writer.closeArray()
            }
        }
        let conflicts = self.conflicts
        record.json.write(to: &writer, extras: [
            .init(key: "conflicts", value: .written { writer in
                writer.openArray()
                for conflict in conflicts {
                    writer.element()
                    writer.openObject()
                    writer.key("documents"); strings(conflict.documents).write(to: &writer)
                    writer.key("high"); writer.int(conflict.high)
                    writer.key("low"); writer.int(conflict.low)
                    writer.key("qualifier"); writer.string(conflict.qualifier.rawValue)
                    writer.key("statement"); writer.string(conflict.statement)
                    writer.closeObject()
                }
                writer.closeArray()
            }),
            .init(key: "date", value: .string(record.effectiveDate?.iso)),
            .init(key: "date_source", value: .string(record.dateSource)),
            .init(key: "report_claims", value: strings(reportClaims)),
            .init(key: "report_documents", value: strings(reportDocuments)),
            .init(key: "reports", value: .int(reportDocuments.count)),
            .init(key: "statement", value: .string(record.id)),
        ])
    }
}

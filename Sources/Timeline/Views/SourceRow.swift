import ClaimExtraction

/// One source's latest estimate of a quantity, as `sources` and `latest`
/// list it: the claim, where its date comes from, how many documents
/// report the statement, and how many other sources disagree.
///
/// Its JSON is the claim's (``ClaimRecord``) with `date`, `date_source`,
/// `reports` and `disagreeing` beside its fields.
public struct SourceRow: Sendable, Equatable, Codable {
    /// The source's latest claim; its `speaker` is the source (nil: unattributed).
    public var record: ClaimRecord
    /// The number of documents reporting the statement the claim belongs
    /// to (``StatementRule``).
    public var reports: Int
    /// How many other sources' latest estimates of the same quantity and
    /// rate contradict this one (``ClaimExtraction/Claim/disagrees(with:)``).
    public var disagreeing: Int

    public init(record: ClaimRecord, reports: Int, disagreeing: Int) {
        self.record = record
        self.reports = reports
        self.disagreeing = disagreeing
    }

    enum CodingKeys: String, CodingKey {
        case date
        case dateSource = "date_source"
        case reports, disagreeing
    }

    public init(from decoder: any Decoder) throws {
        record = try ClaimRecord(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reports = try c.decode(Int.self, forKey: .reports)
        disagreeing = try c.decode(Int.self, forKey: .disagreeing)
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record.effectiveDate, forKey: .date)
        try c.encode(record.dateSource, forKey: .dateSource)
        try c.encode(reports, forKey: .reports)
        try c.encode(disagreeing, forKey: .disagreeing)
    }
}

extension SourceRow {
    /// Writes the row as `TimelineJSON` encodes it, as the next value
    /// `writer` expects.
    public func write(to writer: inout JSONWriter) {
        record.json.write(to: &writer, extras: [
            .init(key: "date", value: .string(record.effectiveDate?.iso)),
            .init(key: "date_source", value: .string(record.dateSource)),
            .init(key: "disagreeing", value: .int(disagreeing)),
            .init(key: "reports", value: .int(reports)),
        ])
    }
}

/// One numeric loss estimate found in a document: whose losses, of whom,
/// of what kind, how many, how hedged, who said it and when — and the
/// sentence it came from, so that every number leads back to its source.
public struct Claim: Hashable, Sendable, Codable {
    public var side: Side
    public var population: Population
    public var metric: Metric
    public var qualifier: Qualifier
    /// The figure, or a range's lower bound.
    public var low: Int
    /// A range's upper bound; nil otherwise.
    public var high: Int?
    /// The unit of a rate ("800 killed daily"); nil for a total.
    public var per: Rate?
    /// The estimate as an interval, derived from `qualifier`, `low` and `high`.
    public var interval: Interval
    /// Who made the estimate, by canonical name; nil when the text gives none.
    public var speaker: String?
    /// The outlet that relayed the estimate ("BBC"), when the text names one.
    public var reportedBy: String?
    /// When the estimate was made, as far as the text makes it known; nil
    /// when the text does not fix it (a plain "said" is not enough).
    public var statedOn: PartialDate?
    /// Where `statedOn` came from: ``DateSource/text`` when the words give
    /// the whole date, else the source of the publication date a relative
    /// date ("on Monday", "in August") was resolved against
    /// (``DateSource/frontMatter``, ``DateSource/dateline``), or
    /// ``DateSource/context`` for a year taken from the text's other dates.
    /// Nil when `statedOn` is nil.
    public var statedOnSource: DateSource?
    /// The sentence the claim comes from, exactly as in the text.
    public var quote: String
    /// The UTF-8 byte offsets of `quote` in the document.
    public var span: ByteSpan

    public init(
        side: Side, population: Population, metric: Metric,
        qualifier: Qualifier, low: Int, high: Int? = nil, per: Rate? = nil,
        speaker: String? = nil, reportedBy: String? = nil, statedOn: PartialDate? = nil,
        statedOnSource: DateSource? = nil, quote: String, span: ByteSpan
    ) {
        self.side = side
        self.population = population
        self.metric = metric
        self.qualifier = qualifier
        self.low = low
        self.high = high
        self.per = per
        self.interval = Interval(qualifier: qualifier, low: low, high: high)
        self.speaker = speaker
        self.reportedBy = reportedBy
        self.statedOn = statedOn
        self.statedOnSource = statedOn == nil ? nil : statedOnSource
        self.quote = quote
        self.span = span
    }

    enum CodingKeys: String, CodingKey {
        case side, population, metric, qualifier, low, high, per, interval, speaker
        case reportedBy = "reported_by"
        case statedOn = "stated_on"
        case statedOnPrecision = "stated_on_precision"
        case statedOnSource = "stated_on_source"
        case quote, span
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        side = try c.decode(Side.self, forKey: .side)
        population = try c.decode(Population.self, forKey: .population)
        metric = try c.decode(Metric.self, forKey: .metric)
        qualifier = try c.decode(Qualifier.self, forKey: .qualifier)
        low = try c.decode(Int.self, forKey: .low)
        high = try c.decodeIfPresent(Int.self, forKey: .high)
        per = try c.decodeIfPresent(Rate.self, forKey: .per)
        interval = try c.decodeIfPresent(Interval.self, forKey: .interval)
            ?? Interval(qualifier: qualifier, low: low, high: high)
        speaker = try c.decodeIfPresent(String.self, forKey: .speaker)
        reportedBy = try c.decodeIfPresent(String.self, forKey: .reportedBy)
        statedOn = try c.decodeIfPresent(PartialDate.self, forKey: .statedOn)
        // Claims recorded before the field existed say nothing of it.
        statedOnSource = try c.decodeIfPresent(DateSource.self, forKey: .statedOnSource)
        quote = try c.decode(String.self, forKey: .quote)
        span = try c.decode(ByteSpan.self, forKey: .span)
    }

    /// Every field is written, nulls included, so that a reader in any
    /// language sees one shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(side, forKey: .side)
        try c.encode(population, forKey: .population)
        try c.encode(metric, forKey: .metric)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(low, forKey: .low)
        try c.encode(high, forKey: .high)
        try c.encode(per, forKey: .per)
        try c.encode(interval, forKey: .interval)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(reportedBy, forKey: .reportedBy)
        try c.encode(statedOn, forKey: .statedOn)
        try c.encode(statedOn?.precision, forKey: .statedOnPrecision)
        try c.encode(statedOnSource, forKey: .statedOnSource)
        try c.encode(quote, forKey: .quote)
        try c.encode(span, forKey: .span)
    }
}

/// A half-open range of UTF-8 byte offsets in a document's text.
public struct ByteSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span ends before it starts")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }
    public var description: String { "\(start)..<\(end)" }
}

extension TimelineInterface {
    /// A method's parameters with `asOf`: the view as it stood at a point
    /// of the log's past (``AsOfPoint``), or now when it is nil.
    public struct AsOfParameters<Parameters: Codable & Sendable & Equatable>: Sendable, Equatable, Codable {
        public var parameters: Parameters
        /// A seq, a date or a timestamp, as ``AsOfPoint`` reads it.
        public var asOf: String?

        public init(_ parameters: Parameters, asOf: String? = nil) {
            self.parameters = parameters
            self.asOf = asOf
        }

        enum CodingKeys: String, CodingKey { case asOf }

        public init(from decoder: any Decoder) throws {
            parameters = try Parameters(from: decoder)
            asOf = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .asOf)
        }

        public func encode(to encoder: any Encoder) throws {
            try parameters.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(asOf, forKey: .asOf)
        }
    }
}

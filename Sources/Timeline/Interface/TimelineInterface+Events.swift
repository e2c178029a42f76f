extension TimelineInterface {
    /// The parameters of `Events`.
    public struct EventsParameters: Sendable, Equatable, Codable {
        /// Send the events after this seq (0, or absent, for all).
        public var after: UInt64?
        /// Keep sending new events as they become durable.
        public var follow: Bool?

        public init(after: UInt64? = nil, follow: Bool? = nil) {
            self.after = after
            self.follow = follow
        }
    }

    /// One reply of `Events`: an event as `timelinectl events` prints it
    /// (``EventCodec/encodeForDisplay(_:)``: the envelope with its `seq`),
    /// or none in the reply that ends a stream with nothing more to send.
    public struct EventsReply: Sendable, Equatable, Encodable {
        public var event: Event?

        public init(event: Event?) {
            self.event = event
        }

        enum CodingKeys: String, CodingKey { case event }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let event {
                try c.encode(EventCodec.Envelope(event: event, includeSeq: true), forKey: .event)
            }
        }
    }
}

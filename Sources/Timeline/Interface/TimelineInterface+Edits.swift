import ClaimExtraction
import Foundation

extension TimelineInterface {
    /// The parameters of `Retract`.
    public struct RetractParameters: Sendable, Equatable, Codable {
        /// The claim's id, or a unique start of it.
        public var claim: String
        public var reason: String

        public init(claim: String, reason: String) {
            self.claim = claim
            self.reason = reason
        }
    }

    /// The parameters of `Correct`: the claim, why, and the fields to set
    /// or (`clear`) to empty.
    public struct CorrectParameters: Sendable, Equatable, Codable {
        public var claim: String
        public var reason: String
        public var side: String?
        public var population: String?
        public var metric: String?
        public var qualifier: String?
        public var low: Int?
        public var high: Int?
        public var per: String?
        public var speaker: String?
        public var statedOn: String?
        /// Fields to empty: ``clearable``.
        public var clear: [String]?

        /// The fields `clear` may name.
        public static let clearable = ["high", "per", "speaker", "stated_on"]

        public init(
            claim: String, reason: String, side: String? = nil, population: String? = nil, metric: String? = nil,
            qualifier: String? = nil, low: Int? = nil, high: Int? = nil, per: String? = nil, speaker: String? = nil,
            statedOn: String? = nil, clear: [String]? = nil
        ) {
            self.claim = claim
            self.reason = reason
            self.side = side
            self.population = population
            self.metric = metric
            self.qualifier = qualifier
            self.low = low
            self.high = high
            self.per = per
            self.speaker = speaker
            self.statedOn = statedOn
            self.clear = clear
        }

        enum CodingKeys: String, CodingKey {
            case claim, reason, side, population, metric, qualifier, low, high, per, speaker
            case statedOn = "stated_on"
            case clear
        }

        /// The changes asked for, their values checked: a qualifier and a
        /// rate of the claims' vocabulary, figures not below zero, a date
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a field not both set and
        /// cleared. Sides, populations and metrics are checked by the
        /// daemon, against the lexicon's.
        ///
        /// - Throws: ``FilterError`` naming the parameter at fault.
        public func changes() throws(FilterError) -> ClaimChanges {
            let clear = Set(self.clear ?? [])
            for field in clear where !Self.clearable.contains(field) {
                throw FilterError(
                    parameter: "clear",
                    message: "'\(field)' cannot be cleared (only \(Self.clearable.joined(separator: ", ")) can)")
            }
            func pick<T>(_ value: T?, _ field: String) throws(FilterError) -> T?? {
                if clear.contains(field) {
                    guard value == nil else {
                        throw FilterError(parameter: field, message: "\(field) is both given and cleared")
                    }
                    return .some(nil)
                }
                return value.map { .some($0) }
            }
            if let qualifier, !Self.qualifiers.contains(qualifier) {
                throw FilterError(
                    parameter: "qualifier",
                    message: "unknown qualifier '\(qualifier)' (known: \(Self.qualifiers.joined(separator: ", ")))")
            }
            if let per, !Self.rates.contains(per) {
                throw FilterError(parameter: "per", message: "unknown per '\(per)' (known: \(Self.rates.joined(separator: ", ")); a total has none)")
            }
            for (field, value) in [("low", low), ("high", high)] {
                if let value, value < 0 { throw FilterError(parameter: field, message: "\(field) cannot be below zero: \(value)") }
            }
            if let speaker, ClaimFilter.words(speaker).isEmpty {
                throw FilterError(parameter: "speaker", message: "a speaker needs a word of a name, not '\(speaker)'")
            }
            var date: PartialDate?
            if let statedOn {
                guard let parsed = PartialDate(iso: statedOn) else {
                    throw FilterError(parameter: "stated_on", message: "stated_on takes YYYY, YYYY-MM or YYYY-MM-DD, not '\(statedOn)'")
                }
                date = parsed
            }
            return ClaimChanges(
                side: side.map { Side($0) }, population: population.map { Population($0) },
                metric: metric.map { Metric($0) }, qualifier: qualifier.map { Qualifier($0) }, low: low,
                high: try pick(high, "high"), per: try pick(per.map { Rate($0) }, "per"),
                speaker: try pick(speaker, "speaker"), statedOn: try pick(date, "stated_on"))
        }

        /// The hedges a claim may have.
        public static let qualifiers = [
            Qualifier.exact, .approximately, .atLeast, .wellOver, .atMost, .nearly, .range,
        ].map(\.rawValue)
        /// The rates a claim may be given in.
        public static let rates = [Rate.day, .week, .month].map(\.rawValue)
    }

    /// The reply of `Retract` and `Correct`: the claim as it stands now.
    public struct EditReply: Sendable, Equatable, Codable {
        public var claim: ClaimRecord
        public init(claim: ClaimRecord) { self.claim = claim }
    }

    /// The parameters of `PermissionDenied`.
    public struct PermissionDenied: Sendable, Equatable, Codable {
        /// The method refused, fully qualified.
        public var method: String
        /// The caller's uid, when the socket reported one.
        public var uid: UInt32?
        /// The editors group, when one is configured.
        public var group: String?

        public init(method: String, uid: UInt32?, group: String?) {
            self.method = method
            self.uid = uid
            self.group = group
        }
    }

    /// The parameters of `NoSuchClaim`.
    public struct NoSuchClaim: Sendable, Equatable, Codable {
        public var claim: String
        public var message: String

        public init(claim: String, message: String) {
            self.claim = claim
            self.message = message
        }
    }

    /// The parameters of `ClaimRetracted`.
    public struct ClaimRetracted: Sendable, Equatable, Codable {
        public var claim: String
        public var reason: String

        public init(claim: String, reason: String) {
            self.claim = claim
            self.reason = reason
        }
    }
}

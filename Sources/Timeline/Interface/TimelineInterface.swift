import ClaimExtraction
import Foundation

/// The `io.timelined.Timeline` Varlink interface: its description in
/// Varlink's interface definition language, and the parameter and reply
/// types that the daemon and `timelinectl` share.
public enum TimelineInterface {
    public static let name = "io.timelined.Timeline"

    /// Method names, fully qualified.
    public enum Method {
        public static let status = "io.timelined.Timeline.Status"
        public static let latest = "io.timelined.Timeline.Latest"
        public static let history = "io.timelined.Timeline.History"
        public static let claims = "io.timelined.Timeline.Claims"
        public static let sources = "io.timelined.Timeline.Sources"
        public static let statements = "io.timelined.Timeline.Statements"
        public static let chart = "io.timelined.Timeline.Chart"
        public static let documents = "io.timelined.Timeline.Documents"
        public static let verify = "io.timelined.Timeline.Verify"
        public static let events = "io.timelined.Timeline.Events"
        public static let retract = "io.timelined.Timeline.Retract"
        public static let correct = "io.timelined.Timeline.Correct"
        public static let reextract = "io.timelined.Timeline.Reextract"

        /// The methods that change the timeline (``reextract`` too, whose
        /// dry run costs the daemon as much as a run): only root, the
        /// daemon's user and the editors group may call them.
        public static let editing: Set<String> = [retract, correct, reextract]
    }

    /// Error names, fully qualified.
    public enum Error {
        public static let invalidParameter = "io.timelined.Timeline.InvalidParameter"
        public static let permissionDenied = "io.timelined.Timeline.PermissionDenied"
        public static let noSuchClaim = "io.timelined.Timeline.NoSuchClaim"
        public static let claimRetracted = "io.timelined.Timeline.ClaimRetracted"
        public static let claimSuperseded = "io.timelined.Timeline.ClaimSuperseded"
        public static let reextractionRunning = "io.timelined.Timeline.ReextractionRunning"
    }

    /// The fields of a claim, which every type that carries one repeats:
    /// Varlink's types do not extend one another.
    private static let claimFields = """
          claim: string,
          seq: int,
          document: string,
          document_sha256: string,
          published: ?string,
          recorded_at: string,
          side: string,
          population: string,
          metric: string,
          qualifier: string,
          low: int,
          high: ?int,
          per: ?string,
          interval: Interval,
          speaker: ?string,
          reported_by: ?string,
          stated_on: ?string,
          stated_on_precision: ?string,
          stated_on_source: ?string,
          quote: string,
          span: Span,
          extractor: Extractor,
          retracted: ?Retraction,
          corrected: ?Correction,
          superseded: ?Supersession
        """

    /// The parameters of every claim query (``ClaimFilter``).
    private static let filterParameters = """
          side: ?string,
          population: ?string,
          metric: ?string,
          speaker: ?string,
          document: ?string,
          per: ?string,
          since: ?string,
          until: ?string
        """

    /// The interface description served by `org.varlink.service.GetInterfaceDescription`.
    public static let description = """
        # The timeline of numeric claims found in news: who said how many were
        # lost, when, and in which sentence of which document.
        interface io.timelined.Timeline

        # An estimate as an interval; a missing bound is unbounded.
        type Interval (
          lower: ?int,
          lower_closed: bool,
          upper: ?int,
          upper_closed: bool
        )

        # UTF-8 byte offsets of the quote in its document, end excluded.
        type Span (start: int, end: int)

        # The extractor that found a claim, and the SHA-256 of its lexicon.
        type Extractor (version: string, lexicon: string)

        # A person's retraction of a claim: why, who (uid and user name as
        # the socket's peer credentials gave them; null in an event that did
        # not record them), when, and the event's seq.
        type Retraction (
          reason: string,
          uid: ?int,
          user: ?string,
          at: string,
          seq: int
        )

        # A claim's fields as the extractor found them, before a correction.
        type ExtractedFields (
          side: string,
          population: string,
          metric: string,
          qualifier: string,
          low: int,
          high: ?int,
          per: ?string,
          speaker: ?string,
          stated_on: ?string,
          stated_on_precision: ?string,
          stated_on_source: ?string
        )

        # A person's correction of a claim: the latest correction's reason,
        # who and when, and the fields as extracted. The claim's own fields
        # are the corrected ones.
        type Correction (
          reason: string,
          uid: ?int,
          user: ?string,
          at: string,
          seq: int,
          original: ExtractedFields
        )

        # A later reading of a claim's document that replaced it: reason
        # reextracted (a newer extractor or lexicon read the same bytes) or
        # revised (a new version of the document, same url, other bytes);
        # document, the SHA-256 of the document read (the new version's);
        # by, the claim found in its place (same quote span and subject),
        # null when none; at and seq, the event's.
        type Supersession (
          reason: string,
          document: string,
          by: ?string,
          at: string,
          seq: int
        )

        # One claim. side, population, metric and qualifier take the values of
        # the lexicon (russia, ukraine, both; military, civilian; killed,
        # wounded, casualties, missing, captured, refugees; exact,
        # approximately, at_least, well_over, at_most, nearly, range).
        # stated_on_source says where stated_on came from: text (the words
        # give the whole date), front_matter or dateline (a relative date
        # resolved against the publication date read there), context (the
        # year of the text's other dates), correction (a person set it);
        # null when stated_on is null. retracted and corrected are set when
        # a person retracted or corrected the claim; superseded when a later
        # reading of its document replaced it (only claims with all show
        # such claims).
        type Claim (
        \(claimFields)
        )

        # A claim in a speaker's history, with how it moved from the
        # statement before: first, restated, raised, lowered or revised; or
        # reported_again, another report of the same statement; or
        # retracted, a claim a person retracted (shown with its reason, not
        # counted as a statement).
        type Entry (
        \(claimFields),
          change: string
        )

        # One speaker's estimates of one quantity and rate (per: null for
        # totals), statement by statement, oldest first.
        type Series (
          speaker: string,
          side: string,
          population: string,
          metric: string,
          per: ?string,
          entries: []Entry
        )

        # One source's latest estimate: a claim (speaker null: unattributed)
        # with date (stated_on, else the document's published) and
        # date_source (text, front_matter, dateline, context: where
        # stated_on came from; published: the publication date stands in;
        # unknown: no date), reports (documents reporting the statement)
        # and disagreeing (other sources of the quantity and rate whose
        # estimate contradicts it).
        type Source (
        \(claimFields),
          date: ?string,
          date_source: string,
          reports: int,
          disagreeing: int
        )

        # Another statement of the same speaker, quantity and occasion whose
        # figure contradicts a statement's.
        type Conflict (
          statement: string,
          qualifier: string,
          low: int,
          high: ?int,
          documents: []string
        )

        # One statement: its first report's claim, with statement (that
        # claim's id), date, date_source, reports (the number of documents
        # reporting it), report_claims, report_documents and conflicts.
        type Statement (
        \(claimFields),
          statement: string,
          date: ?string,
          date_source: string,
          reports: int,
          report_claims: []string,
          report_documents: []string,
          conflicts: []Conflict
        )

        # A file the daemon took (status "received") or refused ("rejected").
        # claims: those in force. extractor: the one that last read it (of
        # its first claim or its last re-extraction; null when no event
        # says). revises, revised_by: the SHA-256s of the version it
        # replaced and of the one that replaced it (same url, other bytes).
        type Document (
          document: string,
          document_sha256: ?string,
          status: string,
          seq: int,
          received_at: string,
          size: ?int,
          published: ?string,
          source: ?string,
          url: ?string,
          claims: int,
          reason: ?string,
          message: ?string,
          moved_to: ?string,
          extractor: ?Extractor,
          revises: ?string,
          revised_by: ?string
        )

        # state: idle, busy, waiting (files held back: still being
        # written, or met with a temporary failure) or paused (ingestion
        # waits for the disk to have room again).
        type Inbox (path: string, pending: int, state: string)

        type Log (last_seq: int, chain_head: string)

        # The daemon's state. (Types and methods share one namespace, so
        # the type cannot be called Status.)
        type DaemonStatus (
          version: string,
          extractor: Extractor,
          documents: int,
          rejected: int,
          claims: int,
          log: Log,
          inbox: Inbox,
          started_at: string,
          reextraction: ?Reextraction
        )

        # A re-extraction under way: documents read of those it reads, and
        # whether it is a dry run.
        type Reextraction (done: int, total: int, dry_run: bool, started_at: string)

        # What the daemon is doing and holds.
        method Status() -> (status: DaemonStatus)

        # The filters every claim query takes. speaker: whole words of a
        # speaker's name, any case ("US" matches "US officials", not
        # "Russian government"). document: a file name, a prefix of one
        # file's name, or a SHA-256 prefix of 6 hex digits or more. per: day,
        # week or month for rates, total for figures that are not rates.
        # since, until: YYYY, YYYY-MM or YYYY-MM-DD, on a claim's date
        # (stated_on, else published; an undated claim is left out).

        # asOf, which Latest, History, Claims and Documents take: the views
        # as they stood when the log reached a seq (digits), the end of a
        # day (YYYY-MM-DD, UTC) or a time (RFC 3339): the last event
        # recorded at or before it. Nothing recorded after it applies,
        # corrections and retractions included. Their replies then carry
        # as_of, the seq and recorded_at of that last event. A point before
        # the log's first event, after its last seq, later than now or not
        # readable: InvalidParameter, parameter asOf.
        type AsOf (seq: int, recorded_at: string)

        # For each side, population and metric, the latest estimate (by
        # date, then seq; an undated claim never before a dated one) as the
        # first row of Sources: totals unless per asks for a rate. With
        # speaker, that speaker's latest.
        method Latest(
        \(filterParameters),
          asOf: ?string
        ) -> (claims: []Source, as_of: ?AsOf)

        # For each side, population, metric and rate, every source's latest
        # estimate, one per speaker and one for unattributed claims, newest
        # first.
        method Sources(
        \(filterParameters)
        ) -> (sources: []Source)

        # The statements that claims report (one statement reported by
        # several documents counts once); with conflicts, only those whose
        # reports contradict another statement of the same occasion.
        method Statements(
        \(filterParameters),
          conflicts: ?bool
        ) -> (statements: []Statement)

        # One quantity's total estimates over time as an SVG document
        # (SVGChart): side, population and metric are needed, per is
        # total, document is not taken. Drawn by the daemon, which holds
        # the claims, so that a chart of thousands of claims sends the
        # drawing, not the claims.
        method Chart(
        \(filterParameters)
        ) -> (svg: string)

        # Each speaker's estimates over time, statement by statement.
        method History(
        \(filterParameters),
          asOf: ?string
        ) -> (series: []Series, as_of: ?AsOf)

        # Every standing claim, in seq order; with all, the retracted ones
        # too. Called with more, the claims come in replies of up to 1000
        # each, the last without continues.
        method Claims(
        \(filterParameters),
          all: ?bool,
          asOf: ?string
        ) -> (claims: []Claim, as_of: ?AsOf)

        # Retracts a claim: it leaves every view but claims with all and
        # history, where it is shown retracted with the reason. claim: its
        # id, or the start of it (6 hex digits or more) when that is one
        # claim's. Only root, the daemon's user and the members of the
        # editors group (editors_group in timelined.yaml) may call it.
        method Retract(claim: string, reason: string) -> (claim: Claim)

        # Corrects fields of a claim; the fields not given stay. clear lists
        # the fields to empty: high (a range becomes one figure), per (a
        # rate becomes a total), speaker, stated_on. side, population,
        # metric, qualifier and per take the values claims take; stated_on
        # is YYYY, YYYY-MM or YYYY-MM-DD. Called as Retract may be.
        method Correct(
          claim: string,
          reason: string,
          side: ?string,
          population: ?string,
          metric: ?string,
          qualifier: ?string,
          low: ?int,
          high: ?int,
          per: ?string,
          speaker: ?string,
          stated_on: ?string,
          clear: ?[]string
        ) -> (claim: Claim)

        # A field a re-extraction reads otherwise: its value before and now,
        # as text (null: none).
        type FieldChange (field: string, old: ?string, new: ?string)

        # A claim a re-extraction adds, removes or reads otherwise. claim:
        # its id (a changed claim's: the one in force); by: the id of the
        # claim found in a changed one's place; fields: as found now (a
        # removed claim's: as extracted before); changes: a changed claim's
        # fields, one by one (empty for the others).
        type ClaimDifference (
          claim: string,
          by: ?string,
          quote: string,
          fields: ExtractedFields,
          changes: []FieldChange
        )

        # What reading one document again changes; seq: its
        # document.reextracted event's, null in a dry run.
        type DocumentDifference (
          document: string,
          document_sha256: string,
          previous_extractor: ?Extractor,
          extractor: Extractor,
          seq: ?int,
          added: []ClaimDifference,
          removed: []ClaimDifference,
          changed: []ClaimDifference
        )

        # Reads stored documents again with the daemon's extractor and
        # lexicon as they are now: documents (names, name prefixes or
        # SHA-256 prefixes, as Documents takes) or all (every received
        # document but versions a newer one replaced). For each whose claims
        # change it appends document.reextracted and the claims found anew;
        # the claims no longer found, or found otherwise, are superseded (a
        # person's correction or retraction passes to the claim found at
        # the same quote span with the same subject). A document whose
        # claims are found again adds nothing. With dryRun nothing is
        # appended. Called with more, a reply comes after each few
        # documents, with the documents that changed since the one before
        # and done of total; the last reply has no continues. Ingestion goes
        # on meanwhile; Status shows the progress. One at a time
        # (ReextractionRunning); called as Retract may be.
        method Reextract(
          documents: ?[]string,
          all: ?bool,
          dryRun: ?bool
        ) -> (
          done: int,
          total: int,
          dry_run: bool,
          documents: []DocumentDifference,
          unreadable: []string
        )

        # Every document received or rejected; document is a file name or a
        # SHA-256 prefix.
        method Documents(document: ?string, asOf: ?string) -> (documents: []Document, as_of: ?AsOf)

        # Damage a check of the log found, and where.
        type VerifyFault (
          code: string,
          message: string,
          segment: ?string,
          offset: ?int,
          seq: ?int
        )

        # Bytes at the end of the last segment that hold no whole batch of
        # records: what a crash leaves. Opening the log cuts them.
        type TornTail (
          segment: string,
          offset: int,
          bytes: int,
          records: int,
          reason: string
        )

        # What a walk over every record of the log found.
        type VerifyReport (
          records: int,
          segments: int,
          sealed_segments: int,
          last_seq: int,
          chain_head: string,
          torn_tail: ?TornTail,
          faults: []VerifyFault
        )

        # Walks every record of the log: framing, CRCs, seqs, the hash chain
        # and the seals of full segments.
        method Verify() -> (report: VerifyReport)

        # The events after a seq (all of them by default), one per reply, each
        # with its seq; call with more. Without follow the last reply (without
        # continues) carries the last event. With follow, new events are sent
        # as they become durable until the daemon stops, which ends the stream
        # with a reply carrying none.
        method Events(after: ?int, follow: ?bool) -> (event: ?object)

        # A parameter has a value the daemon does not know.
        error InvalidParameter (parameter: string, message: string)

        # The caller may not change the timeline: only root, the daemon's
        # user and the members of editors_group may (group: null when none
        # is configured).
        error PermissionDenied (method: string, uid: ?int, group: ?string)

        # No claim has this id, or more than one starts with it.
        error NoSuchClaim (claim: string, message: string)

        # The claim was retracted: it can be neither retracted again nor
        # corrected.
        error ClaimRetracted (claim: string, reason: string)

        # A later reading of the claim's document replaced it: it can be
        # neither retracted nor corrected (by: the claim in its place).
        error ClaimSuperseded (claim: string, by: ?string, message: string)

        # A re-extraction is under way; one runs at a time.
        error ReextractionRunning (done: int, total: int)

        """

    /// The parameters of `Claims`: a filter, and whether retracted claims
    /// are wanted too.
    public struct ClaimsParameters: Sendable, Equatable, Codable {
        public var filter: ClaimFilter
        public var all: Bool

        public init(filter: ClaimFilter = ClaimFilter(), all: Bool = false) {
            self.filter = filter
            self.all = all
        }

        enum CodingKeys: String, CodingKey { case all }

        public init(from decoder: any Decoder) throws {
            filter = try ClaimFilter(from: decoder)
            all = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Bool.self, forKey: .all) ?? false
        }

        public func encode(to encoder: any Encoder) throws {
            try filter.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            if all { try c.encode(all, forKey: .all) }
        }
    }

    /// The parameters of `Documents`.
    public struct DocumentsParameters: Sendable, Equatable, Codable {
        public var document: String?
        public init(document: String? = nil) { self.document = document }
    }

    /// The reply of `Claims`; with `asOf`, the point
    /// it answers as of.
    public struct ClaimsReply: Sendable, Equatable, Codable {
        public var claims: [ClaimRecord]
        public var asOf: AsOf?
        public init(claims: [ClaimRecord], asOf: AsOf? = nil) {
            self.claims = claims
            self.asOf = asOf
        }

        enum CodingKeys: String, CodingKey {
            case claims
            case asOf = "as_of"
        }
    }

    /// The reply of `Latest`: the first row of `Sources` per quantity; with `asOf`, the point
    /// it answers as of.
    public struct LatestReply: Sendable, Equatable, Codable {
        public var claims: [SourceRow]
        public var asOf: AsOf?
        public init(claims: [SourceRow], asOf: AsOf? = nil) {
            self.claims = claims
            self.asOf = asOf
        }

        enum CodingKeys: String, CodingKey {
            case claims
            case asOf = "as_of"
        }
    }

    /// The reply of `Sources`.
    public struct SourcesReply: Sendable, Equatable, Codable {
        public var sources: [SourceRow]
        public init(sources: [SourceRow]) { self.sources = sources }
    }

    /// The parameters of `Statements`: a filter, and whether to list only
    /// statements in conflict.
    public struct StatementsParameters: Sendable, Equatable, Codable {
        public var filter: ClaimFilter
        public var conflicts: Bool

        public init(filter: ClaimFilter = ClaimFilter(), conflicts: Bool = false) {
            self.filter = filter
            self.conflicts = conflicts
        }

        enum CodingKeys: String, CodingKey { case conflicts }

        public init(from decoder: any Decoder) throws {
            filter = try ClaimFilter(from: decoder)
            conflicts = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Bool.self, forKey: .conflicts) ?? false
        }

        public func encode(to encoder: any Encoder) throws {
            try filter.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(conflicts, forKey: .conflicts)
        }
    }

    /// The reply of `Statements`.
    public struct StatementsReply: Sendable, Equatable, Codable {
        public var statements: [Statement]
        public init(statements: [Statement]) { self.statements = statements }
    }

    /// The reply of `Chart`: the SVG document.
    public struct ChartReply: Sendable, Equatable, Codable {
        public var svg: String
        public init(svg: String) { self.svg = svg }
    }

    /// The reply of `History`; with `asOf`, the point
    /// it answers as of.
    public struct HistoryReply: Sendable, Equatable, Codable {
        public var series: [Series]
        public var asOf: AsOf?
        public init(series: [Series], asOf: AsOf? = nil) {
            self.series = series
            self.asOf = asOf
        }

        enum CodingKeys: String, CodingKey {
            case series
            case asOf = "as_of"
        }
    }

    /// The reply of `Documents`; with `asOf`, the point
    /// it answers as of.
    public struct DocumentsReply: Sendable, Equatable, Codable {
        public var documents: [DocumentRecord]
        public var asOf: AsOf?
        public init(documents: [DocumentRecord], asOf: AsOf? = nil) {
            self.documents = documents
            self.asOf = asOf
        }

        enum CodingKeys: String, CodingKey {
            case documents
            case asOf = "as_of"
        }
    }

    /// The reply of `Status`.
    public struct StatusReply: Sendable, Equatable, Codable {
        public var status: Status
        public init(status: Status) { self.status = status }
    }

    /// The parameters of `InvalidParameter`.
    public struct InvalidParameter: Sendable, Equatable, Codable {
        public var parameter: String
        public var message: String
        public init(parameter: String, message: String) {
            self.parameter = parameter
            self.message = message
        }
    }

    /// What `Status` reports.
    public struct Status: Sendable, Equatable, Codable {
        public var version: String
        public var extractor: ExtractorInfo
        public var documents: Int
        public var rejected: Int
        public var claims: Int
        public var log: Log
        public var inbox: Inbox
        public var startedAt: Date
        /// The re-extraction under way, if one is.
        public var reextraction: ReextractionProgress?

        public init(
            version: String, extractor: ExtractorInfo, documents: Int, rejected: Int, claims: Int,
            log: Log, inbox: Inbox, startedAt: Date, reextraction: ReextractionProgress? = nil
        ) {
            self.version = version
            self.extractor = extractor
            self.documents = documents
            self.rejected = rejected
            self.claims = claims
            self.log = log
            self.inbox = inbox
            self.startedAt = startedAt
            self.reextraction = reextraction
        }

        enum CodingKeys: String, CodingKey {
            case version, extractor, documents, rejected, claims, log, inbox
            case startedAt = "started_at"
            case reextraction
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            version = try c.decode(String.self, forKey: .version)
            extractor = try c.decode(ExtractorInfo.self, forKey: .extractor)
            documents = try c.decode(Int.self, forKey: .documents)
            rejected = try c.decode(Int.self, forKey: .rejected)
            claims = try c.decode(Int.self, forKey: .claims)
            log = try c.decode(Log.self, forKey: .log)
            inbox = try c.decode(Inbox.self, forKey: .inbox)
            startedAt = try c.decodeTimestamp(forKey: .startedAt)
            reextraction = try c.decodeIfPresent(ReextractionProgress.self, forKey: .reextraction)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(version, forKey: .version)
            try c.encode(extractor, forKey: .extractor)
            try c.encode(documents, forKey: .documents)
            try c.encode(rejected, forKey: .rejected)
            try c.encode(claims, forKey: .claims)
            try c.encode(log, forKey: .log)
            try c.encode(inbox, forKey: .inbox)
            try c.encodeTimestamp(startedAt, forKey: .startedAt)
            try c.encode(reextraction, forKey: .reextraction)
        }

        public struct Log: Sendable, Equatable, Codable {
            public var lastSeq: UInt64
            public var chainHead: String
            public init(lastSeq: UInt64, chainHead: String) {
                self.lastSeq = lastSeq
                self.chainHead = chainHead
            }
            enum CodingKeys: String, CodingKey {
                case lastSeq = "last_seq"
                case chainHead = "chain_head"
            }
        }

        public struct Inbox: Sendable, Equatable, Codable {
            public var path: String
            public var pending: Int
            /// `idle`; `busy` (reading files); `waiting` (files held back,
            /// still being written or met with a temporary failure, tried
            /// again every few seconds); `paused` (ingestion waits for the
            /// disk to have room again; queries are answered meanwhile).
            public var state: String
            public init(path: String, pending: Int, state: String) {
                self.path = path
                self.pending = pending
                self.state = state
            }
        }
    }
}

// The replies the daemon sends most, written as `TimelineJSON` encodes
// them without JSONEncoder's tree of boxed values: a page of a thousand
// claims, or a view's rows, costs microseconds a row rather than tens.

extension TimelineInterface.ClaimsReply {
    /// `{"claims":[…]}` for `claims`, as `TimelineJSON` encodes the reply.
    public static func json(_ claims: some Sequence<ClaimRecord>, asOf: AsOf? = nil) -> [UInt8] {
        // About a kilobyte a claim: a page's buffer grows once or twice, not ten times.
        JSONWriter.object(member: "claims", claims, asOf: asOf, capacity: claims.underestimatedCount * 1024) {
            $0.write(to: &$1)
        }
    }
}

extension TimelineInterface.LatestReply {
    /// The reply as `TimelineJSON` encodes it.
    public var json: [UInt8] { JSONWriter.object(member: "claims", claims, asOf: asOf) { $0.write(to: &$1) } }
}

extension TimelineInterface.SourcesReply {
    /// The reply as `TimelineJSON` encodes it.
    public var json: [UInt8] { JSONWriter.object(member: "sources", sources) { $0.write(to: &$1) } }
}

extension TimelineInterface.StatementsReply {
    /// The reply as `TimelineJSON` encodes it.
    public var json: [UInt8] {
        JSONWriter.object(member: "statements", statements, capacity: statements.count * 1536) { $0.write(to: &$1) }
    }
}

extension TimelineInterface.ChartReply {
    /// The reply as `TimelineJSON` encodes it: megabytes of SVG, whose
    /// every character JSONEncoder's writer took one by one.
    public var json: [UInt8] {
        var writer = JSONWriter(capacity: svg.utf8.count + svg.utf8.count / 4 + 16)
        writer.openObject()
        writer.key("svg")
        writer.string(svg)
        writer.closeObject()
        return writer.bytes
    }
}

extension JSONWriter {
    /// `{"NAME":[…]}`, compact, each element written by `write`; with
    /// `asOf`, `{"as_of":{…},"NAME":[…]}`.
    static func object<Element>(
        member name: StaticString, _ elements: some Sequence<Element>, asOf: AsOf? = nil, capacity: Int = 4096,
        write: (Element, inout JSONWriter) -> Void
    ) -> [UInt8] {
        var writer = JSONWriter(capacity: max(capacity, 64))
        writer.openObject()
        if let asOf {
            // Keys in the order JSONEncoder sorts them, as everywhere in replies.
            writer.key("as_of")
            writer.openObject()
            writer.key("recorded_at")
            writer.string(RFC3339.string(from: asOf.recordedAt))
            writer.key("seq")
            writer.int(Int(asOf.seq))
            writer.closeObject()
        }
        writer.key(name)
        writer.openArray()
        for element in elements {
            writer.element()
            write(element, &writer)
        }
        writer.closeArray()
        writer.closeObject()
        return writer.bytes
    }
}

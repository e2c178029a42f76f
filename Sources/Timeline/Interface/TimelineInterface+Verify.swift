import EventLog

/// The log's own types, under names that the nested ones below do not hide
/// (and `EventLog.TornTail` would name a member of the class, not the module's type).
typealias LogVerifyReport = VerifyReport
typealias LogTornTail = TornTail

extension VerifyReport {
    /// The report as `Verify` returns it and both command-line tools print it.
    public var forInterface: TimelineInterface.VerifyReport {
        TimelineInterface.VerifyReport(self)
    }
}

extension TimelineInterface {
    /// The reply of `Verify`.
    public struct VerifyReply: Sendable, Equatable, Codable {
        public var report: VerifyReport
        public init(report: VerifyReport) { self.report = report }
    }

    /// What a walk over every record of the log found, as `Verify` returns
    /// it and as `timelined verify` and `timelinectl verify` print it.
    public struct VerifyReport: Sendable, Equatable, Codable {
        /// Event records that passed every check.
        public var records: UInt64
        /// Segment files examined.
        public var segments: Int
        /// Segments that end with a correct seal.
        public var sealedSegments: Int
        /// The last seq checked.
        public var lastSeq: UInt64
        /// The chain head after it, 64 hex digits.
        public var chainHead: String
        /// An incomplete batch at the end of the last segment, if any.
        public var tornTail: TornTail?
        /// Damage, in log order.
        public var faults: [Fault]

        public init(
            records: UInt64, segments: Int, sealedSegments: Int, lastSeq: UInt64, chainHead: String,
            tornTail: TornTail?, faults: [Fault]
        ) {
            self.records = records
            self.segments = segments
            self.sealedSegments = sealedSegments
            self.lastSeq = lastSeq
            self.chainHead = chainHead
            self.tornTail = tornTail
            self.faults = faults
        }

        init(_ report: LogVerifyReport) {
            self.init(
                records: report.records, segments: report.segments, sealedSegments: report.sealedSegments,
                lastSeq: report.lastSeq, chainHead: report.chainHead.hex,
                tornTail: report.tornTail.map(TornTail.init),
                faults: report.faults.map(Fault.init))
        }

        /// No damage and no torn tail.
        public var isClean: Bool { faults.isEmpty && tornTail == nil }

        /// The report for a person, one finding per line: the counts, the
        /// chain head, the torn tail, each fault with its segment, offset and
        /// seq, and a last line with the verdict.
        public var lines: [String] {
            var lines = [
                "records     \(records)",
                "segments    \(segments) (\(sealedSegments) sealed)",
                "last seq    \(lastSeq)",
                "chain head  \(chainHead)",
            ]
            if let tornTail {
                lines.append(
                    "torn tail   \(tornTail.segment) at offset \(tornTail.offset): \(tornTail.bytes) bytes after the last whole batch "
                        + "(\(tornTail.records) whole records of an unfinished batch): \(tornTail.reason)")
            }
            for fault in faults {
                var place: [String] = []
                if let segment = fault.segment { place.append(segment) }
                if let offset = fault.offset { place.append("offset \(offset)") }
                if let seq = fault.seq { place.append("seq \(seq)") }
                lines.append("fault       \(fault.code) at \(place.isEmpty ? "the log" : place.joined(separator: ", ")): \(fault.message)")
            }
            if !faults.isEmpty {
                let remedy = faults.contains { $0.code == EventLogError.Code.dataLoss.name }
                    ? "until the damaged segment is restored or the loss accepted (timelined recover --accept-loss)"
                    : "until the damaged segment is restored"
                lines.append(
                    "result      DAMAGED: \(faults.count) fault\(faults.count == 1 ? "" : "s"); the daemon refuses to start on this log "
                        + remedy)
            } else if tornTail != nil {
                lines.append(
                    "result      TORN TAIL: the records before it are intact; opening the log cuts the tail "
                        + "(while timelined runs, it can also be an append in progress)")
            } else {
                lines.append("result      ok: every record, the hash chain and the seals check out")
            }
            return lines
        }

        enum CodingKeys: String, CodingKey {
            case records, segments
            case sealedSegments = "sealed_segments"
            case lastSeq = "last_seq"
            case chainHead = "chain_head"
            case tornTail = "torn_tail"
            case faults
        }

        /// Damage found, and where.
        public struct Fault: Sendable, Equatable, Codable {
            /// The stable name of its kind (`corrupt-record`, `broken-chain`, …).
            public var code: String
            /// What is wrong, for a person.
            public var message: String
            /// The segment file's name.
            public var segment: String?
            /// The byte offset in the segment.
            public var offset: Int64?
            /// The seq the record there should have.
            public var seq: UInt64?

            public init(code: String, message: String, segment: String?, offset: Int64?, seq: UInt64?) {
                self.code = code
                self.message = message
                self.segment = segment
                self.offset = offset
                self.seq = seq
            }

            init(_ error: EventLogError) {
                self.init(code: error.code.name, message: error.message, segment: error.segment, offset: error.offset, seq: error.seq)
            }
        }

        /// Bytes at the end of the last segment holding no whole batch.
        public struct TornTail: Sendable, Equatable, Codable {
            /// The segment file's name.
            public var segment: String
            /// Where the last whole batch ends.
            public var offset: Int64
            /// How many bytes follow.
            public var bytes: Int64
            /// Whole records of an unfinished batch among them.
            public var records: Int
            /// What was found there.
            public var reason: String

            public init(segment: String, offset: Int64, bytes: Int64, records: Int, reason: String) {
                self.segment = segment
                self.offset = offset
                self.bytes = bytes
                self.records = records
                self.reason = reason
            }

            init(_ tail: LogTornTail) {
                self.init(
                    segment: tail.segment, offset: tail.offset, bytes: tail.byteCount, records: tail.droppedRecords,
                    reason: tail.reason)
            }
        }
    }
}

import ClaimExtraction
import Foundation
import Testing
@testable import Timeline
import TimelineTestSupport

/// `sources`, `latest` and `statements` read the projections' indexes
/// (``SourceIndex``); here they must answer what a scan of every claim
/// computes, over timelines where figures repeat across documents, dates
/// are days, months, years or unknown, and claims are retracted and
/// corrected (moving them to other sources, figures and dates): as events
/// are applied, after a retraction or a correction, and after a snapshot load.
@Suite struct ViewIndexTests {
    /// The events of a timeline of `documents` documents, from `seed`.
    static func events(seed: UInt64, documents: Int) -> [Event] {
        var random = SplitMix64(seed: seed)
        let speakers: [String?] = ["Mark Milley", "United Nations", "Ukrainian General Staff", nil]
        let dates: [String?] = ["2022", "2022-11", "2022-11-03", "2022-11-09", "2022-11-20", "2022-12-01", "2023-01", nil]
        let figures: [(Qualifier, Int, Int?)] = [
            (.approximately, 100_000, nil), (.exact, 110_000, nil), (.atLeast, 100_000, nil),
            (.range, 1_500_000, 3_000_000), (.range, 15_000_000, 30_000_000), (.exact, 4_300, nil),
        ]
        var events: [Event] = []
        var ids: [String] = []
        var corrected: [String] = []
        var seq: UInt64 = 1
        var written: [[Claim]] = []
        for d in 0..<documents {
            var claims: [Claim] = []
            if !written.isEmpty, random.next() % 3 == 0 {
                // A retelling of an earlier report: the same statements,
                // one figure now and then misread.
                claims = random.pick(written).enumerated().map { c, claim in
                    var claim = claim
                    claim.quote = "Claim \(c) of document \(d)."
                    claim.span = ByteSpan(start: 0, end: claim.quote.utf8.count)
                    if random.next() % 3 == 0 {
                        (claim.qualifier, claim.low, claim.high) = random.pick(figures)
                        claim.interval = Interval(qualifier: claim.qualifier, low: claim.low, high: claim.high)
                    }
                    return claim
                }
            }
            for c in claims.count..<(claims.count + Int(random.next() % 5)) + (claims.isEmpty ? 1 : 0) {
                let (qualifier, low, high) = random.pick(figures)
                let quote = "Claim \(c) of document \(d)."
                claims.append(Claim(
                    side: random.pick([.russia, .ukraine]), population: .military,
                    metric: random.pick([.killed, .casualties]), qualifier: qualifier, low: low, high: high,
                    per: random.next() % 6 == 0 ? .day : nil, speaker: random.pick(speakers),
                    statedOn: random.pick(dates).flatMap { PartialDate(iso: $0) }, statedOnSource: .text,
                    quote: quote, span: ByteSpan(start: 0, end: quote.utf8.count)))
            }
            written.append(claims)
            let sha = String(format: "%064x", d)
            let document = Fixtures.document(
                "doc\(d).txt", sha: sha, published: random.pick(dates), claims: claims, from: seq)
            seq += UInt64(document.count)
            events += document
            ids += claims.map { ClaimID.make(document: sha, claim: $0) }
            if random.next() % 4 == 0 {
                events.append(Event(seq: seq, recordedAt: Fixtures.day, payload: .claimRetracted(
                    ClaimRetracted(claim: random.pick(random.next() % 2 == 0 && !corrected.isEmpty ? corrected : ids),
                                   reason: "misread"))))
                seq += 1
            }
            if random.next() % 3 == 0 {
                var changes = ClaimChanges()
                switch random.next() % 4 {
                case 0:
                    changes.side = random.pick([.russia, .ukraine])
                    changes.speaker = .some(random.pick(speakers))
                case 1:
                    let (qualifier, low, high) = random.pick(figures)
                    (changes.qualifier, changes.low, changes.high) = (qualifier, low, .some(high))
                case 2:
                    changes.statedOn = .some(random.pick(dates).flatMap { PartialDate(iso: $0) })
                default:
                    changes.metric = random.pick([.killed, .casualties])
                    changes.per = .some(random.next() % 2 == 0 ? .day : nil)
                }
                corrected.append(random.pick(ids))
                events.append(Event(seq: seq, recordedAt: Fixtures.day, payload: .claimCorrected(
                    ClaimCorrected(claim: corrected.last!, reason: "corrected", changes: changes))))
                seq += 1
            }
        }
        return events
    }

    static let filters: [ClaimFilter] = [
        ClaimFilter(), ClaimFilter(side: .ukraine), ClaimFilter(metric: .killed), ClaimFilter(speaker: "Milley"),
        ClaimFilter(speaker: "nations"), ClaimFilter(per: "day"), ClaimFilter(per: ClaimFilter.totals),
        ClaimFilter(since: PartialDate(iso: "2022-11-09")), ClaimFilter(until: PartialDate(iso: "2022-11")),
        ClaimFilter(since: PartialDate(iso: "2022-11-05"), until: PartialDate(iso: "2022-11-25")),
        ClaimFilter(metric: .casualties, speaker: "Mark Milley", since: PartialDate(iso: "2022")),
        ClaimFilter(document: "doc3.txt"), ClaimFilter(document: "doc7.txt", since: PartialDate(iso: "2022-11")),
        // Few enough claims for `claims` to read the sources' instead of every row.
        ClaimFilter(side: .ukraine, metric: .killed, speaker: "Milley"),
        ClaimFilter(side: .russia, metric: .casualties, speaker: "nations", per: ClaimFilter.totals,
                    since: PartialDate(iso: "2022-11-05")),
        ClaimFilter(side: .russia, metric: .killed, speaker: "staff", document: "doc5.txt"),
    ]

    /// The standing claims of each source, in seq order, by a scan.
    static func sources(_ projections: Projections) -> [SourceID: [ClaimRecord]] {
        var sources: [SourceID: [ClaimRecord]] = [:]
        for record in projections.claims where record.retraction == nil {
            sources[SourceID(record), default: []].append(record)
        }
        return sources
    }

    struct SourceID: Hashable {
        var measure: Measure
        var speaker: String?

        init(_ record: ClaimRecord) {
            measure = Measure(record.claim)
            speaker = record.claim.speaker
        }
    }

    /// What `sources` must answer, from every claim.
    static func scanSources(_ projections: Projections, _ filter: ClaimFilter) -> [SourceRow] {
        var everyone = filter
        everyone.speaker = nil
        let all = sources(projections)
        var newest: [SourceID: ClaimRecord] = [:]
        for record in projections.claims(matching: everyone) {
            let id = SourceID(record)
            if let held = newest[id], !ClaimRecord.chronologically(held, record) { continue }
            newest[id] = record
        }
        let measures = Dictionary(grouping: newest.values) { Measure($0.claim) }
        return measures.sorted { $0.key < $1.key }.flatMap { _, records in
            let ordered = records.sorted { ClaimRecord.chronologically($1, $0) }
            return ordered.filter { record in
                filter.speaker.map { ClaimFilter.speaker(record.claim.speaker, matches: $0) } ?? true
            }.map { record in
                var reports = 1
                if record.claim.speaker != nil {
                    let statement = StatementRule.statements(all[SourceID(record)] ?? [])
                        .first { $0.contains { $0.id == record.id } } ?? [record]
                    reports = Set(statement.map(\.documentSHA256)).count
                }
                let disagreeing = ordered.filter { $0.id != record.id && $0.claim.disagrees(with: record.claim) }
                return SourceRow(record: record, reports: reports, disagreeing: disagreeing.count)
            }
        }
    }

    /// What `statements` must answer, from every claim: each speaker's
    /// statements and conflicts worked out at once (``StatementRule``),
    /// those with a report that passes the filter kept.
    static func scanStatements(_ projections: Projections, _ filter: ClaimFilter, conflictsOnly: Bool) -> [Statement] {
        let passing = Set(projections.claims(matching: filter).map(\.id))
        let bySpeaker = Dictionary(grouping: sources(projections)) { $0.key.speaker }
        var result: [Statement] = []
        for speaker in bySpeaker.keys.sorted(by: { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }) {
            let sources = bySpeaker[speaker]!.sorted { $0.key.measure < $1.key.measure }
            let grouped = sources.map { StatementRule.statements($0.value) }
            let conflicts = speaker == nil ? [:] : StatementRule.conflicts(
                among: grouped, linked: StatementRule.links(grouped.joined()))
            for reports in grouped.joined() where reports.contains(where: { passing.contains($0.id) }) {
                let others = (conflicts[reports[0].id] ?? []).sorted { ClaimRecord.chronologically($0[0], $1[0]) }
                guard !conflictsOnly || !others.isEmpty else { continue }
                result.append(Statement(
                    record: reports[0], reportClaims: reports.map(\.id), reportDocuments: names(reports),
                    conflicts: others.map { other in
                        Statement.Conflict(
                            statement: other[0].id, qualifier: other[0].claim.qualifier, low: other[0].claim.low,
                            high: other[0].claim.high, documents: names(other))
                    }))
            }
        }
        return result
    }

    static func names(_ reports: [ClaimRecord]) -> [String] {
        var seen = Set<String>()
        return reports.compactMap { seen.insert($0.documentSHA256).inserted ? $0.documentName : nil }
    }

    static func expectScans(_ projections: Projections, _ comment: String) {
        for filter in filters {
            for all in [false, true] {
                var rows = RowFilter(filter, in: projections)
                let scan = rows.matchesNothing ? [] : projections.claimRows.indices.filter {
                    rows.matches(projections.claimRows[$0], pool: projections.pool, includingRetracted: all)
                }
                #expect(projections.positions(matching: filter, includingRetracted: all) == scan, "\(comment) \(filter)")
            }
            #expect(projections.sources(matching: filter) == scanSources(projections, filter), "\(comment) \(filter)")
            var totals = filter
            if totals.per == nil { totals.per = ClaimFilter.totals }
            var seen = Set<Measure>()
            let latest = scanSources(projections, totals).filter { seen.insert(Measure($0.record.claim)).inserted }
            #expect(projections.latest(matching: filter) == latest, "\(comment) \(filter)")
            for conflictsOnly in [false, true] {
                #expect(projections.statements(matching: filter, conflictsOnly: conflictsOnly)
                    == scanStatements(projections, filter, conflictsOnly: conflictsOnly), "\(comment) \(filter)")
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func sourcesLatestAndStatementsAnswerWhatAScanComputes(seed: UInt64) async throws {
        try await onOwnThread {
            let events = Self.events(seed: seed, documents: 40)
            var projections = Projections()
            for (i, event) in events.enumerated() {
                projections.apply(event)
                if i % 25 == 0 { Self.expectScans(projections, "seed \(seed), after event \(i):") }
            }
            Self.expectScans(projections, "seed \(seed):")
            let restored = try Projections(snapshot: projections.snapshotContent.encoded())
            Self.expectScans(restored, "seed \(seed), from a snapshot:")
            for filter in Self.filters {
                #expect(restored.statements(matching: filter) == projections.statements(matching: filter))
            }
        }
    }

    @Test func theFiguresShowConflictsAndRepeatedReports() {
        // The generator must make the cases the scans are compared on.
        let projections = { var p = Projections(); p.apply(Self.events(seed: 1, documents: 40)); return p }()
        #expect(projections.statements(matching: ClaimFilter(), conflictsOnly: true).count > 0)
        #expect(projections.statements(matching: ClaimFilter()).contains { $0.reportDocuments.count > 1 })
        #expect(projections.claims.contains { $0.retraction != nil })
        #expect(projections.claims.contains { $0.correction != nil })
        #expect(projections.claims.contains { $0.correction != nil && $0.retraction != nil })
    }
}

extension SplitMix64 {
    /// One of `choices`, the same on every run with the same seed.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(next() % UInt64(choices.count))]
    }
}

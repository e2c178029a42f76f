import Foundation
import TimelineTestSupport
import Testing

/// The seeds through the analyst's views, as the issue checks them: real
/// binaries, a temporary data folder, timelinectl's output read back.
@Suite(.serialized) struct AnalystViewsTests {
    typealias Object = [String: Any]

    @Test func theSeedsReadAsSourcesStatementsConflictsAndACSVThatParses() async throws {
        try await onOwnThread(body)
    }

    private func body() throws {
        let daemon = try Self.daemonWithTheSeeds()

        // sources: one row per speaker, each with its own latest figure.
        let sources = try #require(try daemon.ctl("sources", "--side", "russia", "--metric", "casualties", "--json").json() as? [Object])
        let speakers = sources.map { $0["speaker"] as? String }
        #expect(speakers.contains("Mark Milley"))
        #expect(speakers.count == Set(speakers).count && speakers.count >= 3, "\(speakers)")
        for row in sources {
            for field in ["date_source", "reports", "disagreeing", "interval", "qualifier", "claim"] {
                #expect(row[field] != nil, "a source row lacks \(field): \(row)")
            }
        }

        // latest --all-sources is sources.
        let allSources = try daemon.ctl("latest", "--all-sources", "--side", "russia", "--metric", "casualties", "--json")
        #expect(allSources.stdout == (try daemon.ctl("sources", "--side", "russia", "--metric", "casualties", "--json").stdout))

        // statements --conflicts flags the refugee figures, both shown.
        let conflicts = try #require(try daemon.ctl("statements", "--conflicts", "--json").json() as? [Object])
        let refugees = conflicts.filter { $0["metric"] as? String == "refugees" }
        #expect(Set(refugees.compactMap { $0["low"] as? Int }) == [1_500_000, 15_000_000], "\(conflicts)")
        let table = try daemon.ctl("statements", "--conflicts")
        #expect(table.stdout.contains("conflicts with 1,500,000 to 3,000,000"), "\(table.stdout)")

        // history: re-reports are "reported_again", the mistranslation no rise.
        let history = try #require(try daemon.ctl("history", "--speaker", "Milley", "--json").json() as? [Object])
        let changes = history.flatMap { ($0["entries"] as? [Object] ?? []).compactMap { $0["change"] as? String } }
        #expect(changes.contains("reported_again"))
        let refugeeChanges = history.filter { $0["metric"] as? String == "refugees" }
            .flatMap { ($0["entries"] as? [Object] ?? []).compactMap { $0["change"] as? String } }
        #expect(!refugeeChanges.contains("raised") && refugeeChanges.contains("conflicting"), "\(refugeeChanges)")

        // Filters: whole words of a name, a document's unique prefix.
        let us = try #require(try daemon.ctl("claims", "--speaker", "US", "--json").json() as? [Object])
        #expect(!us.contains { ($0["speaker"] as? String)?.hasPrefix("Russian") == true })
        let byPrefix = try #require(try daemon.ctl("claims", "--document", "002", "--json").json() as? [Object])
        #expect(!byPrefix.isEmpty && byPrefix.allSatisfy { ($0["document"] as? String)?.hasPrefix("002_") == true })
        let ambiguous = try daemon.ctl("claims", "--document", "00")
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("give more of the name"), "\(ambiguous.stderr)")

        // claims --csv parses with Python's csv (and pandas, if installed)
        // into the claims of --json.
        let csvPath = daemon.data + "/claims.csv", jsonPath = daemon.data + "/claims.json"
        let csv = try daemon.ctl("claims", "--csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        try writeText(csv.stdout, to: csvPath)
        try writeText(try daemon.ctl("claims", "--json").stdout, to: jsonPath)
        let check = try run("/usr/bin/env", ["python3", "-c", Self.sameClaims, csvPath, jsonPath])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("same "), "\(check.stdout)")

        // --jsonl: one object per line, the same as --json's array.
        let lines = try daemon.ctl("sources", "--jsonl").stdout.split(separator: "\n")
        #expect(lines.count == (try #require(try daemon.ctl("sources", "--json").json() as? [Object])).count)
        // claims --jsonl, which streams, gives the claims of --json.
        let claimLines = try daemon.ctl("claims", "--jsonl").stdout.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
        }
        let claims = try #require(try daemon.ctl("claims", "--json").json() as? [NSDictionary])
        #expect(!claims.isEmpty && claimLines == claims.map { Optional($0) })
        #expect(try daemon.stop() == 0)
    }

    /// A daemon started in a temporary folder, once it holds the five seeds.
    static func daemonWithTheSeeds() throws -> TestDaemon {
        let daemon = try TestDaemon()
        try daemon.start()
        let seeds = try Paths.seedFiles()
        for seed in seeds { try daemon.drop(seed) }
        try waitUntil("the daemon holds all five seeds") {
            let status = try daemon.ctl("status", "--json").json() as? Object
            return status?["documents"] as? Int == seeds.count && daemon.files(in: daemon.inbox).isEmpty
        }
        return daemon
    }

    /// Compares a CSV with the JSON array of the same claims, field by
    /// field (nested objects' fields named with dots), and with pandas when
    /// it is installed; prints "same" and the number of rows.
    static let sameClaims = #"""
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        claims = json.load(open(sys.argv[2], encoding="utf-8"))
        def flat(o, prefix=""):
            out = {}
            for k, v in o.items():
                if isinstance(v, dict): out.update(flat(v, prefix + k + "."))
                else: out[prefix + k] = v
            return out
        def cell(v):
            return "" if v is None else "true" if v is True else "false" if v is False else str(v)
        assert len(rows) == len(claims), (len(rows), len(claims))
        for row, claim in zip(rows, claims):
            for key, value in flat(claim).items():
                assert row[key] == cell(value), (key, row[key], value)
        try:
            import pandas
        except ImportError:
            pandas = None
        if pandas is not None:
            frame = pandas.read_csv(sys.argv[1], dtype=str)
            assert list(frame["claim"]) == [c["claim"] for c in claims]
        print("same", len(rows))
        """#
}

extension AnalystViewsTests {
    @Test func theChartOfTheSeedsIsAnSVGWithOneMarkPerDatedClaim() async throws {
        try await onOwnThread {
            let daemon = try Self.daemonWithTheSeeds()
            let quantity = ["--side", "russia", "--population", "military", "--metric", "killed"]
            let claims = try #require(try daemon.ctl(["claims", "--per", "total", "--json"] + quantity).json() as? [Object])
            let dated = claims.filter { !($0["stated_on"] is NSNull && $0["published"] is NSNull) }
            let svg = daemon.data + "/chart.svg"
            let chart = try daemon.ctl(["chart", "--output", svg] + quantity)
            #expect(chart.status == 0, "\(chart.stderr)")
            let check = try run("/usr/bin/env", ["python3", "-c", """
                import sys, xml.etree.ElementTree as ET
                root = ET.parse(sys.argv[1]).getroot()
                print(sum(1 for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "mark"))
                """, svg])
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(dated.count)")
            #expect(dated.count >= 1)
            #expect(try daemon.stop() == 0)
        }
    }
}

extension AnalystViewsTests {
    /// The README's tour for analysts is what this build prints: each
    /// command of its "For analysts" section, run against the seeds, gives
    /// the output shown there (times of recording aside), and the chart it
    /// shows is the one `chart` draws now. When the extractor reads the
    /// seeds differently, the section is to be run again.
    @Test func theREADMEsTourForAnalystsIsWhatThisBuildPrints() async throws {
        try await onOwnThread {
            let readme = try String(contentsOfFile: Paths.checkout + "/README.md", encoding: .utf8)
            let start = try #require(readme.firstRange(of: "\n## For analysts\n"), "the README has no tour for analysts")
            let section = readme[start.upperBound...]
            let tour = Self.commands(in: section[..<(section.firstRange(of: "\n## ")?.lowerBound ?? section.endIndex)])
            #expect(tour.map(\.command).contains { $0.hasPrefix("sources") }, "\(tour.map(\.command))")
            #expect(tour.map(\.command).contains { $0.hasPrefix("statements --conflicts") }, "\(tour.map(\.command))")
            #expect(tour.map(\.command).contains { $0.contains("--csv") }, "\(tour.map(\.command))")

            let daemon = try Self.daemonWithTheSeeds()
            let committedChart = "docs/chart-seeds.svg", chart = daemon.data + "/chart.svg"
            for (command, shown) in tour {
                let drawsTheChart = command.contains("--output \(committedChart)")
                let line = Paths.binaries + "/timelinectl " + command.replacingOccurrences(of: committedChart, with: chart)
                let result = try run("/bin/sh", ["-c", line], environment: ["TIMELINED_SOCKET": daemon.socket])
                #expect(result.status == 0, "\(command): \(result.stderr)")
                if drawsTheChart {
                    let drawn = try String(contentsOfFile: chart, encoding: .utf8)
                    let committed = try String(contentsOfFile: Paths.checkout + "/" + committedChart, encoding: .utf8)
                    #expect(drawn == committed, "\(committedChart) is not the chart this build draws of the seeds")
                } else {
                    // CSV's lines end in CRLF, which a README cannot show.
                    let printed = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
                    #expect(Self.timesMasked(printed) == Self.timesMasked(shown), """
                        the README shows for `timelinectl \(command)`:
                        \(shown)
                        this build prints:
                        \(result.stdout)
                        """)
                }
            }
            #expect(try daemon.stop() == 0)
        }
    }

    /// The `$ timelinectl …` lines of a README's text, without the
    /// program's name, each with the lines shown under it up to the next
    /// command or the end of its block.
    static func commands(in text: Substring) -> [(command: String, output: String)] {
        var found: [(command: String, output: String)] = []
        var output: [Substring]?
        func close() {
            guard let lines = output else { return }
            found[found.count - 1].output = lines.map { $0 + "\n" }.joined()
            output = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ timelinectl ") {
                close()
                found.append((String(line.dropFirst("$ timelinectl ".count)), ""))
                output = []
            } else if line.hasPrefix("$ ") || line.hasPrefix("```") {
                close()
            } else {
                output?.append(line)
            }
        }
        close()
        return found.map { ($0.command, $0.output.replacing(/\n+\z/, with: "\n")) }
    }

    /// `text` with each RFC 3339 time (when a claim was recorded) as `TIME`.
    static func timesMasked(_ text: String) -> String {
        text.replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/, with: "TIME")
    }
}

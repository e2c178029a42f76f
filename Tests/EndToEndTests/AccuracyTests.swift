import Foundation
import TimelineTestSupport
import Testing

// The accuracy floors: the lowest score each corpus run may reach before
// make test fails. Each is set just under what the extractor reaches today
// (measured with ../shared/tools/score-claims: seeds F1 1.000, speaker
// 1.000, dates 0.550; dev F1 0.949, speaker 0.916, dates 0.655, and 0.853
// with --published-front-matter), so that a change that loses accuracy
// fails CI. They must only go up: when the extractor gets better, raise
// them to just under the new figures in the same commit.
//
//                                                     strict F1  speaker  dates
private let floors: [String: AccuracyFloor] = [
    "seeds": AccuracyFloor(f1: 0.99, speaker: 0.99, dates: 0.54),
    "dev": AccuracyFloor(f1: 0.94, speaker: 0.91, dates: 0.65),
    "dev --published-front-matter": AccuracyFloor(f1: 0.94, speaker: 0.91, dates: 0.84),
]

/// The least a corpus run must score: strict F1, speaker accuracy on the
/// strict matches, and statement-date accuracy (score-claims' `dates`).
struct AccuracyFloor: Sendable {
    var f1: Double
    var speaker: Double
    var dates: Double
}

/// One way of scoring the extractor against a gold set.
struct AccuracyRun: Sendable, CustomTestStringConvertible {
    var name: String
    /// The gold *.json files and the texts they annotate, under ../shared/corpus.
    var gold: String
    var texts: String
    var publishedFrontMatter = false

    var testDescription: String { name }

    static let all = [
        AccuracyRun(name: "seeds", gold: "gold", texts: "seeds"),
        AccuracyRun(name: "dev", gold: "dev/gold", texts: "dev/articles"),
        AccuracyRun(name: "dev --published-front-matter", gold: "dev/gold", texts: "dev/articles",
                    publishedFrontMatter: true),
    ]
}

/// The scores score-claims prints on its last line.
struct AccuracyScores: Equatable, CustomStringConvertible {
    var f1: Double
    var speaker: Double
    var dates: Double

    /// Reads `claims: strict P=… R=… F1=0.474; lenient …; speaker 0.500 (…); dates 0.000 (…); gold N`.
    init?(summary line: String) {
        let pattern = #/^claims: strict P=[0-9.]+ R=[0-9.]+ F1=([0-9.]+);.*; speaker ([0-9.]+) .*; dates ([0-9.]+) /#
        guard let match = line.firstMatch(of: pattern),
              let f1 = Double(match.1), let speaker = Double(match.2), let dates = Double(match.3) else { return nil }
        self.init(f1: f1, speaker: speaker, dates: dates)
    }

    init(f1: Double, speaker: Double, dates: Double) {
        self.f1 = f1
        self.speaker = speaker
        self.dates = dates
    }

    var description: String {
        String(format: "strict F1 %.3f, speaker %.3f, dates %.3f", f1, speaker, dates)
    }
}

/// Scores `timelinectl extract --json` (the debug build the tests run)
/// against the corpus's gold claims with score-claims, and fails when a
/// score falls below its floor, printing the scorer's report per document
/// so that whoever broke a claim sees which.
///
/// It needs python3 and ../shared (the corpus and the scorer) beside the
/// checkout, where CI has them; without them it fails and says what is
/// missing, since skipping would hide a regression.
@Suite(.serialized, .timeLimit(.minutes(20)))
struct AccuracyTests {
    static let shared = Paths.checkout + "/../shared"
    static let scorer = shared + "/tools/score-claims"

    @Test(arguments: AccuracyRun.all)
    func extractionScoresStayAboveTheirFloors(_ corpus: AccuracyRun) async throws {
        let floor = try #require(floors[corpus.name], "no floor for \(corpus.name) in AccuracyTests.swift")
        try Self.requireTools()
        let gold = Self.shared + "/corpus/" + corpus.gold
        let texts = Self.shared + "/corpus/" + corpus.texts
        for folder in [gold, texts] {
            try #require(Self.isFolder(folder), "the corpus folder \(folder) is missing (../shared/corpus beside the checkout)")
        }
        let timelinectl = Paths.binaries + "/timelinectl"
        try #require(FileManager.default.isExecutableFile(atPath: timelinectl), "\(timelinectl) is not built")

        // One timelinectl run over every article, scored from its output
        // (score-claims --claims): a run per article would load the
        // lexicon eighty times over while the other suites wait on the
        // same two cores. With the publication date given, each article
        // is copied headed by `Published: DATE` where the gold knows it,
        // as score-claims' --published-front-matter does.
        let scratch = try TemporaryFolder("timelined-accuracy")
        var files: [String] = []
        for document in try Self.goldDocuments(gold) {
            let text = texts + "/" + document.name
            guard corpus.publishedFrontMatter, let published = document.published else {
                files.append(text)
                continue
            }
            let copy = scratch.path + "/" + document.name
            let body = try String(contentsOfFile: text, encoding: .utf8)
            try ("Published: \(published)\n\n" + body).write(toFile: copy, atomically: true, encoding: .utf8)
            files.append(copy)
        }
        let extracted = try await onOwnThread { try run(timelinectl, ["extract", "--json", "--lexicon", Paths.lexicon] + files) }
        try #require(extracted.status == 0, "timelinectl extract failed with status \(extracted.status):\n\(extracted.stderr)")
        let claims = scratch.path + "/claims.json"
        try extracted.stdout.write(toFile: claims, atomically: true, encoding: .utf8)
        let result = try await onOwnThread { try run("/usr/bin/env", ["python3", Self.scorer, "--gold", gold, "--claims", claims]) }
        withExtendedLifetime(scratch) {}
        let report = result.stdout + (result.stderr.isEmpty ? "" : "\nstderr:\n" + result.stderr)
        try #require(result.status == 0, "score-claims failed with status \(result.status) on \(corpus.name):\n\(report)")
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let scores = try #require(AccuracyScores(summary: summary), "no summary line from score-claims:\n\(report)")

        var below: [String] = []
        if scores.f1 < floor.f1 { below.append(String(format: "strict F1 %.3f < %.2f", scores.f1, floor.f1)) }
        if scores.speaker < floor.speaker {
            below.append(String(format: "speaker %.3f < %.2f", scores.speaker, floor.speaker))
        }
        if scores.dates < floor.dates { below.append(String(format: "dates %.3f < %.2f", scores.dates, floor.dates)) }
        #expect(below.isEmpty, """
            \(corpus.name): \(below.joined(separator: ", ")) (the floors are at the top of \
            Tests/EndToEndTests/AccuracyTests.swift). What score-claims found, per document:
            \(report)
            """)
        print("accuracy \(corpus.name): \(scores)")
    }

    @Test func theSummaryLineIsRead() {
        let line = "claims: strict P=0.500 R=0.450 F1=0.474; lenient P=0.600 R=0.540 F1=0.568; "
            + "speaker 0.500 (40/80); dates 0.167 (dated 0/20, undated 20/60); gold 183"
        #expect(AccuracyScores(summary: line) == AccuracyScores(f1: 0.474, speaker: 0.5, dates: 0.167))
        #expect(AccuracyScores(summary: "3 matched, 0 false, 0 missed") == nil)
    }

    /// python3 runs, and the scorer is there.
    static func requireTools() throws {
        let python = try? run("/usr/bin/env", ["python3", "-c", "import sys; sys.exit(sys.version_info < (3, 8))"])
        try #require(python?.status == 0, """
            python3 (3.8 or newer) is not installed or does not run: the accuracy check runs \(scorer) with it \
            (\(python?.stderr.trimmingCharacters(in: .whitespacesAndNewlines) ?? "no /usr/bin/env"))
            """)
        try #require(FileManager.default.fileExists(atPath: scorer), "the scorer \(scorer) is missing (../shared beside the checkout)")
    }

    /// The articles a gold folder annotates, with the publication date
    /// the gold gives each (null where unknown).
    static func goldDocuments(_ folder: String) throws -> [(name: String, published: String?)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is not a gold object")
            let document = try #require(object["document"] as? String, "\(name) names no document")
            return (document, object["published"] as? String)
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

// `make bench`: each benchmark prints its figures; `timelined-bench NAME`
// runs one of them.
let benchmarks: [(name: String, run: ([String]) async throws -> Void)] = [
    ("extraction", extractionBenchmark),
    ("extract-command", extractCommandBenchmark),
    ("log", logBenchmark),
    ("replay", replayBenchmark),
    ("snapshot", snapshotBenchmark),
    ("startup", startupBenchmark),
    ("daemon", daemonBenchmark),
    ("views", viewsBenchmark),
    ("asof", asOfBenchmark),
    ("reextract", reextractBenchmark),
    ("chart", chartBenchmark),
]

let arguments = Array(CommandLine.arguments.dropFirst())
let chosen = arguments.first.map { name in benchmarks.filter { $0.name == name } } ?? benchmarks
for benchmark in chosen {
    try await benchmark.run(Array(arguments.dropFirst()))
}

import ClaimExtraction
import Foundation
import Yams

/// `timelined-bench extraction [SEEDS]`: runs the extractor, on one thread,
/// over the corpus articles repeated to at least 50 MB, and prints the rate
/// in MB of article text per second of the thread's CPU time (what one core
/// does, however busy the machine is with other work), and the wall time.
///
/// Reads config/lexicon.yaml and the seeds from ../shared/corpus/seeds,
/// both relative to the current folder (the checkout); SEEDS overrides the
/// seeds folder, and a second argument the megabytes to read (for runs
/// under a profiler).
func extractionBenchmark(_ arguments: [String]) async throws {
    let seeds = arguments.first ?? "../shared/corpus/seeds"
    let lexiconText = try String(contentsOfFile: "config/lexicon.yaml", encoding: .utf8)
    let extractor = ClaimExtractor(lexicon: try YAMLDecoder().decode(Lexicon.self, from: lexiconText))
    let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
    guard !names.isEmpty else {
        print("extraction: no .txt articles in \(seeds)")
        return
    }
    let articles = try names.map { name in
        Document(name: name, text: try String(contentsOfFile: seeds + "/" + name, encoding: .utf8))
    }
    let corpusBytes = articles.reduce(0) { $0 + $1.text.utf8.count }
    let target = arguments.count > 1 ? (Int(arguments[1]) ?? 50) * 1_000_000 : 50_000_000
    let rounds = (target + corpusBytes - 1) / corpusBytes

    // One round first, so that the timed rounds find every table built.
    var claims = 0
    for article in articles { claims += extractor.extract(article).claims.count }

    claims = 0
    let clock = ContinuousClock()
    let cpuStart = threadCPUSeconds()
    let elapsed = clock.measure {
        for _ in 0..<rounds {
            for article in articles { claims += extractor.extract(article).claims.count }
        }
    }
    let cpu = threadCPUSeconds() - cpuStart
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let megabytes = Double(corpusBytes * rounds) / 1e6
    print(String(
        format: "extraction: %.1f MB in %.2f s = %.1f MB/s (1 core), %d claims; wall %.2f s = %.1f MB/s",
        megabytes, cpu, megabytes / cpu, claims, wall, megabytes / wall))
}

/// The CPU time this thread has used, in seconds.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

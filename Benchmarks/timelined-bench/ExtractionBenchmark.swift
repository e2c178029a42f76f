import ClaimExtraction
import Foundation
import Yams

/// `timelined-bench extraction [MB]`: `ClaimExtractor.extract` on one thread
/// over one text of news, the seed and dev articles repeated to 50 MB (MB
/// overrides, for runs under a profiler), and the rate in MB of text per
/// second of the thread's CPU time (what one core does, however busy the
/// machine is with other work), and per second of wall time; then the
/// same rate with each article a document of its own.
///
/// Reads config/lexicon.yaml and the articles in ../shared/corpus, relative
/// to the current folder (the checkout). The target is issue 9's: 50 MB/s
/// on one core.
func extractionBenchmark(_ arguments: [String]) async throws {
    let megabytes = arguments.first.flatMap(Int.init) ?? 50
    let lexiconText = try String(contentsOfFile: "config/lexicon.yaml", encoding: .utf8)
    let extractor = ClaimExtractor(lexicon: try YAMLDecoder().decode(Lexicon.self, from: lexiconText))
    let text = try BenchmarkCorpus.newsText(bytes: megabytes * 1_000_000)

    // A small text first, so that the timed run finds every table built.
    _ = extractor.extract(Document(name: "warm-up.txt", text: String(text.prefix(100_000))))

    let document = Document(name: "news.txt", text: text)
    let clock = ContinuousClock()
    let cpuStart = threadCPUSeconds()
    var claims = 0
    let elapsed = clock.measure {
        claims = extractor.extract(document).claims.count
    }
    let cpu = threadCPUSeconds() - cpuStart
    let size = Double(text.utf8.count) / 1e6
    let rate = size / cpu
    print(String(format: "extraction: %.1f MB in %.2f s = %.1f MB/s (1 core", size, cpu, rate)
        + "; target ≥ 50 MB/s: \(rate >= 50 ? "ok" : "below"))"
        + String(format: ", %d claims; wall %.2f s = %.1f MB/s", claims, elapsed.seconds, size / elapsed.seconds))

    // The same articles as documents of their own, as the daemon reads
    // them: the figure to set beside the one above when one large
    // document reads slower than its articles do.
    let articles = try [BenchmarkCorpus.seeds, BenchmarkCorpus.devArticles].flatMap { try BenchmarkCorpus.articles(folder: $0) }
        .map { Document(name: "article.txt", text: $0) }
    let roundBytes = articles.reduce(0) { $0 + $1.text.utf8.count }
    let rounds = max(1, text.utf8.count / roundBytes)
    claims = 0
    let articlesStart = threadCPUSeconds()
    for _ in 0..<rounds {
        for article in articles { claims += extractor.extract(article).claims.count }
    }
    let articlesCPU = threadCPUSeconds() - articlesStart
    let articlesSize = Double(roundBytes * rounds) / 1e6
    print(String(format: "extraction, article by article: %.1f MB in %.2f s = %.1f MB/s (1 core), %d claims",
                 articlesSize, articlesCPU, articlesSize / articlesCPU, claims))
}

/// The CPU time this thread has used, in seconds.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

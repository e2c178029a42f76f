import Foundation

extension BenchmarkCorpus {
    static let devArticles = "../shared/corpus/dev/articles"

    /// One long text of news, as a 50 MB file of it would read: the seed and
    /// dev articles (relative to the checkout) one after another, each with
    /// its paragraphs, a blank line between two articles, repeated until the
    /// text holds at least `bytes` bytes of UTF-8.
    ///
    /// - Throws: `BenchmarkFailure` when neither folder holds an article.
    static func newsText(bytes: Int, folders: [String] = [seeds, devArticles]) throws -> String {
        let articles = try folders.filter { FileManager.default.fileExists(atPath: $0) }.flatMap { try Self.articles(folder: $0) }
        guard !articles.isEmpty else { throw BenchmarkFailure("no articles in \(folders.joined(separator: " or "))") }
        let round = articles.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: "\n\n") + "\n\n"
        let rounds = max(1, (bytes + round.utf8.count - 1) / round.utf8.count)
        return String(repeating: round, count: rounds)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `timelined-bench extract-command [MB]`: `timelinectl extract --json FILE`
/// as a user runs it, a whole process: the release `timelinectl` beside
/// this binary, on a file of news (the seed and dev articles repeated to
/// 50 MB, or MB) in a temporary folder, its output thrown away. Prints the
/// rate in MB of the file per second of wall time, against issue 9's target
/// of 20 MB/s, and the child's CPU time (the figure to compare between runs
/// on a busy machine).
func extractCommandBenchmark(_ arguments: [String]) async throws {
    let megabytes = arguments.first.flatMap(Int.init) ?? 50
    let binaries = BenchmarkFolder.binaries
    let timelinectl = binaries + "/timelinectl"
    guard FileManager.default.isExecutableFile(atPath: timelinectl) else {
        throw BenchmarkFailure("\(timelinectl) is not built: make bench builds it (make release)")
    }
    let folder = try BenchmarkFolder.make(prefix: "timelined-bench-extract")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/news.txt"
    let text = try BenchmarkCorpus.newsText(bytes: megabytes * 1_000_000)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    let size = Double(text.utf8.count) / 1e6

    let process = Process()
    process.executableURL = URL(fileURLWithPath: timelinectl)
    process.arguments = ["extract", "--json", "--lexicon", "config/lexicon.yaml", file]
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    let errors = Pipe()
    process.standardError = errors
    let cpuBefore = CPUTime.children()
    let start = ContinuousClock.now
    try process.run()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let wall = (ContinuousClock.now - start).seconds
    let cpu = (CPUTime.children() - cpuBefore).seconds
    guard process.terminationStatus == 0 else {
        throw BenchmarkFailure("timelinectl extract exited with \(process.terminationStatus): "
            + String(decoding: stderr, as: UTF8.self))
    }
    let rate = size / wall
    print(String(format: "extract-command: timelinectl extract --json on %.1f MB in %.2f s = %.1f MB/s", size, wall, rate)
        + " (target ≥ 20 MB/s: \(rate >= 20 ? "ok" : "below"))"
        + String(format: "; CPU %.2f s = %.1f MB/s", cpu, size / cpu))
}

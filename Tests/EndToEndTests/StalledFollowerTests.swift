import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `events --follow` readers that stop reading neither hold up ingestion nor
/// grow the daemon's heap, and lose nothing when they read again (trial D4).
@Suite(.serialized) struct StalledFollowerTests {
    static let patience: Duration = .seconds(300)

    @Test func followersThatNeverReadCostLittleAndLoseNothing() async throws {
        try await onOwnThread(followersThatNeverReadCostLittleAndLoseNothingBody)
    }

    private func followersThatNeverReadCostLittleAndLoseNothingBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        let followers = try (0..<10).map { _ in
            let follower = try RawClient(connectingTo: daemon.socket)
            var size: Int32 = 4096
            setsockopt(follower.fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            try follower.send(#"{"method":"io.timelined.Timeline.Events","parameters":{"follow":true},"more":true}"# + "\0")
            return follower
        }
        defer { followers.forEach { $0.close() } }

        // More events than a follower's buffer holds (1,000), so every
        // follower falls behind and must be served from the log.
        let count = 700
        for i in 0..<count {
            try writeText(
                "Ben Wallace said on Monday that \(1000 + i) Russian soldiers had been killed.\n",
                to: daemon.inbox + "/a\(i).txt")
        }
        try waitUntil("every file is taken while the followers stall", timeout: Self.patience) {
            daemon.files(in: daemon.processed).count == count
        }
        #expect(try daemon.ctl("status").status == 0)
        let rss = try #require(daemon.residentKilobytes)
        #expect(rss < 300_000, "timelined holds \(rss) kB with \(followers.count) stalled followers")

        let lines = try daemon.ctl("events").stdout.split(separator: "\n")
        let last = try #require(lines.last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["seq"] as? Int)
        #expect(last > 1_000)
        // The first follower reads at last: every seq once, in order.
        var seqs: [Int] = []
        while seqs.last != last {
            let message = try #require(try followers[0].receive(timeout: Self.patience), "the stream ended at \(seqs.last ?? 0)")
            let reply = try #require(try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any])
            let event = try #require((reply["parameters"] as? [String: Any])?["event"] as? [String: Any], "\(message)")
            seqs.append(try #require(event["seq"] as? Int))
        }
        #expect(seqs == Array(1...last))
        #expect(try daemon.stop() == 0)
    }
}

extension TestDaemon {
    /// The daemon's resident set size (VmRSS), in kB.
    var residentKilobytes: Int? {
        guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }
}

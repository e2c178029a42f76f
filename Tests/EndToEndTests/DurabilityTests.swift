import EventLog
import Foundation
import TimelineTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The log's guarantees as a user meets them: a damaged log stops the
/// start, a torn tail is cut, verify names what it finds, snapshots make
/// starts short without changing answers, and events stream as appended.
@Suite(.serialized) struct DurabilityTests {
    typealias Object = [String: Any]

    /// The first segment of a data folder's log.
    private func firstSegment(_ daemon: TestDaemon) -> String {
        daemon.data + "/state/log/00000000000000000001.seg"
    }

    /// Starts a daemon, drops `count` small distinct articles, waits until
    /// they are processed, and stops it.
    private func daemonWithArticles(_ count: Int) throws -> TestDaemon {
        let daemon = try TestDaemon()
        try daemon.start()
        for n in 1...count { try daemon.dropArticle(n) }
        try waitUntil("the articles are processed") { daemon.files(in: daemon.processed).count == count }
        #expect(try daemon.stop() == 0)
        return daemon
    }

    private func flipByte(at offset: UInt64, in path: String) throws {
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? file.close() }
        try file.seek(toOffset: offset)
        let byte = try #require(try file.read(upToCount: 1)).first!
        try file.seek(toOffset: offset)
        try file.write(contentsOf: [byte ^ 0x20])
    }

    @Test func aDamagedRecordBeforeTheTailStopsTheStartNamingWhereItIs() async throws {
        try await onOwnThread(aDamagedRecordBeforeTheTailStopsTheStartNamingWhereItIsBody)
    }

    private func aDamagedRecordBeforeTheTailStopsTheStartNamingWhereItIsBody() throws {
        let daemon = try daemonWithArticles(3)
        // Inside the first record's body: 64 bytes of header, 8 of framing, 41 of record header.
        try flipByte(at: 64 + 8 + 41 + 10, in: firstSegment(daemon))

        #expect(throws: DaemonExited.self) { try daemon.start() }
        let refusal = daemon.log.split(separator: "\n").filter { $0.contains("refusing to start") }
        #expect(refusal.count == 1, "\(daemon.log)")
        let line = String(refusal.first ?? "")
        #expect(line.contains("segment=00000000000000000001.seg"), "\(line)")
        #expect(line.contains("offset=64"), "\(line)")
        #expect(line.contains("seq=1"), "\(line)")

        let verify = try run(Paths.binaries + "/timelined", ["verify", "--data", daemon.data])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("fault       corrupt-record at 00000000000000000001.seg, offset 64, seq 1"), "\(verify.stdout)")
        #expect(verify.stdout.contains("DAMAGED"))
    }

    @Test func damageInASealedSegmentBehindASnapshotStopsTheDaemonAndTheNextStart() async throws {
        try await onOwnThread(damageInASealedSegmentBehindASnapshotStopsTheDaemonAndTheNextStartBody)
    }

    private func damageInASealedSegmentBehindASnapshotStopsTheDaemonAndTheNextStartBody() throws {
        let daemon = try TestDaemon()
        let configuration = daemon.data + "/timelined.yaml"
        try "log:\n  segment_bytes: 4096\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        daemon.extraArguments = ["--config", configuration]
        try daemon.start()
        // Three rounds, each waited for: a batch goes whole into one
        // segment, so three segments need three batches at least, however
        // the daemon batches what it finds; each round's 30 events (about
        // 6 KiB) fill a 4 KiB segment, so the next batch starts another.
        for round in 0..<3 {
            for n in (round * 30 + 1)...(round * 30 + 30) { try daemon.dropArticle(n) }
            try waitUntil("round \(round + 1) of the articles is processed") {
                daemon.files(in: daemon.processed).count == round * 30 + 30
            }
        }
        #expect(try daemon.stop() == 0)
        let segments = daemon.files(in: daemon.data + "/state/log")
        #expect(segments.count >= 3, "\(segments)")
        #expect(daemon.files(in: daemon.data + "/state/snapshots").count == 1)
        try flipByte(at: 64 + 8 + 41 + 10, in: firstSegment(daemon))

        // From the snapshot it starts at once; the check of the sealed
        // segments that follows finds the damage and stops it.
        do { try daemon.start() } catch is DaemonExited {}
        try waitUntil("the check stops the daemon") { daemon.log.contains("cannot run") }
        #expect(try daemon.stop() == 1)
        #expect(daemon.log.contains("the log cannot be trusted, stopping"), "\(daemon.log)")
        #expect(daemon.log.contains("segment=00000000000000000001.seg offset=64 seq=1"), "\(daemon.log)")
        #expect(FileManager.default.fileExists(atPath: daemon.data + "/state/log-check-failed"))

        // The next start checks every record first, and refuses.
        #expect(throws: DaemonExited.self) { try daemon.start() }
        #expect(daemon.log.contains("refusing to start"), "\(daemon.log)")
    }

    /// The offset after the last record of a segment: zeros preallocated
    /// for the next records follow it.
    private func endOfRecords(_ path: String) throws -> UInt64 {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let header = try bytes.withUnsafeBytes { try SegmentHeader(decoding: $0, segment: path) }
        var decoder = RecordDecoder(startOffset: Int64(header.headerLength), preallocated: true)
        decoder.feed(bytes[header.headerLength...])
        var end = Int64(header.headerLength)
        while let record = try decoder.next() { end = record.end }
        #expect(decoder.atEndOfRecords)
        return UInt64(end)
    }

    @Test func aTornTailIsReportedByVerifyThenCutAtStart() async throws {
        try await onOwnThread(aTornTailIsReportedByVerifyThenCutAtStartBody)
    }

    private func aTornTailIsReportedByVerifyThenCutAtStartBody() throws {
        let daemon = try daemonWithArticles(2)
        let end = try endOfRecords(firstSegment(daemon))
        let segment = try FileHandle(forUpdating: URL(fileURLWithPath: firstSegment(daemon)))
        try segment.seek(toOffset: end)
        // The start of a frame whose rest never reached the disk.
        try segment.write(contentsOf: [0x90, 0x01, 0, 0, 0xAB, 0xCD, 0xEF, 0x01, 1, 3, 0, 0, 0, 0, 0, 0, 0])
        try segment.close()

        let before = try run(Paths.binaries + "/timelined", ["verify", "--data", daemon.data])
        #expect(before.status == 2, "\(before.stdout)")
        // Its last seven bytes are zeros, as the space after it is: the
        // torn tail runs to the last byte that is not.
        #expect(before.stdout.contains("torn tail   00000000000000000001.seg at offset \(end): 10 bytes"), "\(before.stdout)")
        #expect(before.stdout.contains("TORN TAIL"))

        try daemon.start()
        #expect(daemon.log.contains("cut a torn tail"), "\(daemon.log)")
        #expect(daemon.log.contains("bytes_dropped=10"), "\(daemon.log)")
        let verify = try daemon.ctl("verify")
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("records     2"))
        #expect(try daemon.stop() == 0)
        #expect(try run(Paths.binaries + "/timelined", ["verify", "--data", daemon.data]).status == 0)
    }

    @Test func aSnapshotShortensTheStartAndChangesNoAnswer() async throws {
        try await onOwnThread(aSnapshotShortensTheStartAndChangesNoAnswerBody)
    }

    private func aSnapshotShortensTheStartAndChangesNoAnswerBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        for n in 1...4 { try daemon.dropArticle(n) }
        try waitUntil("the articles are processed") { daemon.files(in: daemon.processed).count == 4 }
        let expected = try daemon.ctl("documents", "--json").stdout
        #expect(try daemon.stop() == 0)
        // Written at the stop, covering every event.
        let snapshots = daemon.data + "/state/snapshots"
        #expect(daemon.files(in: snapshots) == ["00000000000000000004.snap"])

        try daemon.start()
        #expect(daemon.log.contains("snapshot loaded"), "\(daemon.log)")
        #expect(daemon.log.contains("replayed=0"), "\(daemon.log)")
        #expect(try daemon.ctl("documents", "--json").stdout == expected)
        #expect(try daemon.stop() == 0)

        // Damaged: ignored, named in the log, and the log replayed.
        let file = snapshots + "/00000000000000000004.snap"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        try flipByte(at: UInt64(size - 10), in: file)
        try daemon.start()
        #expect(daemon.log.contains("snapshot ignored"), "\(daemon.log)")
        #expect(daemon.log.contains("replayed=4"), "\(daemon.log)")
        #expect(try daemon.ctl("documents", "--json").stdout == expected)
        #expect(try daemon.stop() == 0)
    }

    @Test func eventsPrintsTheLogAndFollowsItFromAGivenSeq() async throws {
        try await onOwnThread(eventsPrintsTheLogAndFollowsItFromAGivenSeqBody)
    }

    private func eventsPrintsTheLogAndFollowsItFromAGivenSeqBody() throws {
        let daemon = try TestDaemon()
        try daemon.start()
        for n in 1...2 { try daemon.dropArticle(n) }
        try waitUntil("two articles are processed") { daemon.files(in: daemon.processed).count == 2 }

        let all = try daemon.ctl("events")
        #expect(all.status == 0)
        let lines = try all.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Object) }
        #expect(lines.map { $0["seq"] as? Int } == [1, 2])
        #expect(lines.allSatisfy { $0["type"] as? String == "document.received" && $0["schema"] as? Int == 1 })
        #expect(((lines[0]["data"] as? Object)?["name"] as? String)?.hasPrefix("article-") == true)

        let follower = try FollowingProcess(
            Paths.binaries + "/timelinectl", ["events", "--follow", "--after", "1", "--socket", daemon.socket])
        try waitUntil("the follower has caught up") { follower.output.contains("\"seq\":2") }
        try daemon.dropArticle(3)
        try waitUntil("the follower prints the new event") { follower.output.contains("\"seq\":3") }
        #expect(try daemon.stop() == 0)
        #expect(follower.waitForExit() == 0)
        let seqs = try follower.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Object)["seq"] as? Int
        }
        #expect(seqs == [2, 3])
    }
}

/// A child process whose standard output is collected as it comes.
final class FollowingProcess {
    private let process: Process
    private let sink = OutputSink()

    init(_ executable: String, _ arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread { [sink] in
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                sink.data.withLock { $0.append(chunk) }
            }
            sink.finished.signal()
        }
    }

    var output: String { sink.data.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Waits for the process to end (and its output to be read) and returns its status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        sink.finished.wait()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

/// What the reading thread hands to the test.
private final class OutputSink: Sendable {
    let data = Mutex(Data())
    let finished = DispatchSemaphore(value: 0)
}

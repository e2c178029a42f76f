import EventLog
import Foundation
import TimelineTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Damage at the log's tail that takes acknowledged batches, as a user
/// meets it: the start refuses, naming the figures, `timelined recover`
/// shows what is lost and changes nothing, and `--accept-loss` cuts the
/// log and sets aside what no longer matches it, so that the daemon
/// starts and serves again.
@Suite(.serialized) struct TailLossTests {
    /// A daemon whose log rolls every 4 KiB, so that its last segment holds
    /// only the last batches.
    private func smallSegmentDaemon() throws -> TestDaemon {
        let daemon = try TestDaemon()
        let configuration = daemon.data + "/timelined.yaml"
        try "log:\n  segment_bytes: 4096\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        daemon.extraArguments = ["--config", configuration]
        return daemon
    }

    private func logFolder(_ daemon: TestDaemon) -> String { daemon.data + "/state/log" }

    /// The last segment's path and its event records.
    private func lastSegment(_ daemon: TestDaemon) throws -> (path: String, records: [DecodedRecord]) {
        let name = try #require(daemon.files(in: logFolder(daemon)).last { $0.hasSuffix(".seg") })
        let path = logFolder(daemon) + "/" + name
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let header = try bytes.withUnsafeBytes { try SegmentHeader(decoding: $0, segment: name) }
        var decoder = RecordDecoder(startOffset: Int64(header.headerLength), preallocated: true)
        decoder.feed(bytes[header.headerLength...])
        var records: [DecodedRecord] = []
        while let record = try decoder.next() { records.append(record) }
        return (path, records.filter { $0.kind == .event })
    }

    private func truncate(_ path: String, at offset: Int64) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(offset))
        try handle.close()
    }

    /// Every file under a folder, with its bytes.
    private func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
            }
        }
        return files
    }

    /// Starts the daemon, expecting it to refuse, and returns the one line
    /// that says why.
    private func refusedStart(_ daemon: TestDaemon) throws -> String {
        do {
            try daemon.start()
            Issue.record("timelined started:\n\(daemon.log)")
            try daemon.stop()
            return ""
        } catch let exited as DaemonExited {
            #expect(exited.status == 1, "\(exited)")
        }
        let lines = daemon.log.split(separator: "\n").filter { $0.contains("refusing to start") }
        #expect(lines.count == 1, "\(daemon.log)")
        return String(lines.first ?? "")
    }

    private func timelined(_ daemon: TestDaemon, _ arguments: String...) throws -> CommandResult {
        try run(Paths.binaries + "/timelined", arguments + ["--data", daemon.data])
    }

    @Test func aTailCutBehindTheSnapshotStopsTheStartUntilTheLossIsAccepted() async throws {
        try await onOwnThread(aTailCutBehindTheSnapshotStopsTheStartUntilTheLossIsAcceptedBody)
    }

    private func aTailCutBehindTheSnapshotStopsTheStartUntilTheLossIsAcceptedBody() throws {
        let daemon = try smallSegmentDaemon()
        try daemon.start()
        for n in 1...20 { try daemon.dropArticle(n) }
        try waitUntil("the first articles are processed") { daemon.files(in: daemon.processed).count == 20 }
        #expect(try daemon.stop() == 0)
        // Dropped while it is stopped, the next 20 are one batch at the next
        // start: more than a segment holds, so the batch fills one alone.
        for n in 21...40 { try daemon.dropArticle(n) }
        try daemon.start()
        try waitUntil("every article is processed") { daemon.files(in: daemon.processed).count == 40 }
        #expect(try daemon.stop() == 0)
        // Written at each stop, covering every event.
        #expect(daemon.files(in: daemon.data + "/state/snapshots") == ["00000000000000000020.snap", "00000000000000000040.snap"])

        // The last record of the batch is damaged: cutting back to the last
        // whole batch would drop the batch, which was acknowledged.
        let (segment, records) = try lastSegment(daemon)
        let last = try #require(records.last)
        #expect(last.seq == 40)
        let firstOfBatch = try #require(records.last { $0.seq < 40 && !$0.batchContinues }.map { $0.seq + 1 } ?? records.first?.seq)
        let end = firstOfBatch - 1
        let cutOffset = try #require(records.first { $0.seq == firstOfBatch }).offset
        let readable = Int(40 - firstOfBatch)
        #expect(readable >= 1, "the batch holds \(40 - end) records")
        try truncate(segment, at: last.offset + 30)
        let damaged = try Data(contentsOf: URL(fileURLWithPath: segment))
        let segmentName = URL(fileURLWithPath: segment).lastPathComponent

        let refusal = try refusedStart(daemon)
        for figure in ["code=data-loss", "segment=\(segmentName)", "offset=\(cutOffset)", "seq=\(end + 1)",
                       "would end the log at seq \(end)", "snapshot 00000000000000000040.snap shows it reached seq 40",
                       "\(40 - end) acknowledged records (seq \(end + 1)...40) would be lost",
                       "timelined verify", "timelined recover --accept-loss"] {
            #expect(refusal.contains(figure), "\(figure): \(refusal)")
        }
        #expect(!daemon.log.contains("cut a torn tail"), "\(daemon.log)")

        let verify = try timelined(daemon, "verify")
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("fault       data-loss at \(segmentName), offset \(cutOffset), seq \(end + 1)"), "\(verify.stdout)")

        // Without --accept-loss: what would be lost, and nothing changed.
        let state = try contents(of: daemon.data + "/state")
        let dryRun = try timelined(daemon, "recover")
        #expect(dryRun.status == 2, "\(dryRun.stdout)\(dryRun.stderr)")
        for line in ["ends at     seq \(end), \(segmentName) at offset \(cutOffset)",
                     "known       seq 40, from snapshot 00000000000000000040.snap",
                     "lost        \(40 - end) acknowledged records, seq \(end + 1)...40: \(readable) can still be read, 1 cannot",
                     "documents   \(readable) named in the records that can be read (\(readable) received, 0 refused)",
                     "would be moved to", "NOT RECOVERED: nothing was changed"] {
            #expect(dryRun.stdout.contains(line), "\(line): \(dryRun.stdout)")
        }
        #expect(dryRun.stdout.components(separatedBy: "received  article-").count - 1 == readable, "\(dryRun.stdout)")
        #expect(try contents(of: daemon.data + "/state") == state)
        #expect(throws: DaemonExited.self) { try daemon.start() }

        // With it: the log cut, the snapshot and the cut bytes set aside.
        let recovered = try timelined(daemon, "recover", "--accept-loss")
        #expect(recovered.status == 0, "\(recovered.stdout)\(recovered.stderr)")
        #expect(recovered.stdout.contains("recovered: the log ends at seq \(end)"), "\(recovered.stdout)")
        #expect(daemon.files(in: daemon.data + "/state/snapshots").allSatisfy { UInt64($0.prefix(20))! <= end })
        let setAside = try #require(daemon.files(in: daemon.data + "/state").first { $0.hasPrefix("recovered-") })
        let folder = daemon.data + "/state/" + setAside
        #expect(daemon.files(in: folder + "/snapshots") == ["00000000000000000040.snap"])
        #expect(daemon.files(in: folder).contains("report.txt"))
        let cutBytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/\(segmentName).cut-at-\(cutOffset)"))
        // From the cut to the last byte that is not zero.
        let tail = damaged[Int(cutOffset)...]
        #expect(cutBytes == tail.prefix(through: try #require(tail.lastIndex { $0 != 0 })))
        #expect(try String(contentsOfFile: daemon.data + "/state/acknowledged-seq", encoding: .utf8)
            .hasPrefix(String(repeating: "0", count: 20 - String(end).count) + String(end)))

        // The next start is clean and serves the log as it now ends.
        try daemon.start()
        #expect(!daemon.log.contains("snapshot ignored"), "\(daemon.log)")
        #expect(try daemon.documents().count == Int(end))
        let whileRunning = try timelined(daemon, "recover", "--accept-loss")
        #expect(whileRunning.status == 1)
        #expect(whileRunning.stdout.contains("is timelined running?"), "\(whileRunning.stdout)")

        // As the report says: the files moved back into the inbox are taken
        // again, and those the log still holds add nothing.
        for name in daemon.files(in: daemon.processed) {
            #expect(rename(daemon.processed + "/" + name, daemon.inbox + "/" + name) == 0)
        }
        try waitUntil("the lost documents are taken again") {
            guard daemon.files(in: daemon.processed).count == 40, daemon.files(in: daemon.inbox).isEmpty else { return false }
            return try daemon.documents().count == 40
        }
        #expect(try daemon.stop() == 0)
    }

    @Test func afterACrashTheAcknowledgedSeqStopsAStartThatWouldDropABatch() async throws {
        try await onOwnThread(afterACrashTheAcknowledgedSeqStopsAStartThatWouldDropABatchBody)
    }

    private func afterACrashTheAcknowledgedSeqStopsAStartThatWouldDropABatchBody() throws {
        let daemon = try smallSegmentDaemon()
        try daemon.start()
        for n in 1...30 { try daemon.dropArticle(n) }
        try waitUntil("the articles are processed") { daemon.files(in: daemon.processed).count == 30 }
        // Killed: no snapshot is written, only the acknowledged seq says how
        // far the log had come.
        try daemon.stop(signal: SIGKILL)
        #expect(daemon.files(in: daemon.data + "/state/snapshots").isEmpty)
        let (segment, records) = try lastSegment(daemon)
        let first = try #require(records.first)
        try truncate(segment, at: first.offset + 30)
        let end = first.seq - 1

        let refusal = try refusedStart(daemon)
        #expect(refusal.contains("acknowledged-seq shows it reached seq 30"), "\(refusal)")
        #expect(refusal.contains("\(30 - end) acknowledged record"), "\(refusal)")

        let recovered = try timelined(daemon, "recover", "--accept-loss")
        #expect(recovered.status == 0, "\(recovered.stdout)\(recovered.stderr)")
        #expect(recovered.stdout.contains("snapshots   none past seq \(end)"), "\(recovered.stdout)")
        try daemon.start()
        #expect(try daemon.documents().count == Int(end))
        #expect(try daemon.stop() == 0)
    }
}

import EventLog
import Foundation
import Testing
import TimelineTestSupport
@testable import TimelineDaemon

/// What a start takes as proof of how far the log had come: the newest
/// snapshot's header and the acknowledged seq, the higher of the two.
@Suite struct KnownLogEndTests {
    private func folders(_ data: String) -> DataFolders {
        DaemonConfiguration(dataDirectory: data).folders
    }

    @Test func theAcknowledgedSeqIsWrittenInPlaceOnlyUpwardsAndReadBack() async throws {
        try await withTemporaryFolder { state in
            #expect(AcknowledgedSeq.read(state: state) == .absent)
            let acknowledged = try AcknowledgedSeq(state: state, logger: CapturedLog().logger)
            // Created, nothing written yet: a crash here proves nothing.
            #expect(AcknowledgedSeq.read(state: state) == .absent)
            acknowledged.record(42)
            acknowledged.record(7)
            #expect(AcknowledgedSeq.read(state: state) == .seq(42))
            acknowledged.record(4_500)
            acknowledged.sync()
            #expect(AcknowledgedSeq.read(state: state) == .seq(4_500))
            let text = try String(contentsOfFile: acknowledged.path, encoding: .utf8)
            #expect(text.hasPrefix("00000000000000004500 ") && text.count == 30, "\(text)")

            try AcknowledgedSeq.reset(state: state, to: 4_119)
            #expect(AcknowledgedSeq.read(state: state) == .seq(4_119))

            // A changed digit fails the checksum.
            try ("00000000000000009500" + text.dropFirst(20)).write(toFile: acknowledged.path, atomically: false, encoding: .utf8)
            guard case .unusable = AcknowledgedSeq.read(state: state) else {
                Issue.record("a damaged file was read as \(AcknowledgedSeq.read(state: state))")
                return
            }
        }
    }

    @Test func theHigherOfTheNewestSnapshotAndTheAcknowledgedSeqIsKnown() async throws {
        try await withTemporaryFolder { data in
            let folders = folders(data)
            try FileManager.default.createDirectory(atPath: folders.state, withIntermediateDirectories: true)
            #expect(KnownLogEnd(folders: folders).known == nil)

            let store = SnapshotStore(directory: URL(fileURLWithPath: folders.snapshots))
            try store.write([1, 2, 3], seq: 40, chainHead: .zero, version: "another version")
            let end = KnownLogEnd(folders: folders)
            #expect(end.known == EventLog.KnownSeq(seq: 40, evidence: "snapshot 00000000000000000040.snap"))

            try AcknowledgedSeq.reset(state: folders.state, to: 55)
            #expect(KnownLogEnd(folders: folders).known?.seq == 55)
            #expect(KnownLogEnd(folders: folders).known?.evidence.contains("acknowledged-seq") == true)

            // A snapshot whose header does not read is passed over, and said.
            try Data([0x89, 0x45]).write(to: URL(fileURLWithPath: folders.snapshots + "/00000000000000000090.snap"))
            let passed = KnownLogEnd(folders: folders)
            #expect(passed.known?.seq == 55)
            #expect(passed.passedOver.count == 1)
            #expect(passed.passedOver.first?.contains("00000000000000000090.snap") == true)
        }
    }
}

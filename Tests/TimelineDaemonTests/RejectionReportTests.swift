import DurableFiles
import Foundation
import Testing
import TimelineTestSupport
import Timeline
@testable import TimelineDaemon

/// A report a stop kept from being written is made again from the log:
/// only for a refused file still in failed/ under its name, never over a
/// file already there.
@Suite struct RejectionReportTests {
    private func rejected(_ name: String, movedTo: String, seq: UInt64) -> DocumentRecord {
        DocumentRecord(
            name: name, sha256: nil, status: .rejected, seq: seq, receivedAt: Date(timeIntervalSince1970: 1_700_000_000),
            reason: "symlink", message: "a symbolic link", movedTo: movedTo)
    }

    private func touch(_ name: FileName, in folder: String) {
        let fd = open(name.path(in: folder), O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0)
        close(fd)
    }

    @Test func aRefusedFileWithoutItsReportGetsTheReportItsEventGives() async throws {
        try await withTemporaryFolder { failed in
            let odd = FileName(bytes: Array("odd".utf8) + [0xFF] + Array(".txt".utf8))
            for name in ["a", "a.error.json", "b", "c.error.json", "d.1"] as [FileName] + [odd] { touch(name, in: failed) }
            let records = [
                rejected("a", movedTo: "failed/a", seq: 3),  // has its report
                rejected("b", movedTo: "failed/b", seq: 5),  // lacks it
                rejected("c", movedTo: "failed/c", seq: 7),  // removed from failed/ by hand
                rejected("d", movedTo: "failed/d.1", seq: 9),  // lacks it, under a suffixed name
                rejected(odd.text, movedTo: "failed/" + odd.text, seq: 11),  // a name that is not UTF-8
            ]
            let missing = try RejectionReport.missing(for: records, in: failed)
            #expect(missing.map(\.movedTo) == ["b", "d.1", odd])
            #expect(missing.map(\.report) == [records[1], records[3], records[4]].map(RejectionReport.init))
            let first = try #require(missing.first).report
            #expect(first.name == "b" && first.reason == "symlink" && first.message == "a symbolic link")
            #expect(first.seq == 5 && first.rejectedAt == "2023-11-14T22:13:20Z")
        }
    }

    @Test func aNameGivenAgainIsTheLatestRefusals() async throws {
        try await withTemporaryFolder { failed in
            touch("x", in: failed)
            let records = [rejected("x", movedTo: "failed/x", seq: 2), rejected("x", movedTo: "failed/x", seq: 8)]
            let missing = try RejectionReport.missing(for: records, in: failed)
            #expect(missing.map(\.report.seq) == [8])
        }
    }

    @Test func theReportOfAnEventIsTheReportOfItsRecord() {
        let event = DocumentRejected(
            name: "b", reason: "symlink", message: "a symbolic link", movedTo: "failed/b", size: 12)
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        var projections = Projections()
        projections.apply(Event(seq: 4, recordedAt: at, payload: .documentRejected(event)))
        #expect(projections.rejectedDocuments.map(RejectionReport.init) == [RejectionReport(event, seq: 4, recordedAt: at)])
    }
}

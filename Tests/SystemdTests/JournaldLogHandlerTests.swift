import Foundation
import Logging
import Testing
import TimelineTestSupport
@testable import TimelineDaemon

/// The journal entry each log event becomes, checked as fields, without a
/// journal: the nspawn test reads them back from a real one.
struct JournaldLogHandlerTests {
    func fields(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) -> [String] {
        JournaldLogHandler.fields(
            for: level, message: message, metadata: metadata,
            file: "TimelineDaemon/Daemon.swift", line: 180, function: "ingest(_:)", identifier: "timelined")
    }

    @Test func aReceivedDocumentCarriesItsFields() {
        let entry = fields(.info, "received", [
            "file": "a.txt", "document": "ab12", "claims": "3", "seq": "4...7", "moved_to": "processed/a.txt",
        ])
        #expect(entry.contains("MESSAGE=received claims=3 document=ab12 file=a.txt moved_to=processed/a.txt seq=4...7"))
        #expect(entry.contains("PRIORITY=6"))
        #expect(entry.contains("SYSLOG_IDENTIFIER=timelined"))
        #expect(entry.contains("MESSAGE_ID=\(JournalMessageID.documentReceived.hex)"))
        #expect(entry.contains("DOCUMENT=ab12"))
        #expect(entry.contains("SEQ=4...7"))
        #expect(entry.contains("FILE=a.txt"))
        #expect(entry.contains("MOVED_TO=processed/a.txt"))
        #expect(entry.contains("CODE_FILE=TimelineDaemon/Daemon.swift"))
        #expect(entry.contains("CODE_LINE=180"))
        #expect(entry.contains("CODE_FUNC=ingest(_:)"))
    }

    @Test func claimIdsBecomeOneFieldEach() {
        let entry = fields(.notice, "retracted", ["claim": .array(["c1", "c2"])])
        #expect(entry.filter { $0.hasPrefix("CLAIM_ID=") } == ["CLAIM_ID=c1", "CLAIM_ID=c2"])
        #expect(entry.contains("PRIORITY=5"))
        #expect(!entry.contains { $0.hasPrefix("MESSAGE_ID=") })
    }

    @Test func keysThatAreNoFieldNamesStayInTheMessageOnly() {
        let entry = fields(.warning, "something", [
            "_pid": "1", "9lives": "x", "bytes-dropped": "3", "priority": "0", "message": "m",
        ])
        #expect(entry.filter { $0.hasPrefix("PRIORITY=") } == ["PRIORITY=4"])
        #expect(!entry.contains { $0.hasPrefix("_PID=") || $0.hasPrefix("9LIVES=") || $0.hasPrefix("BYTES-DROPPED=") })
        #expect(entry[0] == "MESSAGE=something 9lives=x _pid=1 bytes-dropped=3 message=m priority=0")
    }

    @Test func fieldNamesFollowJournaldsRule() {
        #expect(JournaldLogHandler.isValidFieldName("MOVED_TO"))
        #expect(JournaldLogHandler.isValidFieldName("A1"))
        #expect(!JournaldLogHandler.isValidFieldName(""))
        #expect(!JournaldLogHandler.isValidFieldName("_TRUSTED"))
        #expect(!JournaldLogHandler.isValidFieldName("1ST"))
        #expect(!JournaldLogHandler.isValidFieldName("lower"))
        #expect(!JournaldLogHandler.isValidFieldName(String(repeating: "A", count: 65)))
    }

    @Test func messagesWithAnErrorsWordsStillFindTheirId() {
        #expect(JournalMessageID.forMessage("reload failed; keeping the previous lexicon: no such file") == .reloadFailed)
        #expect(JournalMessageID.forMessage("cannot run: the log cannot be trusted") == .startFailed)
        #expect(JournalMessageID.forMessage("ready") == .daemonReady)
        #expect(JournalMessageID.forMessage("lexicon loaded") == nil)
    }

    @Test func everyIdIsUniqueAndExplainedInTheCatalog() throws {
        let ids = JournalMessageID.all.map(\.hex)
        #expect(Set(ids).count == ids.count)
        let catalog = try String(contentsOfFile: Paths.units + "/timelined.catalog", encoding: .utf8)
        let entries = catalog.split(separator: "\n").filter { $0.hasPrefix("-- ") }.map { String($0.dropFirst(3)) }
        #expect(entries.sorted() == ids.sorted())
    }
}

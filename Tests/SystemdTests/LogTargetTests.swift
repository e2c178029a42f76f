import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TimelineDaemon

/// The journal is chosen only when systemd connected standard error to it
/// (JOURNAL_STREAM names stderr's device and inode), or started the
/// process and the journal can be reached.
struct LogTargetTests {
    func standardErrorStream() -> String {
        var info = stat()
        fstat(STDERR_FILENO, &info)
        return "\(info.st_dev):\(info.st_ino)"
    }

    @Test func journalStreamNamingStandardErrorChoosesTheJournal() {
        #expect(LogTarget.automatic(environment: ["JOURNAL_STREAM": standardErrorStream()]) == .journal)
    }

    @Test func anInheritedJournalStreamIsIgnored() {
        // A parent's stream, which this process's stderr no longer is.
        #expect(LogTarget.automatic(environment: ["JOURNAL_STREAM": "1:2"], journalSocket: "/nonexistent") == .standardError)
        #expect(LogTarget.automatic(environment: ["JOURNAL_STREAM": "garbage"], journalSocket: "/nonexistent") == .standardError)
    }

    @Test func aTerminalOrATestGetsStandardError() {
        #expect(LogTarget.automatic(environment: [:]) == .standardError)
        #expect(LogTarget.automatic(environment: ["INVOCATION_ID": "x"], journalSocket: "/nonexistent") == .standardError)
    }
}

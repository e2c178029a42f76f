import EventLog
import Timeline

/// Answers `Verify`: the walk of ``EventLog/verify(directory:)`` over the
/// log the daemon writes, run on a queue of its own (it reads every
/// segment; the store and the ingest loop carry on meanwhile).
enum LogVerification {
    /// Verifies the log.
    ///
    /// The walk takes no lock, so it may meet a batch the daemon is writing
    /// at that moment: bytes past every record that was durable when the
    /// walk began. Those are an append in progress, not a torn tail (this
    /// daemon cut any torn tail when it opened the log), so they are left
    /// out of the report once every record durable at the start checked out.
    static func run(_ log: EventLog) async throws -> TimelineInterface.VerifyReport {
        let durable = log.position
        let directory = log.directory
        let report = try await BlockingWork.run { EventLog.verify(directory: directory) }
        var result = report.forInterface
        if report.tornTail != nil, report.faults.isEmpty, report.lastSeq >= durable.seq {
            result.tornTail = nil
        }
        return result
    }
}

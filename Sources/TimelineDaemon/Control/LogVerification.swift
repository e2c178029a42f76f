import EventLog
import Timeline

/// Answers `Verify`: the walk of ``EventLog/verify()`` over the log the
/// daemon writes, run on a queue of its own (it reads every segment; the
/// store and the ingest loop carry on meanwhile).
enum LogVerification {
    /// Verifies the log as far as it is durable when the walk begins:
    /// batches the daemon appends meanwhile are neither checked nor taken
    /// for a torn tail.
    static func run(_ log: EventLog) async throws -> TimelineInterface.VerifyReport {
        try await BlockingWork.run { log.verify() }.forInterface
    }
}

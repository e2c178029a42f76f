import Foundation

extension EventLog {
    /// Checks a log without changing it: every record's framing, CRC, seq and
    /// place in the hash chain, every segment header and seal, and the links
    /// between segments.
    ///
    /// Safe to run while a daemon writes the log (it takes no lock): a batch
    /// being written may then show as a torn tail.
    ///
    /// - Parameters:
    ///   - directory: the log's directory.
    /// - Returns: what was found. ``VerifyReport/faults`` lists corruption, each
    ///   with segment, offset and seq; ``VerifyReport/tornTail`` an incomplete
    ///   end, which opening the log would cut. A directory that cannot be read
    ///   yields a report with that one fault.
    public static func verify(directory: URL) -> VerifyReport {
        let path = directory.standardizedFileURL.path
        var scan = LogScan(directory: path, mode: .verify)
        var names: [String] = []
        var faults: [EventLogError] = []
        do {
            names = try LogScan.segmentFileNames(in: path)
            try scan.run(segmentFileNames: names)
        } catch let error as EventLogError {
            faults.append(error)
        } catch {
            faults.append(EventLogError(.io, "verifying \(path) failed: \(error)"))
        }
        return VerifyReport(
            segments: names.count, sealedSegments: scan.segments.count(where: { $0.sealed }),
            records: scan.records, lastSeq: scan.lastSeq, chainHead: scan.chainHead,
            faults: scan.faults + faults, tornTail: scan.tornTail)
    }
}

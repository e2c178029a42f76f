import Foundation

extension EventLog {
    /// Checks a log without changing it: every record's framing, CRC, seq and
    /// place in the hash chain, every segment header and seal, and the links
    /// between segments.
    ///
    /// Safe to run while a daemon writes the log (it takes no lock): records
    /// appended while it reads are read on; a batch being written may show
    /// as a torn tail.
    ///
    /// - Parameters:
    ///   - directory: the log's directory.
    ///   - knownSeq: a seq the log is known to have reached, as
    ///     ``Options/knownSeq`` gives it to opening: a log that ends, or
    ///     would end once its torn tail is cut, before it has the fault
    ///     ``EventLogError/Code/dataLoss`` that opening would refuse with.
    ///     Read it before the log: the log only grows meanwhile.
    /// - Returns: what was found. ``VerifyReport/faults`` lists corruption, each
    ///   with segment, offset and seq; ``VerifyReport/tornTail`` an incomplete
    ///   end, which opening the log would cut. A directory that cannot be read
    ///   yields a report with that one fault.
    public static func verify(directory: URL, knownSeq: KnownSeq? = nil) -> VerifyReport {
        let path = directory.standardizedFileURL.path
        return verify(
            path: path, segmentFileNames: { try LogScan.segmentFileNames(in: path) }, lastSegmentEnd: nil, knownSeq: knownSeq)
    }

    /// Checks this log as ``verify(directory:)`` does, as far as it is
    /// durable now: the segments it has and the records of the last one up
    /// to where the last commit ended, so that appends made meanwhile are
    /// neither checked nor mistaken for a torn tail.
    public func verify() -> VerifyReport {
        let view = shared.withLock { $0.view }
        return Self.verify(
            path: directoryPath, segmentFileNames: { view.segments.map(\.fileName) }, lastSegmentEnd: view.lastSegmentEnd,
            knownSeq: nil)
    }

    private static func verify(
        path: String, segmentFileNames: () throws -> [String], lastSegmentEnd: Int64?, knownSeq: KnownSeq?
    ) -> VerifyReport {
        var scan = LogScan(directory: path, mode: .verify)
        var names: [String] = []
        var faults: [EventLogError] = []
        do {
            names = try segmentFileNames()
            try scan.run(segmentFileNames: names, lastSegmentEnd: lastSegmentEnd)
        } catch let error as EventLogError {
            faults.append(error)
        } catch {
            faults.append(EventLogError(.io, "verifying \(path) failed: \(error)"))
        }
        if faults.isEmpty, scan.faults.isEmpty, let shortfall = LogEnd(scan).shortfall(of: knownSeq) {
            faults.append(shortfall.error)
        }
        return VerifyReport(
            segments: names.count, sealedSegments: scan.segments.count(where: { $0.sealed }),
            records: scan.records, lastSeq: scan.lastSeq, chainHead: scan.chainHead,
            faults: scan.faults + faults, tornTail: scan.tornTail)
    }
}

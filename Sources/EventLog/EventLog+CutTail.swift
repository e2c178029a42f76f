import Foundation
import Glibc

extension EventLog {
    /// Cuts a log's tail offline, once the caller has seen what the cut
    /// loses: for a person who accepts losing acknowledged records that
    /// damage at the end of the log took (see ``LogShortfall``), which
    /// opening the log refuses to do on its own.
    ///
    /// Takes the log's lock, checks every record as opening does, reads the
    /// whole records that follow the cut (the start of the batch a torn tail
    /// cut short), and hands where the log ends to `decide`. When `decide`
    /// returns true and there is a torn tail, the tail is cut and the segment
    /// synced, as opening would. The lock is held throughout, so `decide`
    /// may take the caller's own steps of the same recovery (setting aside
    /// snapshots past the end) before the cut, with no writer in between.
    ///
    /// - Parameters:
    ///   - directory: the log's directory; it is not created.
    ///   - decide: given where the log ends once cut, says whether to cut.
    ///     Throwing stops the recovery with nothing cut.
    /// - Returns: where the log ends (once cut, if `decide` said so).
    /// - Throws: ``EventLogError``: ``EventLogError/Code/locked`` when the log
    ///   is open for writing (a daemon runs on it); a corruption code when a
    ///   record before the tail is damaged, which no cut of the tail mends;
    ///   ``EventLogError/Code/io`` when a system call fails; or what `decide`
    ///   throws.
    public static func cutTail(directory: URL, _ decide: (LogEnd) throws -> Bool) throws -> LogEnd {
        let path = directory.standardizedFileURL.path
        let directoryFile = try SystemFile.openDirectory(path)
        defer { directoryFile.close() }
        guard try directoryFile.lockExclusive(patience: .milliseconds(500)) else {
            throw EventLogError(
                .locked, "the event log in \(path) is open for writing by another process (is timelined running?); stop it first")
        }
        let names = try LogScan.segmentFileNames(in: path)
        guard !names.isEmpty else {
            let end = LogEnd(seq: 0, segment: nil, offset: nil, tornTail: nil)
            _ = try decide(end)
            return end
        }
        var scan = LogScan(directory: path, mode: .recover(fullCheck: true))
        try scan.run(segmentFileNames: names)
        let end = LogEnd(scan, readableRecords: try scan.tornTail.map { try readableRecords(in: $0, directory: path, after: scan.lastSeq) } ?? [])
        if try decide(end), let torn = end.tornTail {
            try cut(torn, directory: path)
        }
        return end
    }

    /// Cuts a torn tail off its segment and syncs the segment.
    static func cut(_ torn: TornTail, directory path: String) throws {
        let file = try SystemFile.open(path + "/" + torn.segment, name: torn.segment, flags: O_WRONLY)
        defer { file.close() }
        try file.truncate(to: torn.offset)
        try file.syncData()
    }

    /// The whole event records of a torn tail, up to its first damaged or
    /// missing byte: they are in seq order after `lastSeq`, but their batch
    /// never ended in the log.
    private static func readableRecords(in torn: TornTail, directory path: String, after lastSeq: UInt64) throws -> [Record] {
        let file = try SystemFile.open(path + "/" + torn.segment, name: torn.segment, flags: O_RDONLY)
        defer { file.close() }
        let reader = SegmentFrameReader(file: file, start: torn.offset, limit: torn.offset + torn.byteCount)
        var records: [Record] = []
        while case .frame(_, let payload) = try reader.next() {
            let view = PayloadView(bytes: payload)
            guard view.kind == .event, view.seq == lastSeq + 1 + UInt64(records.count) else { break }
            records.append(Record(seq: view.seq, body: Array(view.body)))
        }
        return records
    }
}

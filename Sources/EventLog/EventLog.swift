import DurableFiles
import Dispatch
import Foundation
import Glibc
import Synchronization

/// An append-only log of opaque records in a directory of segment files:
/// durable before acknowledged, gap-free seqs in commit order, every record
/// checksummed and hash-chained, torn tails cut at open, damage anywhere else
/// refused with its segment, offset and seq.
///
/// ```swift
/// let log = try EventLog.open(directory: stateURL.appending(path: "log"))
/// let seqs = try await log.append([eventJSON])          // durable when it returns
/// try log.forEachRecord(after: 0) { seq, body in … }    // replay
/// ```
///
/// One `EventLog` writes a directory at a time: it holds an exclusive `flock`
/// on the directory until ``close()``. Appends from any number of tasks are
/// queued to one writer, which writes every queued batch and then syncs once
/// (group commit). Reads run on the caller's thread and see every record
/// whose append has returned.
///
/// docs/LOG-FORMAT.md describes the files byte by byte.
public final class EventLog: Sendable {
    /// The directory holding the segments.
    public let directory: URL
    /// The options the log was opened with.
    public let options: Options
    /// What opening found and repaired.
    public let recoveryReport: RecoveryReport

    let directoryPath: String
    /// The open directory: holds the lock, and is synced after a segment is created.
    let directoryFile: SystemFile
    /// Runs commits one at a time, off the Swift concurrency pool (an
    /// `fdatasync` blocks its thread for the length of a disk flush).
    let writerQueue = DispatchQueue(label: "timelined.EventLog.writer")
    /// Touched only on `writerQueue`; the lock is never contended, it only
    /// lets the compiler see that the writer's state is not shared.
    let writer: Mutex<SegmentWriter>
    /// The appends waiting for the writer, and what readers may see.
    let shared: Mutex<SharedState>
    let index: Mutex<SparseIndex>

    struct SharedState: Sendable {
        var pending: [AppendRequest] = []
        /// Whether a drain is queued or running on `writerQueue`.
        var draining = false
        /// Holds queued appends back (tests use it to make group commit deterministic).
        var paused = false
        var closed = false
        var view: CommittedView
        var statistics = Statistics()
    }

    struct AppendRequest: Sendable {
        var bodies: [[UInt8]]
        var completion: @Sendable (Result<ClosedRange<UInt64>, EventLogError>) -> Void
    }

    private init(
        directory: URL, directoryPath: String, directoryFile: SystemFile, options: Options,
        report: RecoveryReport, writer: SegmentWriter, view: CommittedView, index: SparseIndex
    ) {
        self.directory = directory
        self.directoryPath = directoryPath
        self.directoryFile = directoryFile
        self.options = options
        self.recoveryReport = report
        self.writer = Mutex(writer)
        self.shared = Mutex(SharedState(view: view))
        self.index = Mutex(index)
    }

    deinit {
        let wasClosed = shared.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        if !wasClosed {
            writer.withLock { $0.close() }
            directoryFile.close()
        }
    }

    /// Opens the log in a directory, creating both if needed, and recovers it.
    ///
    /// Recovery reads the segments (all records, or per ``Options/openCheck``),
    /// cuts a torn tail of the last segment back to its last whole batch (see
    /// ``recoveryReport``), and removes temporary files left by an interrupted
    /// segment creation. When the log, so cut, would end before the seq that
    /// ``Options/knownSeq`` says it reached, it refuses instead, before it
    /// changes anything: the cut would drop acknowledged records.
    ///
    /// - Parameters:
    ///   - directory: the log's directory (`state/log`).
    ///   - options: segment size, record limit, open check, known seq, logger.
    /// - Returns: the log, ready to append from its last whole record.
    /// - Throws: ``EventLogError``: ``EventLogError/Code/locked`` when another
    ///   `EventLog` has the directory open; a corruption code (see
    ///   ``EventLogError/Code/isCorruption``) naming segment, offset and seq when
    ///   a record before the tail is damaged;
    ///   ``EventLogError/Code/dataLoss`` (see ``LogShortfall``) when the log
    ///   ends, or would end once its torn tail is cut, before
    ///   ``Options/knownSeq``;
    ///   ``EventLogError/Code/unknownIncompatibleFlags`` or
    ///   ``EventLogError/Code/unsupportedVersion`` for a segment this build cannot
    ///   read; ``EventLogError/Code/io`` when a system call fails.
    /// - Important: the log refuses to open rather than serve records after
    ///   damage: restore the damaged segment, or move it and everything after it
    ///   away knowingly (``cutTail(directory:_:)`` does it for a tail that
    ///   falls short of a known seq). ``verify(directory:)`` lists every fault. Opening reads
    ///   the whole log on the calling thread and on one more (about a second per
    ///   few hundred MB), so call it at start-up, not from a busy task.
    public static func open(directory: URL, options: Options = Options()) throws -> EventLog {
        let path = directory.standardizedFileURL.path
        try fileStep(path) { try FileSystem.makeDirectory(path, mode: 0o755) }
        let directoryFile = try SystemFile.openDirectory(path)
        do {
            guard try directoryFile.lockExclusive(patience: .milliseconds(500)) else {
                throw EventLogError(
                    .locked, "the event log in \(path) is already open for writing (by another process, or another EventLog in this one)")
            }
            return try recover(directory: directory, path: path, directoryFile: directoryFile, options: options)
        } catch {
            directoryFile.close()
            throw error
        }
    }

    private static func recover(
        directory: URL, path: String, directoryFile: SystemFile, options: Options
    ) throws -> EventLog {
        let logger = options.logger
        // First what the log holds, and whether it reaches what it is known
        // to have reached: a refusal must leave every byte as it found it.
        var names = try LogScan.segmentFileNames(in: path)
        var scan = LogScan(directory: path, mode: .recover(fullCheck: options.openCheck.checksEveryRecord))
        if names.isEmpty {
            if let shortfall = LogEnd(seq: 0, segment: nil, offset: nil, tornTail: nil).shortfall(of: options.knownSeq) {
                throw shortfall.error
            }
        } else {
            try scan.run(segmentFileNames: names)
            if let shortfall = LogEnd(scan).shortfall(of: options.knownSeq) {
                throw shortfall.error
            }
        }

        var removed: [String] = []
        for name in try fileStep(path, { try FileSystem.list(path) }) where name.hasSuffix("." + LogFormat.segmentExtension + LogFormat.temporarySuffix) {
            try fileStep(name) { try FileSystem.remove(path + "/" + name) }
            removed.append(name)
        }
        if !removed.isEmpty {
            try directoryFile.sync()
            logger(.init(
                level: .warning,
                message: "removed \(removed.count) unfinished segment file(s) left by an interrupted start of a segment",
                metadata: ["files": removed.joined(separator: ",")]))
        }

        let createdNewLog = names.isEmpty
        if createdNewLog {
            let (file, _) = try SegmentWriter.createSegment(
                directory: path, directoryFile: directoryFile, firstSeq: 1, chainHeadIn: .zero,
                preallocate: options.segmentBytes)
            file.close()
            names = [file.name]
            logger(.init(level: .info, message: "started a new event log in \(path)", metadata: ["segment": file.name]))
            try scan.run(segmentFileNames: names)
        }
        guard let last = scan.segments.last else {
            preconditionFailure("a recover-mode scan of at least one segment yields segments or throws")
        }

        if let torn = scan.tornTail {
            try cut(torn, directory: path)
            logger(.init(
                level: .warning,
                message: "cut a torn tail of \(torn.byteCount) bytes from \(torn.segment) at offset \(torn.offset), back to seq \(scan.lastSeq): \(torn.reason)",
                metadata: [
                    "segment": torn.segment, "offset": String(torn.offset),
                    "bytes": String(torn.byteCount), "seq": String(scan.lastSeq),
                ]))
        }

        let refs = scan.segments.map { SegmentRef(fileName: $0.fileName, firstSeq: $0.firstSeq, headerLength: $0.headerLength) }
        let writer = try SegmentWriter(
            directory: path, directoryFile: directoryFile, segmentBytes: options.segmentBytes, logger: logger,
            segments: refs, last: last, lastSeq: scan.lastSeq, chainHead: scan.chainHead)
        let position = Position(seq: scan.lastSeq, chainHead: scan.chainHead)
        let view = CommittedView(segments: refs, lastSegmentEnd: last.end, position: position)
        var index = SparseIndex()
        index.add(contentsOf: scan.indexEntries.lazy.filter { $0.seq <= scan.lastSeq })
        let report = RecoveryReport(
            tornTail: scan.tornTail, removedTemporaryFiles: removed, createdNewLog: createdNewLog,
            segmentCount: scan.segments.count, lastSeq: scan.lastSeq, chainHead: scan.chainHead)
        if !createdNewLog {
            logger(.init(
                level: .info,
                message: "opened the event log in \(path): \(scan.segments.count) segment(s), last seq \(scan.lastSeq)",
                metadata: ["seq": String(scan.lastSeq), "chain_head": scan.chainHead.hex]))
        }
        return EventLog(
            directory: directory, directoryPath: path, directoryFile: directoryFile, options: options,
            report: report, writer: writer, view: view, index: index)
    }

    /// The seq of the last durable record (0 for an empty log).
    public var lastSeq: UInt64 { position.seq }

    /// The chain head after the last durable record; ``ChainHash/hex`` prints it.
    public var chainHead: ChainHash { position.chainHead }

    /// The last durable seq and the chain head after it, read together.
    public var position: Position { shared.withLock { $0.view.position } }

    /// What the writer has done since the log was opened.
    public var statistics: Statistics { shared.withLock { $0.statistics } }

    /// Stops accepting appends, completes those already queued, and releases
    /// the directory. Reads keep working. Calling it again does nothing.
    ///
    /// - Important: do not call it from code that runs on the log's writer
    ///   (none of the log's callbacks do).
    public func close() {
        let wasClosed = shared.withLock { state in
            defer {
                state.closed = true
                state.paused = false
            }
            return state.closed
        }
        guard !wasClosed else { return }
        writerQueue.sync { drain() }
        writer.withLock { $0.close() }
        directoryFile.close()
    }
}

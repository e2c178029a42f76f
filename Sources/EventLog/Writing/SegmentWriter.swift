import DurableFiles
import Glibc

/// The one writer of a log: owns the open segment, the next seq and the chain
/// head, and turns batches of bodies into synced records. Only the log's
/// writer queue calls it, one commit at a time.
struct SegmentWriter {
    /// What one commit did, for the log to publish and to answer appends.
    struct Outcome {
        var results: [Result<ClosedRange<UInt64>, EventLogError>]
        /// Present when the commit succeeded: what readers may now read.
        var view: CommittedView?
        var newIndexEntries: [SparseIndex.Entry]
        var syncs: UInt64
        var segmentsCreated: UInt64
        var records: UInt64
    }

    let directory: String
    let directoryFile: SystemFile
    let segmentBytes: Int
    let logger: @Sendable (EventLog.LogMessage) -> Void

    /// The open segment; `nil` once closed.
    private var file: SystemFile?
    private var segment: ScannedSegment
    private var segments: [SegmentRef]
    private var nextSeq: UInt64
    private var chainHead: ChainHash
    /// Encoded records not yet written; reused across commits.
    private var buffer: [UInt8] = []
    /// Set by the first failed write or sync. After it the file's state is
    /// unknown (Linux may drop unwritten pages after a failed fsync, so a
    /// retry could report success for lost data); reopening recovers.
    private var failure: EventLogError?

    private var syncs: UInt64 = 0
    private var segmentsCreated: UInt64 = 0
    private var newIndexEntries: [SparseIndex.Entry] = []

    /// Takes over the log as recovery left it.
    /// - Parameters:
    ///   - segments: every segment, the last one to be written.
    ///   - last: what the scan learned of the last segment.
    init(
        directory: String, directoryFile: SystemFile, segmentBytes: Int,
        logger: @escaping @Sendable (EventLog.LogMessage) -> Void,
        segments: [SegmentRef], last: ScannedSegment, lastSeq: UInt64, chainHead: ChainHash
    ) throws {
        self.directory = directory
        self.directoryFile = directoryFile
        self.segmentBytes = segmentBytes
        self.logger = logger
        self.segments = segments
        self.segment = last
        self.nextSeq = lastSeq + 1
        self.chainHead = chainHead
        // A sealed last segment is never written again; the next commit starts a new one.
        if !last.sealed {
            let file = try SystemFile.open(directory + "/" + last.fileName, name: last.fileName, flags: O_WRONLY)
            file.preallocate(to: Int64(segmentBytes))
            self.file = file
        }
    }

    mutating func close() {
        file?.close()
        file = nil
        if failure == nil {
            failure = EventLogError(.closed, "the log is closed")
        }
    }

    /// Writes the batches as consecutive records, in order, and syncs once.
    /// - Returns: each batch's seq range, or the failure that stopped the writer.
    mutating func commit(_ batches: [[[UInt8]]]) -> Outcome {
        syncs = 0
        segmentsCreated = 0
        newIndexEntries.removeAll(keepingCapacity: true)
        let startSeq = nextSeq
        if let failure {
            return failed(batches.count, failure)
        }
        do {
            buffer.removeAll(keepingCapacity: true)
            var ranges: [Result<ClosedRange<UInt64>, EventLogError>] = []
            ranges.reserveCapacity(batches.count)
            for bodies in batches {
                let batchBytes = bodies.reduce(0) { $0 + $1.count + LogFormat.minimumFrameLength }
                let endIfAdded = segment.end + Int64(buffer.count) + Int64(batchBytes)
                if segment.sealed || (segment.recordCount > 0 && endIfAdded > Int64(segmentBytes)) {
                    try roll()
                }
                let first = nextSeq
                for (index, body) in bodies.enumerated() {
                    if SparseIndex.wantsEntry(forSeq: nextSeq) {
                        newIndexEntries.append(.init(
                            seq: nextSeq, segmentFirstSeq: segment.firstSeq,
                            offset: segment.end + Int64(buffer.count)))
                    }
                    chainHead = body.withUnsafeBytes {
                        RecordFrame.append(
                            kind: .event, batchContinues: index < bodies.count - 1, seq: nextSeq,
                            previous: chainHead, body: $0, to: &buffer)
                    }
                    nextSeq += 1
                    segment.recordCount += 1
                }
                ranges.append(.success(first...(nextSeq - 1)))
            }
            try flush()
            try syncData()
            let view = CommittedView(
                segments: segments, lastSegmentEnd: segment.end,
                position: .init(seq: nextSeq - 1, chainHead: chainHead))
            return Outcome(
                results: ranges, view: view, newIndexEntries: newIndexEntries, syncs: syncs,
                segmentsCreated: segmentsCreated, records: nextSeq - startSeq)
        } catch let error as EventLogError {
            failure = error
            logger(.init(
                level: .error,
                message: "the event log stopped accepting appends: \(error.message); restart to recover the log",
                metadata: ["segment": segment.fileName, "seq": String(startSeq)]))
            return failed(batches.count, error)
        } catch {
            preconditionFailure("the writer throws only EventLogError")
        }
    }

    private func failed(_ count: Int, _ cause: EventLogError) -> Outcome {
        let error = cause.code == .closed ? cause : EventLogError(
            .writerStopped,
            "the log stopped accepting appends after an earlier failure (\(cause.message)); open it again to recover",
            segment: cause.segment, offset: cause.offset, seq: cause.seq, errno: cause.errno)
        return Outcome(
            results: Array(repeating: .failure(error), count: count), view: nil,
            newIndexEntries: [], syncs: syncs, segmentsCreated: segmentsCreated, records: 0)
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        guard let file else { throw EventLogError(.closed, "the log is closed") }
        try buffer.withUnsafeBytes { try file.write($0, at: segment.end) }
        segment.end += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func syncData() throws {
        guard let file else { throw EventLogError(.closed, "the log is closed") }
        try file.syncData()
        syncs += 1
    }

    /// Seals the current segment (unless a crash already left it sealed) and
    /// starts the next. The seal is synced before the next segment exists, so
    /// a segment that has a successor is always complete on disk.
    private mutating func roll() throws {
        if !segment.sealed {
            try flush()
            let seal = SegmentSeal(
                recordCount: segment.recordCount, firstSeq: segment.firstSeq,
                lastSeq: nextSeq - 1, chainHead: chainHead)
            seal.encoded().withUnsafeBytes {
                _ = RecordFrame.append(
                    kind: .seal, batchContinues: false, seq: nextSeq - 1, previous: chainHead,
                    body: $0, to: &buffer)
            }
            try flush()
            try syncData()
            segment.sealed = true
        }
        try Self.cutToSeal(directory: directory, segment: segment, file: file)
        file?.close()
        file = nil
        let (newFile, header) = try Self.createSegment(
            directory: directory, directoryFile: directoryFile, firstSeq: nextSeq, chainHeadIn: chainHead,
            preallocate: segmentBytes)
        file = newFile
        segment = ScannedSegment(
            fileName: newFile.name, firstSeq: nextSeq, headerLength: header.headerLength,
            recordCount: 0, end: Int64(header.headerLength), sealed: false)
        segments.append(SegmentRef(fileName: newFile.name, firstSeq: nextSeq, headerLength: header.headerLength))
        segmentsCreated += 1
        logger(.init(
            level: .info, message: "started event log segment \(newFile.name)",
            metadata: ["segment": newFile.name, "seq": String(nextSeq)]))
    }

    /// Cuts the preallocated zeros after a sealed segment's seal, and syncs
    /// it, before another segment follows it: a segment before the last
    /// ends with its seal, where readers look for it. A crash before the cut
    /// leaves a sealed last segment, which the next roll cuts.
    static func cutToSeal(directory: String, segment: ScannedSegment, file: SystemFile?) throws {
        let path = directory + "/" + segment.fileName
        let opened = try file ?? SystemFile.open(path, name: segment.fileName, flags: O_WRONLY)
        defer { if file == nil { opened.close() } }
        guard try opened.size() != segment.end else { return }
        try opened.truncate(to: segment.end)
        try opened.syncData()
    }

    /// Creates a segment holding only its header, atomically: the header is
    /// written and synced under a temporary name, renamed into place, and the
    /// directory synced, so a segment file never exists with a partial header.
    /// The file is preallocated to `preallocate` bytes (see
    /// ``SystemFile/preallocate(to:)``), zeros after the header.
    /// - Returns: the new segment opened for writing, and its header.
    static func createSegment(
        directory: String, directoryFile: SystemFile, firstSeq: UInt64, chainHeadIn: ChainHash, preallocate: Int
    ) throws -> (SystemFile, SegmentHeader) {
        let name = LogFormat.segmentFileName(firstSeq: firstSeq)
        let path = directory + "/" + name
        let temporaryPath = path + LogFormat.temporarySuffix
        guard !FileSystem.exists(path) else {
            throw EventLogError(
                .io, "cannot start segment \(name): a file of that name already exists in \(directory)",
                segment: name, seq: firstSeq)
        }
        let header = SegmentHeader(firstSeq: firstSeq, chainHeadIn: chainHeadIn)
        let file = try SystemFile.open(temporaryPath, name: name, flags: O_WRONLY | O_CREAT | O_TRUNC)
        do {
            try header.encoded().withUnsafeBytes { try file.write($0, at: 0) }
            file.preallocate(to: Int64(preallocate))
            try file.syncData()
            try fileStep(name) { try FileSystem.renameNoReplace(temporaryPath, to: path) }
            try directoryFile.sync()
        } catch {
            file.close()
            throw error
        }
        return (file, header)
    }
}

import ClaimExtraction
import Dispatch
import DurableFiles
import EventLog
import Foundation
import Logging
import Synchronization
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// Takes inbox files into the log a batch at a time.
///
/// Every step that must be durable is paid once per batch rather than once
/// per file: the documents' bytes are synced together (concurrent syncs
/// share the file system's journal commit), the batch's events are one
/// append and one fdatasync, and each folder is synced once after the
/// files are moved. A dump of thousands of articles is then bounded by the
/// disk's sync rate divided by the batch, not multiplied by it.
///
/// - Important: the order per batch is the guarantee. Bytes under
///   state/documents, then the events, then the moves: a crash leaves every
///   file in the inbox or its events in the log (the log cuts a torn batch
///   whole), and the next reading of the same bytes adds nothing.
struct BatchIngester: Sendable {
    /// The most files one batch takes.
    static let maxFiles = 64
    /// A batch stops growing past this many bytes of documents.
    static let maxBytes = 16 << 20

    let folders: DataFolders
    let ingestor: Ingestor
    let logger: Logger
    /// Told each batch's last seq once it is durable, before any file moves.
    let acknowledged: AcknowledgedSeq?

    /// A file of the batch and what it came to.
    private enum Outcome {
        case received(ReceivedFile, DocumentPlan, [Event])
        case duplicate(ReceivedFile)
        /// Refused, with the name it is given in failed/.
        case rejected(FileName, Rejection, target: FileName, Event)
    }

    /// Free space a batch leaves on the state's file system, past what it
    /// writes: the log's next segment header and seal, the folders' blocks.
    /// Below it the batch waits rather than start an append the disk may
    /// cut short (which stops the log until a restart).
    static let spaceReserve = 1 << 20

    /// What became of a batch's names.
    struct Result {
        /// The names not reached, for the next batch.
        var untaken: ArraySlice<FileName>
        /// Names left in the inbox by a failure that is not the file's
        /// (see ``FileSystem/isTemporary(_:)``), with why: to try again later.
        var deferred: [(name: FileName, reason: String)] = []
        /// Reports of refused files that could not be written yet.
        var unwrittenReports: [PendingReport] = []
        /// Names left in the inbox because they are still being written
        /// (or changed after they were read): to try again later, quietly.
        var busy: [FileName] = []
    }

    /// A refused file's report, to write beside it in failed/.
    struct PendingReport: Sendable, Equatable {
        /// The refused file's name in failed/.
        var movedTo: FileName
        var report: RejectionReport
    }

    /// Reads, extracts, records and moves `names`, or as many of them as
    /// fit in ``maxBytes``.
    ///
    /// - Parameter announced: the names whose writer was seen closing the
    ///   file or moving it in (see ``Ingestor/read(_:announced:)``).
    /// - Returns: what became of the names.
    /// - Throws: an ``EventLogError`` when the log refuses the batch, or a
    ///   ``FileSystem/Failure`` storing the bytes or finding too little
    ///   free space (ENOSPC) for the batch; the files stay in the inbox.
    func ingest(
        _ names: [FileName], announced: Set<FileName>, extractor: ClaimExtractor, info: ExtractorInfo, log: EventLog,
        store: TimelineStore
    ) async throws -> Result {
        var deferred: [(name: FileName, reason: String)] = []
        var busy: [FileName] = []
        var outcomes: [Outcome] = []
        var batchHashes: Set<String> = []
        // The documents of this batch by url: a later file with the same
        // url is a new version of the one here.
        var batchVersions: [String: DocumentPlan] = [:]
        var batchBytes = 0
        let now = Date()
        var taken = 0
        // Names given in failed/ to this batch's refused files and their
        // reports, before any is there: a refused `X.error.json` and a
        // refused `X` in one batch must not be given one name.
        var reservedInFailed: Set<FileName> = []
        for name in names {
            if batchBytes >= Self.maxBytes { break }
            taken += 1
            switch ingestor.read(name, announced: announced.contains(name)) {
            case .gone:
                continue
            case .busy:
                busy.append(name)
            case .deferred(let reason):
                deferred.append((name, reason))
            case .rejected(let rejection):
                // The name it will have in failed/ is part of the event.
                let target = FileSystem.freeName(
                    name, in: folders.failed, reserving: [Self.reportSuffix], notIn: reservedInFailed)
                reservedInFailed.formUnion([target, Self.reportName(for: target)])
                outcomes.append(.rejected(name, rejection, target: target, Event(recordedAt: now, payload: .documentRejected(
                    DocumentRejected(name: name.text, reason: rejection.reason, message: rejection.message,
                                     movedTo: "failed/" + target.text, size: rejection.size)))))
            case .file(let file):
                let sha256 = file.content.sha256
                let known = batchHashes.contains(sha256) ? true : await store.hasDocument(sha256: sha256)
                if known {
                    outcomes.append(.duplicate(file))
                    continue
                }
                batchHashes.insert(sha256)
                batchBytes += file.bytes.count
                if file.content.repaired {
                    logger.warning("not valid \(file.content.encoding.rawValue); invalid bytes replaced with U+FFFD",
                                   metadata: ["file": "\(name)"])
                }
                if file.content.encoding != .utf8 {
                    logger.info("decoded from \(file.content.encoding.rawValue)", metadata: ["file": "\(name)"])
                }
                let plan = DocumentPlan(
                    content: file.content, name: name.text, size: file.bytes.count, extractor: extractor, info: info)
                var documentEvents = plan.events(recordedAt: now)
                if let url = plan.received.url {
                    let revision: DocumentRevised? = if let earlier = batchVersions[url] {
                        DocumentRevised(
                            received: plan.received, previous: earlier.received.document,
                            superseded: earlier.claims.map { SupersededClaim(claim: $0.id) })
                    } else {
                        await store.revision(of: plan.received)
                    }
                    if let revision { documentEvents[0].payload = .documentRevised(revision) }
                    batchVersions[url] = plan
                }
                outcomes.append(.received(file, plan, documentEvents))
            }
        }

        var events: [Event] = []
        for outcome in outcomes {
            switch outcome {
            case .received(_, _, let documentEvents): events.append(contentsOf: documentEvents)
            case .rejected(_, _, _, let event): events.append(event)
            case .duplicate: break
            }
        }
        let codec = EventCodec()
        let encoded = try events.map(codec.encode)
        let toStore = outcomes.compactMap { outcome -> ReceivedFile? in
            guard case .received(let file, _, _) = outcome else { return nil }
            return access(folders.documents + "/" + file.content.sha256, F_OK) == 0 ? nil : file
        }
        if !events.isEmpty {
            try requireSpace(toStore.reduce(0) { $0 + $1.bytes.count } + encoded.reduce(0) { $0 + $1.count })
        }

        // 1. The bytes: a durable event must always find its document.
        if !toStore.isEmpty {
            try await storeDocuments(toStore)
        }
        // 2. The events, one durable append for the whole batch.
        let numbered = try await record(events, encoded: encoded, log: log, store: store)
        // 3. The moves and the refusals' reports, each folder synced once.
        var result = Result(untaken: names[taken...], deferred: deferred, busy: busy)
        moveOut(outcomes, numbered: numbered, result: &result)
        return result
    }

    /// Step 2: appends a batch's events in one durable append, records the
    /// acknowledged seq, and applies them to the store.
    ///
    /// - Returns: the events with their seqs.
    /// - Throws: an ``EventLogError`` when the log refuses the append.
    func record(
        _ events: [Event], encoded: [[UInt8]], log: EventLog, store: TimelineStore
    ) async throws -> [Event] {
        guard !events.isEmpty else { return events }
        var numbered = events
        let range = try await log.append(encoded)
        acknowledged?.record(range.upperBound)
        for (i, seq) in range.enumerated() { numbered[i].seq = seq }
        await store.apply(numbered, chainHead: log.chainHead.hex)
        return numbered
    }

    /// Step 3, once the batch's events are durable: each file moved to
    /// processed/ or failed/ (a refused one with its report), said in the
    /// log, and each folder touched synced once.
    private func moveOut(_ outcomes: [Outcome], numbered: [Event], result: inout Result) {
        var next = numbered.makeIterator()
        var touched: Set<String> = []
        for outcome in outcomes {
            switch outcome {
            case .received(let file, let plan, let documentEvents):
                let first = next.next()!
                for _ in 1..<documentEvents.count { _ = next.next() }
                guard let movedTo = move(file, touched: &touched, result: &result) else { continue }
                var metadata: Logger.Metadata = [
                    "file": "\(file.name)", "document": "\(file.content.sha256)", "claims": "\(plan.claims.count)",
                    "seq": "\(first.seq)...\(first.seq + UInt64(documentEvents.count) - 1)",
                    "moved_to": "processed/\(movedTo)",
                ]
                if case .documentRevised(let revised) = first.payload {
                    metadata["previous"] = "\(revised.previous)"
                    metadata["superseded"] = "\(revised.superseded.count)"
                    logger.notice("received a new version of a document (same url, other bytes)", metadata: metadata)
                } else {
                    logger.info("received", metadata: metadata)
                }
            case .duplicate(let file):
                guard let movedTo = move(file, touched: &touched, result: &result) else { continue }
                logger.info("duplicate: already in the log; no events added", metadata: [
                    "file": "\(file.name)", "document": "\(file.content.sha256)", "moved_to": "processed/\(movedTo)",
                ])
            case .rejected(let name, let rejection, let target, _):
                let event = next.next()!
                guard let movedTo = move(name, to: folders.failed, as: target, touched: &touched, result: &result),
                      case .documentRejected(let rejected) = event.payload
                else { continue }
                let report = PendingReport(
                    movedTo: movedTo, report: RejectionReport(rejected, seq: event.seq, recordedAt: event.recordedAt))
                if !write(report) { result.unwrittenReports.append(report) }
                logger.warning("rejected", metadata: [
                    "file": "\(name)", "reason": "\(rejection.reason)", "message": "\(rejection.message)",
                    "moved_to": "failed/\(movedTo)", "seq": "\(event.seq)",
                ])
            }
        }
        for folder in touched.sorted() + (touched.isEmpty ? [] : [folders.inbox]) {
            do {
                try FileSystem.syncDirectory(folder)
            } catch {
                logger.error("cannot sync a folder", metadata: ["folder": "\(folder)", "error": "\(error)"])
            }
        }
    }

    /// Fails with ENOSPC unless the state's file systems have `bytes`
    /// and ``spaceReserve`` free.
    func requireSpace(_ bytes: Int) throws {
        let needed = Int64(bytes + Self.spaceReserve)
        for folder in Set([folders.documents, folders.log]) where try FileSystem.availableBytes(at: folder) < needed {
            throw FileSystem.Failure(operation: "need \(needed) bytes free for a batch on the file system of", path: folder, code: ENOSPC)
        }
    }

    /// Moves a file read whole to processed/, if it is still the file
    /// read: one written again since stays in the inbox, to be read again,
    /// so that the bytes in processed/ are always bytes the log recorded.
    private func move(_ file: ReceivedFile, touched: inout Set<String>, result: inout Result) -> FileName? {
        guard FileVersion(of: file.name, in: folders.inbox) == file.version else {
            if FileSystem.exists(file.name, in: folders.inbox) {
                logger.notice("changed after it was read; it stays in the inbox to be read again", metadata: [
                    "file": "\(file.name)", "document": "\(file.content.sha256)",
                ])
                result.busy.append(file.name)
            } else {
                logger.warning("the file left the inbox before it could be moved; its events stay in the log", metadata: [
                    "file": "\(file.name)",
                ])
            }
            return nil
        }
        return move(file.name, to: folders.processed, touched: &touched, result: &result)
    }

    /// Moves a file out of the inbox; on failure it stays there and is
    /// taken again (as a duplicate: its events are in): soon when the
    /// failure is temporary, else at the next rescan.
    private func move(
        _ name: FileName, to folder: String, as target: FileName? = nil, touched: inout Set<String>, result: inout Result
    ) -> FileName? {
        do {
            let movedTo = try FileSystem.move(name, from: folders.inbox, to: folder, as: target, sync: false)
            touched.insert(folder)
            return movedTo
        } catch let failure as FileSystem.Failure where failure.code == ENOENT {
            logger.warning("the file left the inbox before it could be moved; its events stay in the log", metadata: [
                "file": "\(name)",
            ])
        } catch let failure as FileSystem.Failure where failure.isTemporary {
            result.deferred.append((name, "cannot move out of the inbox: \(failure)"))
        } catch {
            logger.error("cannot move out of the inbox; it will be taken again at the next rescan", metadata: [
                "file": "\(name)", "error": "\(error)",
            ])
        }
        return nil
    }

    /// Writes the reports that could not be written before.
    ///
    /// - Returns: those that still cannot be.
    func write(_ reports: [PendingReport]) -> [PendingReport] {
        reports.filter { !write($0) }
    }

    /// What a refused file's report adds to its name in failed/.
    static let reportSuffix = ".error.json"

    /// The name of the report beside `name` in failed/: `NAME.error.json`,
    /// the name shortened when the two would not fit in one.
    static func reportName(for name: FileName) -> FileName {
        FileSystem.name(name, withSuffix: reportSuffix)
    }

    /// Writes failed/NAME.error.json beside the refused file, created
    /// exclusively: a file already there under that name (a user's own
    /// `NAME.error.json`) stays, and the report takes the next free name.
    ///
    /// - Returns: whether it is written; when not, the failure is logged.
    private func write(_ pending: PendingReport) -> Bool {
        let movedTo = pending.movedTo
        do {
            let written = try FileSystem.createNew(
                Array(try TimelineJSON.encoder(pretty: true).encode(pending.report)) + [0x0A],
                named: Self.reportName(for: movedTo), in: folders.failed)
            if written != Self.reportName(for: movedTo) {
                logger.warning("the report's name was taken; written under another", metadata: [
                    "file": "\(movedTo)", "report": "\(written)",
                ])
            }
            return true
        } catch {
            logger.error("cannot write the rejection report; it will be tried again", metadata: [
                "file": "\(movedTo)", "error": "\(error)",
            ])
            return false
        }
    }

    /// Writes each document's bytes under state/documents/<sha256>: all
    /// written and synced concurrently on threads of their own (a blocking
    /// sync must not hold a task thread), then renamed, then the folder
    /// synced once.
    private func storeDocuments(_ files: [ReceivedFile]) async throws {
        let folder = folders.documents
        let (written, failure) = await withCheckedContinuation { (continuation: CheckedContinuation<([String?], FileSystem.Failure?), Never>) in
            DispatchQueue.global().async {
                let temporaries = Mutex<[String?]>(Array(repeating: nil, count: files.count))
                let failures = Mutex<[FileSystem.Failure]>([])
                DispatchQueue.concurrentPerform(iterations: files.count) { i in
                    do {
                        let temporary = try FileSystem.writeTemporary(files[i].bytes, in: folder, mode: 0o440)
                        temporaries.withLock { $0[i] = temporary }
                    } catch {
                        let failure = error as? FileSystem.Failure
                            ?? FileSystem.Failure(operation: "write", path: folder, code: EIO)
                        failures.withLock { $0.append(failure) }
                    }
                }
                continuation.resume(returning: (temporaries.withLock { $0 }, failures.withLock { $0.first }))
            }
        }
        if let failure {
            for temporary in written.compactMap({ $0 }) { try? FileSystem.remove(temporary) }
            throw failure
        }
        // The same name holds the same bytes: a copy a crash left before
        // its event was durable may be replaced.
        for (file, temporary) in zip(files, written) {
            try FileSystem.replace(folder + "/" + file.content.sha256, with: temporary!)
        }
        try FileSystem.syncDirectory(folder)
    }
}

import ClaimExtraction
import Foundation
import Logging
import Timeline

/// Reads stored documents (state/documents/<sha256>) again with the
/// daemon's extractor as it is now, a few at a time, off the ingest loop:
/// reading and extracting run on a dispatch queue, and only the comparison
/// with the claims in force and the append go through the loop
/// (``ReextractRequest``), between two batches of files, so ingestion goes
/// on meanwhile. The store counts the documents done for `Status`.
///
/// A crash in the middle leaves every document either recorded whole (its
/// events are one append) or not at all; reading them all again records
/// only those not recorded yet, since a document whose claims are found
/// again adds nothing.
struct Reextractor: Sendable {
    let store: TimelineStore
    let mailbox: Mailbox
    /// state/documents.
    let documents: String
    let logger: Logger

    /// The documents read between two replies and two trips to the loop:
    /// few enough that ingestion is held up for a moment only, many enough
    /// that a run of thousands pays few syncs.
    static let chunk = 32

    /// A re-extraction that could not start.
    enum Refusal: Error {
        /// One is under way.
        case running(TimelineInterface.ReextractionProgress)
        /// The daemon has no extractor yet (never the case once it serves).
        case noExtractor
    }

    /// The extractor a run reads with, and its version and lexicon.
    typealias Reader = (extractor: ClaimExtractor, info: ExtractorInfo)

    /// Reads `targets` again and records (unless `dryRun`) what changes.
    ///
    /// - Parameters:
    ///   - reader: the extractor to read every chunk with; nil for the
    ///     daemon's as it is when the chunk is read (a reload meanwhile
    ///     reads the next chunks with the new lexicon).
    ///   - report: called after each chunk with the reply for it: how far
    ///     the run is, and the documents that changed in it.
    /// - Returns: the documents that changed, and those whose bytes could
    ///   not be read.
    /// - Throws: ``Refusal`` when one is under way; ``EditUnavailable``
    ///   when the daemon stops first or the log refuses an append; what
    ///   `report` throws (the caller went away: the run stops there).
    func run(
        _ targets: [DocumentRecord], dryRun: Bool, reader: Reader? = nil,
        report: (TimelineInterface.ReextractReply) async throws -> Void = { _ in }
    ) async throws -> (changed: Int, unreadable: Int) {
        if let running = await store.beginReextraction(total: targets.count, dryRun: dryRun) {
            throw Refusal.running(running)
        }
        let kind = dryRun ? "re-extraction (dry run)" : "re-extraction"
        logger.notice("\(kind) started", metadata: ["documents": "\(targets.count)"])
        do {
            let totals = try await readAll(targets, dryRun: dryRun, reader: reader, report: report)
            await store.endReextraction()
            logger.notice("\(kind) finished", metadata: [
                "documents": "\(targets.count)", "changed": "\(totals.changed)", "unreadable": "\(totals.unreadable)",
            ])
            return totals
        } catch {
            await store.endReextraction()
            logger.warning("\(kind) stopped before its end", metadata: ["error": "\(error)"])
            throw error
        }
    }

    /// ``run(_:dryRun:reader:report:)``'s work, once the store counts it.
    private func readAll(
        _ targets: [DocumentRecord], dryRun: Bool, reader: Reader?,
        report: (TimelineInterface.ReextractReply) async throws -> Void
    ) async throws -> (changed: Int, unreadable: Int) {
        var done = 0
        var totals = (changed: 0, unreadable: 0)
        for start in stride(from: 0, to: targets.count, by: Self.chunk) {
            let current: Reader? = if let reader { reader } else { await store.reader }
            guard let (extractor, info) = current else { throw Refusal.noExtractor }
            let chunk = Array(targets[start..<min(start + Self.chunk, targets.count)])
            let folder = documents
            let (plans, unreadable) = try await BlockingWork.run { Self.read(chunk, in: folder, extractor: extractor, info: info) }
            for name in unreadable {
                logger.error("cannot read a stored document again; it is left as it is", metadata: ["file": "\(name)"])
            }
            let differences: [TimelineInterface.DocumentDifference]
            if dryRun {
                differences = await store.reextractions(of: plans, extractor: info)
                    .filter { !$0.isUnchanged }.map { TimelineInterface.DocumentDifference($0) }
            } else {
                differences = try await ReextractRequest.submit(plans, extractor: info, to: mailbox)
                    .map { TimelineInterface.DocumentDifference($0.0, seq: $0.seq) }
            }
            done += chunk.count
            totals.changed += differences.count
            totals.unreadable += unreadable.count
            await store.reextracted(chunk.count)
            try await report(TimelineInterface.ReextractReply(
                done: done, total: targets.count, dryRun: dryRun, documents: differences, unreadable: unreadable))
        }
        return totals
    }

    /// Reads and extracts each stored document of `chunk`.
    /// - Returns: the plans, and the names of the documents whose bytes
    ///   could not be read.
    private static func read(
        _ chunk: [DocumentRecord], in folder: String, extractor: ClaimExtractor, info: ExtractorInfo
    ) -> (plans: [DocumentPlan], unreadable: [String]) {
        var plans: [DocumentPlan] = []
        var unreadable: [String] = []
        for document in chunk {
            guard let sha256 = document.sha256,
                  let data = FileManager.default.contents(atPath: folder + "/" + sha256) else {
                unreadable.append(document.name)
                continue
            }
            let bytes = [UInt8](data)
            let content = DocumentContent(bytes: bytes)
            guard content.sha256 == sha256 else {
                unreadable.append(document.name)
                continue
            }
            plans.append(DocumentPlan(content: content, name: document.name, size: bytes.count, extractor: extractor, info: info))
        }
        return (plans, unreadable)
    }
}

import DurableFiles
import Foundation
import Logging
import Timeline

extension Reextractor {
    /// With `reextract_on_upgrade`, at start: re-extracts the documents that
    /// another extractor version or lexicon read
    /// (``Projections/outdatedDocuments(for:confirmedThrough:)``) with the
    /// one the daemon started with, beside the ingest loop, and logs what it
    /// did.
    ///
    /// A document whose claims are found again adds no event, so the log
    /// cannot say that this extractor read it: `record` (state/reextracted-with)
    /// says it for them all at once, holding the extractor, the lexicon and
    /// the log's seq when the last run that finished chose its documents. A
    /// later start with the same extractor judges only the documents read
    /// after that seq, rather than reading every unchanged one again. The
    /// record is written after the run's last append, so a crash can lose
    /// it (the next start reads the documents again and appends nothing)
    /// but never leave it ahead of the log; one that names a seq past the
    /// log's end (a log cut back since) confirms nothing.
    ///
    /// A run cut short (a crash, the daemon stopping, a refused append)
    /// writes no record: the documents it re-extracted are read by this
    /// extractor now, and the next start reads the rest.
    func upgrade(record path: String) async {
        guard let reader = await store.reader else { return }
        let extractor = reader.info
        let metadata: Logger.Metadata = ["extractor": "\(extractor.version)", "lexicon": "\(extractor.lexicon)"]
        let confirmed = UpgradeRecord(path: path).flatMap { $0.extractor == extractor ? $0.seq : nil }
        let (outdated, seq) = await store.outdatedDocuments(confirmedThrough: confirmed)
        guard !outdated.isEmpty else {
            logger.info("reextract_on_upgrade: the documents were read by this extractor and lexicon; nothing to re-extract", metadata: metadata)
            return
        }
        logger.notice("reextract_on_upgrade: documents were read by another extractor or lexicon; re-extracting them", metadata: metadata.merging([
            "documents": "\(outdated.count)",
        ]) { $1 })
        let totals: (changed: Int, unreadable: Int)
        do {
            totals = try await run(outdated, dryRun: false, reader: reader)
        } catch Refusal.running {
            logger.notice("reextract_on_upgrade: a re-extraction asked for is under way; the next start looks again")
            return
        } catch {
            // The run said why it stopped.
            logger.notice("reextract_on_upgrade: the next start re-extracts the documents left")
            return
        }
        guard totals.unreadable == 0 else {
            logger.warning("reextract_on_upgrade: some stored documents could not be read; the next start tries them again", metadata: [
                "unreadable": "\(totals.unreadable)",
            ])
            return
        }
        do {
            try FileSystem.writeAtomically(Array(UpgradeRecord(extractor: extractor, seq: seq).line.utf8), to: path)
        } catch {
            logger.warning("reextract_on_upgrade: cannot record the run; the next start reads the documents again", metadata: [
                "file": "\(path)", "error": "\(error)",
            ])
        }
    }
}

/// state/reextracted-with: `VERSION LEXICON SEQ`, one line, the extractor
/// of the last `reextract_on_upgrade` run that finished and the seq the log
/// stood at when it chose its documents.
struct UpgradeRecord: Equatable {
    var extractor: ExtractorInfo
    var seq: UInt64

    init(extractor: ExtractorInfo, seq: UInt64) {
        self.extractor = extractor
        self.seq = seq
    }

    /// The record in the file at `path`; nil when there is none, or it
    /// cannot be read (then it confirms nothing).
    init?(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.last?.last == "\n", let seq = UInt64(fields[2].dropLast()) else { return nil }
        self.init(extractor: ExtractorInfo(version: String(fields[0]), lexicon: String(fields[1])), seq: seq)
    }

    var line: String { "\(extractor.version) \(extractor.lexicon) \(seq)\n" }
}

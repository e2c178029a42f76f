import DurableFiles
import EventLog
import Foundation
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// `timelined recover`: when damage at the log's tail took acknowledged
/// records (the log ends, once its torn tail is cut, before the seq a
/// snapshot or the acknowledged seq shows it reached), the daemon refuses
/// to start. This shows what would be lost and, with `acceptLoss`, makes
/// the loss a person's choice: it cuts the log there, sets aside what no
/// longer matches it, and lowers the acknowledged seq, so that the next
/// start is clean.
///
/// It runs offline, holding the log's lock throughout (a running daemon
/// holds it, and then nothing is done). Nothing is deleted: the snapshots
/// past the new end, the bytes cut from the segment and a report go into
/// a folder of their own, `STATE/recovered-<UTC time>/`.
public enum OfflineRecovery {
    /// The start of the name of the folder a recovery sets things aside in.
    static let setAsidePrefix = "recovered-"

    /// Recovers the log of the data folder that the configuration and the
    /// flags name, as the daemon would find it.
    ///
    /// - Parameters:
    ///   - configurationFile: the YAML configuration, if any.
    ///   - overrides: folders given on the command line.
    ///   - acceptLoss: cut the log and set aside what it no longer matches;
    ///     without it, only say what that would do.
    ///   - now: names the folder of what is set aside.
    /// - Returns: the report, and the status: 0 when nothing acknowledged is
    ///   missing or the loss was accepted, 1 when the log cannot be
    ///   recovered here (a daemon holds it, damage before its tail, a
    ///   failure), 2 when records are missing and nothing was changed (no
    ///   `acceptLoss`).
    /// - Throws: ``ConfigurationError`` when the configuration cannot be used.
    public static func run(
        configurationFile: String?, overrides: DaemonConfiguration.Overrides, acceptLoss: Bool, now: Date = Date()
    ) throws -> OfflineOutcome {
        let configuration = try DaemonConfiguration.load(
            file: configurationFile, overrides: overrides, environment: ProcessInfo.processInfo.environment)
        let folders = configuration.folders
        var lines = [OfflineOutcome.line("log", folders.log)]
        guard FileSystem.isDirectory(folders.log) else {
            lines.append(OfflineOutcome.line("result", "there is no log in \(folders.log)"))
            return OfflineOutcome(output: lines.joined(separator: "\n"), status: 1)
        }
        // Read before the log is locked: a daemon may still be writing it,
        // and the lock then stops this before anything is done.
        let reached = KnownLogEnd(folders: folders)
        lines += reached.passedOver.map { OfflineOutcome.line("passed over", "\($0) (not taken as proof of how far the log had come)") }
        var status: Int32 = 0
        do {
            _ = try EventLog.cutTail(directory: URL(fileURLWithPath: folders.log)) { end in
                lines += Self.describe(end, known: reached.known)
                guard let shortfall = end.shortfall(of: reached.known) else {
                    let torn = end.tornTail.map {
                        "; the torn tail of \($0.byteCount) bytes after it holds no acknowledged record (a batch a crash cut short) "
                            + "and the next start cuts it"
                    }
                    lines.append(OfflineOutcome.line("result", "nothing to recover: no acknowledged record is missing" + (torn ?? "")))
                    return false
                }
                let plan = try Plan(shortfall: shortfall, folders: folders, now: now)
                lines += plan.lines(done: acceptLoss)
                guard acceptLoss else {
                    status = 2
                    lines.append(OfflineOutcome.line(
                        "result",
                        "NOT RECOVERED: nothing was changed. Restore the damaged segment from a backup if there is one; "
                            + "else `timelined recover --accept-loss` cuts the log at seq \(end.seq) and sets aside what no longer matches it"))
                    return false
                }
                lines.append(OfflineOutcome.line("result", "recovered: the log ends at seq \(end.seq), and the next start serves it"))
                try plan.carryOut(report: lines)
                return true
            }
        } catch let error as EventLogError where error.code == .locked {
            lines.append(OfflineOutcome.line("result", "nothing was done: \(error.message)"))
            status = 1
        } catch let error as EventLogError where error.code.isCorruption {
            lines.append(OfflineOutcome.line(
                "result",
                "nothing was done: the log is damaged before its tail, which no cut of the tail mends; restore the "
                    + "segment from a backup (`timelined verify` lists every fault): \(error)"))
            status = 1
        } catch {
            lines.append(OfflineOutcome.line("result", "stopped: \(error)"))
            status = 1
        }
        return OfflineOutcome(output: lines.joined(separator: "\n"), status: status)
    }

    /// Where the log ends, its torn tail, and what shows how far it had come.
    private static func describe(_ end: LogEnd, known: EventLog.KnownSeq?) -> [String] {
        var lines = [OfflineOutcome.line("ends at", "seq \(end.seq), \(end.place)")]
        if let torn = end.tornTail {
            lines.append(OfflineOutcome.line(
                "torn tail", "\(torn.byteCount) bytes after it (\(torn.droppedRecords) whole records of an unfinished batch): \(torn.reason)"))
        }
        lines.append(OfflineOutcome.line("known", known.map { "seq \($0.seq), from \($0.evidence)" } ?? "nothing shows how far the log had come (no snapshot, no acknowledged seq)"))
        return lines
    }

    /// What accepting a shortfall takes: the cut, the snapshots past the
    /// new end, the acknowledged seq lowered, and a folder to set things
    /// aside in.
    private struct Plan {
        let shortfall: LogShortfall
        let folders: DataFolders
        /// Snapshot files past the log's new end.
        let snapshots: [SnapshotStore.File]
        /// The folder things are set aside in (not made until carried out).
        let setAside: String
        /// The name, there, of the bytes cut from the segment.
        let cutBytesName: String?

        init(shortfall: LogShortfall, folders: DataFolders, now: Date) throws {
            self.shortfall = shortfall
            self.folders = folders
            snapshots = try SnapshotStore(directory: URL(fileURLWithPath: folders.snapshots)).files()
                .filter { $0.seq > shortfall.end.seq }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            var folder = folders.state + "/" + OfflineRecovery.setAsidePrefix + formatter.string(from: now)
            var attempt = 1
            while FileSystem.exists(folder) {
                attempt += 1
                folder = folders.state + "/" + OfflineRecovery.setAsidePrefix + formatter.string(from: now) + "-\(attempt)"
            }
            setAside = folder
            cutBytesName = shortfall.end.tornTail.map { "\($0.segment).cut-at-\($0.offset)" }
        }

        /// What is lost and what recovering does (`done`) or would do.
        func lines(done: Bool) -> [String] {
            let end = shortfall.end
            let readable = end.readableRecords.count
            let unreadable = shortfall.lostRecords - UInt64(readable)
            var lines = [OfflineOutcome.line(
                "lost",
                "\(shortfall.lostRecords) acknowledged record\(shortfall.lostRecords == 1 ? "" : "s"), seq "
                    + "\(shortfall.lostSeqs.lowerBound)...\(shortfall.lostSeqs.upperBound): \(readable) can still be read, "
                    + "\(unreadable) cannot (cut off or damaged)")]
            lines += LostDocuments(end.readableRecords).lines(unreadable: unreadable, processed: folders.processed)
            let will = done ? "" : "would be "
            if let torn = end.tornTail {
                lines.append(OfflineOutcome.line(
                    "cut", "\(torn.segment) \(will)cut at offset \(torn.offset), its \(torn.byteCount) bytes after it \(will)kept in "
                        + "\(setAside)/\(cutBytesName ?? "")"))
            }
            lines.append(OfflineOutcome.line(
                "snapshots",
                snapshots.isEmpty ? "none past seq \(end.seq)"
                    : "\(snapshots.map(\.name).joined(separator: ", ")) (past seq \(end.seq)) \(will)moved to \(setAside)/snapshots"))
            lines.append(OfflineOutcome.line(
                "ack seq", "\(folders.state)/\(AcknowledgedSeq.fileName) \(will)set to seq \(end.seq)"))
            return lines
        }

        /// Sets aside the cut bytes and the snapshots past the new end with
        /// the report, then lowers the acknowledged seq; the caller cuts the
        /// log after. A crash on the way leaves a state the next recovery or
        /// start takes up: snapshots moved first cannot make a start refuse,
        /// and with the acknowledged seq lowered, the cut is one the start
        /// makes itself.
        func carryOut(report: [String]) throws {
            try FileSystem.makeDirectory(setAside)
            if let torn = shortfall.end.tornTail, let cutBytesName {
                let segment = folders.log + "/" + torn.segment
                guard let handle = FileHandle(forReadingAtPath: segment) else {
                    throw FileSystem.Failure(operation: "open", path: segment, code: ENOENT)
                }
                defer { try? handle.close() }
                try handle.seek(toOffset: UInt64(torn.offset))
                let bytes = try handle.read(upToCount: Int(torn.byteCount)) ?? Data()
                try FileSystem.writeSynced(bytes, to: setAside + "/" + cutBytesName, mode: 0o640)
            }
            if !snapshots.isEmpty {
                try FileSystem.makeDirectory(setAside + "/snapshots")
                for file in snapshots {
                    try FileSystem.renameNoReplace(folders.snapshots + "/" + file.name, to: setAside + "/snapshots/" + file.name)
                }
                try FileSystem.syncDirectory(setAside + "/snapshots")
                try FileSystem.syncDirectory(folders.snapshots)
            }
            try FileSystem.writeSynced(Array((report.joined(separator: "\n") + "\n").utf8), to: setAside + "/report.txt", mode: 0o640)
            try FileSystem.syncDirectory(setAside)
            try FileSystem.syncDirectory(folders.state)
            try AcknowledgedSeq.reset(state: folders.state, to: shortfall.end.seq)
        }
    }

    /// The documents named in the lost records that can still be read.
    private struct LostDocuments {
        /// Received files: name and SHA-256, in log order.
        var received: [(name: String, document: String)] = []
        /// Refused files: name and where they were moved.
        var rejected: [(name: String, movedTo: String)] = []
        /// Documents whose claims are there but not their `document.received`.
        var claimsOnly: [String] = []
        /// Records that do not read as events.
        var unreadable = 0

        init(_ records: [EventLog.Record]) {
            let codec = EventCodec()
            var seen: Set<String> = []
            for record in records {
                guard let event = try? codec.decode(record.body, seq: record.seq) else {
                    unreadable += 1
                    continue
                }
                switch event.payload {
                case .documentReceived(let received):
                    seen.insert(received.document)
                    self.received.append((received.name, received.document))
                case .documentRevised(let revised):
                    seen.insert(revised.received.document)
                    self.received.append((revised.received.name, revised.received.document))
                case .documentRejected(let rejected):
                    self.rejected.append((rejected.name, rejected.movedTo))
                case .claimExtracted(let claim):
                    if seen.insert(claim.document).inserted { claimsOnly.append(claim.document) }
                case .claimRetracted, .claimCorrected, .documentReextracted:
                    break
                }
            }
        }

        func lines(unreadable records: UInt64, processed: String) -> [String] {
            let named = received.count + rejected.count + claimsOnly.count
            var lines = [OfflineOutcome.line(
                "documents",
                "\(named) named in the records that can be read (\(received.count) received, \(rejected.count) refused"
                    + (claimsOnly.isEmpty ? "" : ", \(claimsOnly.count) by their claims alone") + ")"
                    + (records > 0 ? "; the documents of the \(records) records that cannot be read are not known" : "")
                    + (unreadable > 0 ? "; \(unreadable) records are not events this timelined reads" : ""))]
            let indent = String(repeating: " ", count: 12)
            lines += received.map { indent + "received  \(DisplayText.escaping($0.name))  sha256 \($0.document)" }
            lines += rejected.map { indent + "refused   \(DisplayText.escaping($0.name))  moved to \(DisplayText.escaping($0.movedTo))" }
            lines += claimsOnly.map { indent + "claims of sha256 \($0)" }
            lines.append(
                indent + "The files of lost documents are in \(processed): to take them again, move them back into the inbox "
                    + "(a file whose document the log still holds adds nothing).")
            return lines
        }
    }
}

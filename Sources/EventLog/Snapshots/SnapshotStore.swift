import DurableFiles
import Foundation
import Glibc

/// Keeps snapshots of state derived from the log (the projections), so a start
/// can load the newest and replay only the records after it.
///
/// Each snapshot is one file, `<seq, 20 digits>.snap`, written atomically
/// (temporary file, fsync, rename, fsync of the directory): after a crash
/// either the whole new snapshot is there or the old ones are. A snapshot is
/// tagged with the seq it covers, the chain head at that seq and a version
/// string; loading skips one that is damaged, of another version, or (given
/// the log) of another history.
///
/// File layout (integers little-endian; docs/LOG-FORMAT.md has the details):
/// ```
///  0   8  magic 89 45 56 53 4E 41 50 0A ("\x89EVSNAP\n")
///  8   2  format version (2)
/// 10   2  zero
/// 12   4  version string length v
/// 16   8  seq
/// 24  32  chain head at seq
/// 56   8  body length b
/// 64   8  first seq of the segment holding record seq (0: not recorded)
/// 72   8  byte offset of that record's frame in its segment
/// 80   v  version string (UTF-8)
/// 80+v b  body
///  …   4  CRC32C of every byte before it
/// ```
/// Format 1, which files written before the location was kept have, is
/// format 2 without the location: a 64-byte header.
///
/// - Important: one process writes a store at a time (the daemon); readers may
///   load concurrently.
public struct SnapshotStore: Sendable {
    /// The directory holding the snapshot files.
    public let directory: URL
    /// How many of the newest snapshots ``write(_:seq:chainHead:version:)`` keeps.
    public let keep: Int
    /// How many older snapshots it keeps besides, spread over the log (see
    /// ``olderToRemove(_:newest:keeping:)``): a view of a past point starts
    /// from the newest snapshot at or before it.
    public let keepSpread: Int

    static let magic: [UInt8] = [0x89, 0x45, 0x56, 0x53, 0x4E, 0x41, 0x50, 0x0A]
    static let formatVersion: UInt16 = 2
    /// The header's length in each format, by format version.
    static func headerLength(format: UInt16) -> Int? {
        switch format {
        case 1: 64
        case 2: 80
        default: nil
        }
    }
    /// The longest header, and the most a reader of the header alone reads.
    static let longestHeader = 80
    static let fileExtension = "snap"

    /// A store in a directory (created on the first write).
    /// - Parameters:
    ///   - directory: where the snapshot files live (`state/snapshots`).
    ///   - keep: how many of the newest snapshots to keep (at least 1).
    ///   - keepSpread: how many older ones to keep besides, spread over the log.
    public init(directory: URL, keep: Int = 3, keepSpread: Int = 0) {
        self.directory = directory
        self.keep = max(1, keep)
        self.keepSpread = max(0, keepSpread)
    }

    private var path: String { directory.standardizedFileURL.path }

    /// Writes a snapshot atomically, then removes all but the newest ``keep``
    /// and ``keepSpread`` older ones.
    ///
    /// - Parameters:
    ///   - body: the snapshot's bytes, opaque to the store.
    ///   - seq: the last seq the state covers.
    ///   - chainHead: the log's chain head at `seq` (take both from one
    ///     ``EventLog/position``, or use ``EventLog/chainHead(at:)``).
    ///   - location: where record `seq` is in the log (``EventLog/location(of:)``),
    ///     so that a load checks the chain head by reading that one record
    ///     and the replay after it starts there; nil when not known.
    ///   - version: the version of the code that made `body`; a load asks for one.
    /// - Returns: the file's name.
    /// - Throws: ``EventLogError`` with ``EventLogError/Code/io`` when a system call fails.
    /// - Important: a snapshot for a seq that already has one replaces it.
    @discardableResult
    public func write(
        _ body: [UInt8], seq: UInt64, chainHead: ChainHash, location: EventLog.RecordLocation? = nil, version: String
    ) throws -> String {
        precondition(location == nil || location?.seq == seq, "a snapshot keeps the location of its own record")
        try fileStep(path) { try FileSystem.makeDirectory(path, mode: 0o755) }
        let name = Self.fileName(seq: seq)
        let temporaryName = "\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let versionBytes = Array(version.utf8)

        var header = Self.magic
        header.appendLittleEndian(Self.formatVersion)
        header.appendLittleEndian(UInt16(0))
        header.appendLittleEndian(UInt32(versionBytes.count))
        header.appendLittleEndian(seq)
        header.append(contentsOf: chainHead.bytes)
        header.appendLittleEndian(UInt64(body.count))
        header.appendLittleEndian(location?.segmentFirstSeq ?? 0)
        header.appendLittleEndian(UInt64(bitPattern: location?.offset ?? 0))
        header.append(contentsOf: versionBytes)
        var crc = CRC32C()
        crc.update(header)
        crc.update(body)
        var trailer: [UInt8] = []
        trailer.appendLittleEndian(crc.value)

        let directoryFile = try SystemFile.openDirectory(path)
        defer { directoryFile.close() }
        let file = try SystemFile.open(path + "/" + temporaryName, name: temporaryName, flags: O_WRONLY | O_CREAT | O_EXCL)
        do {
            defer { file.close() }
            try header.withUnsafeBytes { try file.write($0, at: 0) }
            try body.withUnsafeBytes { try file.write($0, at: Int64(header.count)) }
            try trailer.withUnsafeBytes { try file.write($0, at: Int64(header.count + body.count)) }
            try file.sync()
            try fileStep(name) { try FileSystem.replace(path + "/" + name, with: path + "/" + temporaryName) }
        } catch {
            try? FileSystem.remove(path + "/" + temporaryName)
            throw error
        }
        try directoryFile.sync()
        try prune(directoryFile: directoryFile)
        return name
    }

    /// Loads the newest snapshot that is whole, of the given version and, when
    /// a log is given, of that log's history; with `last`, the newest of those
    /// that covers no seq after it.
    ///
    /// - Parameters:
    ///   - version: the version of the code that will read the body.
    ///   - last: when given, snapshots of a later seq are passed over
    ///     (and not counted as skipped).
    ///   - log: when given, a snapshot is used only if the log holds its seq and
    ///     has the same chain head there (so a snapshot of another log, or of
    ///     records since cut as a torn tail, is never applied).
    /// - Returns: the snapshot, or none, with every newer file passed over and why.
    /// - Throws: ``EventLogError`` only when the directory cannot be listed; an
    ///   absent directory means no snapshots.
    public func loadNewest(
        version: String, matching log: EventLog? = nil, through last: UInt64 = .max
    ) throws -> SnapshotLoad {
        guard FileSystem.exists(path) else { return SnapshotLoad(snapshot: nil, skipped: []) }
        var skipped: [SnapshotLoad.Skipped] = []
        let logPosition = log?.position
        for (name, seq) in try snapshotFiles() where seq <= last {
            let snapshot: Snapshot
            do {
                snapshot = try read(name)
            } catch let error as EventLogError {
                skipped.append(.init(fileName: name, reason: error.message))
                continue
            }
            guard snapshot.version == version else {
                skipped.append(.init(fileName: name, reason: "made by version \(snapshot.version), not \(version)"))
                continue
            }
            if let log, let logPosition {
                guard snapshot.seq <= logPosition.seq else {
                    skipped.append(.init(fileName: name, reason: "covers seq \(snapshot.seq) but the log ends at seq \(logPosition.seq)"))
                    continue
                }
                let head: ChainHash
                do {
                    head = try log.chainHead(at: snapshot.seq, location: snapshot.location)
                } catch let error as EventLogError {
                    skipped.append(.init(fileName: name, reason: "the log's chain head at seq \(snapshot.seq) could not be read: \(error.message)"))
                    continue
                }
                guard head == snapshot.chainHead else {
                    skipped.append(.init(fileName: name, reason: "its chain head at seq \(snapshot.seq) differs from the log's: it was taken from another history"))
                    continue
                }
            }
            return SnapshotLoad(snapshot: snapshot, skipped: skipped)
        }
        return SnapshotLoad(snapshot: nil, skipped: skipped)
    }

    static func fileName(seq: UInt64) -> String {
        let digits = String(seq)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + "." + fileExtension
    }

    /// A snapshot file, by the seq its name says it covers.
    public struct File: Sendable, Hashable {
        /// The file's name (`<seq, 20 digits>.snap`).
        public let name: String
        /// The seq in its name.
        public let seq: UInt64
    }

    /// The snapshot files, newest first, whole or not; temporary files left
    /// by an interrupted write are not among them.
    /// - Returns: the files; none when the directory does not exist.
    /// - Throws: ``EventLogError`` when the directory cannot be listed.
    public func files() throws -> [File] {
        guard FileSystem.exists(path) else { return [] }
        return try snapshotFiles().map { File(name: $0.0, seq: $0.1) }
    }

    /// The seq a snapshot covers, read from its header alone: without
    /// mapping or checking its body, so that it costs a read of 64 bytes
    /// whatever the snapshot's size.
    ///
    /// - Parameters:
    ///   - file: one of ``files()``.
    /// - Returns: the seq, when the header is whole (magic, format, lengths
    ///   that add up to the file's size) and agrees with the file's name.
    /// - Throws: ``EventLogError`` with ``EventLogError/Code/snapshot`` when
    ///   it is not, or ``EventLogError/Code/io`` when the file cannot be read.
    public func coveredSeq(of file: File) throws -> UInt64 {
        let opened = try SystemFile.open(path + "/" + file.name, name: file.name, flags: O_RDONLY)
        defer { opened.close() }
        let size = try opened.size()
        try Self.checkSize(size, name: file.name)
        let bytes = try opened.read(count: Int(min(size, Int64(Self.longestHeader))), at: 0)
        let header = try bytes.withUnsafeBytes { try Self.header($0, size: Int(size), name: file.name) }
        guard header.seq == file.seq else {
            throw Self.damaged(file.name, "its header says it covers seq \(header.seq) but its name says \(file.seq)")
        }
        return header.seq
    }

    /// Snapshot files with their seqs, newest first.
    private func snapshotFiles() throws -> [(String, UInt64)] {
        try fileStep(path, { try FileSystem.list(path) }).compactMap { name -> (String, UInt64)? in
            let suffix = "." + Self.fileExtension
            guard name.hasSuffix(suffix), let seq = UInt64(name.dropLast(suffix.count)) else { return nil }
            return (name, seq)
        }
        .sorted { $0.1 > $1.1 }
    }

    private func read(_ name: String) throws -> Snapshot {
        let file = try SystemFile.open(path + "/" + name, name: name, flags: O_RDONLY)
        defer { file.close() }
        try Self.checkSize(try file.size(), name: name)
        let mapped = try MappedFile(file)
        let raw = mapped.bytes
        let header = try Self.header(raw, size: raw.count, name: name)
        let stored = raw.baseAddress!.loadLittleEndian(at: raw.count - 4, as: UInt32.self)
        let computed = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 4)]))
        guard stored == computed else {
            throw Self.damaged(name, "CRC32C mismatch (stored \(hex32(stored)), computed \(hex32(computed)))")
        }
        let versionEnd = header.length + header.versionLength
        let version = String(decoding: raw[header.length..<versionEnd], as: UTF8.self)
        return Snapshot(
            seq: header.seq, chainHead: header.chainHead, location: header.location, version: version,
            body: Snapshot.Body(mapped, versionEnd..<(raw.count - 4)), fileName: name)
    }

    /// The fixed fields at the start of a snapshot file.
    private struct Header {
        /// The header's own length, which its format gives.
        var length: Int
        var versionLength: Int
        var seq: UInt64
        var chainHead: ChainHash
        var location: EventLog.RecordLocation?
    }

    private static func damaged(_ name: String, _ detail: String) -> EventLogError {
        EventLogError(.snapshot, "damaged: \(detail)", segment: name)
    }

    /// The shortest a snapshot file can be: the shortest header and the CRC.
    private static func checkSize(_ size: Int64, name: String) throws {
        guard size >= Int64(64 + 4) else { throw damaged(name, "\(size) bytes is too short for a snapshot") }
    }

    /// Reads and checks the header at the start of `raw` (the whole file,
    /// or its first ``longestHeader`` bytes) of a file of `size` bytes:
    /// magic, format, and lengths that add up to the size.
    private static func header(_ raw: UnsafeRawBufferPointer, size: Int, name: String) throws -> Header {
        guard raw.count >= 64 else { throw damaged(name, "it ends within its header") }
        let base = raw.baseAddress!
        guard raw.prefix(8).elementsEqual(magic) else { throw damaged(name, "not a snapshot file (bad magic)") }
        let format = base.loadLittleEndian(at: 8, as: UInt16.self)
        guard let headerLength = headerLength(format: format) else {
            throw damaged(name, "snapshot format \(format); this build reads formats 1 and \(formatVersion)")
        }
        guard raw.count >= headerLength, size >= headerLength + 4 else { throw damaged(name, "it ends within its header") }
        let versionLength = Int(base.loadLittleEndian(at: 12, as: UInt32.self))
        let seq = base.loadLittleEndian(at: 16, as: UInt64.self)
        let chainHead = ChainHash(bytes: UnsafeRawBufferPointer(rebasing: raw[24..<56]))
        let bodyLength = base.loadLittleEndian(at: 56, as: UInt64.self)
        // Compared by subtraction: lengths read from a damaged header must not overflow.
        guard UInt64(size) - 4 - UInt64(headerLength) >= UInt64(versionLength),
              bodyLength == UInt64(size) - 4 - UInt64(headerLength) - UInt64(versionLength) else {
            throw damaged(name, "its lengths do not add up to its size of \(size) bytes (cut short?)")
        }
        var location: EventLog.RecordLocation?
        if headerLength >= 80 {
            let segmentFirstSeq = base.loadLittleEndian(at: 64, as: UInt64.self)
            let offset = Int64(bitPattern: base.loadLittleEndian(at: 72, as: UInt64.self))
            // A location is a hint the log checks; one that cannot be is none.
            if segmentFirstSeq > 0, segmentFirstSeq <= seq, offset > 0 {
                location = EventLog.RecordLocation(seq: seq, segmentFirstSeq: segmentFirstSeq, offset: offset)
            }
        }
        return Header(length: headerLength, versionLength: versionLength, seq: seq, chainHead: chainHead, location: location)
    }

    /// Removes all but the newest ``keep`` snapshots and ``keepSpread``
    /// older ones, and temporary files a crashed write left.
    private func prune(directoryFile: SystemFile) throws {
        var removed = false
        let files = try snapshotFiles()
        let older = files.dropFirst(keep).map(\.1)
        let gone = Self.olderToRemove(older.reversed(), newest: files.prefix(keep).last?.1 ?? 0, keeping: keepSpread)
        for (name, seq) in files.dropFirst(keep) where gone.contains(seq) {
            try fileStep(name) { try FileSystem.remove(path + "/" + name) }
            removed = true
        }
        for name in try fileStep(path, { try FileSystem.list(path) }) where name.contains("." + Self.fileExtension + ".tmp-") {
            try fileStep(name) { try FileSystem.remove(path + "/" + name) }
            removed = true
        }
        if removed { try directoryFile.sync() }
    }

    /// Which of the older snapshots to remove so that `count` are left,
    /// spread over the log: one at a time, the one whose removal leaves the
    /// shortest gap between the snapshots on either side of it (the oldest
    /// gap starts at seq 0, the newest ends at the oldest of the newest
    /// kept). Snapshots written every N events end up about evenly spaced,
    /// so a point anywhere in the log is within a gap's width after one.
    ///
    /// - Parameters:
    ///   - seqs: the older snapshots' seqs, in ascending order.
    ///   - newest: the seq of the oldest snapshot kept among the newest.
    ///   - count: how many to keep.
    /// - Returns: the seqs to remove.
    static func olderToRemove(_ seqs: [UInt64], newest: UInt64, keeping count: Int) -> Set<UInt64> {
        var kept = seqs
        var removed: Set<UInt64> = []
        while kept.count > count {
            var best = 0
            var bestGap = UInt64.max
            for index in kept.indices {
                let before = index == 0 ? 0 : kept[index - 1]
                let after = index == kept.count - 1 ? max(newest, kept[index]) : kept[index + 1]
                // Ties go to the newer snapshot: the oldest ones hold the widest stretch.
                if after - before <= bestGap {
                    bestGap = after - before
                    best = index
                }
            }
            removed.insert(kept.remove(at: best))
        }
        return removed
    }
}

import DurableFiles
import EventLog
import Foundation
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The last seq whose append the daemon saw return, in the state folder's
/// `acknowledged-seq`: proof, at the next start, of how far the log had
/// come, for the records a crash leaves after the newest snapshot.
///
/// The file is one line of 30 bytes: the seq in 20 decimal digits, a
/// space, the CRC32C of those digits in 8 hex digits, a newline
/// (`00000000000000004500 1c2d3e4f`). It is written in place after each
/// batch's append returns, before any file of the batch leaves the inbox,
/// and not synced then: a `pwrite` of 30 bytes to the page cache costs
/// microseconds, where a sync per batch would cost as much as the log's
/// own. The file is synced at a graceful stop.
///
/// - Important: the seq it holds is never ahead of the log's durable end,
///   since it is written only after the log synced the records; a crash of
///   the process loses nothing of it (the page cache survives), and a power
///   cut may leave it behind by the kernel's writeback delay (30 s by
///   default) or torn, which its checksum shows. Either only narrows what it
///   proves; neither makes a whole log look short.
final class AcknowledgedSeq: Sendable {
    /// The file's name in the state folder.
    static let fileName = "acknowledged-seq"
    private static let length = 30

    let path: String
    private let descriptor: Int32
    private let logger: Logger
    /// The seq last written, and whether the last write failed (said once).
    private let progress = Mutex<(written: UInt64, failing: Bool)>((0, false))

    /// Opens (or creates) the file in a state folder, for ``record(_:)``.
    /// - Throws: ``FileSystem/Failure`` when it cannot be opened.
    init(state folder: String, logger: Logger) throws {
        path = folder + "/" + Self.fileName
        let existed = FileSystem.exists(path)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard descriptor >= 0 else { throw FileSystem.Failure(operation: "open", path: path, code: errno) }
        self.logger = logger
        if !existed { try? FileSystem.syncDirectory(folder) }
    }

    deinit { close(descriptor) }

    /// Writes `seq` unless a seq as high was written already. A failure is
    /// logged (once until a write succeeds again) and otherwise ignored:
    /// the record only narrows what a later start can prove.
    func record(_ seq: UInt64) {
        progress.withLock { state in
            guard seq > state.written else { return }
            let line = Self.encode(seq)
            let written = line.withUnsafeBytes { bytes in
                retryingInterrupts { pwrite(descriptor, bytes.baseAddress, bytes.count, 0) }
            }
            if written == line.count {
                state = (seq, false)
            } else if !state.failing {
                state.failing = true
                logger.error("cannot record the acknowledged seq; a damaged log tail after a crash may go unnoticed", metadata: [
                    "file": "\(path)", "seq": "\(seq)", "error": "\(String(cString: strerror(errno)))",
                ])
            }
        }
    }

    /// Makes what was recorded durable (at a graceful stop).
    func sync() {
        if retryingInterrupts({ fdatasync(descriptor) }) != 0 {
            logger.error("cannot sync the acknowledged seq", metadata: ["file": "\(path)", "error": "\(String(cString: strerror(errno)))"])
        }
    }

    /// What a state folder's file says.
    enum Reading: Equatable {
        /// There is no file (a state folder from before it existed, or new).
        case absent
        /// The seq it holds.
        case seq(UInt64)
        /// The file cannot be trusted, and why.
        case unusable(String)
    }

    /// Reads the file of a state folder.
    static func read(state folder: String) -> Reading {
        let path = folder + "/" + fileName
        guard FileSystem.exists(path) else { return .absent }
        guard let data = FileManager.default.contents(atPath: path) else { return .unusable("it cannot be read") }
        let bytes = [UInt8](data)
        // Created, and no seq written before a crash.
        if bytes.isEmpty { return .absent }
        guard bytes.count == length, bytes[20] == UInt8(ascii: " "), bytes[29] == UInt8(ascii: "\n"),
              let seq = UInt64(String(decoding: bytes[0..<20], as: UTF8.self)),
              let crc = UInt32(String(decoding: bytes[21..<29], as: UTF8.self), radix: 16)
        else { return .unusable("it is not a line of a seq and its checksum") }
        guard crc == CRC32C.checksum(Array(bytes[0..<20])) else { return .unusable("its checksum does not match its seq") }
        return .seq(seq)
    }

    /// Replaces the file of a state folder with one holding `seq`,
    /// atomically and synced: for `timelined recover`, which lowers it to
    /// the log's new end. The file is given the folder's owner, so that a
    /// recovery run as root leaves a file the daemon's user can write.
    /// - Throws: ``FileSystem/Failure`` when it cannot be written.
    static func reset(state folder: String, to seq: UInt64) throws {
        let path = folder + "/" + fileName
        try FileSystem.writeAtomically(encode(seq), to: path, mode: 0o640)
        var owner = stat()
        if stat(folder, &owner) == 0 {
            // Only root may give a file away; for anyone else it stays theirs.
            _ = chown(path, owner.st_uid, owner.st_gid)
        }
    }

    private static func encode(_ seq: UInt64) -> [UInt8] {
        let digits = String(seq)
        let padded = Array((String(repeating: "0", count: 20 - digits.count) + digits).utf8)
        let crc = String(CRC32C.checksum(padded), radix: 16)
        return padded + Array((" " + String(repeating: "0", count: 8 - crc.count) + crc + "\n").utf8)
    }
}

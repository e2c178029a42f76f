import CLinux
import ClaimExtraction
import DurableFiles
import Foundation
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// A file read from the inbox, whole, with its content address.
struct ReceivedFile: Sendable {
    var name: FileName
    var bytes: [UInt8]
    var content: DocumentContent
    /// The file as it was read: moved only while it still is.
    var version: FileVersion
}

/// Which file, at which size and modification time: a file whose version
/// changed since it was read is not the bytes that were read.
struct FileVersion: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    /// The version `name` in `folder` has now, if it is there.
    init?(of name: FileName, in folder: String) {
        var info = stat()
        guard lstat(name.path(in: folder), &info) == 0 else { return nil }
        self.init(info)
    }

    static func == (a: FileVersion, b: FileVersion) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}

/// Why a file was not taken.
struct Rejection: Sendable, Equatable {
    /// A code a program can match.
    var reason: String
    /// The same, for a person.
    var message: String
    var size: Int?

    static func tooLarge(size: Int, limit: Int) -> Rejection {
        Rejection(reason: "too_large", message: "\(size) bytes is over the limit of \(limit) bytes", size: size)
    }
}

/// Reads inbox files the safe way: never through a symlink, only regular
/// files, never more than the size limit, never blocking on a pipe.
struct Ingestor: Sendable {
    /// What reading a name gave.
    enum Outcome: Sendable {
        case file(ReceivedFile)
        case rejected(Rejection)
        /// The name is no longer there (taken already, or removed).
        case gone
        /// Not read this time for a reason that is not the file's (no
        /// descriptor, memory or space left): it stays in the inbox, to
        /// be tried again.
        case deferred(String)
        /// Still being written: open for writing, or changed while read.
        /// It stays in the inbox, to be tried again.
        case busy
    }

    /// How long a file nothing announced (found by a scan, or created
    /// with no close seen yet) must go unchanged before it is taken when
    /// the kernel cannot say whether it is still open for writing.
    static let settle: Duration = .seconds(5)

    var inbox: String
    var maxDocumentBytes: Int
    /// Whether a file holding HTML is read as its text or refused.
    var html: HTMLHandling = .text

    /// Reads `name` from the inbox, unless it is still being written.
    ///
    /// Whether it is: a read lease, which the kernel grants only while no
    /// one has the file open for writing, and which holds back a writer's
    /// open while the file is read. Where the daemon may not take one (a
    /// file another user owns, without CAP_LEASE), a file whose writer
    /// closed it or moved it in (`announced`) is taken; one found by a
    /// scan or only seen created is taken once it has gone unchanged for
    /// ``settle``. Either way a file that changes while it is read is not
    /// taken this time.
    ///
    /// - Parameter announced: whether a close after writing or a move
    ///   into the inbox was seen for the name.
    func read(_ name: FileName, announced: Bool) -> Outcome {
        let fd = open(name.path(in: inbox), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        if fd < 0 {
            let code = errno
            switch code {
            case _ where FileSystem.isTemporary(code):
                return .deferred("cannot open: \(String(cString: strerror(code)))")
            case ENOENT:
                return .gone
            case ELOOP:
                return .rejected(Rejection(reason: "symlink", message: "a symbolic link; only regular files are taken"))
            case ENXIO:
                return .rejected(Rejection(reason: "not_regular_file", message: "a socket; only regular files are taken"))
            default:
                return .rejected(Rejection(reason: "unreadable", message: "cannot open: \(String(cString: strerror(code)))"))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            if FileSystem.isTemporary(errno) { return .deferred("cannot stat: \(String(cString: strerror(errno)))") }
            return .rejected(Rejection(reason: "unreadable", message: "cannot stat: \(String(cString: strerror(errno)))"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .rejected(Rejection(
                reason: "not_regular_file", message: "a \(Self.kind(info.st_mode)); only regular files are taken"))
        }
        if timelined_read_lease(fd) == 0 {
            defer { _ = timelined_release_lease(fd) }
            return read(name, fd: fd, info: info)
        }
        if errno == EAGAIN || (!announced && !Self.hasSettled(info)) { return .busy }
        return read(name, fd: fd, info: info)
    }

    /// Whether a file has gone unchanged for ``settle``.
    static func hasSettled(_ info: stat) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let latest = max(info.st_mtim.tv_sec, info.st_ctim.tv_sec)
        return now.tv_sec - latest >= Int(settle.components.seconds)
    }

    private func read(_ name: FileName, fd: Int32, info: stat) -> Outcome {
        let size = Int(info.st_size)
        guard size <= maxDocumentBytes else {
            return .rejected(.tooLarge(size: size, limit: maxDocumentBytes))
        }
        // Read to the limit and one byte past it, in case the file grew
        // after fstat.
        var bytes = [UInt8](repeating: 0, count: min(size, maxDocumentBytes) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                if FileSystem.isTemporary(errno) { return .deferred("cannot read: \(String(cString: strerror(errno)))") }
                return .rejected(Rejection(reason: "unreadable", message: "cannot read: \(String(cString: strerror(errno)))"))
            }
            if count == 0 { break }
            filled += count
            if filled == bytes.count, filled <= maxDocumentBytes {
                bytes.append(contentsOf: repeatElement(0, count: min(64 * 1024, maxDocumentBytes + 1 - filled)))
            }
        }
        guard filled <= maxDocumentBytes else {
            return .rejected(.tooLarge(size: max(filled, size), limit: maxDocumentBytes))
        }
        bytes.removeSubrange(filled...)
        var after = stat()
        guard fstat(fd, &after) == 0, FileVersion(after) == FileVersion(info) else { return .busy }
        let content = DocumentContent(bytes: bytes)
        if let refusal = content.refusal {
            return .rejected(Rejection(reason: refusal.reason, message: refusal.message, size: filled))
        }
        if html == .refuse, content.document(name: name.text).holdsHTML {
            return .rejected(Rejection(
                reason: "html", message: "an HTML page; HTML is refused here (content.html: refuse)", size: filled))
        }
        return .file(ReceivedFile(name: name, bytes: bytes, content: content, version: FileVersion(info)))
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "folder"
        case S_IFIFO: "named pipe"
        case S_IFSOCK: "socket"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        default: "special file"
        }
    }
}

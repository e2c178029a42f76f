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
    }

    var inbox: String
    var maxDocumentBytes: Int

    /// Reads `name` from the inbox.
    func read(_ name: FileName) -> Outcome {
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
        let content = DocumentContent(bytes: bytes)
        if let refusal = content.refusal {
            return .rejected(Rejection(reason: refusal.reason, message: refusal.message, size: filled))
        }
        return .file(ReceivedFile(name: name, bytes: bytes, content: content))
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

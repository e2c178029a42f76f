import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An article file read whole for `extract`. Its modification time is
/// not read: a copy's time says nothing of when the article was written.
struct ArticleFile {
    var bytes: [UInt8]

    /// Reads the file at `path` with one open.
    ///
    /// - Throws: ``ArticleFileError`` naming the path and the system's
    ///   reason (`no such file or directory`, `permission denied`, `is a
    ///   directory`).
    static func read(_ path: String) throws(ArticleFileError) -> ArticleFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArticleFileError(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ArticleFileError(path: path, errno: errno) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw ArticleFileError(path: path, errno: EISDIR) }
        // The size is a hint (a pipe has none, a file may grow): read to the end.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 64 * 1024))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ArticleFileError(path: path, errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return ArticleFile(bytes: bytes)
    }
}

/// A file `extract` could not read, worded as one line:
/// `cannot read PATH: no such file or directory`.
struct ArticleFileError: Error, CustomStringConvertible {
    var path: String
    /// The system's error number.
    var errno: Int32

    var description: String {
        let reason = String(cString: strerror(errno))
        return "cannot read \(path): " + reason.prefix(1).lowercased() + reason.dropFirst()
    }
}

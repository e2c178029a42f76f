import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file-system steps the daemon's guarantees rest on, each made
/// durable: a crash leaves every file either where it was or where it was
/// going, never half-written and never lost.
enum FileSystem {
    /// A failed system call: which, on what, and errno's words.
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32

        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    /// Creates `path` and its parents with `mode` if missing.
    static func makeDirectory(_ path: String, mode: mode_t = 0o750) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true,
                attributes: [.posixPermissions: Int(mode)])
        } catch {
            throw Failure(operation: "create folder", path: path, code: (error as NSError).underlyingPOSIXCode ?? EIO)
        }
    }

    /// fsync's a folder, so that a rename or a new file in it survives a crash.
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open folder", path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync folder", path: path, code: errno) }
    }

    /// Writes `bytes` to `path` so that a reader sees the old file or the
    /// whole new one: a temporary file, fsync, rename, fsync of the folder.
    static func writeAtomically(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o640) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".tmp"
        try writeSynced(bytes, to: temporary, mode: mode)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(operation: "rename to", path: path, code: code)
        }
        try syncDirectory(folder)
    }

    /// Creates (or truncates) `path`, writes `bytes` and fsync's the file.
    /// On failure the file is removed.
    static func writeSynced(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw Failure(operation: "create", path: path, code: errno) }
        do {
            try writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw Failure(operation: "fsync", path: path, code: errno) }
            close(fd)
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>, path: String) throws {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let written = array.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "write", path: path, code: errno)
            }
            offset += written
        }
    }

    /// Moves `name` from one folder to another without ever replacing a
    /// file there: when the name is taken, `NAME.1`, `NAME.2`… Both folders
    /// are fsync'd unless `sync` is false (the caller syncs them once for
    /// many moves).
    ///
    /// - Returns: the name the file has in `destination`.
    static func move(
        _ name: String, from source: String, to destination: String, as target: String? = nil, sync: Bool = true
    ) throws -> String {
        let wanted = target ?? name
        var candidate = wanted
        var attempt = 0
        while true {
            // renameat2(RENAME_NOREPLACE) would be atomic here, but not every
            // file system has it; link + unlink is, and never replaces either.
            if link(source + "/" + name, destination + "/" + candidate) == 0 {
                guard unlink(source + "/" + name) == 0 else {
                    throw Failure(operation: "remove", path: source + "/" + name, code: errno)
                }
                break
            }
            let code = errno
            if code == EEXIST {
                attempt += 1
                candidate = wanted + "." + String(attempt)
                continue
            }
            if code == EPERM || code == EXDEV || code == EMLINK || code == ENOTSUP {
                // Folders on another file system, or a file system without
                // hard links (or a symlink, which link() may refuse): rename,
                // having checked the name is free.
                while access(destination + "/" + candidate, F_OK) == 0 {
                    attempt += 1
                    candidate = wanted + "." + String(attempt)
                }
                guard rename(source + "/" + name, destination + "/" + candidate) == 0 else {
                    throw Failure(operation: "move", path: source + "/" + name, code: errno)
                }
                break
            }
            throw Failure(operation: "move", path: source + "/" + name, code: code)
        }
        if sync {
            try syncDirectory(destination)
            try syncDirectory(source)
        }
        return candidate
    }
}

extension FileSystem {
    /// `name`, or `NAME.1`, `NAME.2`… : the first that is free in `folder`,
    /// together with the same name plus `suffix` (a file's report beside it).
    static func freeName(_ name: String, in folder: String, reserving suffix: String = "") -> String {
        var candidate = name
        var attempt = 0
        while access(folder + "/" + candidate, F_OK) == 0
            || (!suffix.isEmpty && access(folder + "/" + candidate + suffix, F_OK) == 0) {
            attempt += 1
            candidate = name + "." + String(attempt)
        }
        return candidate
    }
}

extension NSError {
    var underlyingPOSIXCode: Int32? {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        return (userInfo[NSUnderlyingErrorKey] as? NSError)?.underlyingPOSIXCode
    }
}

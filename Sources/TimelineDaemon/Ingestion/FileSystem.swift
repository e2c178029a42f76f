import CLinux
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
    /// The move is one renameat2(RENAME_NOREPLACE): after a crash the file
    /// is in one folder or the other, never in both. On a file system
    /// without that flag it is a link and an unlink, which never replace a
    /// file either; a crash between the two leaves two names for one file,
    /// which ``finishInterruptedMoves(in:to:)`` resolves at the next start.
    /// Where links are refused too (`fs.protected_hardlinks` for a file
    /// another user dropped), it is a rename to a name found free: the
    /// daemon is the one writer of the folders it moves files into.
    ///
    /// - Returns: the name the file has in `destination`.
    /// - Throws: ``Failure`` when the file cannot be moved (the two folders
    ///   on different file systems among the reasons); it is then where it was.
    static func move(
        _ name: String, from source: String, to destination: String, as target: String? = nil, sync: Bool = true
    ) throws -> String {
        enum Method { case renameNoReplace, linkThenUnlink, renameToAFreeName }
        let wanted = target ?? name
        let from = source + "/" + name
        var candidate = wanted
        var attempt = 0
        var method = Method.renameNoReplace
        while true {
            let to = destination + "/" + candidate
            let code: Int32
            switch method {
            case .renameNoReplace:
                code = timelined_rename_noreplace(from, to) == 0 ? 0 : errno
            case .linkThenUnlink:
                code = link(from, to) == 0 ? 0 : errno
            case .renameToAFreeName:
                code = access(to, F_OK) == 0 ? EEXIST : rename(from, to) == 0 ? 0 : errno
            }
            if code == 0 { break }
            if code == EEXIST {
                attempt += 1
                candidate = wanted + "." + String(attempt)
            } else if method == .renameNoReplace, code == EINVAL || code == ENOSYS {
                method = .linkThenUnlink
            } else if method == .linkThenUnlink, [EPERM, EMLINK, ENOTSUP, EOPNOTSUPP].contains(code) {
                method = .renameToAFreeName
            } else {
                throw Failure(operation: "move to \(destination) from", path: from, code: code)
            }
        }
        if method == .linkThenUnlink, unlink(from) != 0 {
            throw Failure(operation: "remove the moved", path: from, code: errno)
        }
        if sync {
            try syncDirectory(destination)
            try syncDirectory(source)
        }
        return candidate
    }

    /// The file system `path` is on.
    static func device(of path: String) throws -> dev_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure(operation: "stat", path: path, code: errno) }
        return info.st_dev
    }

    /// Finishes the moves out of `inbox` that a crash cut between their
    /// link and their unlink (see ``move(_:from:to:as:sync:)``): a file in
    /// the inbox that is also in one of `folders`, as the same inode, loses
    /// its inbox name, and the inbox is synced.
    ///
    /// - Returns: the inbox names removed, with the folder each file is in.
    static func finishInterruptedMoves(in inbox: String, to folders: [String]) throws -> [(name: String, folder: String)] {
        var linked: [(name: String, device: dev_t, inode: ino_t)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox) {
            var info = stat()
            guard lstat(inbox + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink > 1 else { continue }
            linked.append((name, info.st_dev, info.st_ino))
        }
        guard !linked.isEmpty else { return [] }
        var finished: [(name: String, folder: String)] = []
        for folder in folders {
            for other in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                var info = stat()
                guard lstat(folder + "/" + other, &info) == 0, info.st_nlink > 1,
                      let i = linked.firstIndex(where: { $0.device == info.st_dev && $0.inode == info.st_ino }) else { continue }
                guard unlink(inbox + "/" + linked[i].name) == 0 else {
                    throw Failure(operation: "remove the moved", path: inbox + "/" + linked[i].name, code: errno)
                }
                finished.append((linked[i].name, folder))
                linked.remove(at: i)
            }
        }
        if !finished.isEmpty { try syncDirectory(inbox) }
        return finished
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

import CLinux
#if canImport(Glibc)
import Glibc
#endif

/// The file-system steps the daemon's guarantees rest on, in one place:
/// the log's segments and snapshots, the stored documents, the moves out
/// of the inbox and the reports beside refused files all go through it.
///
/// Each step is made durable where it says so, and none replaces a file
/// it was not asked to replace: a file created or moved into a folder a
/// person also writes to (processed/, failed/) is created exclusively
/// (O_EXCL, renameat2's RENAME_NOREPLACE or link), under another name when
/// its own is taken. Only ``writeAtomically(_:to:mode:)`` and
/// ``replace(_:with:)`` replace, for files the daemon alone owns.
public enum FileSystem {
    /// A failed system call: which, on what, and errno's words.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The call or step that failed ("create", "rename to").
        public var operation: String
        /// The path it failed on.
        public var path: String
        /// errno.
        public var code: Int32

        public init(operation: String, path: String, code: Int32) {
            self.operation = operation
            self.path = path
            self.code = code
        }

        public var description: String {
            "\(operation) \(DisplayText.escaping(path)): \(String(cString: strerror(code)))"
        }

        /// Whether the same step may well work later: see ``FileSystem/isTemporary(_:)``.
        public var isTemporary: Bool { FileSystem.isTemporary(code) }
    }

    /// Whether a call that failed with `code` may well work later, with
    /// nothing about the file at fault: the process or the system out of
    /// descriptors or memory, the disk or the quota full. A file that
    /// meets one of these stays where it is, to be tried again.
    public static func isTemporary(_ code: Int32) -> Bool {
        [EMFILE, ENFILE, ENOMEM, ENOBUFS, ENOSPC, EDQUOT, EAGAIN, EINTR].contains(code)
    }

    /// The bytes an unprivileged writer may still use on the file system
    /// `path` is on.
    public static func availableBytes(at path: String) throws -> Int64 {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { throw Failure(operation: "statvfs", path: path, code: errno) }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// Creates `path` and its missing parents with `mode`, as `mkdir -p`
    /// does, and syncs the parent of each one created, so that the new
    /// folder survives a crash.
    public static func makeDirectory(_ path: String, mode: mode_t = 0o750) throws {
        var parent = path.hasPrefix("/") ? "/" : "."
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, mode) == 0 {
                try syncDirectory(parent)
            } else if errno != EEXIST {
                throw Failure(operation: "mkdir", path: prefix, code: errno)
            } else if !isDirectory(prefix) {
                throw Failure(operation: "mkdir", path: prefix, code: ENOTDIR)
            }
            parent = prefix
        }
    }

    /// fsync's a folder, so that a rename or a new file in it survives a crash.
    public static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open folder", path: path, code: errno) }
        defer { close(fd) }
        guard retryingInterrupts({ fsync(fd) }) == 0 else { throw Failure(operation: "fsync folder", path: path, code: errno) }
    }

    /// The names in a folder, without `.` and `..`, in the order the
    /// folder gives them, as text (see ``entries(_:)`` for names that may
    /// not be UTF-8).
    public static func list(_ path: String) throws -> [String] {
        try entries(path).map(\.text)
    }

    /// The names in a folder, without `.` and `..`, in the order the
    /// folder gives them, as the bytes they are.
    public static func entries(_ path: String) throws -> [FileName] {
        guard let directory = opendir(path) else { throw Failure(operation: "opendir", path: path, code: errno) }
        defer { closedir(directory) }
        var names: [FileName] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Failure(operation: "readdir", path: path, code: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                FileName(bytes: raw.prefix(while: { $0 != 0 }))
            }
            if name.bytes != [0x2E] && name.bytes != [0x2E, 0x2E] { names.append(name) }
        }
        return names
    }

    /// Whether anything (a symlink included, not followed) has this path.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether anything (a symlink included, not followed) has this name in `folder`.
    public static func exists(_ name: FileName, in folder: String) -> Bool {
        var info = stat()
        return lstat(name.path(in: folder), &info) == 0
    }

    /// Whether `path` is a folder (a symlink to one included).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Removes a file; one already gone is no failure.
    public static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw Failure(operation: "unlink", path: path, code: errno) }
    }

    /// The file system `path` is on.
    public static func device(of path: String) throws -> dev_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure(operation: "stat", path: path, code: errno) }
        return info.st_dev
    }

    /// The longest name a Linux file system takes, in bytes.
    public static let maxNameBytes = 255

    /// `name` followed by `suffix` (`.1`, `.error.json`), shortened to fit
    /// in ``maxNameBytes``: when too long, the end of `name` gives way to
    /// `~` and eight hex digits of a hash of the whole name, so that two
    /// long names shortened stay two names, and the suffix is kept whole.
    public static func name(_ name: FileName, withSuffix suffix: String) -> FileName {
        guard name.bytes.count + suffix.utf8.count > maxNameBytes else { return name.appending(suffix) }
        var hash: UInt32 = 0x811C_9DC5
        for byte in name.bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        let tag = "~" + String(repeating: "0", count: 8 - hex.count) + hex
        var end = max(0, maxNameBytes - suffix.utf8.count - tag.utf8.count)
        // Never inside a character: back off UTF-8 continuation bytes.
        while end > 0, end < name.bytes.count, name.bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return FileName(bytes: name.bytes[..<end]).appending(tag + suffix)
    }

    /// The `attempt`th name tried for `name`: itself, then `NAME.1`,
    /// `NAME.2`…, each shortened to fit.
    static func candidate(_ name: FileName, attempt: Int) -> FileName {
        attempt == 0 ? name : Self.name(name, withSuffix: "." + String(attempt))
    }

    /// Renames `from` to `to`, replacing what `to` names: for a file only
    /// the daemon writes (a snapshot, a content-addressed document, whose
    /// replacement holds the same bytes).
    public static func replace(_ to: String, with from: String) throws {
        guard rename(from, to) == 0 else { throw Failure(operation: "rename to", path: to, code: errno) }
    }

    /// Renames `from` to `to` in one step unless `to` exists.
    ///
    /// - Throws: ``Failure`` with EEXIST when `to` is taken.
    public static func renameNoReplace(_ from: String, to: String) throws {
        guard let code = placeNoReplace(Array(from.utf8CString), Array(to.utf8CString)) else { return }
        throw Failure(operation: "rename to", path: to, code: code)
    }

    /// Creates `path` exclusively (it must not exist), writes `bytes` and
    /// fsync's the file. On failure the file is removed.
    public static func writeSynced(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw Failure(operation: "create", path: path, code: errno) }
        do {
            try writeAll(fd, bytes, path: path)
            guard retryingInterrupts({ fsync(fd) }) == 0 else { throw Failure(operation: "fsync", path: path, code: errno) }
            close(fd)
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
    }

    /// Writes `bytes` to `path` so that a reader sees the old file or the
    /// whole new one: a temporary file, fsync, rename over `path`, fsync
    /// of the folder. For a file only the daemon writes.
    public static func writeAtomically(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o640) throws {
        let folder = parent(of: path)
        let temporary = try writeTemporary(bytes, in: folder, mode: mode)
        do {
            try replace(path, with: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(folder)
    }

    /// Creates a new file named `name` in `folder` holding `bytes`,
    /// replacing nothing: when the name is taken, `NAME.1`, `NAME.2`…
    /// (shortened to fit, as ``name(_:withSuffix:)`` does)
    /// The file appears whole (written and synced under a temporary name
    /// first) and the folder is synced.
    ///
    /// - Returns: the name the file was created under.
    public static func createNew(
        _ bytes: some Collection<UInt8>, named name: FileName, in folder: String, mode: mode_t = 0o640
    ) throws -> FileName {
        let temporary = try writeTemporary(bytes, in: folder, mode: mode)
        var attempt = 0
        while true {
            let candidate = candidate(name, attempt: attempt)
            guard let code = placeNoReplace(Array(temporary.utf8CString), candidate.path(in: folder)) else {
                try syncDirectory(folder)
                return candidate
            }
            guard code == EEXIST else {
                unlink(temporary)
                throw Failure(operation: "create", path: folder + "/" + candidate.text, code: code)
            }
            attempt += 1
        }
    }

    /// Moves `name` from one folder to another without ever replacing a
    /// file there: when the name is taken, `NAME.1`, `NAME.2`… (shortened
    /// to fit, as ``name(_:withSuffix:)`` does). Both folders
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
    public static func move(
        _ name: FileName, from source: String, to destination: String, as target: FileName? = nil, sync: Bool = true
    ) throws -> FileName {
        let wanted = target ?? name
        let from = name.path(in: source)
        var candidate = wanted
        var attempt = 0
        while let code = placeNoReplace(from, candidate.path(in: destination)) {
            guard code == EEXIST else {
                throw Failure(operation: "move to \(destination) from", path: source + "/" + name.text, code: code)
            }
            attempt += 1
            candidate = Self.candidate(wanted, attempt: attempt)
        }
        if sync {
            try syncDirectory(destination)
            try syncDirectory(source)
        }
        return candidate
    }

    /// `name`, or `NAME.1`, `NAME.2`… : the first that is free in `folder`
    /// and not in `reserved`, together with the same name plus each of
    /// `suffixes` (a file's report beside it), as ``name(_:withSuffix:)``
    /// makes it.
    public static func freeName(
        _ name: FileName, in folder: String, reserving suffixes: [String] = [], notIn reserved: Set<FileName> = []
    ) -> FileName {
        var candidate = name
        var attempt = 0
        func taken(_ name: FileName) -> Bool { reserved.contains(name) || exists(name, in: folder) }
        while taken(candidate) || suffixes.contains(where: { taken(Self.name(candidate, withSuffix: $0)) }) {
            attempt += 1
            candidate = Self.candidate(name, attempt: attempt)
        }
        return candidate
    }

    /// Finishes the moves out of `inbox` that a crash cut between their
    /// link and their unlink (see ``move(_:from:to:as:sync:)``): a file in
    /// the inbox that is also in one of `folders`, as the same inode, loses
    /// its inbox name, and the inbox is synced.
    ///
    /// - Returns: the inbox names removed, with the folder each file is in.
    public static func finishInterruptedMoves(in inbox: String, to folders: [String]) throws -> [(name: FileName, folder: String)] {
        var linked: [(name: FileName, device: dev_t, inode: ino_t)] = []
        for name in try entries(inbox) {
            var info = stat()
            guard lstat(name.path(in: inbox), &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink > 1 else { continue }
            linked.append((name, info.st_dev, info.st_ino))
        }
        guard !linked.isEmpty else { return [] }
        var finished: [(name: FileName, folder: String)] = []
        for folder in folders {
            for other in (try? entries(folder)) ?? [] {
                var info = stat()
                guard lstat(other.path(in: folder), &info) == 0, info.st_nlink > 1,
                      let i = linked.firstIndex(where: { $0.device == info.st_dev && $0.inode == info.st_ino }) else { continue }
                guard unlink(linked[i].name.path(in: inbox)) == 0 else {
                    throw Failure(operation: "remove the moved", path: inbox + "/" + linked[i].name.text, code: errno)
                }
                finished.append((linked[i].name, folder))
                linked.remove(at: i)
            }
        }
        if !finished.isEmpty { try syncDirectory(inbox) }
        return finished
    }

    /// Removes the temporary files ``writeTemporary(_:in:mode:)`` left in
    /// `folder` when a crash came before they were named.
    ///
    /// - Returns: the names removed.
    @discardableResult
    public static func removeTemporaries(in folder: String) throws -> [String] {
        let leftovers = try list(folder).filter { name in
            name.hasPrefix(temporaryPrefix) && name.hasSuffix(".tmp")
        }
        for name in leftovers { try remove(folder + "/" + name) }
        if !leftovers.isEmpty { try syncDirectory(folder) }
        return leftovers
    }

    // MARK: - The steps underneath

    private static let temporaryPrefix = ".timelined-"

    /// Gives the file at `from` the name `to` unless `to` exists, and
    /// returns nil, or the errno that stopped it (EEXIST when `to` is
    /// taken): renameat2(RENAME_NOREPLACE); where the file system cannot,
    /// link then unlink; where links are refused too, a rename to a name
    /// checked free (the daemon being the one writer of its folders).
    private static func placeNoReplace(_ from: [CChar], _ to: [CChar]) -> Int32? {
        if timelined_rename_noreplace(from, to) == 0 { return nil }
        var code = errno
        guard code == EINVAL || code == ENOSYS else { return code }
        if link(from, to) == 0 {
            return unlink(from) == 0 ? nil : errno
        }
        code = errno
        guard [EPERM, EMLINK, ENOTSUP, EOPNOTSUPP].contains(code) else { return code }
        var info = stat()
        if lstat(to, &info) == 0 { return EEXIST }
        return rename(from, to) == 0 ? nil : errno
    }

    /// Writes `bytes` to a new file with a short unique name in `folder`
    /// (short, so that it fits whatever name it is renamed to) and syncs
    /// it; the caller gives it its name (``replace(_:with:)``) or removes it.
    ///
    /// - Returns: the temporary file's path.
    public static func writeTemporary(_ bytes: some Collection<UInt8>, in folder: String, mode: mode_t) throws -> String {
        while true {
            let path = folder + "/" + temporaryPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            do {
                try writeSynced(bytes, to: path, mode: mode)
                return path
            } catch let failure as Failure where failure.code == EEXIST {
                continue
            }
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>, path: String) throws {
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

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// Repeats a call while it fails with EINTR (returns -1 with `errno` EINTR).
public func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
    while true {
        let result = call()
        if result == -1 && errno == EINTR { continue }
        return result
    }
}

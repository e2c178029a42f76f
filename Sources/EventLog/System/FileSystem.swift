import Glibc

/// Repeats a call while it fails with EINTR.
func retryingInterrupts(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result == -1 && errno == EINTR { continue }
        return result
    }
}

/// File-system operations on names, with errors like ``SystemFile``'s.
enum FileSystem {
    static func rename(_ from: String, to: String, name: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw SystemFile.systemError("rename", name) }
    }

    static func remove(_ path: String, name: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw SystemFile.systemError("unlink", name) }
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Creates each missing component, as `mkdir -p` does, and syncs the
    /// parent of each one created so the new directory survives a crash.
    static func makeDirectory(_ path: String) throws {
        var parent = path.hasPrefix("/") ? "/" : "."
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) == 0 {
                let parentFile = try openDirectory(parent)
                defer { parentFile.close() }
                try parentFile.sync()
            } else if errno != EEXIST {
                throw SystemFile.systemError("mkdir", prefix)
            }
            parent = prefix
        }
    }

    /// The names in a directory, without `.` and `..`.
    static func list(_ path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw SystemFile.systemError("opendir", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Opens a directory to fsync it (making renames and new files in it durable) or lock it.
    static func openDirectory(_ path: String) throws -> SystemFile {
        try SystemFile.open(path, name: path, flags: O_RDONLY | O_DIRECTORY)
    }
}

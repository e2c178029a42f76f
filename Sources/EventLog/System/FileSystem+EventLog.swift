import DurableFiles
import Glibc

extension EventLogError {
    /// A failed file-system step, as the log reports one: naming the
    /// segment or snapshot and keeping errno.
    init(_ failure: FileSystem.Failure, name: String) {
        self.init(.io, "\(failure.operation) of \(name) failed: \(String(cString: strerror(failure.code)))",
                  segment: name, errno: failure.code)
    }
}

/// Runs a ``FileSystem`` step, reporting its failure as an ``EventLogError``
/// about `name`.
func fileStep<T>(_ name: String, _ step: () throws -> T) throws -> T {
    do {
        return try step()
    } catch let failure as FileSystem.Failure {
        throw EventLogError(failure, name: name)
    }
}

extension SystemFile {
    /// Opens a directory to fsync it (making renames and new files in it durable) or lock it.
    static func openDirectory(_ path: String) throws -> SystemFile {
        try SystemFile.open(path, name: path, flags: O_RDONLY | O_DIRECTORY)
    }
}

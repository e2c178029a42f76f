import Glibc

/// A file mapped read-only into memory, unmapped when the last reference
/// goes: a snapshot of hundreds of MB is read in place, from the page
/// cache, with no copy into memory of the process's own.
///
/// - Important: the file must not be truncated while it is mapped (a read
///   past its new end would fault). Snapshot files never change once
///   renamed into place; a removed one stays readable while mapped.
final class MappedFile: Sendable {
    private nonisolated(unsafe) let address: UnsafeMutableRawPointer?
    /// The file's size when it was mapped.
    let count: Int

    /// Maps `file` whole, its pages read in at once (MAP_POPULATE): the
    /// reader goes through every byte, and one call is cheaper than a
    /// fault per page.
    init(_ file: SystemFile) throws {
        count = Int(try file.size())
        guard count > 0 else {
            address = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { throw SystemFile.systemError("mmap", file.name) }
        address = mapped
    }

    deinit {
        if let address { munmap(address, count) }
    }

    /// The file's bytes, valid while `self` is.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: address, count: count)
    }
}

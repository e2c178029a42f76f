#if canImport(Glibc)
import Glibc
#endif

/// Builds a `sockaddr_un` for a path, for the calls NIO does not make for
/// us (the client's connect, the stale-socket probe).
enum UnixSocketAddress {
    /// Calls `body` with the address of `path`.
    ///
    /// - Returns: `body`'s result, or nil if the path does not fit in
    ///   `sun_path` (108 bytes with its terminating NUL).
    static func withAddress<Result>(
        of path: String,
        _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> Result
    ) rethrows -> Result? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { sunPath in
            sunPath.copyBytes(from: bytes)
            sunPath[bytes.count] = 0
        }
        return try withUnsafePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                try body(address, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
}

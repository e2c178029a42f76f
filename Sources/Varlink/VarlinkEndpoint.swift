#if canImport(Glibc)
import Glibc
#endif

/// Where a server listens: a socket path it binds itself, or a listening
/// socket it was handed (systemd socket activation passes fd 3).
///
/// A struct with static members rather than an enum, so more kinds can be
/// added without breaking callers' `switch`es.
public struct VarlinkEndpoint: Sendable, CustomStringConvertible {
    enum Kind: Sendable {
        case path(String, mode: mode_t)
        case fileDescriptor(Int32)
    }

    let kind: Kind

    /// A Unix stream socket the server binds at `path`.
    ///
    /// A socket file already at the path is removed if no server answers on
    /// it (left by one that stopped without cleaning up); a live socket or a
    /// file of another kind makes `run()` fail with `addressInUse` instead.
    /// After binding, the socket file's permissions are set to `mode`, and it
    /// is removed again when the server stops.
    ///
    /// - Parameters:
    ///   - path: The socket path; at most 107 bytes.
    ///   - mode: The socket file's permissions; connecting needs write
    ///     permission, so `0o660` admits the owner and the group.
    /// - Important: The permissions are set just after `bind`, so for an
    ///   instant the socket has the process umask's; keep it in a folder
    ///   whose own permissions admit only those allowed to connect.
    public static func unixSocket(path: String, mode: mode_t = 0o660) -> VarlinkEndpoint {
        VarlinkEndpoint(kind: .path(path, mode: mode))
    }

    /// A Unix stream socket already bound (and usually listening) that the
    /// process inherited, such as fd 3 under systemd socket activation.
    ///
    /// The server takes ownership and closes it when it stops; the socket
    /// file belongs to whoever bound it and is left alone.
    ///
    /// - Parameter fileDescriptor: The socket's file descriptor.
    public static func listeningSocket(fileDescriptor: Int32) -> VarlinkEndpoint {
        VarlinkEndpoint(kind: .fileDescriptor(fileDescriptor))
    }

    /// The path, or `fd N`.
    public var description: String {
        switch kind {
        case .path(let path, _): path
        case .fileDescriptor(let fd): "fd \(fd)"
        }
    }
}

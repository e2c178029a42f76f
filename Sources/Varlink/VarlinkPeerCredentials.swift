#if canImport(Glibc)
import Glibc
#endif

/// Who is at the other end of a Unix socket connection, as the kernel saw it
/// when the peer connected (`SO_PEERCRED`).
///
/// A service uses it to decide who may call methods that change state; the
/// kernel vouches for it, so a client cannot forge it.
public struct VarlinkPeerCredentials: Sendable, Hashable, Codable {
    /// The peer's process id at connect time.
    public var pid: Int32
    /// The peer's effective user id.
    public var uid: UInt32
    /// The peer's effective group id.
    public var gid: UInt32

    /// Creates credentials, as a test or a non-socket transport supplies them.
    ///
    /// - Parameters:
    ///   - pid: The process id.
    ///   - uid: The user id.
    ///   - gid: The group id.
    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}

/// The layout of Linux's `struct ucred` (pid_t, uid_t, gid_t), which Glibc's
/// Swift module does not import; `getsockopt(SO_PEERCRED)` fills it in.
struct UnixCredentials: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}

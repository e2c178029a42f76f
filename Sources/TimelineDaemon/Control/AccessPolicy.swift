import Varlink
#if canImport(Glibc)
import Glibc
#endif

/// Who may call what on the control socket.
///
/// Reading needs nothing beyond a connection: the socket's group and mode
/// (`SocketGroup=`, `SocketMode=0660`) already decide who may connect.
/// A method that changes state is allowed only to root and to the user
/// the daemon runs as, judged by the peer credentials the kernel recorded
/// when the client connected (SO_PEERCRED), which a client cannot forge.
struct AccessPolicy: Sendable {
    /// Fully qualified names of the methods that change state.
    var stateChangingMethods: Set<String>
    /// The user ids allowed to call them.
    var privilegedUsers: Set<UInt32>

    /// - Parameters:
    ///   - stateChangingMethods: fully qualified method names.
    ///   - privilegedUsers: who may call them; root and this process's
    ///     effective user (the dynamic user under systemd) by default.
    init(stateChangingMethods: Set<String>, privilegedUsers: Set<UInt32> = [0, geteuid()]) {
        self.stateChangingMethods = stateChangingMethods
        self.privilegedUsers = privilegedUsers
    }

    /// The policy of `io.timelined.Timeline`. Every method it has today
    /// only reads; a method that changes state (a retraction, a reload)
    /// is listed here when it is added.
    static let timeline = AccessPolicy(stateChangingMethods: [])

    /// Whether `call` may proceed.
    ///
    /// - Throws: `org.varlink.service.PermissionDenied` for a state-changing
    ///   method called by anyone but root or the daemon's user, or
    ///   over a connection whose peer is unknown.
    func authorize(_ call: VarlinkCall) throws(VarlinkError) {
        guard stateChangingMethods.contains(call.method) else { return }
        guard let peer = call.peer, privilegedUsers.contains(peer.uid) else {
            throw VarlinkError.permissionDenied
        }
    }
}

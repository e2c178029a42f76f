import Timeline
import Varlink
#if canImport(Glibc)
import Glibc
#endif

/// Who may call what on the control socket.
///
/// Reading needs nothing beyond a connection: the socket's group and mode
/// (`SocketGroup=`, `SocketMode=0660`) already decide who may connect.
/// A method that changes state is allowed only to root, to the user the
/// daemon runs as and to the members of the editors group, judged by the
/// peer credentials the kernel recorded when the client connected
/// (SO_PEERCRED), which a client cannot forge.
struct AccessPolicy: Sendable {
    /// Fully qualified names of the methods that change state.
    var stateChangingMethods: Set<String>
    /// The user ids allowed to call them.
    var privilegedUsers: Set<UInt32>
    /// The group whose members may call them too (`editors_group`), by
    /// name: looked up at each call, so that a group made or joined while
    /// the daemon runs counts at once. Nil: no group.
    var editorsGroup: String?
    /// The error a refused call gets.
    var denial: @Sendable (VarlinkCall) -> VarlinkError

    /// - Parameters:
    ///   - stateChangingMethods: fully qualified method names.
    ///   - privilegedUsers: who may call them; root and this process's
    ///     effective user (the dynamic user under systemd) by default.
    ///   - editorsGroup: a group whose members may call them too.
    ///   - denial: the error of a refused call;
    ///     `org.varlink.service.PermissionDenied` by default.
    init(
        stateChangingMethods: Set<String>, privilegedUsers: Set<UInt32> = [0, geteuid()], editorsGroup: String? = nil,
        denial: @escaping @Sendable (VarlinkCall) -> VarlinkError = { _ in .permissionDenied }
    ) {
        self.stateChangingMethods = stateChangingMethods
        self.privilegedUsers = privilegedUsers
        self.editorsGroup = editorsGroup
        self.denial = denial
    }

    /// The policy of `io.timelined.Timeline`: `Retract` and `Correct`
    /// change the timeline; a refusal is `io.timelined.Timeline.PermissionDenied`
    /// naming the method, the caller's uid and the group that would allow it.
    static func timeline(editorsGroup: String?) -> AccessPolicy {
        AccessPolicy(stateChangingMethods: TimelineInterface.Method.editing, editorsGroup: editorsGroup) { call in
            (try? VarlinkError(
                name: TimelineInterface.Error.permissionDenied,
                encoding: TimelineInterface.PermissionDenied(method: call.method, uid: call.peer?.uid, group: editorsGroup)))
                ?? .permissionDenied
        }
    }

    /// Whether `call` may proceed.
    ///
    /// - Throws: ``denial`` for a state-changing method called by anyone
    ///   but root, the daemon's user or a member of the editors group, or
    ///   over a connection whose peer is unknown.
    func authorize(_ call: VarlinkCall) throws(VarlinkError) {
        guard stateChangingMethods.contains(call.method) else { return }
        guard let peer = call.peer else { throw denial(call) }
        if privilegedUsers.contains(peer.uid) { return }
        if let editorsGroup, UserDirectory.isMember(uid: peer.uid, gid: peer.gid, of: editorsGroup) { return }
        throw denial(call)
    }
}

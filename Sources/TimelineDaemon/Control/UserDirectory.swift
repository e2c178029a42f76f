#if canImport(Glibc)
import Glibc
#endif

/// The system's users and groups (the passwd and group databases, through
/// NSS: files, systemd's dynamic users, LDAP), as the access policy and
/// the editors' names need them.
enum UserDirectory {
    /// The name of user `uid`, or nil when the system knows none.
    static func userName(of uid: UInt32) -> String? {
        withPasswd(of: uid) { String(cString: $0.pw_name) }
    }

    /// Whether user `uid`, calling with primary group `gid`, is a member of
    /// the group named `group`: `gid` is that group, or the group lists the
    /// user among its members (`getgrouplist`, the supplementary groups the
    /// user gets at login, with the user's primary group from passwd).
    /// False when the group or the user is unknown.
    static func isMember(uid: UInt32, gid: UInt32, of group: String) -> Bool {
        guard let wanted = groupID(named: group) else { return false }
        if gid == wanted { return true }
        return withPasswd(of: uid) { entry -> Bool in
            guard let name = entry.pw_name else { return false }
            var count: Int32 = 64
            while true {
                var groups = [gid_t](repeating: 0, count: Int(count))
                let found = getgrouplist(name, entry.pw_gid, &groups, &count)
                if found >= 0 { return groups.prefix(Int(count)).contains(wanted) }
                // -1: the list did not fit; `count` now says how many there are.
                guard count > Int32(groups.count), count < 1 << 16 else { return false }
            }
        } ?? false
    }

    /// The id of the group named `name`, or nil when there is none.
    static func groupID(named name: String) -> UInt32? {
        lookUp { buffer in
            var group = Glibc.group()
            var result: UnsafeMutablePointer<Glibc.group>?
            let status = getgrnam_r(name, &group, buffer.baseAddress!, buffer.count, &result)
            return (status, status == 0 && result != nil ? group.gr_gid : nil)
        } ?? nil
    }

    /// `body` applied to the passwd entry of `uid`, or nil when there is none.
    private static func withPasswd<T>(of uid: UInt32, _ body: (passwd) -> T) -> T? {
        lookUp { buffer in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let status = getpwuid_r(uid, &entry, buffer.baseAddress!, buffer.count, &result)
            // The entry's strings live in `buffer`: used before it goes.
            return (status, status == 0 && result != nil ? body(entry) : nil)
        }
    }

    /// Runs a `get…_r` look-up with a buffer for its strings, again with a
    /// larger one while it says ERANGE.
    private static func lookUp<T>(_ call: (UnsafeMutableBufferPointer<CChar>) -> (Int32, T?)) -> T? {
        var size = 4096
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let (status, value) = buffer.withUnsafeMutableBufferPointer { call($0) }
            guard status == ERANGE, size < 1 << 20 else { return value }
            size *= 4
        }
    }
}

import CSystemd
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The listening sockets systemd handed this process (socket activation,
/// sd_listen_fds(3)): `LISTEN_FDS`, `LISTEN_PID` and `LISTEN_FDNAMES`.
///
/// timelined.socket names its socket `varlink` (`FileDescriptorName=`);
/// `systemd-socket-activate` and other launchers may pass one unnamed
/// socket, which is taken as the control socket too.
struct SocketActivation: Sendable {
    /// A socket passed by the service manager.
    struct Socket: Sendable, Equatable {
        var fileDescriptor: Int32
        /// `LISTEN_FDNAMES`' entry for it; `unknown` when none was given.
        var name: String
    }

    /// The name timelined.socket gives the Varlink socket.
    static let controlSocketName = "varlink"

    /// What was passed, in descriptor order (from fd 3 on).
    var sockets: [Socket]

    /// Reads the sockets passed to this process, and removes the
    /// `LISTEN_*` variables so that no child believes they are its own.
    ///
    /// - Throws: ``StartupError`` when the variables are malformed.
    static func inherited() throws -> SocketActivation {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        guard count >= 0 else {
            throw StartupError("cannot read the sockets systemd passed (LISTEN_FDS): \(String(cString: strerror(-count)))")
        }
        defer {
            if let names {
                for index in 0..<Int(count) { free(names[index]) }
                free(names)
            }
        }
        let sockets = (0..<count).map { index in
            Socket(
                fileDescriptor: SD_LISTEN_FDS_START + index,
                name: names?[Int(index)].map { String(cString: $0) } ?? "unknown")
        }
        return SocketActivation(sockets: sockets)
    }

    /// The socket to serve Varlink on: the one named `varlink`, else the
    /// only one passed; nil when systemd passed none (the daemon then binds
    /// its configured path itself).
    ///
    /// - Throws: ``StartupError`` when several sockets were passed and none
    ///   is named `varlink`: serving a guess would answer on the wrong one.
    func controlSocket() throws -> Socket? {
        if let named = sockets.first(where: { $0.name == Self.controlSocketName }) { return named }
        if sockets.count <= 1 { return sockets.first }
        throw StartupError(
            "systemd passed \(sockets.count) sockets (\(sockets.map(\.name).joined(separator: ", "))) "
                + "and none is named '\(Self.controlSocketName)'; set FileDescriptorName=\(Self.controlSocketName) in the socket unit")
    }

    /// Closes every passed socket but `kept`, so that connections to them
    /// are refused at once rather than wait on a socket nobody accepts on.
    func closeAll(except kept: Socket?) {
        for socket in sockets where socket != kept {
            close(socket.fileDescriptor)
        }
    }

    /// The path a Unix socket is bound to, for the log; nil for an
    /// unnamed or abstract socket, or one that is not AF_UNIX.
    static func boundPath(of fileDescriptor: Int32) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let status = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fileDescriptor, $0, &length) }
        }
        guard status == 0, address.sun_family == sa_family_t(AF_UNIX) else { return nil }
        let path = withUnsafeBytes(of: &address.sun_path) { bytes -> String in
            let used = bytes.prefix(max(0, Int(length) - MemoryLayout<sa_family_t>.size))
            return String(decoding: used.prefix { $0 != 0 }, as: UTF8.self)
        }
        return path.isEmpty ? nil : path
    }
}

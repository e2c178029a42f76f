#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

extension VarlinkServer {
    /// A connection as accepted: its channel, framed into messages, and who connected.
    ///
    /// Replies are written to the channel directly (awaiting a write's
    /// completion when it matters), so the async wrapper has no outbound
    /// side; that also makes it safe to drop unserved, which NIO's outbound
    /// writer does not allow.
    struct AcceptedConnection: Sendable {
        var channel: NIOAsyncChannel<ByteBuffer, Never>
        var connection: ServerConnection
        /// Set if the connection is over a cap: sent, and the connection closed.
        var refusal: VarlinkError?
        var peer: VarlinkPeerCredentials? { connection.peer }
    }

    /// The listening socket, and the socket file to remove when done.
    struct Listener: Sendable {
        var channel: NIOAsyncChannel<AcceptedConnection, Never>
        var socketFile: SocketFile?

        func removeSocketFile() {
            socketFile?.removeIfUnchanged()
        }
    }

    /// A socket file this server created, identified by device and inode so
    /// that a newer server's socket at the same path is never removed.
    struct SocketFile: Sendable {
        var path: String
        var device: UInt64
        var inode: UInt64

        func removeIfUnchanged() {
            var status = stat()
            guard lstat(path, &status) == 0,
                UInt64(status.st_dev) == device, UInt64(status.st_ino) == inode
            else { return }
            unlink(path)
        }
    }

    func bind() async throws -> Listener {
        let maximumMessageSize = configuration.maximumMessageSize
        let bootstrap = ServerBootstrap(group: configuration.eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            // A client may shut down its sending side after its last call and
            // still read the replies (`socat` does); a full close still ends
            // the connection, as the kernel reports it as a hangup.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<AcceptedConnection> = { channel in
            guard self.admit(channel) else {
                // Shutting down: NIO drops a connection whose initializer
                // fails, so it is closed here.
                channel.close(promise: nil)
                return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
            }
            return Self.peerCredentials(of: channel).flatMapThrowing { peer in
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(VarlinkFrameDecoder(maximumMessageSize: maximumMessageSize))
                )
                let framed = try NIOAsyncChannel<ByteBuffer, Never>(wrappingChannelSynchronously: channel)
                let connection = ServerConnection(channel: channel, peer: peer)
                // Counted here, before the connection waits for a serving
                // task, so that a burst of connections is capped as it arrives.
                let refusal = self.enroll(connection)
                return AcceptedConnection(channel: framed, connection: connection, refusal: refusal)
            }
        }

        switch endpoint.kind {
        case .path(let path, let mode):
            try Self.clearStaleSocket(at: path)
            let channel: NIOAsyncChannel<AcceptedConnection, Never>
            do {
                channel = try await bootstrap.bind(
                    unixDomainSocketPath: path,
                    childChannelInitializer: initializer
                )
            } catch {
                throw Self.transportError(error, action: "bind", path: path)
            }
            var status = stat()
            guard chmod(path, mode) == 0, lstat(path, &status) == 0 else {
                let error = VarlinkTransportError.system("set permissions of", path: path, errno: errno)
                try? await channel.channel.close()
                throw error
            }
            let file = SocketFile(path: path, device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            return Listener(channel: channel, socketFile: file)

        case .fileDescriptor(let fd):
            try Self.checkUnixStreamSocket(fd)
            do {
                let channel = try await bootstrap.bind(fd, childChannelInitializer: initializer)
                return Listener(channel: channel, socketFile: nil)
            } catch {
                throw Self.transportError(error, action: "listen on", path: "fd \(fd)")
            }
        }
    }

    /// Reads `SO_PEERCRED`; nil if the kernel does not say (not a Unix socket).
    ///
    /// Kept internal and non-inlinable: NIO warns that the generic socket
    /// option call must not be inlined across modules.
    static func peerCredentials(of channel: any Channel) -> EventLoopFuture<VarlinkPeerCredentials?> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        let credentials: EventLoopFuture<UnixCredentials> = provider.unsafeGetSocketOption(
            level: NIOBSDSocket.OptionLevel.socket,
            name: NIOBSDSocket.Option(rawValue: SO_PEERCRED)
        )
        return credentials.map { credentials -> VarlinkPeerCredentials? in
            VarlinkPeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid)
        }.recover { _ in nil }
    }

    /// Removes a socket file nobody listens on; refuses to touch anything else.
    static func clearStaleSocket(at path: String) throws(VarlinkTransportError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw VarlinkTransportError.system("bind", path: path, errno: errno)
        }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw VarlinkTransportError(
                code: .addressInUse,
                message: "cannot bind \(path): a file that is not a socket is in the way",
                path: path
            )
        }
        switch probeConnect(path) {
        case 0:
            throw VarlinkTransportError(
                code: .addressInUse,
                message: "cannot bind \(path): another server is listening on it",
                path: path
            )
        case ECONNREFUSED:
            if unlink(path) != 0 && errno != ENOENT {
                throw VarlinkTransportError.system("remove stale socket", path: path, errno: errno)
            }
        case let error:
            throw VarlinkTransportError.system("bind", path: path, errno: error)
        }
    }

    /// Tries to connect to a socket path.
    /// - Returns: 0 if something accepted the connection, else the errno.
    private static func probeConnect(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return UnixSocketAddress.withAddress(of: path) { address, length in
            connect(fd, address, length) == 0 ? 0 : errno
        } ?? ENAMETOOLONG
    }

    /// Checks that an inherited descriptor is a Unix stream socket, so a
    /// misconfigured unit fails with a clear message rather than later.
    static func checkUnixStreamSocket(_ fd: Int32) throws(VarlinkTransportError) {
        func option(_ name: Int32) throws(VarlinkTransportError) -> Int32 {
            var value: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, name, &value, &length) == 0 else {
                throw VarlinkTransportError.system("use", path: "fd \(fd)", errno: errno)
            }
            return value
        }
        guard try option(SO_DOMAIN) == AF_UNIX, try option(SO_TYPE) == Int32(SOCK_STREAM.rawValue) else {
            throw VarlinkTransportError(
                code: .notAUnixStreamSocket,
                message: "cannot listen on fd \(fd): not a Unix stream socket",
                path: "fd \(fd)"
            )
        }
    }

    /// Translates NIO's errors into ones that name the path and the cause.
    static func transportError(_ error: any Error, action: String, path: String) -> any Error {
        if let error = error as? IOError {
            return VarlinkTransportError.system(action, path: path, errno: error.errnoCode)
        }
        if error is SocketAddressError {
            return VarlinkTransportError.system(action, path: path, errno: ENAMETOOLONG)
        }
        return error
    }
}

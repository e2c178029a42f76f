import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A Varlink server on a Unix stream socket.
///
/// It answers `org.varlink.service` itself (GetInfo, GetInterfaceDescription)
/// from the ``VarlinkServiceInfo`` and the registered interfaces, replies
/// with the standard errors for unknown interfaces and methods, and passes
/// every other call, with the caller's credentials, to its interface's
/// ``VarlinkHandler``.
///
/// ```swift
/// let server = try VarlinkServer(
///     endpoint: .unixSocket(path: "/run/timelined/io.timelined.Timeline", mode: 0o660),
///     info: VarlinkServiceInfo(vendor: "timelined", product: "timelined", version: "0.1.0", url: "https://…"),
///     interfaces: [VarlinkInterface(name: "io.timelined.Timeline", description: idl, handler: handler)]
/// )
/// try await server.run(onListening: { notifyReady() })   // until shutdown() or cancellation
/// ```
///
/// Each connection is served by a task that reads calls from a
/// `NIOAsyncChannel` and awaits the handler before reading the next call.
/// That design was chosen over plain channel handlers because handlers are
/// `async` anyway: the task gives one-call-at-a-time ordering, back-pressure
/// (NIO stops reading when calls queue up) and cancellation for free, where
/// a channel handler would need its own queue of pending calls and tasks.
///
/// A connection that sends something that is not a call (not JSON, not an
/// object, no method, larger than the maximum message size) gets an
/// `org.varlink.service.InvalidMessage` reply and is closed; the others are
/// unaffected.
///
/// - Important: ``run(onListening:)`` may be called once per server.
public final class VarlinkServer: Sendable {
    /// How the server behaves beyond its endpoint and interfaces.
    public struct Configuration: Sendable {
        /// The largest call accepted, in bytes. Bounds the memory a single
        /// connection can make the server hold. Defaults to 1 MiB.
        public var maximumMessageSize: Int
        /// The event loops that run the sockets. Defaults to NIO's shared group.
        public var eventLoopGroup: any EventLoopGroup
        /// Told of an error a handler threw that is not a ``VarlinkError``
        /// (the caller was sent ``VarlinkError/internalError``), so the
        /// daemon can log it. Runs on the connection's task; keep it quick.
        public var onHandlerError: (@Sendable (_ error: any Error, _ call: VarlinkCall) -> Void)?
        /// The most connections open at once. Keep it well under the
        /// process's file descriptor limit, so that clients that connect and
        /// say nothing cannot leave the process without descriptors. Over
        /// it, the connection idle longest is closed to make room, or the
        /// new one is refused with ``VarlinkError/tooManyConnections(limit:maximum:)``
        /// if every connection is in a call. Defaults to 256.
        public var maximumConnections: Int
        /// The most connections open at once from one user id (by
        /// `SO_PEERCRED`), so that one user cannot take the whole
        /// ``maximumConnections``; handled the same way, among that user's
        /// connections. Defaults to 64.
        public var maximumConnectionsPerUser: Int
        /// A connection with no call in progress for this long is closed;
        /// nil keeps idle connections open. A streaming call counts as in
        /// progress. Defaults to 60 s.
        public var idleTimeout: Duration?
        /// Told what the connection limits did (idle connections closed,
        /// connections refused), at most every 10 s, so the daemon can log
        /// it. Runs on a server task; keep it quick.
        public var onConnectionLimit: (@Sendable (_ report: ConnectionLimitReport) -> Void)?

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - maximumMessageSize: The largest call accepted, in bytes.
        ///   - maximumConnections: The most connections open at once.
        ///   - maximumConnectionsPerUser: The most connections open at once from one user id.
        ///   - idleTimeout: How long a connection may go without a call; nil for ever.
        ///   - eventLoopGroup: The event loops that run the sockets.
        ///   - onConnectionLimit: Told what the connection limits did.
        ///   - onHandlerError: Told of unexpected handler errors.
        public init(
            maximumMessageSize: Int = 1 << 20,
            maximumConnections: Int = 256,
            maximumConnectionsPerUser: Int = 64,
            idleTimeout: Duration? = .seconds(60),
            eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
            onConnectionLimit: (@Sendable (_ report: ConnectionLimitReport) -> Void)? = nil,
            onHandlerError: (@Sendable (_ error: any Error, _ call: VarlinkCall) -> Void)? = nil
        ) {
            precondition(maximumConnections > 0 && maximumConnectionsPerUser > 0, "connection caps must be positive")
            self.maximumMessageSize = maximumMessageSize
            self.maximumConnections = maximumConnections
            self.maximumConnectionsPerUser = maximumConnectionsPerUser
            self.idleTimeout = idleTimeout
            self.eventLoopGroup = eventLoopGroup
            self.onConnectionLimit = onConnectionLimit
            self.onHandlerError = onHandlerError
        }
    }

    /// Where the server listens.
    public let endpoint: VarlinkEndpoint
    let configuration: Configuration
    /// Every served interface by name, `org.varlink.service` included.
    let interfaces: [String: VarlinkInterface]
    let state = Mutex(State())

    struct State {
        var started = false
        var shutdownRequested = false
        var listener: (any Channel)?
        /// Connections accepted but not yet served: a connection accepted
        /// just as the server stops may never reach a serving task, and
        /// must still be closed.
        var admitted: [ObjectIdentifier: any Channel] = [:]
        var connections: [ObjectIdentifier: ServerConnection] = [:]
        /// Every connection counted against the caps, by its channel:
        /// admitted or served, until it closes.
        var open: [ObjectIdentifier: ServerConnection] = [:]
        /// What the limits did since ``lastReport``.
        var unreported = ConnectionLimitReport()
        var lastReport: ContinuousClock.Instant?
    }

    /// Creates a server; nothing is bound until ``run(onListening:)``.
    ///
    /// - Parameters:
    ///   - endpoint: The socket to serve.
    ///   - info: What GetInfo reports.
    ///   - interfaces: The interfaces to serve besides `org.varlink.service`.
    ///   - configuration: Limits, event loops and the error hook.
    /// - Throws: ``VarlinkInterfaceError`` `duplicateInterface` if two
    ///   interfaces share a name or one is named `org.varlink.service`.
    public init(
        endpoint: VarlinkEndpoint,
        info: VarlinkServiceInfo,
        interfaces: [VarlinkInterface],
        configuration: Configuration = Configuration()
    ) throws(VarlinkInterfaceError) {
        let service = OrgVarlinkService(info: info, interfaces: interfaces)
        var table = [
            OrgVarlinkService.name: try VarlinkInterface(
                name: OrgVarlinkService.name,
                description: OrgVarlinkService.description,
                handler: service
            )
        ]
        for interface in interfaces {
            guard table[interface.name] == nil else {
                throw VarlinkInterfaceError(
                    code: .duplicateInterface,
                    message: "interface \(interface.name) is registered twice"
                )
            }
            table[interface.name] = interface
        }
        self.endpoint = endpoint
        self.interfaces = table
        self.configuration = configuration
    }

    /// Binds the socket and serves until ``shutdown()`` or cancellation.
    ///
    /// After ``shutdown()``, returns once the calls being handled have been
    /// answered (streams are cancelled) and every connection is closed. When
    /// the calling task is cancelled, every handler is cancelled and it
    /// returns (without throwing) as soon as they end. A socket file the
    /// server created is removed before returning.
    ///
    /// - Parameter onListening: Called once the socket is bound and
    ///   listening, so a connecting client will be served: the moment to tell
    ///   systemd `READY=1`. It runs alongside the server, so it may itself
    ///   call the server.
    /// - Throws: ``VarlinkTransportError`` if the socket cannot be set up:
    ///   `addressInUse` (another server is listening, or a non-socket file is
    ///   at the path), `permissionDenied`, `pathTooLong`, `notAUnixStreamSocket`
    ///   for a passed descriptor; or an error of the listening socket.
    public func run(onListening: @escaping @Sendable () async -> Void = {}) async throws {
        let firstRun = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        precondition(firstRun, "VarlinkServer.run() may be called once")

        let listener = try await bind()
        defer { listener.removeSocketFile() }
        let proceed = state.withLock { state in
            state.listener = listener.channel.channel
            return !state.shutdownRequested
        }
        if !proceed { listener.channel.channel.close(promise: nil) }

        defer { closeUnservedConnections() }
        let sweeper = Task { await self.sweepIdleConnections() }
        defer { sweeper.cancel() }
        do {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { await onListening() }
                try await listener.channel.executeThenClose { inbound in
                    for try await accepted in inbound {
                        group.addTask { await self.serve(accepted) }
                    }
                }
            }
        } catch is CancellationError {
            // Cancellation is how a service group stops a service: a normal end.
        }
    }

    /// Stops the server gracefully: no new connections or calls are
    /// accepted, the calls being handled are answered, streaming (`more`)
    /// calls are cancelled, and then every connection is closed and
    /// ``run(onListening:)`` returns.
    ///
    /// Returns at once; await `run` to know when the server has stopped.
    /// Calling it again, or before `run`, is harmless (a server shut down
    /// before it runs stops right after binding).
    public func shutdown() {
        let (listener, connections) = state.withLock { state in
            state.shutdownRequested = true
            return (state.listener, Array(state.connections.values))
        }
        listener?.close(promise: nil)
        for connection in connections {
            connection.drain()
        }
    }

    /// Notes a connection just accepted, before a task serves it.
    /// - Returns: false if the server is shutting down and the connection must be closed.
    func admit(_ channel: any Channel) -> Bool {
        let admitted = state.withLock { state in
            guard !state.shutdownRequested else { return false }
            state.admitted[ObjectIdentifier(channel)] = channel
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { _ in
                _ = self.state.withLock { $0.admitted.removeValue(forKey: ObjectIdentifier(channel)) }
            }
        }
        return admitted
    }

    /// Moves a connection from admitted to served, into the set ``shutdown()`` drains.
    /// - Returns: false if the server is shutting down and the connection must not be served.
    func register(_ connection: ServerConnection) -> Bool {
        state.withLock { state in
            state.admitted.removeValue(forKey: ObjectIdentifier(connection.channel))
            guard !state.shutdownRequested else { return false }
            state.connections[ObjectIdentifier(connection)] = connection
            return true
        }
    }

    /// Closes connections that were accepted but never reached a serving
    /// task, because the server stopped in between.
    private func closeUnservedConnections() {
        let unserved = state.withLock { state in
            defer { state.admitted = [:] }
            return Array(state.admitted.values)
        }
        for channel in unserved {
            channel.close(promise: nil)
        }
    }

    func unregister(_ connection: ServerConnection) {
        _ = state.withLock { state in
            state.connections.removeValue(forKey: ObjectIdentifier(connection))
        }
    }
}

import DurableFiles
import Foundation
import Logging
import Timeline
import Varlink

/// The Varlink socket: bound by the daemon, or handed over by systemd's
/// socket activation; served until ``stop()``.
struct ControlServer: Sendable {
    let server: VarlinkServer
    let serving: Task<Void, any Error>
    /// Where it listens, for the log.
    let socketDescription: String

    /// Binds (or adopts) the socket and returns once it accepts connections.
    ///
    /// - Throws: ``StartupError`` when the socket cannot be set up.
    static func start(
        configuration: DaemonConfiguration, store: TimelineStore, mailbox: Mailbox, logger: Logger
    ) async throws -> ControlServer {
        // Adopted when a service manager holds the socket (timelined.socket,
        // systemd-socket-activate), so that connections made while the daemon
        // starts or restarts wait instead of failing; bound here otherwise.
        let endpoint: VarlinkEndpoint
        let description: String
        let activation = try SocketActivation.inherited()
        let passed = try activation.controlSocket()
        activation.closeAll(except: passed)
        if let passed {
            endpoint = .listeningSocket(fileDescriptor: passed.fileDescriptor)
            description = (SocketActivation.boundPath(of: passed.fileDescriptor) ?? "fd \(passed.fileDescriptor)")
                + " (passed by systemd as '\(passed.name)')"
        } else {
            let path = configuration.folders.socket
            try FileSystem.makeDirectory((path as NSString).deletingLastPathComponent, mode: 0o755)
            endpoint = .unixSocket(path: path, mode: mode_t(configuration.socketMode))
            description = path
        }
        let server = try VarlinkServer(
            endpoint: endpoint,
            info: VarlinkServiceInfo(
                vendor: "timelined", product: "timelined", version: TimelineVersion.current,
                url: "https://github.com/timelined/timelined"),
            interfaces: [
                VarlinkInterface(
                    name: TimelineInterface.name, description: TimelineInterface.description,
                    handler: AuthorizingHandler(
                        policy: .timeline(editorsGroup: configuration.editorsGroup),
                        wrapping: TimelineHandler(
                            store: store, mailbox: mailbox,
                            reextractor: Reextractor(
                                store: store, mailbox: mailbox, documents: configuration.folders.documents,
                                logger: logger)))),
            ],
            configuration: .init(
                maximumMessageSize: configuration.maxMessageBytes,
                maximumConnections: configuration.maxConnections,
                maximumConnectionsPerUser: configuration.maxConnectionsPerUser,
                idleTimeout: .milliseconds(Int(configuration.idleTimeoutSeconds * 1000)),
                onConnectionLimit: { report in
                    // Counts, at most every 10 s: a flood of clients must not flood the log.
                    // Idle clients timed out are routine; room made or refused under a cap is not.
                    let level: Logger.Level = report.evicted + report.refused > 0 ? .warning : .info
                    logger.log(level: level, "control connections closed by the limits", metadata: [
                        "idle_timeout": "\(report.timedOut)", "evicted_idle": "\(report.evicted)",
                        "refused": "\(report.refused)",
                        "max_total": "\(configuration.maxConnections)",
                        "max_per_user": "\(configuration.maxConnectionsPerUser)",
                    ])
                },
                onHandlerError: { error, call in
                    logger.error("a call failed", metadata: ["method": "\(call.method)", "error": "\(error)"])
                }))
        // The first element says the socket listens; an error says it never will.
        let listening = AsyncThrowingStream<Void, any Error>.makeStream()
        let serving = Task {
            do {
                try await server.run { listening.continuation.yield() }
                listening.continuation.finish()
            } catch {
                listening.continuation.finish(throwing: error)
                throw error
            }
        }
        do {
            var events = listening.stream.makeAsyncIterator()
            guard try await events.next() != nil else {
                throw StartupError("the server stopped before it listened")
            }
        } catch {
            throw StartupError("cannot serve \(description): \(error)")
        }
        return ControlServer(server: server, serving: serving, socketDescription: description)
    }

    /// Stops accepting, answers the calls in hand, closes every connection.
    func stop() async {
        server.shutdown()
        _ = try? await serving.value
    }
}

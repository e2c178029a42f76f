import Foundation
import Glibc
import Testing
import TimelineTestSupport
import Varlink

@Suite("Server lifecycle", .timeLimit(.minutes(2)))
struct ServerLifecycleTests {
    typealias T = TestInterface

    @Test func boundSocketGetsTheRequestedModeAndIsRemovedAfterShutdown() async throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("mode.sock")
        try await withServer(endpoint: { _ in .unixSocket(path: path, mode: 0o600) }) { _, _ in
            var status = stat()
            #expect(lstat(path, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600)
            #expect(status.st_mode & S_IFMT == S_IFSOCK)
        }
        #expect(access(path, F_OK) != 0, "the socket file outlived the server")
    }

    @Test func staleSocketFileIsReplaced() async throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("stale.sock")
        // A socket bound and closed without unlinking: what a crashed server leaves.
        close(try listeningSocket(at: path))
        let sum = try await withServer(endpoint: { _ in .unixSocket(path: path) }) { _, _ in
            try await blocking {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Add", parameters: T.AddParameters(a: 1, b: 1), returning: T.Sum.self)
            }
        }
        #expect(sum.sum == 2)
    }

    @Test func bindingWhereAServerListensFailsWithAddressInUse() async throws {
        try await withServer { _, path in
            let second = try VarlinkServer(endpoint: .unixSocket(path: path), info: testInfo, interfaces: [])
            let error = await #expect(throws: VarlinkTransportError.self) { try await second.run() }
            #expect(error?.code == .addressInUse)
            #expect(error?.message == "cannot bind \(path): another server is listening on it")
        }
    }

    @Test func bindingOverAFileThatIsNotASocketFails() async throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("precious.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let server = try VarlinkServer(endpoint: .unixSocket(path: path), info: testInfo, interfaces: [])
        let error = await #expect(throws: VarlinkTransportError.self) { try await server.run() }
        #expect(error?.code == .addressInUse)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func servesAListeningSocketPassedAsADescriptor() async throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("activated.sock")
        let fd = try listeningSocket(at: path)
        let sum = try await withServer(endpoint: { _ in .listeningSocket(fileDescriptor: fd) }) { _, _ in
            try await blocking {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Add", parameters: T.AddParameters(a: 40, b: 2), returning: T.Sum.self)
            }
        }
        #expect(sum.sum == 42)
        // The socket file belongs to whoever bound it (systemd): it stays.
        #expect(access(path, F_OK) == 0)
    }

    @Test func passedDescriptorThatIsNotAUnixStreamSocketIsRejected() async throws {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        let server = try VarlinkServer(endpoint: .listeningSocket(fileDescriptor: fd), info: testInfo, interfaces: [])
        let error = await #expect(throws: VarlinkTransportError.self) { try await server.run() }
        #expect(error?.code == .notAUnixStreamSocket)
    }

    @Test func gracefulShutdownLetsTheCallInFlightFinish() async throws {
        let log = EventLog()
        let gate = Gate()
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("graceful.sock")
        let server = try VarlinkServer(
            endpoint: .unixSocket(path: path),
            info: testInfo,
            interfaces: [T.make(log: log, gate: gate)]
        )
        do {
            let (listening, signal) = AsyncStream<Void>.makeStream()
            let running = Task { try await server.run(onListening: { signal.finish() }) }
            await listening.first { _ in true }

            let reply = Task {
                try await blocking {
                    try VarlinkClient(connectingTo: path, timeout: patience).call("org.example.test.Slow", returning: T.Done.self)
                }
            }
            try await log.wait(for: "slow started")
            server.shutdown()
            gate.open()
            #expect(try await reply.value == T.Done(done: true))
            try await withTimeout("run() to return after shutdown") { try await running.value }
        }
        let error = #expect(throws: VarlinkTransportError.self) { try VarlinkClient(connectingTo: path) }
        #expect(error?.code == .noSuchFile)
    }

    @Test func shutdownCancelsStreamsAndClosesIdleConnections() async throws {
        let log = EventLog()
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("streams.sock")
        let server = try VarlinkServer(endpoint: .unixSocket(path: path), info: testInfo, interfaces: [T.make(log: log)])
        do {
            let (listening, signal) = AsyncStream<Void>.makeStream()
            let running = Task { try await server.run(onListening: { signal.finish() }) }
            await listening.first { _ in true }

            let (connected, connectedSignal) = AsyncStream<Void>.makeStream()
            let outcome = Task {
                try await blocking {
                    let idle = try RawClient(connectingTo: path)
                    let client = try VarlinkClient(connectingTo: path, timeout: patience)
                    let replies = try client.callMore("org.example.test.Follow")
                    _ = try replies.next()
                    connectedSignal.finish()
                    let streamEnd = Result { while try replies.next() != nil {} }
                    let idleEnd = try idle.receive()
                    return ((streamEnd.failure as? VarlinkTransportError)?.code, idleEnd)
                }
            }
            try await log.wait(for: "follow started")
            await connected.first { _ in true }
            server.shutdown()
            try await log.wait(for: "follow ended")
            let (streamEnd, idleEnd) = try await outcome.value
            #expect(streamEnd == .connectionClosed)
            #expect(idleEnd == nil)
            try await withTimeout("run() to return after shutdown") { try await running.value }
        }
    }

    @Test func shutdownWhileClientsKeepConnectingStopsCleanly() async throws {
        let log = EventLog()
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("busy.sock")
        let server = try VarlinkServer(endpoint: .unixSocket(path: path), info: testInfo, interfaces: [T.make(log: log)])
        let (listening, signal) = AsyncStream<Void>.makeStream()
        let running = Task { try await server.run(onListening: { signal.finish() }) }
        await listening.first { _ in true }
        let clients = (0..<4).map { client in
            Task {
                try await blocking {
                    // New connections, one call each, until the server is gone:
                    // some arrive while it is accepting and stopping.
                    for attempt in 0... {
                        guard let connection = try? VarlinkClient(connectingTo: path, timeout: patience) else { return }
                        guard (try? connection.call("org.example.test.Add", parameters: T.AddParameters(a: 1, b: 1))) != nil
                        else { return }
                        if client == 0 && attempt == 20 { log.record("busy") }
                    }
                }
            }
        }
        try await log.wait(for: "busy")
        server.shutdown()
        try await withTimeout("run() to return while clients connect") { try await running.value }
        for client in clients { try await withTimeout("a client to stop") { try await client.value } }
    }

    @Test func cancellingRunStopsTheServer() async throws {
        let log = EventLog()
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("cancel.sock")
        let server = try VarlinkServer(endpoint: .unixSocket(path: path), info: testInfo, interfaces: [T.make(log: log)])
        let (listening, signal) = AsyncStream<Void>.makeStream()
        let running = Task { try await server.run(onListening: { signal.finish() }) }
        await listening.first { _ in true }
        let stream = Task {
            try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                let replies = try client.callMore("org.example.test.Follow")
                while try replies.next() != nil {}
            }
        }
        try await log.wait(for: "follow started")
        running.cancel()
        try await log.wait(for: "follow ended")
        try await withTimeout("run() to return after cancellation") { try await running.value }
        _ = await stream.result
    }
}

import Foundation
import Testing
import TimelineTestSupport
import Varlink

let testInfo = VarlinkServiceInfo(
    vendor: "timelined",
    product: "varlink-tests",
    version: "1.0",
    url: "https://example.org/timelined"
)

/// Runs a server on a socket in a fresh folder for the duration of `body`,
/// then shuts it down gracefully and waits for `run` to return.
func withServer<T: Sendable>(
    interfaces: [VarlinkInterface]? = nil,
    configuration: VarlinkServer.Configuration = VarlinkServer.Configuration(),
    endpoint makeEndpoint: ((TemporaryFolder) throws -> VarlinkEndpoint)? = nil,
    _ body: @escaping @Sendable (VarlinkServer, String) async throws -> T
) async throws -> T {
    let directory = try TemporaryFolder.forSockets("varlink-test")
    let path = directory.file("test.sock")
    let endpoint = try makeEndpoint?(directory) ?? .unixSocket(path: path)
    let server = try VarlinkServer(
        endpoint: endpoint,
        info: testInfo,
        interfaces: try interfaces ?? [TestInterface.make()],
        configuration: configuration
    )
    return try await withThrowingTaskGroup(of: T?.self) { group in
        let (listening, signal) = AsyncStream<Void>.makeStream()
        group.addTask {
            // Finishing the stream on the way out unblocks the wait below if binding fails.
            defer { signal.finish() }
            try await server.run(onListening: { signal.yield() })
            return nil
        }
        let isListening = try await withTimeout("the server to listen") {
            for await _ in listening { return true }
            return false
        }
        guard isListening else {
            // run() ended without listening: its error is the test's failure.
            _ = try await group.next()
            throw TimedOut(what: "the server to listen (run returned)")
        }
        group.addTask { try await body(server, path) }
        do {
            var result: T?
            while let value = try await group.next() {
                if let value {
                    result = value
                    server.shutdown()
                }
            }
            return try withExtendedLifetime(directory) { try #require(result) }
        } catch {
            server.shutdown()
            throw error
        }
    }
}

import Foundation
import Glibc
import Testing
import TimelineTestSupport
import Varlink

@Suite("Client errors")
struct ClientTests {
    @Test func connectingToAMissingSocketSaysNoSuchFile() throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("missing.sock")
        let error = #expect(throws: VarlinkTransportError.self) { try VarlinkClient(connectingTo: path) }
        #expect(error?.code == .noSuchFile)
        #expect(error?.errno == ENOENT)
        #expect(error?.message == "cannot connect to \(path): no such file")
    }

    @Test func connectingToASocketNobodyListensOnSaysConnectionRefused() throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("stale.sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(try withUnixAddress(of: path) { bind(fd, $0, $1) } == 0)
        close(fd)
        let error = #expect(throws: VarlinkTransportError.self) { try VarlinkClient(connectingTo: path) }
        #expect(error?.code == .connectionRefused)
        #expect(error?.message == "cannot connect to \(path): connection refused")
    }

    @Test(.enabled(if: getuid() != 0, "root may connect to any socket, so permission cannot be denied"))
    func connectingWithoutPermissionSaysPermissionDenied() async throws {
        try await withServer(endpoint: { directory in .unixSocket(path: directory.file("test.sock"), mode: 0o000) }) { _, path in
            let error = #expect(throws: VarlinkTransportError.self) { try VarlinkClient(connectingTo: path) }
            #expect(error?.code == .permissionDenied)
        }
    }

    @Test func tooLongAPathSaysSo() {
        let path = "/tmp/" + String(repeating: "p", count: 200)
        let error = #expect(throws: VarlinkTransportError.self) { try VarlinkClient(connectingTo: path) }
        #expect(error?.code == .pathTooLong)
    }

    @Test func serverClosingBeforeTheReplySaysConnectionClosed() async throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("closing.sock")
        let fd = try listeningSocket(at: path)
        defer { close(fd) }
        let server = Task {
            try await blocking {
                let connection = acceptConnection(fd)
                var call = [UInt8](repeating: 0, count: 4096)
                while recv(connection, &call, call.count, 0) < 0, errno == EINTR {}
                close(connection)
            }
        }
        let code = try await blocking {
            let outcome = Result { try VarlinkClient(connectingTo: path, timeout: patience).call("org.example.test.Add") }
            return (outcome.failure as? VarlinkTransportError)?.code
        }
        #expect(code == .connectionClosed)
        try await server.value
    }

    /// A server may answer a connection before its first call (one over a
    /// cap is refused so) and close it. Sent after the close, the call
    /// cannot be sent, and what it throws is the answer, not the failed
    /// send: on a busy machine the close often comes first.
    @Test func anAnswerSentBeforeTheCallIsThrownThoughTheCallCannotBeSent() async throws {
        let directory = try TemporaryFolder.forSockets("varlink-test")
        let path = directory.file("refusing.sock")
        let fd = try listeningSocket(at: path)
        defer { close(fd) }
        let error = try await blocking {
            let client = try VarlinkClient(connectingTo: path, timeout: patience)
            let connection = acceptConnection(fd)
            let refusal = #"{"error":"\#(VarlinkError.tooManyConnectionsName)","parameters":{"limit":"total","maximum":2}}"#
            let bytes = Array(refusal.utf8) + [0]
            #expect(send(connection, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count)
            close(connection)
            return Result { try client.call("org.example.test.Add") }.failure
        }
        let refused = try #require(error as? VarlinkError, "\(String(describing: error))")
        #expect(refused.name == VarlinkError.tooManyConnectionsName)
    }

    @Test func replyThatTakesLongerThanTheTimeoutSaysTimedOut() async throws {
        let gate = Gate()
        try await withServer(interfaces: [TestInterface.make(gate: gate)]) { _, path in
            let error = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: .milliseconds(200))
                return Result { try client.call("org.example.test.Slow") }.failure as? VarlinkTransportError
            }
            // Released only now, so the server's graceful shutdown can finish the call.
            gate.open()
            #expect(error?.code == .timedOut)
            #expect(error?.message == "cannot receive from \(path): timed out")
        }
    }

    @Test func replyLargerThanTheClientsLimitIsAnError() async throws {
        try await withServer { _, path in
            let code = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience, maximumMessageSize: 8)
                let outcome = Result { try client.call("org.varlink.service.GetInfo") }
                return (outcome.failure as? VarlinkTransportError)?.code
            }
            #expect(code == .messageTooLarge)
        }
    }
}

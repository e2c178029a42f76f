import Foundation
import Testing
import TimelineTestSupport
import Varlink

/// The connection caps and the idle timeout, on a real socket.
@Suite struct ConnectionLimitTests {
    typealias T = TestInterface

    @Test func anIdleConnectionIsClosedToMakeRoomForANewOne() async throws {
        let configuration = VarlinkServer.Configuration(maximumConnections: 8, maximumConnectionsPerUser: 1, idleTimeout: nil)
        try await withServer(configuration: configuration) { _, path in
            try await blocking {
                // A call answered: the server holds this connection, idle
                // since the answer, before the next one arrives (connections
                // are served concurrently, so one merely opened first may be
                // counted second).
                let idle = try RawClient(connectingTo: path)
                try idle.send(#"{"method":"org.example.test.Add","parameters":{"a":2,"b":2}}"# + "\0")
                #expect(try idle.receive()?.contains("4") == true)
                let reply = try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Add", parameters: T.AddParameters(a: 1, b: 2), returning: T.Sum.self)
                #expect(reply.sum == 3)
                // Closed without a word: it had nothing in progress.
                #expect(try idle.receiveUntilClosed() == [])
            }
        }
    }

    @Test func aConnectionOverTheCapWithEveryOneBusyIsRefusedWithTooManyConnections() async throws {
        let configuration = VarlinkServer.Configuration(maximumConnections: 2, maximumConnectionsPerUser: 8, idleTimeout: nil)
        try await withServer(configuration: configuration) { _, path in
            try await blocking {
                let followers = try (0..<2).map { _ in
                    let follower = try RawClient(connectingTo: path)
                    try follower.send(#"{"method":"org.example.test.Follow","more":true}"# + "\0")
                    // A first tick: the stream is under way, so the connection is busy.
                    #expect(try follower.receive()?.contains("tick") == true)
                    return follower
                }
                let refused = try RawClient(connectingTo: path)
                try refused.send(#"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"# + "\0")
                let answer = try refused.receiveUntilClosed()
                #expect(answer.count == 1)
                #expect(answer.first?.contains(VarlinkError.tooManyConnectionsName) == true, "\(answer)")
                #expect(answer.first?.contains(#""limit":"total""#) == true, "\(answer)")
                _ = followers
            }
        }
    }

    @Test func aConnectionWithNoCallIsClosedAfterTheIdleTimeout() async throws {
        let configuration = VarlinkServer.Configuration(idleTimeout: .milliseconds(200))
        try await withServer(configuration: configuration) { _, path in
            try await blocking {
                let idle = try RawClient(connectingTo: path)
                #expect(try idle.receiveUntilClosed() == [])
            }
        }
    }
}

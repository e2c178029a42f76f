import Foundation
import Glibc
import Testing
import TimelineTestSupport
import Varlink

@Suite("Server and client over a socket", .timeLimit(.minutes(2)))
struct ServerTests {
    typealias T = TestInterface

    struct Info: Decodable, Equatable {
        var vendor: String
        var product: String
        var version: String
        var url: String
        var interfaces: [String]
    }

    @Test func callAndReplyRoundTripThroughASocket() async throws {
        try await withServer { _, path in
            let reply = try await blocking {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Echo", parameters: T.EchoParameters(text: "héllo/ünïcode", count: 7), returning: T.EchoParameters.self)
            }
            #expect(reply == T.EchoParameters(text: "héllo/ünïcode", count: 7))
        }
    }

    @Test func oneConnectionCarriesManyCalls() async throws {
        try await withServer { _, path in
            let sums = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                return try (0..<100).map { i in
                    try client.call("org.example.test.Add", parameters: T.AddParameters(a: i, b: 1), returning: T.Sum.self).sum
                }
            }
            #expect(sums == Array(1...100))
        }
    }

    @Test func getInfoListsTheServiceAndItsInterfaces() async throws {
        try await withServer { _, path in
            let info = try await blocking {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.varlink.service.GetInfo", returning: Info.self)
            }
            #expect(
                info
                    == Info(
                        vendor: "timelined",
                        product: "varlink-tests",
                        version: "1.0",
                        url: "https://example.org/timelined",
                        interfaces: ["org.varlink.service", "org.example.test"]
                    )
            )
        }
    }

    @Test func getInterfaceDescriptionServesTheRegisteredText() async throws {
        struct Description: Decodable { var description: String }
        try await withServer { _, path in
            let (test, standard) = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                let test = try client.call(
                    "org.varlink.service.GetInterfaceDescription",
                    parameters: ["interface": "org.example.test"],
                    returning: Description.self
                )
                let standard = try client.call(
                    "org.varlink.service.GetInterfaceDescription",
                    parameters: ["interface": "org.varlink.service"],
                    returning: Description.self
                )
                return (test.description, standard.description)
            }
            #expect(test == T.description)
            #expect(standard.contains("error ExpectedMore ()"))
        }
    }

    @Test func describingAnUnknownInterfaceIsInterfaceNotFound() async throws {
        try await withServer { _, path in
            let error = await expectVarlinkError {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.varlink.service.GetInterfaceDescription", parameters: ["interface": "org.example.none"])
            }
            #expect(error == .interfaceNotFound("org.example.none"))
        }
    }

    @Test func unknownInterfaceIsInterfaceNotFoundAndTheConnectionStaysUsable() async throws {
        try await withServer { _, path in
            let (error, sum) = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                let error = Result { try client.call("org.example.missing.Add") }
                let sum = try client.call("org.example.test.Add", parameters: T.AddParameters(a: 1, b: 2), returning: T.Sum.self)
                return (error.failure as? VarlinkError, sum)
            }
            #expect(error == .interfaceNotFound("org.example.missing"))
            #expect(sum.sum == 3)
        }
    }

    @Test func unknownMethodIsMethodNotFound() async throws {
        try await withServer { _, path in
            let error = await expectVarlinkError {
                try VarlinkClient(connectingTo: path, timeout: patience).call("org.example.test.Subtract")
            }
            #expect(error == .methodNotFound("org.example.test.Subtract"))
        }
    }

    @Test func declaredButUnhandledMethodIsMethodNotImplemented() async throws {
        try await withServer { _, path in
            let error = await expectVarlinkError {
                try VarlinkClient(connectingTo: path, timeout: patience).call("org.example.test.Unimplemented")
            }
            #expect(error == .methodNotImplemented("org.example.test.Unimplemented"))
        }
    }

    @Test func wrongTypedParameterIsInvalidParameterNamingIt() async throws {
        try await withServer { _, path in
            let error = await expectVarlinkError {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Add", parameters: ["a": 1, "b": "two"] as [String: VarlinkValue])
            }
            #expect(error == .invalidParameter("b"))
        }
    }

    @Test func errorThrownByAHandlerIsTheReply() async throws {
        try await withServer { _, path in
            let error = await expectVarlinkError {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Fail", parameters: T.FailParameters(reason: "disk full"))
            }
            #expect(error?.name == "org.example.test.Failed")
            let reason = try error?.parameters(as: T.FailParameters.self).reason
            #expect(reason == "disk full")
        }
    }

    @Test func otherHandlerErrorsAreInternalErrorsAndReported() async throws {
        let log = EventLog()
        let configuration = VarlinkServer.Configuration(onHandlerError: { error, call in
            log.record("\(call.methodName) failed: \(error is T.Crash)")
        })
        try await withServer(configuration: configuration) { _, path in
            let error = await expectVarlinkError {
                try VarlinkClient(connectingTo: path, timeout: patience).call("org.example.test.Crash")
            }
            #expect(error == .internalError)
            try await log.wait(for: "Crash failed: true")
        }
    }

    @Test func handlerReturningWithoutReplyAnswersWithEmptyParameters() async throws {
        let log = EventLog()
        try await withServer(interfaces: [T.make(log: log)]) { _, path in
            let reply = try await blocking {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Note", parameters: T.Note(text: "hello"))
            }
            #expect(reply == VarlinkReply())
            try await log.wait(for: "note: hello")
        }
    }

    @Test func moreCallStreamsRepliesWithContinuesUntilTheLast() async throws {
        try await withServer { _, path in
            let (numbers, next) = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                let replies = try client.callMore("org.example.test.Count", parameters: T.CountParameters(count: 5))
                var numbers: [String] = []
                while let reply = try replies.next() {
                    numbers.append("\(try reply.parameters(as: T.Number.self).number)\(reply.continues ? "+" : "")")
                }
                // After the last reply, the connection serves plain calls again.
                let next = try client.call("org.example.test.Add", parameters: T.AddParameters(a: 2, b: 2), returning: T.Sum.self)
                return (numbers, next.sum)
            }
            #expect(numbers == ["1+", "2+", "3+", "4+", "5"])
            #expect(next == 4)
        }
    }

    @Test func streamingOnACallWithoutMoreIsExpectedMore() async throws {
        try await withServer { _, path in
            let error = await expectVarlinkError {
                try VarlinkClient(connectingTo: path, timeout: patience)
                    .call("org.example.test.Count", parameters: T.CountParameters(count: 3))
            }
            #expect(error == .expectedMore)
        }
    }

    @Test func callingAgainDuringAStreamIsRefusedByTheClient() async throws {
        try await withServer { _, path in
            let code = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                let replies = try client.callMore("org.example.test.Count", parameters: T.CountParameters(count: 2))
                let error = Result { try client.call("org.example.test.Add") }
                while try replies.next() != nil {}
                return (error.failure as? VarlinkTransportError)?.code
            }
            #expect(code == .callInProgress)
        }
    }

    @Test func streamEndsWhenTheClientDisconnects() async throws {
        let log = EventLog()
        try await withServer(interfaces: [T.make(log: log)]) { _, path in
            let ticks = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                let replies = try client.callMore("org.example.test.Follow")
                return [try replies.next(as: T.Tick.self), try replies.next(as: T.Tick.self)]
                // The client goes away here, mid-stream.
            }
            #expect(ticks == [T.Tick(tick: 1), T.Tick(tick: 2)])
            try await log.wait(for: "follow ended")
        }
    }

    @Test func onewayCallGetsNoReply() async throws {
        let log = EventLog()
        try await withServer(interfaces: [T.make(log: log)]) { _, path in
            let sum = try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: patience)
                try client.callOneway("org.example.test.Note", parameters: T.Note(text: "quiet"))
                try client.callOneway("org.example.test.Missing")
                // Were either answered, this call would read that answer instead of its own.
                return try client.call("org.example.test.Add", parameters: T.AddParameters(a: 20, b: 22), returning: T.Sum.self)
            }
            #expect(sum.sum == 42)
            try await log.wait(for: "note: quiet")
        }
    }

    @Test func pipelinedCallsAreAnsweredInOrder() async throws {
        try await withServer { _, path in
            let replies = try await blocking {
                let socket = try RawClient(connectingTo: path)
                try socket.send(
                    #"{"method":"org.example.test.Add","parameters":{"a":1,"b":1}}"# + "\0"
                        + #"{"method":"org.example.test.Count","parameters":{"count":2},"more":true}"# + "\0"
                        + #"{"method":"org.example.nothing.X"}"# + "\0"
                        + #"{"method":"org.example.test.Add","parameters":{"a":2,"b":2}}"# + "\0"
                )
                return try (0..<5).map { _ in try socket.receive() }
            }
            #expect(
                replies == [
                    #"{"parameters":{"sum":2}}"#,
                    #"{"continues":true,"parameters":{"number":1}}"#,
                    #"{"parameters":{"number":2}}"#,
                    #"{"error":"org.varlink.service.InterfaceNotFound","parameters":{"interface":"org.example.nothing"}}"#,
                    #"{"parameters":{"sum":4}}"#,
                ]
            )
        }
    }

    @Test func halfClosedClientStillGetsItsReplies() async throws {
        try await withServer { _, path in
            let replies = try await blocking {
                let socket = try RawClient(connectingTo: path)
                try socket.send(#"{"method":"org.example.test.Add","parameters":{"a":1,"b":2}}"# + "\0")
                socket.finishSending()
                return try socket.receiveUntilClosed()
            }
            #expect(replies == [#"{"parameters":{"sum":3}}"#])
        }
    }

    @Test func largeReplyToAHalfClosedClientArrivesWhole() async throws {
        try await withServer { _, path in
            let replies = try await blocking {
                let socket = try RawClient(connectingTo: path)
                try socket.send(#"{"method":"org.example.test.Big","parameters":{"count":1000000}}"# + "\0")
                socket.finishSending()
                return try socket.receiveUntilClosed()
            }
            #expect(replies.map(\.count) == [1_000_000 + #"{"parameters":{"text":""}}"#.count])
        }
    }

    @Test func malformedMessageGetsAnErrorAndClosesOnlyThatConnection() async throws {
        try await withServer { _, path in
            let (replies, sum) = try await blocking {
                let healthy = try VarlinkClient(connectingTo: path, timeout: patience)
                let broken = try RawClient(connectingTo: path)
                try broken.send("this is not json\0")
                let replies = try broken.receiveUntilClosed()
                let sum = try healthy.call("org.example.test.Add", parameters: T.AddParameters(a: 1, b: 1), returning: T.Sum.self)
                return (replies, sum.sum)
            }
            #expect(replies == [#"{"error":"org.varlink.service.InvalidMessage","parameters":{"reason":"the call is not valid JSON"}}"#])
            #expect(sum == 2)
        }
    }

    @Test func callWithoutMethodGetsAnErrorAndItsConnectionClosed() async throws {
        try await withServer { _, path in
            let replies = try await blocking {
                let socket = try RawClient(connectingTo: path)
                try socket.send(#"{"parameters":{}}"# + "\0" + #"{"method":"org.example.test.Add"}"# + "\0")
                return try socket.receiveUntilClosed()
            }
            #expect(replies == [#"{"error":"org.varlink.service.InvalidMessage","parameters":{"reason":"the call has no method"}}"#])
        }
    }

    @Test func oversizedMessageGetsAnErrorAndClosesOnlyThatConnection() async throws {
        let configuration = VarlinkServer.Configuration(maximumMessageSize: 4096)
        try await withServer(configuration: configuration) { _, path in
            let (replies, sum) = try await blocking {
                let healthy = try VarlinkClient(connectingTo: path, timeout: patience)
                let flooding = try RawClient(connectingTo: path)
                // No NUL ever comes: the server must give up after 4096 bytes, not buffer on.
                try? flooding.send(#"{"method":"org.example.test.Echo","parameters":{"text":""# + String(repeating: "a", count: 100_000))
                let replies = try flooding.receiveUntilClosed()
                let sum = try healthy.call("org.example.test.Add", parameters: T.AddParameters(a: 1, b: 1), returning: T.Sum.self)
                return (replies, sum.sum)
            }
            #expect(replies == [#"{"error":"org.varlink.service.InvalidMessage","parameters":{"reason":"message is larger than the maximum of 4096 bytes"}}"#])
            #expect(sum == 2)
        }
    }

    @Test func manyClientsAtOnceAreAllServed() async throws {
        try await withServer { _, path in
            try await withThrowingTaskGroup(of: [Int].self) { group in
                for client in 0..<32 {
                    group.addTask {
                        try await blocking {
                            let connection = try VarlinkClient(connectingTo: path, timeout: patience)
                            return try (0..<25).map { call in
                                try connection.call(
                                    "org.example.test.Add",
                                    parameters: T.AddParameters(a: client * 1000, b: call),
                                    returning: T.Sum.self
                                ).sum
                            }
                        }
                    }
                }
                var results: Set<Int> = []
                for try await sums in group { results.formUnion(sums) }
                #expect(results.count == 32 * 25)
            }
        }
    }

    @Test func eachCallCarriesThePeersCredentials() async throws {
        struct Peer: Decodable, Equatable { var pid: Int32; var uid: UInt32; var gid: UInt32 }
        try await withServer { _, path in
            let peer = try await blocking {
                try VarlinkClient(connectingTo: path, timeout: patience).call("org.example.test.WhoAmI", returning: Peer.self)
            }
            #expect(peer == Peer(pid: getpid(), uid: getuid(), gid: getgid()))
        }
    }

    @Test func upgradeCallsAreRefused() async throws {
        try await withServer { _, path in
            let replies = try await blocking {
                let socket = try RawClient(connectingTo: path)
                try socket.send(#"{"method":"org.example.test.Add","upgrade":true}"# + "\0")
                return [try socket.receive()]
            }
            #expect(replies == [#"{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"upgrade"}}"#])
        }
    }

    /// Runs a blocking client call that must fail with a Varlink error reply.
    func expectVarlinkError(_ body: @escaping @Sendable () throws -> VarlinkReply) async -> VarlinkError? {
        do {
            let reply = try await blocking(body)
            Issue.record("expected an error reply, got \(reply)")
        } catch let error as VarlinkError {
            return error
        } catch {
            Issue.record("expected an error reply, got \(error)")
        }
        return nil
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

import Varlink

/// `org.example.test`: one method per behaviour the tests exercise.
enum TestInterface {
    static let name = "org.example.test"

    static let description = """
        # An interface for testing the Varlink server.
        interface org.example.test

        type Pair (text: string, count: int)

        # Returns its input.
        method Echo(text: string, count: int) -> (text: string, count: int)

        # Adds two numbers.
        method Add(a: int, b: int) -> (sum: int)

        # Streams the numbers 1 to count, then ends.
        method Count(count: int) -> (number: int)

        # Streams two ticks, then waits for events that never come.
        method Follow() -> (tick: int)

        # Returns a text of the given size, larger than a socket buffer holds.
        method Big(size: int) -> (text: string)

        # Reports who called.
        method WhoAmI() -> (pid: int, uid: int, gid: int)

        # Waits until the test releases it.
        method Slow() -> (done: bool)

        # Records that it was called, and returns nothing.
        method Note(text: string) -> ()

        # Fails with the given reason.
        method Fail(reason: string) -> ()

        # Fails with an error that is not a Varlink error.
        method Crash() -> ()

        # Declared, but the handler does not implement it.
        method Unimplemented() -> ()

        error Failed (reason: string)

        """

    struct EchoParameters: Codable, Sendable, Equatable {
        var text: String
        var count: Int
    }

    struct AddParameters: Codable, Sendable {
        var a: Int
        var b: Int
    }

    struct Sum: Codable, Sendable, Equatable {
        var sum: Int
    }

    struct CountParameters: Codable, Sendable {
        var count: Int
    }

    struct Number: Codable, Sendable, Equatable {
        var number: Int
    }

    struct Tick: Codable, Sendable, Equatable {
        var tick: Int
    }

    struct Done: Codable, Sendable, Equatable {
        var done: Bool
    }

    struct Note: Codable, Sendable {
        var text: String
    }

    struct FailParameters: Codable, Sendable {
        var reason: String
    }

    struct Crash: Error {}

    /// The interface, reporting what handlers do to `log` and waiting at
    /// `gate` in Slow.
    static func make(log: EventLog = EventLog(), gate: Gate = Gate()) throws -> VarlinkInterface {
        try VarlinkInterface(name: name, description: description) { call, replies in
            switch call.methodName {
            case "Echo":
                try await replies.send(call.parameters(as: EchoParameters.self))
            case "Add":
                let input = try call.parameters(as: AddParameters.self)
                try await replies.send(Sum(sum: input.a + input.b))
            case "Count":
                let input = try call.parameters(as: CountParameters.self)
                for number in 1..<max(input.count, 1) {
                    try await replies.send(Number(number: number), continues: true)
                }
                try await replies.send(Number(number: input.count))
            case "Follow":
                log.record("follow started")
                // However it ends (cancelled while waiting, or failing to send
                // because the connection closed), the test waits for this.
                defer { log.record("follow ended") }
                try await replies.send(Tick(tick: 1), continues: true)
                try await replies.send(Tick(tick: 2), continues: true)
                // A subscription with no further events: only cancellation ends it.
                let (events, continuation) = AsyncStream<Int>.makeStream()
                await withTaskCancellationHandler {
                    for await _ in events {}
                } onCancel: {
                    continuation.finish()
                }
            case "Big":
                let input = try call.parameters(as: CountParameters.self)
                try await replies.send(["text": String(repeating: "b", count: input.count)])
            case "WhoAmI":
                guard let peer = call.peer else { throw VarlinkError.permissionDenied }
                try await replies.send(["pid": Int(peer.pid), "uid": Int(peer.uid), "gid": Int(peer.gid)])
            case "Slow":
                log.record("slow started")
                await gate.wait()
                try await replies.send(Done(done: true))
            case "Note":
                log.record("note: \(try call.parameters(as: Note.self).text)")
            case "Fail":
                let input = try call.parameters(as: FailParameters.self)
                throw VarlinkError(name: "org.example.test.Failed", parameters: ["reason": .string(input.reason)])
            case "Crash":
                throw Crash()
            default:
                throw VarlinkError.methodNotImplemented(call.method)
            }
        }
    }
}

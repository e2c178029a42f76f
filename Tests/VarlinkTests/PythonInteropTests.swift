import Foundation
import Testing
import TimelineTestSupport
import Varlink

/// Calls the server with the reference Python implementation (`pip install
/// varlink`), which parses the served interface descriptions with its own
/// IDL parser and checks replies against them: a generic client's view.
@Suite("Interop with the Python varlink package", .timeLimit(.minutes(2)))
struct PythonInteropTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
        .map { $0 }
        .appending(contentsOf: ProcessInfo.processInfo.environment["PATH"]?
            .split(separator: ":").map { "\($0)/python3" } ?? [])
        .first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            return (try? run(path, ["-c", "import varlink"]).status) == 0
        }

    static let script = #"""
        import json, sys, varlink
        address = "unix:" + sys.argv[1]
        with varlink.Client(address=address) as client:
            with client.open("org.varlink.service") as service:
                info = service.GetInfo()
            with client.open("org.example.test") as test:
                echo = test.Echo("from python", 3)
                add = test.Add(20, 22)
                numbers = [reply["number"] for reply in test.Count(3, _more=True)]
                try:
                    test.Fail("on purpose")
                    failed = None
                except varlink.VarlinkError as error:
                    failed = [error.error(), error.parameters()]
        print(json.dumps({"info": info, "echo": echo, "add": add, "numbers": numbers, "failed": failed}))
        """#

    @Test(.enabled(if: python != nil, "python3 with the varlink package is not installed (pip install varlink)"))
    func pythonClientCallsGetInfoAndTheTestInterface() async throws {
        let python = try #require(Self.python)
        try await withServer { _, path in
            let result = try await blocking { try Self.run(python, ["-c", Self.script, path]) }
            #expect(result.status == 0, "python failed: \(result.error)")
            let output = try JSONDecoder().decode([String: VarlinkValue].self, from: Data(result.output.utf8))
            #expect(output["info"]?.object?["interfaces"] == ["org.varlink.service", "org.example.test"])
            #expect(output["info"]?.object?["product"] == "varlink-tests")
            #expect(output["echo"] == ["text": "from python", "count": 3])
            #expect(output["add"] == ["sum": 42])
            #expect(output["numbers"] == [1, 2, 3])
            #expect(output["failed"] == ["org.example.test.Failed", ["reason": "on purpose"]])
        }
    }

    @Test(.enabled(if: python != nil, "python3 with the varlink package is not installed (pip install varlink)"))
    func pythonCommandLineToolDescribesAndCallsTheService() async throws {
        let python = try #require(Self.python)
        try await withServer { _, path in
            let (info, call, more) = try await blocking {
                (
                    try Self.run(python, ["-m", "varlink.cli", "info", "unix:\(path)"]),
                    try Self.run(python, ["-m", "varlink.cli", "call", "unix:\(path)/org.example.test.Add", #"{"a": 1, "b": 2}"#]),
                    try Self.run(python, ["-m", "varlink.cli", "call", "-m", "unix:\(path)/org.example.test.Count", #"{"count": 2}"#])
                )
            }
            #expect(info.status == 0, "\(info.error)")
            #expect(info.output.contains("org.example.test"), "\(info.output)")
            #expect(info.output.contains("varlink-tests"), "\(info.output)")
            #expect(call.status == 0, "\(call.error)")
            let sum = try JSONDecoder().decode([String: Int].self, from: Data(call.output.utf8))
            #expect(sum == ["sum": 3])
            #expect(more.status == 0, "\(more.error)")
            #expect(more.output.contains(#""number": 1"#) && more.output.contains(#""number": 2"#), "\(more.output)")
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

extension VarlinkValue {
    var object: [String: VarlinkValue]? {
        if case .object(let members) = self { return members }
        return nil
    }
}

extension Array {
    fileprivate func appending(contentsOf other: [Element]) -> [Element] {
        self + other
    }
}

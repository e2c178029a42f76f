import ArgumentParser
import Foundation
import Timeline

/// `timelinectl verify`: the daemon walks its log and reports.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Have the daemon check every record of its log: CRCs, seqs, the hash chain and the seals.",
        discussion: """
            Prints the records, segments, sealed segments and chain head, and every fault with \
            its segment, offset and seq. Exits 1 when the daemon reports a fault. \
            `timelined verify --data DIR` does the same without a daemon.
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        // The walk reads every segment: allow for a long log.
        let client = try DaemonClient(path: connection.socketPath, timeout: .seconds(600))
        let reply: TimelineInterface.VerifyReply = try client.call(TimelineInterface.Method.verify, Empty())
        if connection.json {
            try Output.json(reply.report)
        } else {
            Output.print(reply.report.lines.joined(separator: "\n"))
        }
        if !reply.report.isClean { throw ExitCode(CommandFailure.daemonError) }
    }
}

import ArgumentParser
import Foundation
import Timeline
import Varlink

/// `timelinectl events`: the log's events as JSON lines, and with
/// `--follow` the new ones as the daemon appends them, like `journalctl -f`.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print the log's events as JSON lines, oldest first; --follow keeps printing new ones.",
        discussion: """
            Each line is one event as stored, with its seq: \
            {"data":{…},"recorded_at":"…","schema":1,"seq":42,"type":"claim.extracted"}. \
            With --after SEQ the output starts after that seq, so a reader that stopped can \
            resume where it left off without a gap or a repeat. --follow ends when the daemon \
            stops or on Ctrl-C.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Print only the events after this seq.", valueName: "seq"))
    var after: UInt64?

    @Flag(help: "Keep printing new events as the daemon appends them.")
    var follow = false

    func run() async throws {
        let client = try DaemonClient(path: connection.socketPath, timeout: follow ? nil : .seconds(30))
        let encoder = TimelineJSON.encoder()
        try client.stream(
            TimelineInterface.Method.events,
            TimelineInterface.EventsParameters(after: after, follow: follow ? true : nil)
        ) { reply in
            guard let event = try reply.parameters(as: EventLine.self).event else { return }
            var line = try encoder.encode(event)
            line.append(0x0A)
            // One write per event, unbuffered: a pipe reader sees each event
            // when it is appended, not when a buffer fills.
            FileHandle.standardOutput.write(line)
        }
    }
}

/// One reply of `Events`, the event kept as the JSON it came as.
private struct EventLine: Decodable {
    var event: VarlinkValue?
}

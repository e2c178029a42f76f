import DurableFiles
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Writes log lines to standard error, one `write(2)` per line so that
/// nothing waits in a buffer, each prefixed with its syslog priority
/// (`<3>`, `<6>`…) as sd-daemon(3) describes: systemd reads the prefix when
/// the stream is the journal's, and a person reads the rest.
public struct StderrLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let line = "<\(event.level.syslogPriority)>" + Self.line(message: event.message.description, metadata: merged) + "\n"
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// The message followed by its metadata as sorted `key=value` pairs,
    /// on one line: control characters (a newline in a file name) are
    /// escaped, so that no value can start a line of its own.
    static func line(message: String, metadata: Logger.Metadata) -> String {
        let message = DisplayText.escaping(message)
        guard !metadata.isEmpty else { return message }
        return message + " " + metadata.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(quoted(DisplayText.escaping($0.value.description)))" }
            .joined(separator: " ")
    }

    static func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) || value.isEmpty
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : value
    }
}

extension Logger.Level {
    /// The syslog priority journald files this level under.
    public var syslogPriority: Int {
        switch self {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}

import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Where the daemon's log goes: the journal, with structured fields, when
/// systemd runs it; standard error, one line per event, otherwise.
public struct LogTarget: Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case journal
        case standardError
    }

    private let kind: Kind

    /// The systemd journal, through ``JournaldLogHandler``.
    public static let journal = LogTarget(kind: .journal)
    /// Standard error, through ``StderrLogHandler``.
    public static let standardError = LogTarget(kind: .standardError)

    /// The journal's native socket.
    public static let journalSocket = "/run/systemd/journal/socket"

    public var description: String { kind == .journal ? "journal" : "stderr" }

    /// The journal when standard error is connected to it, or when systemd
    /// started the process and the journal is there to receive; standard
    /// error otherwise (a terminal, a test, a container without journald).
    ///
    /// systemd sets `JOURNAL_STREAM` to the device and inode of the stream
    /// it connected, and systemd.exec(5) asks a program to switch to the
    /// native protocol only when they match its standard error, because
    /// the variable is inherited by children whose output went elsewhere.
    /// `INVOCATION_ID` is set for every process systemd starts, also one
    /// whose output goes to a file or nowhere.
    ///
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - journalSocket: where journald listens.
    public static func automatic(
        environment: [String: String], journalSocket: String = LogTarget.journalSocket
    ) -> LogTarget {
        if let stream = environment["JOURNAL_STREAM"], standardErrorIs(stream) {
            return .journal
        }
        if environment["INVOCATION_ID"] != nil, isatty(STDERR_FILENO) == 0, access(journalSocket, W_OK) == 0 {
            return .journal
        }
        return .standardError
    }

    /// A handler writing here.
    ///
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - level: the least severe level written.
    public func makeHandler(label: String, level: Logger.Level) -> any LogHandler {
        switch kind {
        case .journal:
            var handler = JournaldLogHandler(label: label)
            handler.logLevel = level
            return handler
        case .standardError:
            var handler = StderrLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Whether `JOURNAL_STREAM` (`DEVICE:INODE`, in decimal) names the file
    /// standard error is open on.
    static func standardErrorIs(_ stream: String) -> Bool {
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}

import CSystemd
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Writes log events to the systemd journal with sd_journal_sendv(3), one
/// structured entry per event: `MESSAGE`, `PRIORITY`, `MESSAGE_ID` for the
/// kinds in ``JournalMessageID``, `SYSLOG_IDENTIFIER`, `CODE_FILE`,
/// `CODE_LINE`, `CODE_FUNC`, and the logger's metadata as fields of their
/// own: `document` → `DOCUMENT=`, `seq` → `SEQ=`, `claim` → `CLAIM_ID=`
/// (one field per id when it is a list), any other key upper-cased when
/// that makes a valid field name (`moved_to` → `MOVED_TO=`).
///
/// `MESSAGE` reads like a line of ``StderrLogHandler`` (the message and its
/// metadata), so `journalctl -u timelined` shows the same as a terminal.
///
/// sd_journal_sendv is used because sd_journal_send is variadic, which
/// Swift cannot call. When the journal cannot be reached the line goes to
/// standard error instead, so that nothing is lost.
public struct JournaldLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let identifier: String

    /// - Parameters:
    ///   - label: the logger's label.
    ///   - identifier: `SYSLOG_IDENTIFIER`, the name journalctl shows.
    public init(label: String, identifier: String = "timelined") {
        self.label = label
        self.identifier = identifier
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = Self.fields(
            for: event.level, message: event.message.description, metadata: merged,
            file: event.file, line: event.line, function: event.function, identifier: identifier)
        if Self.send(fields) != 0 {
            var fallback = StderrLogHandler(label: label)
            fallback.logLevel = logLevel
            fallback.metadata = metadata
            fallback.log(event: event)
        }
    }

    /// The journal entry for one event, as `KEY=value` fields.
    static func fields(
        for level: Logger.Level, message: String, metadata: Logger.Metadata,
        file: String, line: UInt, function: String, identifier: String
    ) -> [String] {
        var fields = [
            "MESSAGE=" + StderrLogHandler.line(message: message, metadata: metadata),
            "PRIORITY=\(level.syslogPriority)",
            "SYSLOG_IDENTIFIER=\(identifier)",
        ]
        if let id = JournalMessageID.forMessage(message) {
            fields.append("MESSAGE_ID=\(id.hex)")
        }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            guard let name = fieldName(forMetadataKey: key) else { continue }
            if name == "CLAIM_ID", case .array(let ids) = value {
                fields += ids.map { "CLAIM_ID=\($0)" }
            } else {
                fields.append("\(name)=\(value)")
            }
        }
        fields += ["CODE_FILE=\(file)", "CODE_LINE=\(line)", "CODE_FUNC=\(function)"]
        return fields
    }

    /// The journal field a metadata key is written as, or nil when none
    /// can be made of it (the value is still in `MESSAGE`).
    static func fieldName(forMetadataKey key: String) -> String? {
        switch key {
        case "document": return "DOCUMENT"
        case "seq": return "SEQ"
        case "claim", "claim_id", "claim_ids": return "CLAIM_ID"
        default:
            let name = key.uppercased()
            return isValidFieldName(name) && !reserved.contains(name) ? name : nil
        }
    }

    /// Fields this handler sets itself, which metadata must not repeat.
    private static let reserved: Set<String> = [
        "MESSAGE", "MESSAGE_ID", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
    ]

    /// journald's rule: upper-case letters, digits and underscores, not
    /// starting with a digit or an underscore (those are the journal's own
    /// trusted fields), at most 64 bytes.
    static func isValidFieldName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 64,
              first != UInt8(ascii: "_"), !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }

    /// Sends one entry; returns 0, or a negative errno.
    static func send(_ fields: [String]) -> Int32 {
        // One buffer for all fields, so every iovec points into memory that
        // lives until sd_journal_sendv returns.
        var storage: [UInt8] = []
        var ranges: [Range<Int>] = []
        for field in fields {
            let start = storage.count
            storage.append(contentsOf: field.utf8)
            ranges.append(start..<storage.count)
        }
        return storage.withUnsafeMutableBytes { bytes in
            let vectors = ranges.map { range in
                iovec(iov_base: bytes.baseAddress! + range.lowerBound, iov_len: range.count)
            }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }
}

import Foundation
import Timeline
import Yams

/// Everything the daemon needs to know to run: where its folders and socket
/// are, which lexicon it reads, and its limits.
///
/// Read from a YAML file (config/timelined.yaml), then overridden by
/// command-line flags. Paths in the file are relative to the file's folder;
/// paths given as flags are relative to the current folder.
public struct DaemonConfiguration: Sendable, Equatable {
    /// The data folder: inbox/, processed/, failed/, state/ and run/ live here.
    public var dataDirectory: String
    /// Where articles are dropped; `DATA/inbox` unless set.
    public var inboxDirectory: String?
    /// The log, the documents and the snapshots; `DATA/state` unless set.
    public var stateDirectory: String?
    /// The Varlink socket's path; `$RUNTIME_DIRECTORY/io.timelined.Timeline`
    /// under systemd, else `DATA/run/io.timelined.Timeline`.
    public var socketPath: String?
    /// The socket file's mode when the daemon binds it itself.
    public var socketMode: UInt16 = 0o660
    /// The lexicon file; found beside the config or the program if unset.
    public var lexiconPath: String?
    /// Files larger than this go to failed/.
    public var maxDocumentBytes: Int = 10 * 1024 * 1024
    /// Whether a file holding HTML is read as its text or refused.
    public var html: HTMLHandling = .text
    /// A Varlink message larger than this closes its connection.
    public var maxMessageBytes: Int = 1024 * 1024
    /// The log starts a new segment file past this size.
    public var segmentBytes: Int = 64 * 1024 * 1024
    /// A snapshot of the projections is written after this many events…
    public var snapshotEveryEvents: Int = 10_000
    /// …or this many seconds with new events, whichever comes first.
    public var snapshotEverySeconds: Int = 300
    /// The inbox is listed again this often, in case a file arrived with
    /// no event the watcher could see (as Postfix's pickup scans the
    /// maildrop on a timer).
    public var rescanEverySeconds: Int = 60
    /// The most control connections open at once; kept well under the fd
    /// limit so idle clients cannot use up the daemon's descriptors.
    public var maxConnections: Int = 256
    /// The most control connections open at once from one user id.
    public var maxConnectionsPerUser: Int = 64
    /// A control connection with no call in progress is closed after this long.
    public var idleTimeoutSeconds: Double = 60
    /// The group whose members may retract and correct claims, besides
    /// root and the daemon's own user; nil for none.
    public var editorsGroup: String?
    /// Whether a start whose extractor version or lexicon differs from the
    /// one that read the documents in the log re-extracts them.
    public var reextractOnUpgrade = false

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    /// The folders the daemon works in.
    public var folders: DataFolders {
        DataFolders(
            data: dataDirectory,
            inbox: inboxDirectory ?? dataDirectory + "/inbox",
            state: stateDirectory ?? dataDirectory + "/state",
            socket: socketPath ?? dataDirectory + "/run/io.timelined.Timeline")
    }

    /// The environment's defaults: systemd's StateDirectory= and
    /// RuntimeDirectory= when set, else `./var`.
    public static func defaults(environment: [String: String]) -> DaemonConfiguration {
        var configuration = DaemonConfiguration(
            dataDirectory: environment["STATE_DIRECTORY"].flatMap { $0.split(separator: ":").first.map(String.init) }
                ?? "var")
        if let runtime = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first {
            configuration.socketPath = runtime + "/io.timelined.Timeline"
        }
        return configuration
    }

    /// Applies the settings of a YAML configuration file over `self`.
    ///
    /// - Throws: ``ConfigurationError`` naming the file and the setting that
    ///   is wrong, or an unknown setting (a typo should not pass silently).
    public mutating func apply(file path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, message: "cannot read: \(ConfigurationError.reason(error))")
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text.isEmpty ? "{}" : text)
        } catch {
            throw ConfigurationError(file: path, message: YAMLErrors.describe(error))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func resolve(_ value: String) -> String {
            value.hasPrefix("/") ? value : folder + "/" + value
        }
        if let data = file.data { dataDirectory = resolve(data) }
        if let inbox = file.inbox { inboxDirectory = resolve(inbox) }
        if let state = file.state { stateDirectory = resolve(state) }
        if let socket = file.socket { socketPath = resolve(socket) }
        if let mode = file.socketMode {
            guard let value = UInt16(mode, radix: 8), value <= 0o777 else {
                throw ConfigurationError(file: path, message: "'socket_mode' should be octal like \"0660\", not \(mode)")
            }
            socketMode = value
        }
        if let lexicon = file.lexicon { lexiconPath = resolve(lexicon) }
        if let group = file.editorsGroup {
            guard !group.isEmpty, !group.contains(where: { $0.isWhitespace || $0 == ":" }) else {
                throw ConfigurationError(file: path, message: "'editors_group' should be a group's name, not '\(group)'")
            }
            editorsGroup = group
        }
        if let limits = file.limits {
            if let value = limits.maxDocumentBytes {
                guard value > 0 else { throw ConfigurationError(file: path, message: "'limits.max_document_bytes' must be positive") }
                maxDocumentBytes = value
            }
            if let value = limits.maxMessageBytes {
                guard value >= 1024 else { throw ConfigurationError(file: path, message: "'limits.max_message_bytes' must be at least 1024") }
                maxMessageBytes = value
            }
        }
        if let content = file.content, let value = content.html {
            guard let handling = HTMLHandling.all.first(where: { $0.rawValue == value }) else {
                throw ConfigurationError(file: path, message: "'content.html' should be \(HTMLHandling.all.map { "'\($0.rawValue)'" }.joined(separator: " or ")), not '\(value)'")
            }
            html = handling
        }
        if let log = file.log, let value = log.segmentBytes {
            guard value >= 4096 else { throw ConfigurationError(file: path, message: "'log.segment_bytes' must be at least 4096") }
            segmentBytes = value
        }
        if let snapshots = file.snapshots {
            if let value = snapshots.everyEvents {
                guard value > 0 else { throw ConfigurationError(file: path, message: "'snapshots.every_events' must be positive") }
                snapshotEveryEvents = value
            }
            if let value = snapshots.everySeconds {
                guard value > 0 else { throw ConfigurationError(file: path, message: "'snapshots.every_seconds' must be positive") }
                snapshotEverySeconds = value
            }
        }
        if let reextract = file.reextractOnUpgrade { reextractOnUpgrade = reextract }
        if let rescan = file.rescan, let value = rescan.everySeconds {
            guard value > 0 else { throw ConfigurationError(file: path, message: "'rescan.every_seconds' must be positive") }
            rescanEverySeconds = value
        }
        if let connections = file.connections {
            if let value = connections.maxTotal {
                guard value > 0 else { throw ConfigurationError(file: path, message: "'connections.max_total' must be positive") }
                maxConnections = value
            }
            if let value = connections.maxPerUser {
                guard value > 0 else { throw ConfigurationError(file: path, message: "'connections.max_per_user' must be positive") }
                maxConnectionsPerUser = value
            }
            if let value = connections.idleTimeoutSeconds {
                guard value > 0 else { throw ConfigurationError(file: path, message: "'connections.idle_timeout_seconds' must be positive") }
                idleTimeoutSeconds = value
            }
        }
    }

    /// Settings given on the command line, which win over the file.
    public struct Overrides: Sendable, Equatable {
        public var dataDirectory: String?
        public var inboxDirectory: String?
        public var stateDirectory: String?
        public var socketPath: String?
        public var lexiconPath: String?
        public var maxDocumentBytes: Int?

        public init(
            dataDirectory: String? = nil, inboxDirectory: String? = nil, stateDirectory: String? = nil,
            socketPath: String? = nil, lexiconPath: String? = nil, maxDocumentBytes: Int? = nil
        ) {
            self.dataDirectory = dataDirectory
            self.inboxDirectory = inboxDirectory
            self.stateDirectory = stateDirectory
            self.socketPath = socketPath
            self.lexiconPath = lexiconPath
            self.maxDocumentBytes = maxDocumentBytes
        }
    }

    /// The configuration from the environment's defaults, then `file`, then
    /// `overrides`: the one way it is built, at start and on reload.
    ///
    /// - Throws: ``ConfigurationError`` for a file that cannot be used.
    public static func load(
        file: String?, overrides: Overrides, environment: [String: String]
    ) throws -> DaemonConfiguration {
        var configuration = DaemonConfiguration.defaults(environment: environment)
        if let file { try configuration.apply(file: file) }
        if let value = overrides.dataDirectory { configuration.dataDirectory = value }
        if let value = overrides.inboxDirectory { configuration.inboxDirectory = value }
        if let value = overrides.stateDirectory { configuration.stateDirectory = value }
        if let value = overrides.socketPath { configuration.socketPath = value }
        if let value = overrides.lexiconPath { configuration.lexiconPath = value }
        if let value = overrides.maxDocumentBytes { configuration.maxDocumentBytes = value }
        return configuration
    }

    /// The file's shape. Unknown keys are an error.
    struct File: Decodable {
        var data: String?
        var inbox: String?
        var state: String?
        var socket: String?
        var socketMode: String?
        var lexicon: String?
        var editorsGroup: String?
        var reextractOnUpgrade: Bool?
        var limits: Limits?
        var content: Content?
        var log: Log?
        var snapshots: Snapshots?
        var rescan: Rescan?
        var connections: Connections?

        struct Connections: Decodable {
            var maxTotal: Int?
            var maxPerUser: Int?
            var idleTimeoutSeconds: Double?
            enum CodingKeys: String, CodingKey, CaseIterable {
                case maxTotal = "max_total"
                case maxPerUser = "max_per_user"
                case idleTimeoutSeconds = "idle_timeout_seconds"
            }
            init(from decoder: any Decoder) throws {
                try rejectUnknownKeys(decoder, CodingKeys.self)
                let c = try decoder.container(keyedBy: CodingKeys.self)
                maxTotal = try c.decodeIfPresent(Int.self, forKey: .maxTotal)
                maxPerUser = try c.decodeIfPresent(Int.self, forKey: .maxPerUser)
                idleTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .idleTimeoutSeconds)
            }
        }

        struct Rescan: Decodable {
            var everySeconds: Int?
            enum CodingKeys: String, CodingKey, CaseIterable { case everySeconds = "every_seconds" }
            init(from decoder: any Decoder) throws {
                try rejectUnknownKeys(decoder, CodingKeys.self)
                everySeconds = try decoder.container(keyedBy: CodingKeys.self)
                    .decodeIfPresent(Int.self, forKey: .everySeconds)
            }
        }

        struct Limits: Decodable {
            var maxDocumentBytes: Int?
            var maxMessageBytes: Int?
            enum CodingKeys: String, CodingKey, CaseIterable {
                case maxDocumentBytes = "max_document_bytes"
                case maxMessageBytes = "max_message_bytes"
            }
            init(from decoder: any Decoder) throws {
                try rejectUnknownKeys(decoder, CodingKeys.self)
                let c = try decoder.container(keyedBy: CodingKeys.self)
                maxDocumentBytes = try c.decodeIfPresent(Int.self, forKey: .maxDocumentBytes)
                maxMessageBytes = try c.decodeIfPresent(Int.self, forKey: .maxMessageBytes)
            }
        }

        struct Content: Decodable {
            var html: String?
            enum CodingKeys: String, CodingKey, CaseIterable { case html }
            init(from decoder: any Decoder) throws {
                try rejectUnknownKeys(decoder, CodingKeys.self)
                html = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .html)
            }
        }

        struct Log: Decodable {
            var segmentBytes: Int?
            enum CodingKeys: String, CodingKey, CaseIterable { case segmentBytes = "segment_bytes" }
            init(from decoder: any Decoder) throws {
                try rejectUnknownKeys(decoder, CodingKeys.self)
                segmentBytes = try decoder.container(keyedBy: CodingKeys.self)
                    .decodeIfPresent(Int.self, forKey: .segmentBytes)
            }
        }

        struct Snapshots: Decodable {
            var everyEvents: Int?
            var everySeconds: Int?
            enum CodingKeys: String, CodingKey, CaseIterable {
                case everyEvents = "every_events"
                case everySeconds = "every_seconds"
            }
            init(from decoder: any Decoder) throws {
                try rejectUnknownKeys(decoder, CodingKeys.self)
                let c = try decoder.container(keyedBy: CodingKeys.self)
                everyEvents = try c.decodeIfPresent(Int.self, forKey: .everyEvents)
                everySeconds = try c.decodeIfPresent(Int.self, forKey: .everySeconds)
            }
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case data, inbox, state, socket
            case socketMode = "socket_mode"
            case lexicon
            case editorsGroup = "editors_group"
            case reextractOnUpgrade = "reextract_on_upgrade"
            case limits, content, log, snapshots, rescan, connections
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(decoder, CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            data = try c.decodeIfPresent(String.self, forKey: .data)
            inbox = try c.decodeIfPresent(String.self, forKey: .inbox)
            state = try c.decodeIfPresent(String.self, forKey: .state)
            socket = try c.decodeIfPresent(String.self, forKey: .socket)
            socketMode = try c.decodeIfPresent(String.self, forKey: .socketMode)
            lexicon = try c.decodeIfPresent(String.self, forKey: .lexicon)
            editorsGroup = try c.decodeIfPresent(String.self, forKey: .editorsGroup)
            reextractOnUpgrade = try c.decodeIfPresent(Bool.self, forKey: .reextractOnUpgrade)
            limits = try c.decodeIfPresent(Limits.self, forKey: .limits)
            content = try c.decodeIfPresent(Content.self, forKey: .content)
            log = try c.decodeIfPresent(Log.self, forKey: .log)
            snapshots = try c.decodeIfPresent(Snapshots.self, forKey: .snapshots)
            rescan = try c.decodeIfPresent(Rescan.self, forKey: .rescan)
            connections = try c.decodeIfPresent(Connections.self, forKey: .connections)
        }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, _: Keys.Type) throws {
    let known = Set(Keys.allCases.map(\.stringValue))
    let container = try decoder.container(keyedBy: AnyKey.self)
    if let unknown = container.allKeys.first(where: { !known.contains($0.stringValue) }) {
        throw DecodingError.dataCorrupted(.init(
            codingPath: container.codingPath + [unknown],
            debugDescription: "unknown setting (known: \(known.sorted().joined(separator: ", ")))"))
    }
}

/// The daemon's folders, all derived from the configuration.
public struct DataFolders: Sendable, Equatable {
    public var data: String
    public var inbox: String
    /// The log, the documents and the snapshots: kept apart from the data
    /// folder under systemd, where the state folder is private to the
    /// daemon and the data folder is shared with the people who drop files.
    public var state: String
    public var socket: String

    public var processed: String { data + "/processed" }
    public var failed: String { data + "/failed" }
    public var log: String { state + "/log" }
    public var documents: String { state + "/documents" }
    public var snapshots: String { state + "/snapshots" }
}

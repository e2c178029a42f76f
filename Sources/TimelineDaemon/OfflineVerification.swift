import EventLog
import Foundation
import Timeline

/// `timelined verify`: checks the log of a data folder without a daemon,
/// reading only (no lock is taken, so it runs beside a daemon that writes
/// the log), and against how far its snapshots and acknowledged seq show
/// it had come (``KnownLogEnd``).
public enum OfflineVerification {
    /// Checks the log of the data folder that the configuration and the
    /// flags name, as the daemon would find it.
    ///
    /// - Parameters:
    ///   - configurationFile: the YAML configuration, if any.
    ///   - overrides: folders given on the command line.
    ///   - json: print the report as JSON instead of lines.
    /// - Returns: the report, and the status: 0 when the log is clean, 1 when
    ///   it is damaged or cannot be read, 2 when the only finding is a torn
    ///   tail.
    /// - Throws: ``ConfigurationError`` when the configuration cannot be used.
    public static func run(
        configurationFile: String?, overrides: DaemonConfiguration.Overrides, json: Bool
    ) throws -> OfflineOutcome {
        let configuration = try DaemonConfiguration.load(
            file: configurationFile, overrides: overrides, environment: ProcessInfo.processInfo.environment)
        let directory = configuration.folders.log
        let report: TimelineInterface.VerifyReport
        if FileManager.default.fileExists(atPath: directory) {
            // Read before the log, which only grows meanwhile.
            let reached = KnownLogEnd(folders: configuration.folders)
            report = EventLog.verify(directory: URL(fileURLWithPath: directory), knownSeq: reached.known).forInterface
        } else {
            report = TimelineInterface.VerifyReport(
                records: 0, segments: 0, sealedSegments: 0, lastSeq: 0, chainHead: ChainHash.zero.hex, tornTail: nil,
                faults: [.init(code: "io", message: "there is no log in \(directory)", segment: nil, offset: nil, seq: nil)])
        }
        let status: Int32 = !report.faults.isEmpty ? 1 : report.tornTail != nil ? 2 : 0
        if json {
            let data = try TimelineJSON.encoder(pretty: true).encode(report)
            return OfflineOutcome(output: String(decoding: data, as: UTF8.self), status: status)
        }
        return OfflineOutcome(output: ([OfflineOutcome.line("log", directory)] + report.lines).joined(separator: "\n"), status: status)
    }
}

import EventLog
import Foundation
import Timeline

/// `timelined verify`: checks the log of a data folder without a daemon,
/// reading only (no lock is taken, so it runs beside a daemon that writes
/// the log).
public enum OfflineVerification {
    /// What a check found, ready to print.
    public struct Outcome: Sendable {
        /// The report, one finding per line (or one JSON object).
        public var output: String
        /// 0 when the log is clean, 1 when it is damaged or cannot be read,
        /// 2 when the only finding is a torn tail.
        public var status: Int32
    }

    /// Checks the log of the data folder that the configuration and the
    /// flags name, as the daemon would find it.
    ///
    /// - Parameters:
    ///   - configurationFile: the YAML configuration, if any.
    ///   - overrides: folders given on the command line.
    ///   - json: print the report as JSON instead of lines.
    /// - Throws: ``ConfigurationError`` when the configuration cannot be used.
    public static func run(
        configurationFile: String?, overrides: DaemonConfiguration.Overrides, json: Bool
    ) throws -> Outcome {
        let configuration = try DaemonConfiguration.load(
            file: configurationFile, overrides: overrides, environment: ProcessInfo.processInfo.environment)
        let directory = configuration.folders.log
        let report: TimelineInterface.VerifyReport
        if FileManager.default.fileExists(atPath: directory) {
            report = EventLog.verify(directory: URL(fileURLWithPath: directory)).forInterface
        } else {
            report = TimelineInterface.VerifyReport(
                records: 0, segments: 0, sealedSegments: 0, lastSeq: 0, chainHead: ChainHash.zero.hex, tornTail: nil,
                faults: [.init(code: "io", message: "there is no log in \(directory)", segment: nil, offset: nil, seq: nil)])
        }
        let status: Int32 = !report.faults.isEmpty ? 1 : report.tornTail != nil ? 2 : 0
        if json {
            let data = try TimelineJSON.encoder(pretty: true).encode(report)
            return Outcome(output: String(decoding: data, as: UTF8.self), status: status)
        }
        return Outcome(output: (["log         \(directory)"] + report.lines).joined(separator: "\n"), status: status)
    }
}

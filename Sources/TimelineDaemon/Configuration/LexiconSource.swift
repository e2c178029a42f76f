import Foundation
import Logging
import Timeline

/// Where the lexicon comes from: the configuration's `lexicon` path (or the
/// one installed beside the executable), read at start and again on SIGHUP.
struct LexiconSource: Sendable {
    /// The configuration the daemon started with: its folders stay.
    let configuration: DaemonConfiguration
    /// The YAML file read again on a reload.
    let configurationFile: String?
    /// Settings from the command line, which win over the file.
    let overrides: DaemonConfiguration.Overrides
    let logger: Logger

    /// The lexicon the daemon starts with.
    ///
    /// - Throws: ``StartupError`` when no lexicon is found, or the error of
    ///   ``LexiconFile/load(path:)`` when it cannot be read.
    func initial() throws -> LexiconFile {
        try load(path: configuration.lexiconPath)
    }

    /// The lexicon as the configuration names it now. Folders and the socket
    /// stay as they were at start: moving them needs a restart.
    ///
    /// - Throws: when the configuration or the lexicon cannot be read; the
    ///   caller keeps the lexicon it has.
    func reloaded() throws -> LexiconFile {
        let reread = try DaemonConfiguration.load(
            file: configurationFile, overrides: overrides, environment: ProcessInfo.processInfo.environment)
        if reread.folders != configuration.folders {
            logger.warning("folder or socket settings changed; they take effect at the next start")
        }
        return try load(path: reread.lexiconPath)
    }

    private func load(path: String?) throws -> LexiconFile {
        guard let path = path ?? LexiconFile.defaultPath(executable: CommandLine.arguments[0]) else {
            throw StartupError("no lexicon found: set 'lexicon' in the configuration or pass --lexicon FILE")
        }
        return try LexiconFile.load(path: path)
    }
}

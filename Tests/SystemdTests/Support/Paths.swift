import Foundation

/// The checkout and the built binaries, found from this file.
enum Paths {
    static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The folder holding timelined and timelinectl: $TIMELINED_BIN_DIR, or
    /// the one the test bundle was built into.
    static let binaries: String = {
        if let folder = ProcessInfo.processInfo.environment["TIMELINED_BIN_DIR"] { return folder }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().path
    }()

    static let lexicon = checkout + "/config/lexicon.yaml"
    static let units = checkout + "/systemd"
}

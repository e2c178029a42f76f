import Foundation

/// The checkout, the built binaries and the lexicon, found from this file.
public enum Paths {
    /// The checkout's root folder.
    public static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The folder holding timelined and timelinectl: $TIMELINED_BIN_DIR, or
    /// the one the test bundle was built into.
    public static let binaries: String = {
        if let folder = ProcessInfo.processInfo.environment["TIMELINED_BIN_DIR"] { return folder }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().path
    }()

    /// The lexicon the checkout ships.
    public static let lexicon = checkout + "/config/lexicon.yaml"
}

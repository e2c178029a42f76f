import Foundation

/// The JSON coders every message goes through.
///
/// One shared instance each, because creating a coder per message costs
/// more than the small messages Varlink carries; both are thread-safe once
/// configured, and nothing changes their options afterwards.
enum VarlinkJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // "/" escaped as "\/" is legal but makes paths in replies hard to read;
        // sorted keys make a message's text the same on every run, which
        // logs, tests and anyone diffing replies rely on.
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static let decoder = JSONDecoder()

    /// The JSON text of an empty object, decoded in place of absent parameters.
    static let emptyObject = Data("{}".utf8)
}

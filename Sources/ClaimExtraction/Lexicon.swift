/// The words the extractor reads: sides, populations, metrics, qualifiers,
/// speakers with their aliases, and exclusions. Data, loaded from
/// config/lexicon.yaml, so that a new speaker or conflict needs no build.
public struct Lexicon: Hashable, Sendable, Codable {
    public init() {}
}

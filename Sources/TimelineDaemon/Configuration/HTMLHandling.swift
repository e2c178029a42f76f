/// What the daemon does with a file that holds HTML's markup (a page saved
/// with its HTML, an article a scraper left tags in): `content.html` in the
/// configuration.
public struct HTMLHandling: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Read as the text a reader sees: tags dropped, no claims from
    /// `<script>`, `<style>` or navigation. The default.
    public static let text = HTMLHandling(rawValue: "text")
    /// Moved to failed/ with the reason `html`, unread.
    public static let refuse = HTMLHandling(rawValue: "refuse")

    /// Every value a configuration may give.
    public static let all: [HTMLHandling] = [.text, .refuse]
}

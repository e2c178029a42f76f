extension Document {
    /// Whether the text, past its front matter, holds the markup of a page:
    /// a tag of one of HTML's own elements, or an HTML comment (a page
    /// saved with its HTML, or an article a scraper left tags in).
    ///
    /// The extractor reads such a text as the text a reader sees, without
    /// its scripts, styles and navigation; this lets a caller refuse it
    /// instead. Character references alone (`&amp;`) do not count: plain
    /// text has them too, and "<5%" is no tag.
    public var holdsHTML: Bool {
        var text = self.text
        return text.withUTF8 { MarkupText.hasTags($0, from: FrontMatter.read($0)?.body ?? 0) }
    }
}

import Testing
@testable import ClaimExtraction

/// Pages saved with their HTML, and articles a scraper left markup in, are
/// read as the text a reader sees; spans still point into the page.
@Suite struct MarkupTests {
    /// The reduced text of `text`, or nil when it is read as it is.
    func reduced(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            MarkupText.reduce(bytes, from: 0).map { String(decoding: $0.bytes, as: UTF8.self) }
        }
    }

    @Test func plainTextIsReadAsItIs() {
        #expect(reduced("Russia has lost 5,000 soldiers, a spokesman said.\n\nLess than <5% remain.") == nil)
    }

    @Test func tagsAreDroppedAndBlocksBreakParagraphs() {
        let page = "<p>The army said <b>1,200</b> soldiers\n were killed.</p><p>Another <a href=\"/x?a=1&b=2\">story</a>.</p>"
        #expect(reduced(page) == "The army said 1,200 soldiers were killed.\n\nAnother story.\n\n")
    }

    @Test func referencesAreDecoded() {
        #expect(reduced("Ukraine&#8217;s army &amp; police lost 3&nbsp;000 men &mdash; &#x201C;at least&#x201D;.")
            == "Ukraine\u{2019}s army & police lost 3\u{A0}000 men \u{2014} \u{201C}at least\u{201D}.")
        #expect(reduced("Rock &unknown; roll") == nil)
    }

    @Test func codeAndPageFurnitureAreNotRead() {
        let page = """
            <html><head><title>War</title><script>var killed = 50000; if (a < b) {}</script></head>
            <body><nav><a href="/">Home</a> 30,000 dead in Sudan</nav>
            <p>Russia has lost 70,000 soldiers.</p>
            <style>.a { width: 100px }</style><!-- 90,000 killed --></body></html>
            """
        let text = reduced(page) ?? ""
        #expect(text.contains("Russia has lost 70,000 soldiers."))
        for hidden in ["50000", "30,000", "100px", "90,000"] { #expect(!text.contains(hidden)) }
    }

    @Test func aStrayOpenTagDoesNotHideTheRest() {
        #expect(reduced("<aside>Related\n\nRussia has lost 70,000 soldiers.") == "Related\n\nRussia has lost 70,000 soldiers.")
    }

    @Test func claimsInAPageKeepSpansIntoThePage() throws {
        let page = "<div class=\"story\"><p>Russia&#8217;s army has lost <strong>70,000</strong> soldiers, "
            + "the ministry said.</p><script>const total = 90000;</script></div>"
        let found = claims(page)
        #expect(found.map(key) == ["russia military casualties exact 70000"])
        let claim = try #require(found.first)
        #expect(claim.quote == "Russia\u{2019}s army has lost 70,000 soldiers, the ministry said.")
        let document = "Published: 2013-02-12\n\n" + page
        let bytes = Array(document.utf8)
        let original = String(decoding: bytes[claim.span.start..<claim.span.end], as: UTF8.self)
        #expect(original == "Russia&#8217;s army has lost <strong>70,000</strong> soldiers, the ministry said.")
    }

    @Test func aTextHoldsHTMLByItsTagsNotByItsReferences() {
        func holdsHTML(_ text: String) -> Bool { Document(name: "x", text: text).holdsHTML }
        #expect(holdsHTML("<html><body><p>Russia has lost 5,000 soldiers.</p></body></html>"))
        #expect(holdsHTML("Russia has lost <b>5,000</b> soldiers."))
        #expect(holdsHTML("Russia has lost 5,000 soldiers.<!-- tracking -->"))
        #expect(!holdsHTML("Russia has lost 5,000 soldiers, a spokesman said.\n\nLess than <5% remain."))
        #expect(!holdsHTML("Russia &amp; Ukraine: 5,000 soldiers lost."), "a reference alone is plain text's too")
        #expect(!holdsHTML("---\ntitle: <b>x</b>\n---\nRussia has lost 5,000 soldiers."), "front matter is not the page")
    }
}

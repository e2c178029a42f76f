import ClaimExtraction

/// Draws estimates over time as an SVG: one colour per speaker with a
/// legend, each estimate as its interval (a dot for a figure, a bar for a
/// range, an arrow up for "over"/"at least", down for "up to"/"nearly"),
/// its quote, speaker and date in a `<title>` shown on hover, and axes with
/// dates and thousands separators.
///
/// It scales to its container (a view box 1200 wide, the legend under the
/// plot) and reads on a phone as on a wide screen: a style sheet in the SVG
/// sizes the text by the width the chart is shown at, so that at a phone's
/// 390 CSS pixels, where the drawing is shrunk to a third, the text is
/// drawn larger (11 pixels and up once shrunk) and every other date of the
/// axis is left out to make room for the rest.
///
/// A claim is placed at the middle of its date (``ClaimRecord/effectiveDate``);
/// a claim with no date cannot be, and the chart says how many it left out.
public struct SVGChart: Sendable {
    public static let width = 1200
    /// Below this width in CSS pixels the chart takes its phone style.
    public static let narrowWidth = 640
    /// The text's size in the phone style, in the view box's units: at 390
    /// CSS pixels, 11.05 pixels and up.
    public static let narrowFontSize = 34
    /// Colours that stay apart from one another (Tableau 10); an unattributed
    /// claim is grey.
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                          "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf"]

    public var title: String

    public init(title: String) {
        self.title = title
    }

    private let left = 200.0, right = 60.0, top = 70.0, plotHeight = 420.0
    /// The legend's lines, tall enough for the phone style's text.
    private let legendLine = 52.0

    /// The SVG document for `records`.
    public func render(_ records: [ClaimRecord]) -> String {
        // Positions, not a copy of each record: ten thousand copies were a tenth of the drawing.
        let dated = records.indices.filter { records[$0].effectiveDate != nil }
        let speakers = Array(Set(dated.map { records[$0].claim.speaker ?? "" })).sorted { a, b in
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }
        let colours = Dictionary(uniqueKeysWithValues: speakers.enumerated().map { i, speaker in
            (speaker, Self.palette[i % Self.palette.count])
        })
        func colour(_ speaker: String?) -> String { speaker.flatMap { colours[$0] } ?? "#888888" }
        let days = dated.map { Self.middle(records[$0].effectiveDate!) }
        let first = (days.min() ?? 0) - 15, last = max((days.max() ?? 0) + 15, first + 30)
        let ceiling = Self.niceCeiling(dated.map { i in
            let claim = records[i].claim
            return Double(claim.interval.upper ?? claim.interval.lower ?? claim.low)
        }.max() ?? 1)
        let plotWidth = Double(Self.width) - left - right
        func x(_ day: Int) -> Double { left + plotWidth * Double(day - first) / Double(last - first) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, ceiling) / ceiling) }
        let undated = records.count - dated.count
        let legendTop = top + plotHeight + 110
        let height = Int(legendTop + Double(max(speakers.count, 1) - 1) * legendLine + (undated > 0 ? 70 : 24))

        var svg = ""
        // A mark takes about 400 bytes with its quote: one allocation, not
        // a copy at every doubling of ten thousand marks' megabytes.
        svg.reserveCapacity(4_096 + dated.count * 512)
        svg += """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.width) \(height)" width="100%" \
            preserveAspectRatio="xMidYMid meet" font-family="sans-serif">
            <title>\(Self.escape(title))</title>
            <style>
            text { font-size: 16px; fill: #333333; stroke: none }
            .heading { font-size: 22px; font-weight: bold; fill: #000000 }
            .note { fill: #666666 }
            @media (max-width: \(Self.narrowWidth)px) {
              text { font-size: \(Self.narrowFontSize)px }
              .heading { font-size: 42px }
              .minor { display: none }
            }
            </style>
            <rect width="\(Self.width)" height="\(height)" fill="white"/>
            <text class="heading" x="\(Self.n(left))" y="48">\(Self.escape(title))</text>

            """
        // Axes, with five steps of figures and six of dates (three on a phone).
        svg += "<g class=\"axes\" stroke=\"#cccccc\">\n"
        for step in 0...5 {
            let value = ceiling * Double(step) / 5
            svg += "<line x1=\"\(Self.n(left))\" x2=\"\(Self.n(left + plotWidth))\" y1=\"\(Self.n(y(value)))\" y2=\"\(Self.n(y(value)))\"/>\n"
            svg += "<text x=\"\(Self.n(left - 12))\" y=\"\(Self.n(y(value) + 6))\" text-anchor=\"end\">\(Int(value).groupedInThousands)</text>\n"
        }
        for step in 0...5 {
            let day = first + (last - first) * step / 5
            let minor = step % 2 == 1 ? " class=\"minor\"" : ""
            svg += "<line x1=\"\(Self.n(x(day)))\" x2=\"\(Self.n(x(day)))\" y1=\"\(Self.n(top))\" y2=\"\(Self.n(top + plotHeight))\"/>\n"
            svg += "<text\(minor) x=\"\(Self.n(x(day)))\" y=\"\(Self.n(top + plotHeight + 48))\" text-anchor=\"middle\">\(Self.iso(day))</text>\n"
        }
        svg += "</g>\n"
        // One mark per dated claim.
        for (position, day) in zip(dated, days) {
            let record = records[position]
            let claim = record.claim, cx = Self.n(x(day)), c = colour(claim.speaker)
            let tip = "\(claim.speaker ?? "unattributed"), \(record.effectiveDate!.iso) (\(record.dateSource)): \(claim.quote)"
            svg += "<g class=\"mark\" data-claim=\"\(Self.escape(record.id))\" stroke=\"\(c)\" fill=\"\(c)\" stroke-width=\"4\">"
            svg += "<title>\(Self.escape(tip))</title>"
            switch (claim.interval.lower, claim.interval.upper) {
            case let (low?, high?) where low == high:
                svg += "<circle cx=\"\(cx)\" cy=\"\(Self.n(y(Double(low))))\" r=\"8\"/>"
            case let (low?, high?):
                svg += "<line x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(Self.n(y(Double(low))))\" y2=\"\(Self.n(y(Double(high))))\" stroke-width=\"10\"/>"
            case let (low?, nil):
                let from = y(Double(low)), to = from - 44
                svg += "<line x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(Self.n(from))\" y2=\"\(Self.n(to))\"/>"
                svg += "<path d=\"M\(Self.n(x(day) - 9)) \(Self.n(to + 10)) L\(cx) \(Self.n(to)) L\(Self.n(x(day) + 9)) \(Self.n(to + 10)) Z\"/>"
            case let (nil, high?):
                let from = y(Double(high)), to = from + 44
                svg += "<line x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(Self.n(from))\" y2=\"\(Self.n(to))\"/>"
                svg += "<path d=\"M\(Self.n(x(day) - 9)) \(Self.n(to - 10)) L\(cx) \(Self.n(to)) L\(Self.n(x(day) + 9)) \(Self.n(to - 10)) Z\"/>"
            case (nil, nil):
                svg += "<circle cx=\"\(cx)\" cy=\"\(Self.n(y(Double(claim.low))))\" r=\"8\"/>"
            }
            svg += "</g>\n"
        }
        // The legend under the plot, one line per speaker.
        svg += "<g class=\"legend\">\n"
        for (i, speaker) in speakers.enumerated() {
            let ly = legendTop + Double(i) * legendLine
            svg += "<rect x=\"\(Self.n(left))\" y=\"\(Self.n(ly - 26))\" width=\"30\" height=\"30\" fill=\"\(colour(speaker.isEmpty ? nil : speaker))\"/>"
            svg += "<text x=\"\(Self.n(left + 44))\" y=\"\(Self.n(ly))\">\(Self.escape(speaker.isEmpty ? "unattributed" : speaker))</text>\n"
        }
        svg += "</g>\n"
        if undated > 0 {
            svg += "<text class=\"note\" x=\"\(Self.n(left))\" y=\"\(height - 16)\">\(undated) undated claim\(undated == 1 ? "" : "s") not shown</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The middle day of a date's span.
    static func middle(_ date: PartialDate) -> Int { (date.days.lowerBound + date.days.upperBound) / 2 }

    /// The smallest of 1, 2 or 5 times a power of ten at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= value } ?? value
    }

    /// `YYYY-MM-DD` of a day since 1970-01-01.
    static func iso(_ day: Int) -> String {
        let date = CivilDate.date(days: day)
        return PartialDate(year: date.year, month: date.month, day: date.day).iso
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    /// Text safe inside an element or an attribute. Read byte by byte:
    /// every byte it changes is ASCII, and a chart escapes a quote per
    /// mark, which character by character cost a fifth of drawing it.
    static func escape(_ text: String) -> String {
        // XML 1.0 allows no control characters but tab and line breaks.
        func changes(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
        }
        guard text.utf8.contains(where: changes) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "<"): escaped += "&lt;".utf8
            case UInt8(ascii: ">"): escaped += "&gt;".utf8
            case UInt8(ascii: "\""): escaped += "&quot;".utf8
            case _ where changes(byte): escaped.append(UInt8(ascii: " "))
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

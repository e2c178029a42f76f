import ClaimExtraction

/// Draws estimates over time as an SVG: one colour per speaker with a
/// legend, each estimate as its interval (a dot for a figure, a bar for a
/// range, an arrow up for "over"/"at least", down for "up to"/"nearly"),
/// its quote, speaker and date in a `<title>` shown on hover, and axes with
/// dates and thousands separators. It scales to its container (a 1200×600
/// view box), so it reads on a wide screen and on a phone.
///
/// A claim is placed at the middle of its date (``ClaimRecord/effectiveDate``);
/// a claim with no date cannot be, and the chart says how many it left out.
public struct SVGChart: Sendable {
    public static let width = 1200
    public static let height = 600
    /// Colours that stay apart from one another (Tableau 10); an unattributed
    /// claim is grey.
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                          "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf"]

    public var title: String

    public init(title: String) {
        self.title = title
    }

    private let left = 100.0, right = 260.0, top = 50.0, bottom = 60.0

    /// The SVG document for `records`.
    public func render(_ records: [ClaimRecord]) -> String {
        let dated = records.filter { $0.effectiveDate != nil }
        let speakers = Array(Set(dated.map { $0.claim.speaker ?? "" })).sorted { a, b in
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }
        func colour(_ speaker: String?) -> String {
            guard let speaker, let i = speakers.firstIndex(of: speaker) else { return "#888888" }
            return Self.palette[i % Self.palette.count]
        }
        let days = dated.map { Self.middle($0.effectiveDate!) }
        let first = (days.min() ?? 0) - 15, last = max((days.max() ?? 0) + 15, first + 30)
        let ceiling = Self.niceCeiling(dated.map { Double($0.claim.interval.upper ?? $0.claim.interval.lower ?? $0.claim.low) }.max() ?? 1)
        let plotWidth = Double(Self.width) - left - right, plotHeight = Double(Self.height) - top - bottom
        func x(_ day: Int) -> Double { left + plotWidth * Double(day - first) / Double(last - first) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, ceiling) / ceiling) }

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.width) \(Self.height)" width="100%" \
            preserveAspectRatio="xMidYMid meet" font-family="sans-serif" font-size="14">
            <title>\(Self.escape(title))</title>
            <rect width="\(Self.width)" height="\(Self.height)" fill="white"/>
            <text x="\(left)" y="30" font-size="18" font-weight="bold">\(Self.escape(title))</text>

            """
        // Axes, with five steps of figures and six of dates.
        svg += "<g class=\"axes\" stroke=\"#cccccc\">\n"
        for step in 0...5 {
            let value = ceiling * Double(step) / 5
            svg += "<line x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(Self.n(y(value)))\" y2=\"\(Self.n(y(value)))\"/>\n"
            svg += "<text x=\"\(left - 8)\" y=\"\(Self.n(y(value) + 5))\" text-anchor=\"end\" stroke=\"none\" fill=\"#333333\">\(Int(value).groupedInThousands)</text>\n"
        }
        for step in 0...5 {
            let day = first + (last - first) * step / 5
            svg += "<line x1=\"\(Self.n(x(day)))\" x2=\"\(Self.n(x(day)))\" y1=\"\(top)\" y2=\"\(top + plotHeight)\"/>\n"
            svg += "<text x=\"\(Self.n(x(day)))\" y=\"\(top + plotHeight + 24)\" text-anchor=\"middle\" stroke=\"none\" fill=\"#333333\">\(Self.iso(day))</text>\n"
        }
        svg += "</g>\n"
        // One mark per dated claim.
        for (record, day) in zip(dated, days) {
            let claim = record.claim, cx = Self.n(x(day)), c = colour(claim.speaker)
            let tip = "\(claim.speaker ?? "unattributed"), \(record.effectiveDate!.iso) (\(record.dateSource)): \(claim.quote)"
            svg += "<g class=\"mark\" data-claim=\"\(Self.escape(record.id))\" stroke=\"\(c)\" fill=\"\(c)\" stroke-width=\"3\">"
            svg += "<title>\(Self.escape(tip))</title>"
            switch (claim.interval.lower, claim.interval.upper) {
            case let (low?, high?) where low == high:
                svg += "<circle cx=\"\(cx)\" cy=\"\(Self.n(y(Double(low))))\" r=\"6\"/>"
            case let (low?, high?):
                svg += "<line x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(Self.n(y(Double(low))))\" y2=\"\(Self.n(y(Double(high))))\" stroke-width=\"8\"/>"
            case let (low?, nil):
                let from = y(Double(low)), to = from - 40
                svg += "<line x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(Self.n(from))\" y2=\"\(Self.n(to))\"/>"
                svg += "<path d=\"M\(Self.n(x(day) - 7)) \(Self.n(to + 8)) L\(cx) \(Self.n(to)) L\(Self.n(x(day) + 7)) \(Self.n(to + 8)) Z\"/>"
            case let (nil, high?):
                let from = y(Double(high)), to = from + 40
                svg += "<line x1=\"\(cx)\" x2=\"\(cx)\" y1=\"\(Self.n(from))\" y2=\"\(Self.n(to))\"/>"
                svg += "<path d=\"M\(Self.n(x(day) - 7)) \(Self.n(to - 8)) L\(cx) \(Self.n(to)) L\(Self.n(x(day) + 7)) \(Self.n(to - 8)) Z\"/>"
            case (nil, nil):
                svg += "<circle cx=\"\(cx)\" cy=\"\(Self.n(y(Double(claim.low))))\" r=\"6\"/>"
            }
            svg += "</g>\n"
        }
        // The legend, one line per speaker.
        svg += "<g class=\"legend\">\n"
        for (i, speaker) in speakers.enumerated() {
            let ly = top + 10 + Double(i) * 24
            svg += "<rect x=\"\(Double(Self.width) - right + 20)\" y=\"\(Self.n(ly - 11))\" width=\"14\" height=\"14\" fill=\"\(colour(speaker.isEmpty ? nil : speaker))\"/>"
            svg += "<text x=\"\(Double(Self.width) - right + 42)\" y=\"\(Self.n(ly + 1))\">\(Self.escape(speaker.isEmpty ? "unattributed" : speaker))</text>\n"
        }
        svg += "</g>\n"
        let undated = records.count - dated.count
        if undated > 0 {
            svg += "<text x=\"\(left)\" y=\"\(Self.height - 10)\" fill=\"#666666\">\(undated) undated claim\(undated == 1 ? "" : "s") not shown</text>\n"
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

    /// Text safe inside an element or an attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default:
                // XML 1.0 allows no control characters but tab and line breaks.
                if let ascii = character.asciiValue, ascii < 0x20, ascii != 0x09, ascii != 0x0A, ascii != 0x0D {
                    escaped += " "
                } else {
                    escaped.append(character)
                }
            }
        }
        return escaped
    }
}

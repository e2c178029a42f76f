/// Dates a document from its text alone: its front matter (`Published:
/// 2023-01-20`), else a dateline ("(10th November)" on a line of its own,
/// "KYIV, Jan 20 (Reuters) -", "Published 12 March 2023, 14:05 GMT").
/// When none is found the date is unknown: the file's modification time is
/// when it was copied, never when it was published.
///
/// A dateline without a year takes the year an analyst would give it: the
/// latest year the text names, no earlier than the conflict's start; when
/// the lead names the day of the week ("said Wednesday"), the year in which
/// the dateline falls on it.
struct PublicationDater {
    let lexicon: LexiconView

    /// The publication date and where it was read; nil when the text does
    /// not date itself.
    ///
    /// - Parameters:
    ///   - frontMatter: the document's front matter, if it has one.
    ///   - scopes: its sentences.
    ///   - dates: the dates of each sentence.
    func date(
        frontMatter: FrontMatter?, scopes: [SentenceScope], dates: [[DateExpression]]
    ) -> (date: PartialDate, source: DateSource)? {
        if let value = frontMatter?.value("published", "date", "published_at", "date_published", "updated"),
           let date = parse(value, dates: dates) {
            return (date, .frontMatter)
        }
        if let date = dateline(scopes, dates: dates) {
            return (date, .dateline)
        }
        return nil
    }

    private func parse(_ value: String, dates: [[DateExpression]]) -> PartialDate? {
        if let iso = PartialDate(iso: value.prefix(10)), value.count == 10 || value.count > 10 && !value.dropFirst(10).first!.isNumber {
            return iso
        }
        var bytes = Array(value.utf8)
        bytes.append(0x20)
        return bytes.withUnsafeBufferPointer { buffer in
            let tokens = Tokenizer(tables: lexicon.tables).tokenize(buffer)
            return tokens.withUnsafeBufferPointer { tokenBuffer in
                let expressions = DateReader(lexicon: lexicon).read(tokenBuffer, in: 0..<tokenBuffer.count)
                for expression in expressions {
                    if let date = calendar(expression, dates: dates) { return date }
                }
                return nil
            }
        }
    }

    /// A date on a line of its own at the top or bottom of the text, or
    /// opening the first paragraph before the agency's name.
    private func dateline(_ scopes: [SentenceScope], dates: [[DateExpression]]) -> PartialDate? {
        var candidates = Array(scopes.indices.prefix(3))
        // A saved page's date line under its menus and byline: a line of
        // its own, a screen or two from the top.
        for index in scopes.indices.prefix(PublicationDater.pageTop).dropFirst(3) where scopes[index].isLine {
            candidates.append(index)
        }
        for index in scopes.indices.suffix(2) where !candidates.contains(index) { candidates.append(index) }
        for index in candidates {
            let scope = scopes[index]
            for expression in dates[index] where !expression.isAnchor {
                guard isDateline(scope, expression) else { continue }
                if let date = calendar(expression, dates: dates, weekday: leadWeekday(after: index, dates: dates)) {
                    return date
                }
            }
        }
        return nil
    }

    private func isDateline(_ scope: SentenceScope, _ expression: DateExpression) -> Bool {
        guard case .calendar(_, let month, _) = expression.value, month != nil else { return false }
        // "KYIV, Jan 20 (Reuters) -": a place, the date, then the agency or a dash.
        if expression.start - scope.range.lowerBound <= 6, expression.end < scope.range.upperBound {
            let next = scope[expression.end]
            let lead = (scope.range.lowerBound..<expression.start).allSatisfy {
                scope[$0].has(.capitalized) || scope[$0].mark == .comma || PublicationDater.datelineWords.contains(scope[$0].hash)
            }
            // "LUGANSK, January 12. /TASS/.": the agency between slashes.
            let slashed = next.mark == .period && expression.end + 1 < scope.range.upperBound
                && scope[expression.end + 1].mark == .slash
            if lead, next.mark == .openParen || next.mark == .dash || slashed, expression.start > scope.range.lowerBound {
                return true
            }
            // "Nov 18 (Reuters) -": no place, the agency in brackets and a dash.
            if expression.start == scope.range.lowerBound, next.mark == .openParen,
               let close = (expression.end..<min(scope.range.upperBound, expression.end + 5)).first(where: { scope[$0].mark == .closeParen }),
               close + 1 < scope.range.upperBound, scope[close + 1].mark == .dash || scope[close + 1].mark == .hyphen,
               expression.end + 1 < close, scope[expression.end + 1].has(.capitalized) {
                return true
            }
        }
        // "Today, 2 October 2025, another exchange took place": the day a
        // statement opens with as its own.
        if case .calendar(.some, .some, .some) = expression.value, expression.start == scope.range.lowerBound + 2,
           scope[scope.range.lowerBound].hash == PublicationDater.today, scope[scope.range.lowerBound + 1].mark == .comma {
            return true
        }
        // "Ukraine: civilian casualty update, 10 October 2024": a headline
        // line that ends with a full date after a comma, dash or bar (and
        // the day of the week: "Kyiv, Thursday 27 June 2024").
        var opening = expression.start - 1
        if opening > scope.range.lowerBound, scope.lexicon.entry(of: scope[opening]).map({ $0.weekday > 0 }) == true { opening -= 1 }
        if case .calendar(.some, .some, .some) = expression.value, expression.end == scope.range.upperBound
            || (expression.end + 1 == scope.range.upperBound && scope[expression.end].isPunctuation),
           opening >= scope.range.lowerBound, scope.isLine,
           scope[opening].mark == .comma || scope[opening].mark == .dash || scope[opening].mark == .other {
            return true
        }
        // A line that is only a date, with words like "Published" or a time
        // (not the date ending a reference: "… Reuters. 20 February 2024."),
        // after a byline when a label says what the date is ("TOI World
        // Desk / Updated: Jan 17, 2025, 22:41 IST").
        guard scope.opensLine else { return false }
        let label = (max(scope.range.lowerBound, expression.start - 6)..<expression.start).last {
            PublicationDater.labels.contains(scope[$0].hash) || scope[$0].mark == .other
        }
        guard scope.range.count <= 12 || (label != nil && scope.range.count <= 24) else { return false }
        for k in (label ?? scope.range.lowerBound)..<scope.range.upperBound where k < expression.start || k >= expression.end {
            let token = scope[k]
            // "Published 2 January 2026 | Figures as of …": a bar closes
            // the date's field.
            if k >= expression.end, token.mark == .other { break }
            switch token.kind {
            case .punctuation, .number:
                continue
            case .code where k > scope.range.lowerBound && scope[k - 1].mark == .colon || isClockTime(scope, k):
                // "5:12am", "15:48:22".
                continue
            case .word:
                if PublicationDater.datelineWords.contains(token.hash) { continue }
                if let entry = scope.lexicon.entry(of: token), entry.weekday > 0 { continue }
                return false
            default:
                return false
            }
        }
        return true
    }

    /// Whether token `k` is a time of day written as one: "15:48:22".
    private func isClockTime(_ scope: SentenceScope, _ k: Int) -> Bool {
        let token = scope[k]
        let bytes = scope.bytes[Int(token.start)..<Int(token.end)]
        return bytes.contains(UInt8(ascii: ":")) && bytes.allSatisfy { $0 == UInt8(ascii: ":") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// A calendar date, its year inferred when the text leaves it out.
    ///
    /// - Parameter weekday: the day of the week the lead names ("said
    ///   Wednesday"), if any: "SEOUL, April 30 (Yonhap) -- … said
    ///   Wednesday" is in the year whose April 30 is a Wednesday.
    private func calendar(_ expression: DateExpression, dates: [[DateExpression]], weekday: Int? = nil) -> PartialDate? {
        guard case .calendar(let year, let month, let day) = expression.value, let month else { return nil }
        if let year { return DateResolver(reference: nil).resolve(.calendar(year: year, month: month, day: day)) }
        let began = lexicon.conflict.began
        let context = contextYear(dates)
        let inferred = DateResolver.year(month: month, day: day, context: context ?? began.year, onOrAfter: began)
        if let weekday, let day {
            // The years the text leaves open: the one it names latest and
            // the next; failing those (the year named is that of a past
            // event: "since the February 2022 invasion"), or naming none,
            // the six since the conflict began, in which a day of the year
            // falls on each weekday once at most.
            let first = DateResolver.year(month: month, day: day, context: began.year, onOrAfter: began)
            let open = (context == nil ? [] : [inferred, inferred + 1]) + Array(first..<first + 6)
            if let matching = open.first(where: {
                CivilDate.isValid(year: $0, month: month, day: day)
                    && CivilDate.weekday(days: CivilDate.days(year: $0, month: month, day: day)) == weekday
            }) {
                return PartialDate(year: matching, month: month, day: day)
            }
        }
        return PartialDate(year: inferred, month: month, day: day)
    }

    /// The day of the week the dateline's sentence or the one after it
    /// names, if either names one ("said Wednesday", "on Sunday").
    private func leadWeekday(after index: Int, dates: [[DateExpression]]) -> Int? {
        for sentence in dates[index..<min(index + 2, dates.count)] {
            for expression in sentence {
                if case .weekday(let weekday) = expression.value { return weekday }
            }
        }
        return nil
    }

    /// The year a date without one falls in, in a text that does not date
    /// itself: the latest year its dates name since the conflict began;
    /// nil when they name none.
    ///
    /// - Parameter dates: the dates of each sentence.
    func contextYear(_ dates: [[DateExpression]]) -> Int? {
        var latest: Int?
        let began = lexicon.conflict.began.year
        for sentence in dates {
            for found in sentence {
                if case .calendar(let named?, _, _) = found.value, named >= began, named > (latest ?? 0) {
                    latest = named
                }
            }
        }
        return latest
    }

    /// How many sentences from the top a saved page's date line may stand.
    static let pageTop = 30
    static let today = WordHash.of("today")
    static let labels = WordSet(["published", "updated", "posted", "issued", "modified", "update"].map(WordHash.of))

    static let datelineWords = WordSet([
        "published", "updated", "posted", "issued", "modified", "update", "last", "on", "at", "am", "pm", "a.m", "p.m",
        "by", "and", "first",
        // Time zones.
        "gmt", "utc", "et", "edt", "est", "ct", "cdt", "cst", "pt", "pdt", "pst", "bst", "cet", "cest", "eet", "eest",
        "msk", "ist", "pkt", "gst", "eat", "wat", "cat", "sast", "ict", "wib", "sgt", "hkt", "jst", "kst", "aest", "aedt",
    ].map(WordHash.of))
}

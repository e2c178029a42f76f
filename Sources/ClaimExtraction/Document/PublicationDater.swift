import Foundation

/// Dates a document: from its front matter (`Published: 2023-01-20`), else
/// from a dateline in the text ("(10th November)" on a line of its own,
/// "KYIV, Jan 20 (Reuters) -"), else from the file's modification time.
///
/// A dateline without a year takes the year an analyst would give it: the
/// latest year the text names, no earlier than the conflict's start, and
/// not after the file was written.
struct PublicationDater {
    let lexicon: LexiconView

    /// The publication date and where it was read.
    func date(
        frontMatter: FrontMatter?, scopes: [SentenceScope], modified: Date?
    ) -> (date: PartialDate, source: DateSource)? {
        let fileDate = modified.map(PublicationDater.day)
        if let value = frontMatter?.value("published", "date", "published_at", "date_published", "updated"),
           let date = parse(value, scopes: scopes, fileDate: fileDate) {
            return (date, .frontMatter)
        }
        if let date = dateline(scopes, fileDate: fileDate) {
            return (date, .dateline)
        }
        return fileDate.map { ($0, .fileModified) }
    }

    /// The UTC calendar day of `date`.
    static func day(_ date: Date) -> PartialDate {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let civil = CivilDate.date(days: days)
        return PartialDate(year: civil.year, month: civil.month, day: civil.day)
    }

    private func parse(_ value: String, scopes: [SentenceScope], fileDate: PartialDate?) -> PartialDate? {
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
                    if let date = calendar(expression, scopes: scopes, fileDate: fileDate) { return date }
                }
                return nil
            }
        }
    }

    /// A date on a line of its own at the top or bottom of the text, or
    /// opening the first paragraph before the agency's name.
    private func dateline(_ scopes: [SentenceScope], fileDate: PartialDate?) -> PartialDate? {
        var candidates = Array(scopes.indices.prefix(3))
        for index in scopes.indices.suffix(2) where !candidates.contains(index) { candidates.append(index) }
        let reader = DateReader(lexicon: lexicon)
        for index in candidates {
            let scope = scopes[index]
            for expression in reader.read(scope.tokens, in: scope.range) where !expression.isAnchor {
                guard isDateline(scope, expression) else { continue }
                if let date = calendar(expression, scopes: scopes, fileDate: fileDate) { return date }
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
            if lead, next.mark == .openParen || next.mark == .dash, expression.start > scope.range.lowerBound {
                return true
            }
        }
        // A line that is only a date, with words like "Published" or a time.
        guard scope.range.count <= 12 else { return false }
        for k in scope.range where k < expression.start || k >= expression.end {
            let token = scope[k]
            switch token.kind {
            case .punctuation, .number:
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

    /// A calendar date, its year inferred when the text leaves it out.
    private func calendar(_ expression: DateExpression, scopes: [SentenceScope], fileDate: PartialDate?) -> PartialDate? {
        guard case .calendar(let year, let month, let day) = expression.value, let month else { return nil }
        if let year { return DateResolver(reference: nil).resolve(.calendar(year: year, month: month, day: day)) }
        let began = lexicon.conflict.began
        var latest = began.year
        let reader = DateReader(lexicon: lexicon)
        for scope in scopes {
            for found in reader.read(scope.tokens, in: scope.range) {
                if case .calendar(let named?, _, _) = found.value, named > latest, named <= (fileDate?.year ?? Int.max) {
                    latest = named
                }
            }
        }
        var candidate = latest
        if PartialDate(year: candidate, month: month, day: day) < began { candidate += 1 }
        if let fileDate, PartialDate(year: candidate, month: month, day: day) > fileDate {
            candidate = max(began.year, PartialDate(year: fileDate.year, month: month, day: day) > fileDate ? fileDate.year - 1 : fileDate.year)
        }
        return PartialDate(year: candidate, month: month, day: day)
    }

    static let datelineWords: Set<UInt64> = Set([
        "published", "updated", "posted", "last", "on", "at", "am", "pm", "a.m", "p.m", "gmt", "utc", "edt",
        "est", "bst", "cet", "cest", "ist", "msk", "eet", "eest", "by", "and", "first",
    ].map(WordHash.of))
}

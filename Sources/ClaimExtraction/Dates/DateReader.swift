/// Finds the dates a sentence writes: "20 January 2023", "January 20, 2023",
/// "Feb. 24", "(10th November)", "in September 2022", "2023-01-20", "on
/// Friday", "last month", "yesterday", "in 2022". It also tells a date that
/// bounds a period or dates an event ("since February 24", "launched its
/// offensive on February 24") from one that says when something was said.
struct DateReader {
    let lexicon: LexiconView

    /// The dates in `tokens[range]`, in order, none overlapping.
    func read(_ tokens: UnsafeBufferPointer<Token>, in range: Range<Int>) -> [DateExpression] {
        var found: [DateExpression] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let token = tokens[i]
            let candidate = token.kind == .number || token.kind == .ordinal
                || (token.entry >= 0 && lexicon.entries[Int(token.entry)].isDateWord)
            if candidate, var expression = expression(tokens, at: i, in: range) {
                // "between January and early June", "from 24 February to 1
                // March": the second end of a period is a bound too.
                if !expression.isAnchor, let previous = found.last, previous.isAnchor,
                   continuesPeriod(tokens, from: previous.end, to: expression.start) {
                    expression.isAnchor = true
                }
                found.append(expression)
                i = expression.end
            } else {
                i += 1
            }
        }
        return found
    }

    private func expression(_ tokens: UnsafeBufferPointer<Token>, at i: Int, in range: Range<Int>) -> DateExpression? {
        let end = range.upperBound
        let token = tokens[i]
        var value: DateExpression.Value?
        var last = i
        // "September 16-23": a span of days, the period of a count.
        var isPeriod = false
        if token.kind == .number, let iso = isoDate(tokens, at: i, end: end) ?? numericDate(tokens, at: i, end: end) {
            value = iso.value
            last = iso.last
        } else if let month = month(tokens[i]) {
            var day: Int?
            var year: Int?
            var k = i + 1
            if k < end, let d = dayNumber(tokens[k]) {
                day = d
                last = k
                k += 1
            }
            if k < end, tokens[k].mark == .comma, day != nil { k += 1 }
            if k < end, let y = yearNumber(tokens[k]) {
                year = y
                last = k
            }
            value = monthValue(month: month, day: day, year: year, tokens, last: &last, end: end)
            if day != nil, spansDays(tokens, after: last, end: end) { isPeriod = true }
        } else if let day = dayNumber(token) {
            var k = i + 1
            if k < end, tokens[k].keyword == .of { k += 1 }
            // "19-Feb-2024".
            let hyphenated = k + 1 < end && tokens[k].mark == .hyphen && !tokens[k].has(.spaceBefore) && !tokens[k + 1].has(.spaceBefore)
            if hyphenated { k += 1 }
            guard k < end, let month = month(tokens[k]) else {
                // "on the 1st": a day of the month the reference falls in.
                guard token.kind == .ordinal, i > range.lowerBound, tokens[i - 1].keyword == .the else { return nil }
                return DateExpression(
                    start: i, end: i + 1, value: .dayOfMonth(day),
                    isAnchor: isAnchor(tokens, before: i, floor: range.lowerBound))
            }
            last = k
            var year: Int?
            var y = k + 1
            if y < end, tokens[y].mark == .comma || hyphenated && tokens[y].mark == .hyphen { y += 1 }
            if y < end, let number = yearNumber(tokens[y]) {
                year = number
                last = y
            }
            value = monthValue(month: month, day: day, year: year, tokens, last: &last, end: end)
        } else if token.isWord, let entry = lexicon.entry(of: token), entry.weekday > 0, token.has(.capitalized) {
            value = .weekday(Int(entry.weekday))
        } else if token.keyword == .that || token.hash == DateReader.same {
            // "the same day", "that month", "(later) that year".
            guard i + 1 < end, let precision = DateReader.spans[tokens[i + 1].hash] else { return nil }
            return DateExpression(
                start: i, end: i + 2, value: .earlier(precision), isAnchor: isAnchor(tokens, before: i, floor: range.lowerBound))
        } else if token.keyword == .today {
            value = .today
        } else if token.keyword == .yesterday {
            value = .yesterday
        } else if DateReader.spansOfHours.contains(token.hash) {
            // "a few minutes ago", "two hours ago": the day of writing.
            guard i + 1 < end, tokens[i + 1].hash == DateReader.ago else { return nil }
            return DateExpression(start: i, end: i + 2, value: .today, isAnchor: false, isTimeOfDay: true)
        } else if token.keyword == .last || token.keyword == .this || token.keyword == .earlier {
            var k = i + 1
            var isThis = token.keyword == .this
            if token.keyword == .earlier {
                guard k < end, tokens[k].keyword == .this else { return nil }
                isThis = true
                k += 1
            }
            guard k < end else { return nil }
            // "this morning", "earlier this evening": the day of writing;
            // "last night": the day before.
            if tokens[k].isWord, isThis && DateReader.partsOfDay.contains(tokens[k].hash)
                || token.keyword == .last && tokens[k].hash == DateReader.night {
                return DateExpression(
                    start: i, end: k + 1, value: isThis ? .today : .yesterday,
                    isAnchor: isAnchor(tokens, before: i, floor: range.lowerBound), isTimeOfDay: true)
            }
            // "last Sunday": the one before the day of writing, even on a Sunday.
            if token.keyword == .last, tokens[k].isWord, let entry = lexicon.entry(of: tokens[k]), entry.weekday > 0 {
                value = .previousWeekday(Int(entry.weekday))
                last = k
                return DateExpression(start: i, end: last + 1, value: value!, isAnchor: isAnchor(tokens, before: i, floor: range.lowerBound))
            }
            switch tokens[k].keyword {
            case .week: value = isThis ? .thisWeek : .lastWeek
            case .month: value = isThis ? .thisMonth : .lastMonth
            case .year: value = isThis ? .thisYear : .lastYear
            default: return nil
            }
            last = k
        } else if token.kind == .number, let year = yearNumber(token), i > range.lowerBound,
                  tokens[i - 1].keyword.leadsYear {
            value = .calendar(year: year, month: nil, day: nil)
        }
        guard let value else { return nil }
        return DateExpression(
            start: i, end: last + 1, value: value,
            isAnchor: isPeriod || isAnchor(tokens, before: i, floor: range.lowerBound))
    }

    /// A month (and day) with the year written after it, or named relative
    /// to the reference or to a year given before ("July this year", "in
    /// November of that year"); `last` moves past the words read.
    private func monthValue(
        month: Int, day: Int?, year: Int?, _ tokens: UnsafeBufferPointer<Token>, last: inout Int, end: Int
    ) -> DateExpression.Value {
        guard year == nil, let relative = relativeYear(tokens, after: last, end: end) else {
            return .calendar(year: year, month: month, day: day)
        }
        last = relative.last
        return relative.back < 0 ? .monthOfEarlierYear(month: month, day: day) : .monthOfYear(month: month, day: day, yearsBack: relative.back)
    }

    /// "this year", "last year" right after a month: the year it falls in
    /// (`back` -1 for "that year" or "of that year": a year given before).
    private func relativeYear(_ tokens: UnsafeBufferPointer<Token>, after last: Int, end: Int) -> (back: Int, last: Int)? {
        var k = last + 1
        if k < end, tokens[k].keyword == .of { k += 1 }
        guard k + 1 < end, tokens[k + 1].keyword == .year else { return nil }
        switch tokens[k].keyword {
        case .this where k == last + 1: return (0, k + 1)
        case .last where k == last + 1: return (1, k + 1)
        case .that: return (-1, k + 1)
        default: return nil
        }
    }

    /// Whether a day is the first of a span of days: "16-23", "16 to 23".
    private func spansDays(_ tokens: UnsafeBufferPointer<Token>, after last: Int, end: Int) -> Bool {
        let k = last + 1
        guard k + 1 < end, tokens[k].mark == .hyphen || tokens[k].mark == .dash || tokens[k].keyword == .to else { return false }
        return dayNumber(tokens[k + 1]) != nil
    }

    /// Whether the words between two dates join them into one period:
    /// "and", "to", "until" or a dash, with "early", "the" and the like.
    private func continuesPeriod(_ tokens: UnsafeBufferPointer<Token>, from start: Int, to end: Int) -> Bool {
        guard start < end, end - start <= 4 else { return false }
        var joined = false
        for k in start..<end {
            let token = tokens[k]
            if token.keyword == .and || token.keyword == .to || token.keyword.boundsPeriod
                || token.mark == .hyphen || token.mark == .dash {
                joined = true
            } else if !token.keyword.leadsDate, token.keyword != .at, !(token.kind == .number || token.isWord && lexicon.english(token).contains(.function)) {
                return false
            }
        }
        return joined
    }

    /// Whether a date bounds a period or dates an event rather than a
    /// statement: "since February 24", "from May", or a clause that says
    /// since or after what ("since Russia launched its offensive on
    /// February 24").
    private func isAnchor(_ tokens: UnsafeBufferPointer<Token>, before start: Int, floor: Int) -> Bool {
        var k = start - 1
        while k >= floor, tokens[k].keyword.leadsDate { k -= 1 }
        if k >= floor, lexicon.english(tokens[k]).contains(.periodBoundary) { return true }
        // "as of March 19", "as at 1 June": the day a count stands at.
        if k >= floor, tokens[k].keyword == .as, k + 1 < start, tokens[k + 1].keyword == .of { return true }
        if k > floor, tokens[k].keyword == .at, tokens[k - 1].keyword == .as { return true }
        // "in the first ten days of September": a stretch of the month counted.
        if start - 2 >= floor, tokens[start - 1].keyword == .of, DateReader.stretches.contains(tokens[start - 2].hash) { return true }
        var words = 0
        while k >= floor, words < 15 {
            let token = tokens[k]
            switch token.mark {
            case .comma, .semicolon, .colon, .period, .dash, .openParen, .exclamation, .question:
                return false
            default:
                break
            }
            if token.keyword.opensClause { return false }
            if token.keyword.boundsPeriod || lexicon.english(token).contains(.event) { return true }
            if token.isWord { words += 1 }
            k -= 1
        }
        return false
    }


    private func isoDate(_ tokens: UnsafeBufferPointer<Token>, at i: Int, end: Int) -> (value: DateExpression.Value, last: Int)? {
        guard i + 4 < end, let year = yearNumber(tokens[i]),
              tokens[i + 1].mark == .hyphen, tokens[i + 2].kind == .number, tokens[i + 2].digits == 2,
              tokens[i + 3].mark == .hyphen, tokens[i + 4].kind == .number, tokens[i + 4].digits == 2,
              !tokens[i + 1].has(.spaceBefore), !tokens[i + 3].has(.spaceBefore)
        else { return nil }
        let month = Int(tokens[i + 2].value), day = Int(tokens[i + 4].value)
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        return (.calendar(year: year, month: month, day: day), i + 4)
    }

    /// "06.03.2024", "24.02.22" (day first, as Europe writes it), and
    /// "21/11/2025" or "6/14/2022" when the day is the number above 12; a
    /// date with slashes that could be either is no date.
    private func numericDate(_ tokens: UnsafeBufferPointer<Token>, at i: Int, end: Int) -> (value: DateExpression.Value, last: Int)? {
        guard i + 4 < end, tokens[i].digits <= 2, tokens[i + 2].kind == .number, tokens[i + 2].digits <= 2,
              tokens[i + 4].kind == .number, tokens[i + 4].digits == 2 || tokens[i + 4].digits == 4,
              !tokens[i].has(.grouped), !tokens[i + 2].has(.grouped), !tokens[i + 4].has(.grouped),
              (1...4).allSatisfy({ !tokens[i + $0].has(.spaceBefore) })
        else { return nil }
        let mark = tokens[i + 1].mark
        // ("26-02-2024": day first, with the year whole, as a page prints it.)
        guard mark == .period || mark == .slash || mark == .hyphen && tokens[i + 4].digits == 4, tokens[i + 3].mark == mark
        else { return nil }
        let first = Int(tokens[i].value), second = Int(tokens[i + 2].value)
        var year = Int(tokens[i + 4].value)
        if tokens[i + 4].digits == 2 { year += 2000 }
        let day: Int, month: Int
        if mark == .period || mark == .hyphen || first > 12 {
            (day, month) = (first, second)
        } else if second > 12 {
            (day, month) = (second, first)
        } else {
            return nil
        }
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        return (.calendar(year: year, month: month, day: day), i + 4)
    }

    private func month(_ token: Token) -> Int? {
        guard token.isWord, token.has(.capitalized), let entry = lexicon.entry(of: token), entry.month > 0 else { return nil }
        return Int(entry.month)
    }

    func dayNumber(_ token: Token) -> Int? {
        guard token.kind == .number || token.kind == .ordinal, !token.has(.grouped), token.digits <= 2 else { return nil }
        let day = Int(token.value)
        guard Double(day) == token.value, (1...31).contains(day) else { return nil }
        return day
    }

    private static let same = WordHash.of("same")
    private static let spans: [UInt64: PartialDate.Precision] = [
        WordHash.of("day"): .day, WordHash.of("week"): .month, WordHash.of("month"): .month, WordHash.of("year"): .year,
    ]
    private static let partsOfDay = WordSet(["morning", "afternoon", "evening"].map(WordHash.of))
    private static let spansOfHours = WordSet(["minutes", "hours"].map(WordHash.of))
    private static let night = WordHash.of("night")
    private static let ago = WordHash.of("ago")

    private static let stretches = WordSet(["days", "weeks", "week", "half", "quarter", "fortnight"].map(WordHash.of))

    func yearNumber(_ token: Token) -> Int? {
        guard token.kind == .number, !token.has(.grouped), token.digits == 4 else { return nil }
        let year = Int(token.value)
        guard Double(year) == token.value, (1900...2100).contains(year) else { return nil }
        return year
    }
}

/// A table written with pipes, as wikis and Markdown print them:
///
///     Source | Russian military losses | Ukrainian military losses | As of
///     CSIS | 790,000–900,000 casualties | c. 400,000 casualties | May 2025
///
/// Its header line names whose losses each column counts; each row's first
/// cell names the row's source (`CueReader` reads it as a cue).
struct PipeTable {
    /// Each column's heading; nil for a column that names no side.
    var columns: [Heading?]

    /// The header `cells` of `scope` make, if they name any side at all.
    init?(header scope: SentenceScope, cells: [Range<Int>]) {
        columns = cells.map { Heading(naming: SentenceScope(tokens: scope.tokens, range: $0, lexicon: scope.lexicon, bytes: scope.bytes)) }
        guard columns.contains(where: { $0 != nil }) else { return nil }
    }

    /// The cells of a line written with pipes, as token ranges between them
    /// (a pipe may also open and close the line); nil for a sentence that
    /// is not such a line.
    static func cells(_ scope: SentenceScope) -> [Range<Int>]? {
        // ("--- | ---": the sentence leaves out the dash that opens the line.)
        let lower = scope.range.lowerBound
        guard scope.isLine || lower > 0 && scope.tokens[lower - 1].mark == .bullet && scope.tokens[lower - 1].has(.lineBefore)
        else { return nil }
        var cells: [Range<Int>] = []
        var start = scope.range.lowerBound
        for k in scope.range where scope[k].hash == pipe {
            if k > scope.range.lowerBound { cells.append(start..<k) }
            start = k + 1
        }
        guard !cells.isEmpty else { return nil }
        if start < scope.range.upperBound { cells.append(start..<scope.range.upperBound) }
        return cells
    }

    /// Whether the cells are a rule under the header ("---|---"): nothing
    /// but punctuation.
    static func isRule(_ scope: SentenceScope, cells: [Range<Int>]) -> Bool {
        cells.allSatisfy { cell in cell.allSatisfy { scope[$0].kind == .punctuation } }
    }

    static let pipe = Tokenizer.Symbol.base | 0x100 | UInt64(UInt8(ascii: "|"))
}

import Foundation

/// Finds the loss estimates in a document.
///
/// The pipeline reads the text in stages, each a type of its own:
/// document (front matter, dateline) → sentences → numbers → qualifiers →
/// subject (side, population, metric) → attribution (speaker, outlet) →
/// dates (when the estimate was stated).
///
/// - Important: `extract` is a pure function of the document and the
///   lexicon: no I/O, no clock. A document whose text does not date it has
///   no publication date, and its relative dates ("on Monday") stay unknown.
public struct ClaimExtractor: Sendable {
    /// Recorded with every claim, so that a claim names the code that found it.
    public static let version = "2.13.0"

    /// The words the extractor reads.
    public let lexicon: Lexicon
    private let owner: CompiledLexicon

    /// An extractor reading with `lexicon`; compiling it into lookup tables
    /// is done once, here.
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        owner = CompiledLexicon(lexicon)
    }

    /// The claims in `document`, in the order of their sentences, with the
    /// document's publication date and front matter.
    public func extract(_ document: Document) -> Extraction {
        if let extraction = document.text.utf8.withContiguousStorageIfAvailable({ extract($0) }) {
            return extraction
        }
        return Array(document.text.utf8).withUnsafeBufferPointer { extract($0) }
    }

    private func extract(_ bytes: UnsafeBufferPointer<UInt8>) -> Extraction {
        // The view points into memory the owner frees: keep it alive while reading.
        withExtendedLifetime(owner) {
            // A page's markup is read as the text a reader sees; the spans
            // still point into the document's own bytes.
            guard let markup = MarkupText.reduce(bytes, from: FrontMatter.read(bytes)?.body ?? 0) else {
                return read(bytes, compiled: owner.view)
            }
            var extraction = markup.bytes.withUnsafeBufferPointer { read($0, compiled: owner.view) }
            for k in extraction.claims.indices {
                extraction.claims[k].span = markup.original(extraction.claims[k].span)
            }
            return extraction
        }
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>, compiled: LexiconView) -> Extraction {
        let frontMatter = FrontMatter.read(bytes)
        let body = frontMatter?.body ?? 0
        return Tokenizer(tables: compiled.tables).withTokens(bytes, from: body) { tokens in
            let sentences = SentenceSplitter(lexicon: compiled).split(tokens, bytes: bytes, body: body)
            let scopes = sentences.map { SentenceScope(tokens: tokens, range: $0.tokens, lexicon: compiled, bytes: bytes) }
            // The dater, the figures and attribution all ask for sentences'
            // dates, most sentences more than once: read each once.
            let dateReader = DateReader(lexicon: compiled)
            let dates = scopes.map { dateReader.read($0.tokens, in: $0.range) }
            let dater = PublicationDater(lexicon: compiled)
            let published = dater.date(frontMatter: frontMatter, scopes: scopes, dates: dates)
            var extraction = Extraction(
                published: published?.date, publishedFrom: published?.source,
                source: frontMatter?.value("source", "outlet", "publisher"), url: frontMatter?.value("url", "link"))
            var resolver = AttributionResolver(lexicon: compiled, tokens: tokens, bytes: bytes, sentences: sentences, dates: dates)
            let readings = readFigures(scopes, sentences: sentences, dates: dates, resolver: &resolver, compiled: compiled)
            // An undated text is no older than the latest event it names.
            let began = published == nil ? EraReader(compiled.conflict.eras).latestStart(in: scopes).map {
                max($0, compiled.conflict.began)
            } ?? compiled.conflict.began : compiled.conflict.began
            extraction.claims = ClaimAssembler(
                lexicon: compiled, bytes: bytes, sentences: sentences, dates: DateResolver(
                    reference: published?.date, source: published?.source,
                    contextYear: published == nil ? max(dater.contextYear(dates) ?? began.year, began.year) : nil,
                    began: began)
            ).claims(readings, resolver: &resolver)
            return extraction
        }
    }

    /// Numbers, qualifiers and subjects, sentence by sentence.
    private func readFigures(
        _ scopes: [SentenceScope], sentences: [Sentence], dates sentenceDates: [[DateExpression]],
        resolver: inout AttributionResolver, compiled: LexiconView
    ) -> [ClaimAssembler.SentenceFigures] {
        let numberReader = NumberReader()
        let qualifierReader = QualifierReader()
        let subjectReader = SubjectReader()
        let anaphoraReader = AnaphoraReader()
        var found: [ClaimAssembler.SentenceFigures] = []
        // Whose losses of whom the last figures counted, and where.
        var context: (sentence: Int, topic: Topic)?
        // The heading over rows of a table or a list, until prose resumes.
        var heading: Heading?
        // The last period a figure counted, and where: "over the same period".
        var period: (sentence: Int, rate: Rate)?
        // The column headings of the pipe table being read.
        var table: PipeTable?
        // The paragraph whose figures so far were another war's.
        var otherWar: Int?
        // The side the text last said foreigners serve: "recruited into
        // the Russian army".
        var served: Int?
        let furniture = PageFurniture.lines(scopes)
        for (index, scope) in scopes.enumerated() where !furniture[index] {
            let survey = survey(scope, compiled: compiled)
            if let side = subjectReader.servingSide(scope) { served = side }
            if let cells = PipeTable.cells(scope) {
                if let columns = table, survey.figures, cells.count == columns.columns.count {
                    let figures = tableRow(
                        scope, cells: cells, table: columns, dates: sentenceDates[index], numberReader: numberReader,
                        qualifierReader: qualifierReader, subjectReader: subjectReader)
                    if !figures.isEmpty {
                        resolver.hasFigures[index] = true
                        found.append(.init(sentence: index, figures: figures, repeatsFor: nil))
                    }
                    continue
                }
                if !survey.figures, !PipeTable.isRule(scope, cells: cells) { table = PipeTable(header: scope, cells: cells) }
                if table != nil { continue }
            } else if !scope.isLine {
                table = nil
            }
            if let found = Heading(scope, above: heading) {
                // The rows under a new heading do not continue those before it.
                heading = found
                context = nil
            } else if !scope.isLine {
                heading = nil
            }
            // "Verified civilian casualties, 24 February 2022 – …" over a
            // table of "Killed: 12,456" lines: a heading or a lead-in
            // ending with a colon says whose losses the figures under it count.
            // ("Ukrainian General Staff (daily reports):" names a source
            // over its rows, not whose losses they are.)
            func introduces() {
                guard leadsIn(scope), scope.names(.population) || scope.names(.metric) else { return }
                // ("Civilians (UN Human Rights Monitoring Mission, 2025):":
                // the people it opens with, past the source in brackets.)
                let opening = scope.match(.population, at: scope.range.lowerBound).map { compiled.populations[Int($0.role.value)] }
                guard var topic = subjectReader.topic(scope) ?? opening.map({ Topic(metric: .casualties, sides: [], population: $0) }) else { return }
                if topic.population == nil { topic.population = opening }
                if topic.population != nil || !topic.sides.isEmpty { context = (index, topic) }
            }
            guard survey.figures else {
                if survey.anaphora, let side = anaphoraReader.side(scope) {
                    found.append(.init(sentence: index, figures: [], repeatsFor: side))
                }
                introduces()
                continue
            }
            // "Will Russia reach a million casualties?": a question asserts
            // no figure.
            if scope.isQuestion { continue }
            let dates = sentenceDates[index]
            let mentions = numberReader.read(scope, dates: dates).filter { $0.kind == .count }
            guard !mentions.isEmpty else {
                if let side = anaphoraReader.side(scope) { found.append(.init(sentence: index, figures: [], repeatsFor: side)) }
                introduces()
                continue
            }
            // "In Sudan, fighting … has killed more than 12,000 people. More
            // than 6.7 million people have been displaced": a sentence on
            // another war that names no side of this one is that war's,
            // and so are those after it in its paragraph until one does.
            let paragraph = sentences[index].paragraph
            if scope.names(.side) || scope.names(.jointEach) || scope.names(.jointCombined) || scope.names(.enemy) {
                otherWar = nil
            } else if otherWar == paragraph || scope.names(.otherConflict) || scope.names(.foreignSide) {
                otherWar = paragraph
                continue
            }
            let readings = mentions.map { qualifierReader.read(scope, $0) }
            let previousTopic = index > 0 && sentences[index - 1].paragraph == sentences[index].paragraph
                ? subjectReader.topic(scopes[index - 1]) : nil
            let recent = context.flatMap { index - $0.sentence <= 3 ? $0.topic : nil }
            // "Killed: 120,000; Wounded: 170,000": a row whose label says
            // what it counts, under a heading that says whose.
            let row = scope.isLine && (scope.range.lowerBound..<mentions[0].start).contains { scope[$0].mark == .colon }
            // The side of the people the sentence before was about, for a
            // part of them ("North Korea sent about 11,000 troops … about
            // 4,700 of them had been killed"): the side it says they serve,
            // else whose they are by its clause, else the figures' just before.
            var antecedent: [Int] = []
            if index > 0, subjectReader.mayNamePart(scope) {
                let before = scopes[index - 1]
                let people = numberReader.read(before, dates: sentenceDates[index - 1]).first { $0.kind == .count }
                if let side = subjectReader.servingSide(before) ?? people.flatMap({ subjectReader.clauseSide(before, before: $0.start) }) {
                    antecedent = [side]
                }
            }
            if antecedent.isEmpty, let sides = recent?.sides, !sides.isEmpty, !sides.contains(SentenceScope.enemy) { antecedent = sides }
            let figures = subjectReader.read(
                scope, mentions: mentions, readings: readings, previousTopic: previousTopic, context: recent,
                heading: row ? heading : nil, period: period.flatMap { index - $0.sentence <= 6 ? $0.rate : nil }, dates: dates,
                antecedent: antecedent, servedBefore: served)
            if let rate = figures.last(where: { $0.rate != nil })?.rate { period = (index, rate) }
            if let last = figures.last {
                // ("the enemy has lost 52,000 soldiers … Of them, about
                // 20,000": a part of the enemy's losses is the enemy's.)
                let sides = last.againstSpeaker
                    ? [SentenceScope.enemy] : (last.sides ?? last.contextSides ?? []).compactMap { compiled.sides.firstIndex(of: $0) }
                context = (index, Topic(metric: last.metric, sides: sides, population: last.population, rate: last.rate, low: last.mention.low))
            }
            if !figures.isEmpty {
                resolver.hasFigures[index] = true
                found.append(.init(sentence: index, figures: figures, repeatsFor: nil))
                // "… had seen 'well over 100,000' soldiers killed and wounded,
                // and that it was 'probably the same' on the Ukrainian side":
                // a clause after the figures that repeats them for another side.
                let after = mentions[mentions.count - 1].end
                if after < scope.range.upperBound,
                   let side = anaphoraReader.side(SentenceScope(tokens: scope.tokens, range: after..<scope.range.upperBound, lexicon: scope.lexicon, bytes: scope.bytes)),
                   !figures.contains(where: { $0.sides == [side] }) {
                    found.append(.init(sentence: index, figures: [], repeatsFor: side))
                }
            }
        }
        return found
    }

    /// The figures of a pipe table's row, cell by cell, each read under its
    /// column's heading.
    private func tableRow(
        _ scope: SentenceScope, cells: [Range<Int>], table: PipeTable, dates: [DateExpression], numberReader: NumberReader,
        qualifierReader: QualifierReader, subjectReader: SubjectReader
    ) -> [Figure] {
        var figures: [Figure] = []
        for (column, cell) in cells.enumerated() where column > 0 && !cell.isEmpty {
            let cellScope = SentenceScope(tokens: scope.tokens, range: cell, lexicon: scope.lexicon, bytes: scope.bytes)
            let cellDates = dates.filter { cell.contains($0.start) }
            let mentions = numberReader.read(cellScope, dates: cellDates).filter { $0.kind == .count }
            guard !mentions.isEmpty else { continue }
            let readings = mentions.map { qualifierReader.read(cellScope, $0) }
            figures += subjectReader.read(
                cellScope, mentions: mentions, readings: readings, previousTopic: nil, heading: table.columns[column], dates: cellDates)
        }
        return figures
    }

    /// Whether a sentence introduces what follows it: a line of its own
    /// that does not end as a sentence does, or a sentence ending with a
    /// colon.
    private func leadsIn(_ scope: SentenceScope) -> Bool {
        guard let last = scope.range.last else { return false }
        return scope[last].mark == .colon || (scope.isLine && scope[last].mark != .period)
    }

    /// Whether a sentence has a digit or a number word at all, and a phrase
    /// like "the same number": most have neither, and are skipped without
    /// further reading.
    private func survey(_ scope: SentenceScope, compiled: LexiconView) -> (figures: Bool, anaphora: Bool) {
        var anaphora = false
        let anaphoraBit = PhraseRole.Kind.anaphora.bit
        for k in scope.range {
            let token = scope[k]
            if token.kind == .number { return (true, anaphora) }
            if token.entry >= 0 {
                let entry = compiled.entries[Int(token.entry)]
                if entry.numeral > 0 || entry.scale > 0 { return (true, anaphora) }
                if entry.kinds & anaphoraBit != 0 { anaphora = true }
            }
        }
        return (false, anaphora)
    }
}

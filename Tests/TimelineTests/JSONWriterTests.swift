import ClaimExtraction
import Foundation
import Testing
@testable import Timeline

/// The hand-written JSON is byte for byte what JSONEncoder writes.
struct JSONWriterTests {
    private func encoded(_ value: some Encodable) throws -> [UInt8] {
        Array(try TimelineJSON.encoder(pretty: true).encode(value))
    }

    private func written(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(pretty: true)
        body(&writer)
        return writer.bytes
    }

    @Test(arguments: [
        "",
        "plain",
        "a \"quoted\" word, a back\\slash and a / slash",
        "line\nbreak\r\ttab\u{8}backspace\u{C}form feed",
        "\u{0}\u{1}\u{1F}\u{7F} control characters",
        "non-ASCII: é “curly” — € 😀 \u{2028}\u{2029}\u{FEFF}\u{FFFD}",
        String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self),
    ])
    func stringsAreEscapedAsJSONEncoderEscapesThem(text: String) throws {
        #expect(written { $0.openArray(); $0.element(); $0.string(text); $0.closeArray() } == (try encoded([text])))
    }

    @Test func nullsNumbersAndBooleansReadAsJSONEncoderWritesThem() throws {
        struct Row: Encodable {
            var a: Int? = nil
            var b = Int.min
            var c = Int.max
            var d = 0
            var e = -42
            var f = true
            var g = false
            var h: String? = nil

            func encode(to encoder: any Encoder) throws {
                // Nulls written, as Claim writes its own.
                enum Key: String, CodingKey { case a, b, c, d, e, f, g, h }
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(a, forKey: .a)
                try c.encode(b, forKey: .b)
                try c.encode(self.c, forKey: .c)
                try c.encode(d, forKey: .d)
                try c.encode(e, forKey: .e)
                try c.encode(f, forKey: .f)
                try c.encode(g, forKey: .g)
                try c.encode(h, forKey: .h)
            }
        }
        let row = Row()
        let bytes = written { w in
            w.openObject()
            w.key("a"); w.int(row.a)
            w.key("b"); w.int(row.b)
            w.key("c"); w.int(row.c)
            w.key("d"); w.int(row.d)
            w.key("e"); w.int(row.e)
            w.key("f"); w.bool(row.f)
            w.key("g"); w.bool(row.g)
            w.key("h"); w.string(row.h)
            w.closeObject()
        }
        #expect(bytes == (try encoded(row)))
    }

    @Test func emptyAndNestedContainersReadAsJSONEncoderWritesThem() throws {
        struct Row: Encodable {
            var empty: [Int] = []
            var nested: [[String: [Int]]] = [["inner": []], ["inner": [1, 2]]]
            var object: [String: Int] = [:]
        }
        let bytes = written { w in
            w.openObject()
            w.key("empty"); w.openArray(); w.closeArray()
            w.key("nested")
            w.openArray()
            w.element(); w.openObject(); w.key("inner"); w.openArray(); w.closeArray(); w.closeObject()
            w.element(); w.openObject(); w.key("inner"); w.openArray()
            w.element(); w.int(1); w.element(); w.int(2)
            w.closeArray(); w.closeObject()
            w.closeArray()
            w.key("object"); w.openObject(); w.closeObject()
            w.closeObject()
        }
        #expect(bytes == (try encoded(Row())))
        #expect(written { $0.openArray(); $0.closeArray() } == (try encoded([Int]())))
    }

    /// Every field a claim has, set and unset: a field Claim's encoding
    /// gains and the writer lacks fails here.
    @Test(arguments: [0, 1, 2, 7])
    func extractedClaimsReadAsJSONEncoderWritesThem(count: Int) throws {
        let claims = ReplyJSONTests.records(count).map { record in
            ExtractedClaim(
                id: record.id, documentName: record.documentName, documentSHA256: record.documentSHA256,
                published: record.published, extractor: record.extractor, claim: record.claim)
        }
        var writer = JSONWriter(pretty: true)
        writer.openArray()
        for claim in claims { claim.write(to: &writer) }
        writer.closeArray()
        #expect(writer.bytes == (try encoded(claims)))
    }
}

/// The daemon's replies, written without JSONEncoder, and `claims --csv`,
/// read straight from them, are what the Codable path makes.
struct ReplyJSONTests {
    /// Claims with every field set and unset, quotes needing JSON and CSV
    /// escapes, retracted or not, corrected or not.
    static func records(_ count: Int) -> [ClaimRecord] {
        let qualifiers: [Qualifier] = [.exact, .atLeast, .atMost, .nearly, .range, .approximately, .wellOver]
        return (0..<count).map { i -> ClaimRecord in
            let quote = i % 5 == 0 ? " \"\(i) killed,\" it said.\r\n\t\\ / \u{1} — 😀 " : "Plain \(i) killed"
            let statedOn: PartialDate? = i % 2 == 0 ? nil : PartialDate(year: 2024, month: 3, day: i % 4 == 1 ? 9 : nil)
            let claim = Claim(
                side: i % 2 == 0 ? .russia : .both, population: .civilian, metric: .killed, qualifier: qualifiers[i % 7],
                low: 1000 * i - 3, high: i % 7 == 4 ? 5000 * i : nil, per: i % 3 == 0 ? Rate("day") : nil,
                speaker: i % 2 == 0 ? nil : "Kharkiv Regional Prosecutor's Office", reportedBy: i % 3 == 1 ? "BBC" : nil,
                statedOn: statedOn, statedOnSource: statedOn == nil ? nil : .dateline,
                quote: quote, span: ByteSpan(start: i, end: 10 * i + 5))
            let published: PartialDate? = i % 2 == 0 ? nil : PartialDate(year: 2023, month: i % 3 == 0 ? nil : 2, day: 24)
            return ClaimRecord(
                id: "00112233445566\(i)", seq: UInt64(40 + i), documentName: "article \(i), “é”.txt",
                documentSHA256: String(repeating: "ab", count: 32), published: published,
                recordedAt: Date(timeIntervalSince1970: 1_768_900_000 + Double(i) * 0.0375),
                extractor: ExtractorInfo(version: "2.0.0", lexicon: "0f6d"), claim: claim,
                retraction: i % 4 == 3
                    ? ClaimEdit(reason: "misread, \"see\" below", by: Editor(uid: 1000, user: i % 8 == 3 ? "ann" : nil),
                                at: Date(timeIntervalSince1970: 1_769_000_000), seq: UInt64(90 + i))
                    : nil,
                correction: i % 3 == 2
                    ? ClaimCorrection(
                        edit: ClaimEdit(reason: "the figure was \(i)", by: i % 2 == 0 ? nil : Editor(uid: 0, user: "root"),
                                        at: Date(timeIntervalSince1970: 1_769_000_001.5), seq: UInt64(100 + i)),
                        original: ClaimFields(Claim(
                            side: .ukraine, population: .military, metric: .wounded, qualifier: .range, low: 1, high: 2,
                            per: Rate("week"), speaker: "Him", statedOn: PartialDate(year: 2022, month: 5),
                            statedOnSource: .text, quote: "", span: ByteSpan(start: 0, end: 0))))
                    : nil)
        }
    }

    @Test(arguments: [0, 1, 9])
    func aClaimsReplyIsWhatJSONEncoderWrites(count: Int) throws {
        let claims = Self.records(count)
        let encoded = Array(try TimelineJSON.encoder().encode(TimelineInterface.ClaimsReply(claims: claims)))
        #expect(TimelineInterface.ClaimsReply.json(claims) == encoded)
    }

    @Test func sourcesAndLatestRepliesAreWhatJSONEncoderWrites() throws {
        let rows = Self.records(9).enumerated().map { SourceRow(record: $1, reports: $0 + 1, disagreeing: $0 % 3) }
        let sources = TimelineInterface.SourcesReply(sources: rows)
        #expect(sources.json == Array(try TimelineJSON.encoder().encode(sources)))
        let latest = TimelineInterface.LatestReply(claims: rows)
        #expect(latest.json == Array(try TimelineJSON.encoder().encode(latest)))
    }

    @Test func aChartReplyIsWhatJSONEncoderWrites() throws {
        let svg = SVGChart(title: "russia \"military\" / killed").render(Self.records(9))
        let reply = TimelineInterface.ChartReply(svg: svg + "\u{1}\t\\ — 😀")
        #expect(reply.json == Array(try TimelineJSON.encoder().encode(reply)))
    }

    @Test func aStatementsReplyIsWhatJSONEncoderWrites() throws {
        let records = Self.records(9)
        let statements = records.enumerated().map { i, record in
            Statement(
                record: record, reportClaims: records.prefix(i % 3 + 1).map(\.id),
                reportDocuments: ["a “b”.txt", "c\\d.txt"].suffix(i % 2 + 1),
                conflicts: (0..<(i % 3)).map { j in
                    Statement.Conflict(
                        statement: records[j].id, qualifier: records[j].claim.qualifier, low: records[j].claim.low,
                        high: records[j].claim.high, documents: ["e \"\(j)\".txt"])
                })
        }
        for reply in [TimelineInterface.StatementsReply(statements: []), TimelineInterface.StatementsReply(statements: statements)] {
            #expect(reply.json == Array(try TimelineJSON.encoder().encode(reply)))
        }
    }

    /// Pages of claims read into CSV straight from their JSON, in one
    /// writer, give the bytes of each claim decoded and flattened.
    @Test func csvFromTheRepliesJSONIsCSVFromTheDecodedClaims() throws {
        let claims = Self.records(29)
        var decoded = CSVWriter()
        for claim in claims { try decoded.write(claim) }
        var streamed = CSVWriter()
        for page in stride(from: 0, to: claims.count, by: 10) {
            let json = TimelineInterface.ClaimsReply.json(claims[page..<min(claims.count, page + 10)])
            try streamed.write(rowsOf: "claims", in: Data(json), as: ClaimRecord.self)
        }
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == String(decoding: decoded.bytes, as: UTF8.self))
        #expect(streamed.columns == decoded.columns)
    }

    @Test func csvFromJSONTakesFieldsInAnyOrderAndLeavesUnknownOnesOut() throws {
        let claims = Self.records(3)
        var decoded = CSVWriter()
        for claim in claims { try decoded.write(claim) }
        // Keys in reverse order, spaced out, with a field no column names.
        let objects = try claims.map { claim -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: TimelineJSON.encoder().encode(claim)) as? [String: Any])
            let members = try object.keys.sorted(by: >).map { key in
                "\"\(key)\" : " + String(decoding: try JSONSerialization.data(withJSONObject: object[key]!, options: [.fragmentsAllowed]), as: UTF8.self)
            }
            return "{ " + (members + [#""unknown" : {"a": [1, "b"]}"#]).joined(separator: " ,\n ") + " }"
        }
        var streamed = CSVWriter()
        try streamed.write(rowsOf: "claims", in: Data(#"{"claims":[\#(objects.joined(separator: ","))]}"#.utf8), as: ClaimRecord.self)
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == String(decoding: decoded.bytes, as: UTF8.self))
    }
}

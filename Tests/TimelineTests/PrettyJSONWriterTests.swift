import ClaimExtraction
import Foundation
import Testing
@testable import Timeline

/// The hand-written JSON is byte for byte what JSONEncoder writes.
struct PrettyJSONWriterTests {
    private func encoded(_ value: some Encodable) throws -> [UInt8] {
        Array(try TimelineJSON.encoder(pretty: true).encode(value))
    }

    private func written(_ body: (inout PrettyJSONWriter) -> Void) -> [UInt8] {
        var writer = PrettyJSONWriter()
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
        let claims = (0..<count).map { i in
            ExtractedClaim(
                id: "00112233445566\(i)", documentName: "article \(i) “é”.txt", documentSHA256: String(repeating: "ab", count: 32),
                published: i % 2 == 0 ? nil : PartialDate(year: 2023, month: i % 3 == 0 ? nil : 2, day: 24),
                extractor: ExtractorInfo(version: "2.0.0", lexicon: "0f6d"),
                claim: Claim(
                    side: i % 2 == 0 ? .russia : .both, population: .civilian, metric: .killed,
                    qualifier: [Qualifier.exact, .atLeast, .atMost, .nearly, .range, .approximately, .wellOver][i % 7],
                    low: 1000 * i - 3, high: i % 7 == 4 ? 5000 * i : nil, per: i % 3 == 0 ? Rate("day") : nil,
                    speaker: i % 2 == 0 ? nil : "Kharkiv Regional Prosecutor's Office",
                    reportedBy: i % 3 == 1 ? "BBC" : nil,
                    statedOn: i % 2 == 0 ? nil : PartialDate(year: 2024, month: 3, day: i % 4 == 1 ? 9 : nil),
                    statedOnSource: i % 2 == 0 ? nil : .dateline,
                    quote: "\"\(i) killed,\" it said.\n\t\\ / \u{1} — 😀", span: ByteSpan(start: i, end: 10 * i + 5)))
        }
        var writer = PrettyJSONWriter()
        writer.openArray()
        for claim in claims { claim.write(to: &writer) }
        writer.closeArray()
        #expect(writer.bytes == (try encoded(claims)))
    }
}

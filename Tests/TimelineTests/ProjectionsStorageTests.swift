import ClaimExtraction
import EventLog
import Foundation
import Testing
@testable import Timeline
import TimelineTestSupport

/// The compact storage under the projections must give back every value it
/// was given, whatever its size or form.
@Suite struct ProjectionsStorageTests {
    @Test func aPackedDateGivesBackEveryPrecisionAndSign() {
        let dates: [PartialDate?] = [
            nil, PartialDate(year: 2023), PartialDate(year: 2022, month: 9), PartialDate(year: 2023, month: 1, day: 20),
            PartialDate(year: -44, month: 3, day: 15), PartialDate(year: 0), PartialDate(year: 1 << 45, month: 12, day: 31),
        ]
        for date in dates {
            #expect(PackedDate(date).date == date)
        }
        #expect(PackedDate(PartialDate(year: 2023)) != PackedDate(nil))
    }

    @Test func theEmptyStringIsAStringNotNone() {
        var pool = StringPool()
        let empty = pool.id("")
        #expect(empty != StringPool.none)
        #expect(pool[optional: empty] == "")
        #expect(pool[optional: StringPool.none] == nil)
        #expect(pool.id("Mark Milley") == pool.id("Mark Milley"))
        #expect(pool.existingID("nobody") == nil)
        #expect(pool.count == 3)
    }

    @Test func thePoolFindsEveryStringItHoldsAndOnlyThose() {
        var pool = StringPool()
        // Every length around the eight-byte words the table hashes, and enough to grow it many times.
        let strings = (0..<20_000).map { i in String(repeating: "abcdefghij", count: i % 7) + "\(i)" }
        let ids = strings.map { pool.id($0) }
        #expect(Set(ids).count == strings.count)
        for (string, id) in zip(strings, ids) {
            #expect(pool.existingID(string) == id)
            #expect(pool[id] == string)
        }
        #expect(pool.existingID("abcdefghij") == nil)
        #expect(StringPool.lookupTable(pool.strings) != nil)
    }

    @Test func thePoolComparesStringsAsStringDoes() {
        var pool = StringPool()
        // Canonically equivalent spellings are one string to `String`, and so one id.
        let composed = pool.id("Zelens\u{E9}")
        #expect(pool.id("Zelense\u{301}") == composed)
        let kelvin = pool.id("\u{212A}yiv")
        #expect(pool.existingID("Kyiv") == kelvin)
        let k = pool.id("K")
        #expect(pool.existingID("\u{212A}") == k)
        #expect(pool.count == 4)
        #expect(pool[composed] == "Zelens\u{E9}")
        // A snapshot's pool that holds two spellings of one string is refused.
        var twice = ChunkedArray<String>(["", "Kyiv", "\u{212A}yiv"])
        #expect(StringPool.lookupTable(twice) == nil)
        twice = ChunkedArray(["", "Kyiv", "Kiev"])
        #expect(StringPool.lookupTable(twice) != nil)
    }

    @Test func textsOfEverySizeComeBackWhole() {
        var arena = TextArena()
        let texts = [
            "", "short", String(repeating: "é", count: 300),
            String(repeating: "x", count: TextArena.chunkSize - 3),
            String(repeating: "long ", count: TextArena.chunkSize / 2), "after the long one", "🇺🇦 and “quotes”",
        ]
        let refs = texts.map { arena.append($0) }
        for (ref, text) in zip(refs, texts) {
            let contained = arena.contains(ref)
            let read = arena[ref]
            #expect(contained)
            #expect(read == text, "\(text.prefix(20))… (\(text.utf8.count) bytes)")
        }
        // Longer than a chunk: a chunk of its own.
        #expect(refs[4].offset == 0 && refs[4].chunk > refs[3].chunk)
        let last = refs[refs.count - 1]
        let pastTheEnd = arena.contains(TextRef(chunk: last.chunk, offset: last.offset, length: last.length + UInt32(TextArena.chunkSize)))
        let noSuchChunk = arena.contains(TextRef(chunk: UInt32(arena.chunkCount), offset: 0, length: 0))
        #expect(!pastTheEnd && !noSuchChunk)
    }

    @Test func manyKeysInsertedAtOnceFindTheirPositionsAndTheFirstDuplicate() {
        var generator = SplitMix64(seed: 11)
        let keys = (0..<50_000).map { _ in generator.next() }
        var table = PackedTable()
        #expect(table.insert(contentsOf: keys.enumerated().map { PackedTable.Entry(key: $1, position: UInt32($0)) }) == nil)
        #expect(table.count == keys.count)
        for (position, key) in keys.enumerated() {
            #expect(table[key] == position)
        }
        #expect(table[generator.next()] == nil)
        #expect(table.insert(contentsOf: [PackedTable.Entry(key: generator.next(), position: 0),
                                          PackedTable.Entry(key: keys[7], position: 1)]) == keys[7])
    }

    /// A start keeps reading quotes from the snapshot's mapped file, which
    /// the next snapshot's write removes.
    @Test func quotesStayReadableAfterTheirSnapshotFileIsRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timelined-storage-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = ProjectionsSnapshotTests.varied()
        let store = SnapshotStore(directory: folder, keep: 1)
        let head = try #require(ChainHash([UInt8](repeating: 7, count: 32)))
        try store.write(original.snapshotContent.encoded(), seq: original.lastSeq, chainHead: head, version: Projections.snapshotVersion)
        let snapshot = try #require(try store.loadNewest(version: Projections.snapshotVersion).snapshot)
        var restored = try Projections(snapshot: snapshot.body)
        try FileManager.default.removeItem(at: folder)

        #expect(Array(restored.claims) == Array(original.claims))
        // New quotes go on in memory of the process's own, beside the mapped ones.
        let later = Fixtures.document("d.txt", sha: "dd", claims: [Fixtures.claim(5, speaker: nil)], from: 11)
        restored.apply(later)
        var expected = original
        expected.apply(later)
        #expect(restored == expected)
        #expect(try Projections(snapshot: restored.snapshotContent.encoded()) == expected)
    }
}

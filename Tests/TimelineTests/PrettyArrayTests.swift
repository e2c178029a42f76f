import Foundation
import Testing
@testable import Timeline

/// The array encoded in slices on every core is the one JSONEncoder writes.
struct PrettyArrayTests {
    struct Row: Codable, Sendable {
        var name: String
        var count: Int
        var note: String?
        var tags: [String]
    }

    @Test(arguments: [0, 1, 511, 512, 513, 1024, 1025, 5000])
    func slicesJoinToWhatOneEncoderWrites(count: Int) async throws {
        let rows = (0..<count).map { i in
            Row(name: "row \(i) “quoted” / \\ \u{1}", count: i, note: i % 3 == 0 ? nil : "n\(i)", tags: i % 2 == 0 ? [] : ["a", "b"])
        }
        let whole = try TimelineJSON.encoder(pretty: true).encode(rows)
        let pieces = try await TimelineJSON.prettyArray(rows)
        #expect(pieces.reduce(Data(), +) == whole)
    }
}

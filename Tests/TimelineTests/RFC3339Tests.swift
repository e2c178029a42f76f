import Foundation
import Testing
import Timeline

@Suite struct RFC3339Tests {
    @Test func writesUTCToTheSecond() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_674_216_000)) == "2023-01-20T12:00:00Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0.25)) == "1970-01-01T00:00:00.250Z")
    }

    @Test func readsWhatItWritesAndOffsets() {
        for seconds in [0.0, 1_674_216_000, 951_782_400, 4_102_444_799, 1_700_000_000.5] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(RFC3339.date(from: RFC3339.string(from: date)) == date)
        }
        #expect(RFC3339.date(from: "2023-01-20T14:00:00+02:00") == Date(timeIntervalSince1970: 1_674_216_000))
        #expect(RFC3339.date(from: "2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
    }

    @Test(arguments: ["", "2023-01-20", "2023-13-01T00:00:00Z", "2023-01-20T12:00:00", "2023-01-20T12:00:00Zjunk", "2023-01-20T1a:00:00Z"])
    func refusesWhatIsNotATimestamp(_ text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }
}

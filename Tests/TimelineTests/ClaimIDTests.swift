import ClaimExtraction
import Testing
@testable import Timeline

/// A claim's id never changes for the same claim: the log and every reader
/// of it hold the ids already given.
struct ClaimIDTests {
    @Test func theIdOfAClaimIsTheOneGivenBefore() {
        let point = Claim(
            side: .ukraine, population: .military, metric: .killed, qualifier: .exact, low: 447,
            quote: "", span: ByteSpan(start: 266, end: 604))
        #expect(ClaimID.make(document: "bb5eb6288e2ada936bdcf39102227f86bdb3d7f5209cc094f238bcda79fa90af", claim: point)
            == "6828c061fbf8e05a")
        let range = Claim(
            side: .ukraine, population: .civilian, metric: .refugees, qualifier: .range, low: 1_500_000, high: 3_000_000,
            quote: "", span: ByteSpan(start: 2183, end: 2287))
        #expect(ClaimID.make(document: "8688e22f15486f7606a99d9d8c018495fc2175fd6791da776f2ae0d0879ef694", claim: range)
            == "88fbd0510b46d758")
        let rate = Claim(
            side: .russia, population: .military, metric: .killed, qualifier: .approximately, low: 800, per: .day,
            quote: "", span: ByteSpan(start: 1264, end: 1399))
        #expect(ClaimID.make(document: "aa8b1f09c9cf0ca9e017f1bf99fe42eb0ab34bb10bfe51b484cfbc14a6332473", claim: rate)
            == "97a776b67d59d1a7")
    }

    @Test func negativeAndZeroFiguresAreWrittenAsDecimalText() {
        // The key joins the fields as text: "-5" and "0", as String(_:) writes them.
        let claim = Claim(side: .russia, population: .military, metric: .killed, qualifier: .exact, low: -5, high: 0,
                          quote: "", span: ByteSpan(start: 0, end: 0))
        #expect(ClaimID.make(document: "", claim: claim) == "e32a5df0d48da0a3")
    }
}

/// The claim index keeps an id of 16 lower-case hex digits as its 64 bits,
/// and any other id by its text, so that no two ids share a key.
@Suite struct ClaimIndexPackingTests {
    @Test(arguments: ["0123456789abcdef", "ffffffffffffffff", "0000000000000000", "6828c061fbf8e05a"])
    func sixteenLowerCaseHexDigitsPackAndUnpack(_ id: String) throws {
        let packed = try #require(ClaimIndex.pack(id))
        #expect(packed == UInt64(id, radix: 16))
        #expect(ClaimIndex.unpack(packed) == id)
    }

    @Test(arguments: ["0123456789ABCDEF", "0123456789abcdeg", "0123456789abcde", "0123456789abcdef0", "claim-1",
                      "0123456789abcde/", "0123456789abcde:", "0123456789abcde`", "", "０123456789abcde"])
    func anythingElseIsKeptAsText(_ id: String) {
        #expect(ClaimIndex.pack(id) == nil)
    }
}

import ClaimExtraction
import Foundation
import Testing
import Timeline

@Suite struct EventCodecTests {
    let codec = EventCodec()

    @Test func everyEventTypeRoundTrips() throws {
        let events = Fixtures.document(
            "a.txt", sha: "aa", published: "2023-01-20",
            claims: [Fixtures.claim(.ukraine, .civilian, .refugees, .range, 1_500_000, high: 3_000_000, statedOn: "2022-11")],
            from: 1)
            + [Event(seq: 3, recordedAt: Fixtures.day, payload: .documentRejected(DocumentRejected(
                name: "big.txt", reason: "too_large", message: "too big", movedTo: "failed/big.txt", size: 11))),
               Event(seq: 4, recordedAt: Fixtures.day, payload: .claimRetracted(ClaimRetracted(claim: "x", reason: "typo")))]
        for event in events {
            let decoded = try codec.decode(try codec.encode(event), seq: event.seq)
            #expect(decoded == event)
        }
    }

    @Test func aClaimEventIsOneFlatObjectWithoutSeq() throws {
        let event = Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(.russia, .military, .killed, .atLeast, 100_000)], from: 1)[1]
        let object = try JSONSerialization.jsonObject(with: Data(try codec.encode(event))) as! [String: Any]
        #expect(object["type"] as? String == "claim.extracted")
        #expect(object["schema"] as? Int == 1)
        #expect(object["seq"] == nil)
        let data = object["data"] as! [String: Any]
        #expect(data["side"] as? String == "russia")
        #expect(data["qualifier"] as? String == "at_least")
        #expect(data["document"] as? String == "aa")
        #expect((data["extractor"] as? [String: Any])?["version"] as? String == "test")
        #expect((data["interval"] as? [String: Any])?["lower_closed"] as? Bool == false)
    }

    @Test func theSameEventAlwaysHasTheSameBytes() throws {
        let event = Fixtures.document("a.txt", sha: "aa", claims: [Fixtures.claim(100)], from: 1)[1]
        #expect(try codec.encode(event) == codec.encode(event))
    }

    @Test func aNewerSchemaIsRefusedWithItsSeq() throws {
        let bytes = Array(#"{"type":"document.received","schema":2,"recorded_at":"2023-01-01T00:00:00Z","data":{}}"#.utf8)
        let error = #expect(throws: EventDecodingError.self) { try codec.decode(bytes, seq: 7) }
        #expect(error?.seq == 7)
        #expect(error?.message.contains("newer") == true)
    }

    @Test func anUnknownTypeOrBrokenJSONIsAnError() {
        #expect(throws: EventDecodingError.self) {
            try codec.decode(Array(#"{"type":"x.y","schema":1,"recorded_at":"2023-01-01T00:00:00Z","data":{}}"#.utf8), seq: 1)
        }
        #expect(throws: EventDecodingError.self) { try codec.decode(Array("{not json".utf8), seq: 1) }
    }
}

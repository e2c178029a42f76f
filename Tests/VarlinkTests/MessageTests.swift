import Foundation
import Testing

@testable import Varlink

@Suite("Messages")
struct MessageTests {
    struct Input: Codable, Equatable {
        var text: String
        var count: Int
        var tags: [String]?
    }

    func call(_ json: String) throws(VarlinkError) -> VarlinkCall {
        try VarlinkWire.parseCall(Data(json.utf8), peer: nil)
    }

    @Test func callParametersDecodeIntoTheHandlersType() throws {
        let call = try call(#"{"method":"org.example.test.Echo","parameters":{"text":"hi","count":3},"more":true}"#)
        #expect(call.method == "org.example.test.Echo")
        #expect(call.interfaceName == "org.example.test")
        #expect(call.methodName == "Echo")
        #expect(call.more && !call.oneway && !call.upgrade)
        #expect(try call.parameters(as: Input.self) == Input(text: "hi", count: 3))
    }

    @Test func wrongTypedParameterBecomesInvalidParameterNamingIt() throws {
        let call = try call(#"{"method":"a.b.C","parameters":{"text":"hi","count":"three"}}"#)
        let error = try #require(throws: VarlinkError.self) { try call.parameters(as: Input.self) }
        #expect(error == .invalidParameter("count"))
    }

    @Test func nestedWrongTypeIsNamedByItsTopLevelParameter() throws {
        let call = try call(#"{"method":"a.b.C","parameters":{"text":"hi","count":1,"tags":["a",2]}}"#)
        let error = try #require(throws: VarlinkError.self) { try call.parameters(as: Input.self) }
        #expect(error == .invalidParameter("tags"))
    }

    @Test func missingParameterBecomesInvalidParameterNamingIt() throws {
        let call = try call(#"{"method":"a.b.C","parameters":{"text":"hi"}}"#)
        let error = try #require(throws: VarlinkError.self) { try call.parameters(as: Input.self) }
        #expect(error == .invalidParameter("count"))
    }

    @Test func absentParametersDecodeAsTheEmptyObject() throws {
        struct Optional: Decodable { var limit: Int? }
        #expect(try call(#"{"method":"a.b.C"}"#).parameters(as: Optional.self).limit == nil)
        #expect(try call(#"{"method":"a.b.C","parameters":null}"#).parameters(as: VarlinkEmpty.self) == VarlinkEmpty())
        let error = try #require(throws: VarlinkError.self) {
            try call(#"{"method":"a.b.C"}"#).parameters(as: Input.self)
        }
        #expect(error == .invalidParameter("text"))
    }

    @Test(arguments: [
        ("not json", "the call is not valid JSON"),
        ("[1,2]", "the call is not a JSON object"),
        (#"{"parameters":{}}"#, "the call has no method"),
        (#"{"method":42}"#, "method is not a string"),
        (#"{"method":"a.b.C","more":"yes"}"#, "more is not a boolean"),
        (#"{"method":"a.b.C","parameters":[1]}"#, "parameters is not an object"),
    ])
    func malformedCallIsRejectedWithAReason(json: String, reason: String) throws {
        let error = try #require(throws: VarlinkError.self) { try call(json) }
        #expect(error == .invalidMessage(reason))
    }

    @Test func replyAndErrorAreToldApart() throws {
        guard case .reply(let reply) = try VarlinkWire.parseReply(Data(#"{"parameters":{"sum":3},"continues":true}"#.utf8))
        else { Issue.record("expected a reply"); return }
        #expect(reply.continues)
        #expect(reply.parameters.values == ["sum": 3])

        let errorText = #"{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"a"}}"#
        guard case .error(let error) = try VarlinkWire.parseReply(Data(errorText.utf8))
        else { Issue.record("expected an error"); return }
        #expect(error == .invalidParameter("a"))
    }

    /// The envelope is read in one pass (`VarlinkReplyEnvelope`) when it
    /// can be, by JSONDecoder when not: both read a reply alike.
    @Test(arguments: [
        #"{"continues":true,"parameters":{"text":"a \"quoted\" \\ \u00e9 [}","list":[1,-2.5e3,true,null,{}]}}"#,
        #" { "parameters" : { "text" : "a \"quoted\" \\ \u00e9 [}" , "list" : [ 1 , -2.5e3 , true , null , { } ] } , "continues" : true } "#,
        #"{"parameters":{"text":"a \"quoted\" \\ \u00e9 [}","list":[1,-2.5e3,true,null,{}]},"continues":true,"extra":{"x":["y"]}}"#,
        #"{"parameters":{"text":"a \"quoted\" \\ \u00e9 [}","list":[1,-2.5e3,true,null,{}]},"continues":true,"error":null}"#,
    ])
    func repliesReadTheSameWhateverTheirSpacingAndOrder(json: String) throws {
        guard case .reply(let reply) = try VarlinkWire.parseReply(Data(json.utf8))
        else { Issue.record("expected a reply"); return }
        #expect(reply.continues)
        #expect(reply.parameters.values == [
            "text": "a \"quoted\" \\ é [}", "list": [1, -2500, true, nil, [:]],
        ])
    }

    @Test(arguments: [#"{"parameters":{"a":"unterminated}"#, #"{"parameters":{"a":1}"#, #"{"parameters":{"a":1}}x"#, #"{"continues":1}"#])
    func brokenRepliesAreStillRefused(json: String) {
        #expect(throws: VarlinkWire.MalformedMessage.self) { try VarlinkWire.parseReply(Data(json.utf8)) }
    }

    @Test func messagesRoundTripThroughCodable() throws {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        let call = VarlinkCall(
            method: "org.example.test.Echo",
            parameters: try VarlinkParameters(encoding: Input(text: "x", count: 1)),
            more: true
        )
        let decodedCall = try decoder.decode(VarlinkCall.self, from: encoder.encode(call))
        #expect(decodedCall.method == call.method && decodedCall.more && !decodedCall.oneway)
        #expect(decodedCall.parameters == call.parameters)

        let reply = VarlinkReply(parameters: VarlinkParameters(["n": 1, "list": [true, nil, 2.5]]), continues: true)
        #expect(try decoder.decode(VarlinkReply.self, from: encoder.encode(reply)) == reply)

        let error = VarlinkError(name: "org.example.test.Failed", parameters: ["reason": "disk full"])
        #expect(try decoder.decode(VarlinkError.self, from: encoder.encode(error)) == error)
        #expect(String(describing: error) == #"org.example.test.Failed {"reason":"disk full"}"#)
    }

    @Test func parametersMustEncodeToAnObject() {
        #expect(throws: EncodingError.self) { try VarlinkParameters(encoding: [1, 2]) }
    }

    @Test func valuesKeepIntegersExact() throws {
        let json = Data(#"{"big":9007199254740993,"pi":3.5,"flag":false}"#.utf8)
        let values = try JSONDecoder().decode([String: VarlinkValue].self, from: json)
        #expect(values == ["big": .int(9_007_199_254_740_993), "pi": .double(3.5), "flag": .bool(false)])
    }
}

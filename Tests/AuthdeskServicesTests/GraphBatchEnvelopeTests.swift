import Foundation
import Testing
@testable import AuthdeskServices

/// A batch answer's inner responses read from its bytes: each body handed on as written (the
/// bytes a decoder reads), an absent or null body empty, and an answer that is not JSON or has
/// no responses array refused with a clear error, never a crash.
@Suite struct GraphBatchEnvelopeTests {
    private static let answer = #"""
        { "responses" : [ {"id":"1","status":200,"headers":{"Content-Type":"application/json","Retry-After":5},
        "body":{"value":[{"id":"x","n":1.5e3,"ok":true,"s":"q\"}]","name":"Zo\u00eb \ud83d\ude00"}],"@odata.context":"c"}},
        {"id":"2","status":204},{"body":null,"id":"3","status":404} , {"id":4,"body":"cGxhaW4=","status":200},
        {"status":500,"body":{"error":{"code":"x"}}}],
        "other": [1, {"k": [true, false, null]}] }
        """#

    @Test func readsEachResponseAndCutsItsBodyOutAsWritten() throws {
        let items = try #require(try GraphBatchEnvelope.items(in: Data(Self.answer.utf8)))
        #expect(items.map(\.id) == ["1", "2", "3", "4", nil])
        #expect(items.map(\.status) == [200, 204, 404, 200, 500])
        #expect(items[0].headers == ["Content-Type": "application/json", "Retry-After": "5"])
        let body = String(decoding: items[0].body, as: UTF8.self)
        #expect(body == #"{"value":[{"id":"x","n":1.5e3,"ok":true,"s":"q\"}]","name":"Zo\u00eb \ud83d\ude00"}],"@odata.context":"c"}"#)
        #expect(JSONValue.parse(items[0].body)?["value"]?.array?.first?["name"] == .string("Zoë 😀"))
        #expect(items[1].body.isEmpty)
        #expect(items[2].body.isEmpty)
        #expect(String(decoding: items[3].body, as: UTF8.self) == #""cGxhaW4=""#)
    }

    @Test func anAnswerWithoutAResponsesArrayOfObjectsIsNil() throws {
        for text in [#"{"value":[]}"#, #"{"responses":{}}"#, #"{"responses":[1]}"#, "[]", "7"] {
            #expect(try GraphBatchEnvelope.items(in: Data(text.utf8)) == nil, "\(text)")
        }
        #expect(try GraphBatchEnvelope.items(in: Data(#"{"responses":[]}"#.utf8)) == [])
    }

    @Test func anAnswerCutShortOrNotJSONThrowsWhereItWentWrong() {
        #expect(throws: JSONScanner.Malformed.self) { try GraphBatchEnvelope.items(in: Data(#"{"responses":[{"body":{"a":1}"#.utf8)) }
        #expect(throws: JSONScanner.Malformed.self) { try GraphBatchEnvelope.items(in: Data("<html>busy</html>".utf8)) }
        let deep = #"{"responses":[{"body":"# + String(repeating: "[", count: 10_000)
        #expect(throws: JSONScanner.Malformed.self) { try GraphBatchEnvelope.items(in: Data(deep.utf8)) }
    }

    @Test func theProviderAnswersEachRequestIdAndRefusesAnAnswerThatIsNotJSON() throws {
        let response = HTTPResponse(status: 200, headers: ["request-id": "batch-1"], body: Data(Self.answer.utf8), clientRequestID: "c1")
        let answers = try GraphProvider.answers(to: response, ids: ["1", "3", "4", "9"])
        #expect(answers.map(\.id) == ["1", "3", "4", "9"])
        #expect(answers.map(\.response.status) == [200, 404, 200, 502])
        #expect(answers.allSatisfy { $0.response.requestID == "batch-1" })
        #expect(answers[0].json?["@odata.context"] == .string("c"))

        let broken = HTTPResponse(
            status: 200, headers: ["request-id": "batch-2"], body: Data(#"{"responses":[{"id":"1""#.utf8), clientRequestID: "c2")
        #expect {
            try GraphProvider.answers(to: broken, ids: ["1"])
        } throws: { error in
            let failure = try #require(error as? ServiceError)
            return failure.kind == .invalidResponse && failure.requestID == "batch-2"
                && failure.message.hasPrefix("Graph answered a batch that is not JSON (the text ends")
        }
    }
}

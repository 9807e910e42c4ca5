import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("JSON")
struct JSONTests {
    @Test func roundTripsKeepingOrderAndEscapes() throws {
        let text = #"{"b":1,"a":[true,null,"x\"y\\z\n",2.5],"ü":"日本\u0001"}"#
        let value = try #require(JSON.parse(text))
        #expect(value.members?.map(\.key) == ["b", "a", "ü"])
        #expect(JSON.parse(value.text) == value)
        let foundation = try JSONSerialization.jsonObject(with: value.data) as? [String: Any]
        #expect(foundation?["ü"] as? String == "日本\u{1}")
    }

    @Test func rejectsInvalidText() {
        #expect(JSON.parse("{\"a\":}") == nil)
        #expect(JSON.parse("[1,2") == nil)
        #expect(JSON.parse("{} x") == nil)
    }
}

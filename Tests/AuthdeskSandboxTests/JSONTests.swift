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

    @Test func writesControlCharactersEscapedAndOtherTextAsItIs() throws {
        let value = JSON.obj(["k\u{7}": .string("a\u{1b}[31m\u{0}\t\r\n\"\\/ é 田中 👩‍💻 \u{7f}"), "n": .double(2), "d": .double(0.5)])
        #expect(value.text == #"{"k\u0007":"a\u001b[31m\u0000\t\r\n\"\\/ é 田中 👩‍💻 \#u{7f}","n":2,"d":0.5}"#)
        let foundation = try #require(try JSONSerialization.jsonObject(with: value.data) as? [String: Any])
        #expect(foundation["k\u{7}"] as? String == "a\u{1b}[31m\u{0}\t\r\n\"\\/ é 田中 👩‍💻 \u{7f}")
        let string = try #require(value["k\u{7}"])
        #expect(JSON.parse(value.data) == JSON.obj(["k\u{7}": string, "n": .int(2), "d": .double(0.5)]))
    }

    @Test func readsStringsWithEscapesBetweenPlainRuns() throws {
        let text = #"["plain","\"quoted\" and \\ and \/","\u00e9t\u00E9 \ud83d\ude00 end","tab\there","田中\n健二",""]"#
        #expect(JSON.parse(text) == .array([
            .string("plain"), .string("\"quoted\" and \\ and /"), .string("été 😀 end"), .string("tab\there"),
            .string("田中\n健二"), .string(""),
        ]))
        #expect(JSON.parse(Data([0x22, 0xC3, 0x28, 0x22])) == nil)  // not UTF-8
        #expect(JSON.parse("\"a\u{1}b\"") == nil)  // a raw control character
        #expect(JSON.parse(#""\ud83d alone""#) == nil)
        #expect(JSON.parse(#""\x""#) == nil)
        #expect(JSON.parse(#""open"#) == nil)
    }

    @Test func rejectsInvalidText() {
        #expect(JSON.parse("{\"a\":}") == nil)
        #expect(JSON.parse("[1,2") == nil)
        #expect(JSON.parse("{} x") == nil)
    }
}

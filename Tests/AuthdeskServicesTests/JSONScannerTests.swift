import Foundation
import Testing
@testable import AuthdeskServices

/// The byte scanner reads what Foundation's decoder reads, the same way (escapes, unicode,
/// numbers, nesting), and refuses what is not JSON with the byte where it went wrong.
@Suite struct JSONScannerTests {
    private func parse(_ text: String) throws(JSONScanner.Malformed) -> JSONValue {
        try JSONScanner.value(in: Data(text.utf8))
    }

    private func malformed(_ text: String) -> JSONScanner.Malformed? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func buildsEveryKindOfValue() throws {
        let value = try parse(#" { "a" : [1, -2.5e3, 0, true, false, null, "x"], "b": {"c": {}}, "d": [] } "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-2500), .number(0), .bool(true), .bool(false), .null, .string("x")]),
            "b": .object(["c": .object([:])]),
            "d": .array([]),
        ]))
        #expect(try parse("42") == .number(42))
        #expect(try parse(#""top""#) == .string("top"))
    }

    @Test func decodesEscapesAndUnicodeAsFoundationDoes() throws {
        let texts = [
            #""q\"uote \\ slash\/ \b\f\n\r\t""#,
            #""caf\u00e9 \u00E9 caf\#u{00e9} \u4e2d\u6587""#,
            #""pile \ud83d\udca9 and 💩""#,
            #""""#,
        ]
        for text in texts {
            let ours = try parse(text).string
            let theirs = try JSONDecoder().decode(String.self, from: Data(text.utf8))
            #expect(ours == theirs)
        }
        #expect(try parse(#"{"k\u00e9y":"v"}"#)["kéy"] == .string("v"))
    }

    @Test func agreesWithTheDecoderOnNumbers() throws {
        for text in ["0", "-0", "1.5", "1e3", "1E+3", "2.5e-3", "123456789012", "-9007199254740993"] {
            let ours = try parse(text)
            let theirs = try JSONDecoder().decode(Double.self, from: Data(text.utf8))
            #expect(ours == .number(theirs), "\(text)")
        }
    }

    @Test func refusesWhatIsNotJSONWithWhereItWentWrong() {
        let cases: [(String, String, Int)] = [
            (#"{"a":1"#, "the text ends where a value or delimiter was expected", 6),
            (#"{"a" 1}"#, "':' expected after an object key", 5),
            (#"{a:1}"#, "an object key must be a string", 1),
            (#"[1 2]"#, "',' or ']' expected in an array", 3),
            (#"[1,]"#, "not a JSON value", 3),
            ("tru", "not a JSON value", 0),
            ("01", "text after the JSON value", 1),
            ("1.", "a digit expected after '.'", 2),
            ("-", "not a JSON value", 0),
            ("1e999", "a number too large", 0),
            (#""open"#, "a string not closed", 0),
            ("\"tab\tinside\"", "a control character inside a string", 4),
            (#""\x""#, "an unknown escape in a string", 1),
            (#""\u12""#, "four hexadecimal digits expected after \\u", 3),
            (#""\ud83d alone""#, "a high surrogate without its low surrogate", 1),
            (#""\udca9""#, "a lone low surrogate", 1),
            ("", "the text ends where a value or delimiter was expected", 0),
            ("{} {}", "text after the JSON value", 3),
        ]
        for (text, reason, offset) in cases {
            #expect(malformed(text) == JSONScanner.Malformed(offset: offset, reason: reason), "\(text)")
        }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        var data = Data(#"{"a":""#.utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Array(#""}"#.utf8))
        #expect(throws: JSONScanner.Malformed(offset: 6, reason: "a string that is not UTF-8")) {
            try JSONScanner.value(in: data)
        }
    }

    @Test func nestingTooDeepIsRefusedNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(malformed(deep)?.reason == "objects and arrays nested deeper than 512")
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(malformed(allowed) == nil)
    }

    @Test func skippingAValueGivesItsBytesAsWritten() throws {
        let text = #"[ {"a": "}\"]", "b": [1, {"c": null}]} , "s"]"#
        var scanner = JSONScanner(Data(text.utf8))
        var spans: [String] = []
        try scanner.array { scanner throws(JSONScanner.Malformed) in
            spans.append(String(decoding: scanner.bytes[try scanner.skipValue()], as: UTF8.self))
        }
        #expect(spans == [#"{"a": "}\"]", "b": [1, {"c": null}]}"#, #""s""#])
    }

    @Test func parseIsNilForWhatIsNotJSON() {
        #expect(JSONValue.parse(Data("not json".utf8)) == nil)
        #expect(JSONValue.parse(Data()) == nil)
        #expect(JSONValue.parse(Data(#"{"value":[]}"#.utf8))?["value"] == .array([]))
    }
}

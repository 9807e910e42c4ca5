import Foundation
import Testing
@testable import AuthdeskSandbox

/// The sandbox's own string comparisons give Foundation's answers (they replace them on every
/// request).
@Suite("String matching")
struct StringMatchingTests {
    @Test func equalIgnoringCaseAsFoundationSays() {
        let pairs: [(String, String)] = [
            ("signInActivity", "SIGNINACTIVITY"), ("Content-Length", "content-length"), ("abc", "abd"), ("abc", "ab"),
            ("", ""), ("a", ""), ("@[`{", "@[`{"), ("@", "`"), ("[", "{"), ("ÉTÉ", "été"), ("Straße", "STRASSE"), ("i", "İ"),
            ("3179E48A-750B-4051-897C-87B9720928F7", "3179e48a-750b-4051-897c-87b9720928f7"),
        ]
        for (a, b) in pairs {
            #expect(a.equalsIgnoringCase(b) == (a.caseInsensitiveCompare(b) == .orderedSame), "\(a) / \(b)")
            #expect(b.equalsIgnoringCase(a) == (b.caseInsensitiveCompare(a) == .orderedSame), "\(b) / \(a)")
        }
        #expect("Content-Length".equalsIgnoringCase("CONTENT-length"))
        #expect(!"@".equalsIgnoringCase("`"))
    }

    @Test func trimsSpacesAsFoundationSays() {
        let samples = ["  token  ", "\ttoken\t", "token", "", "   ", "\u{00A0}tok en\u{3000}", "\ntoken\n", " \u{2003}x\u{2009} ",
                       "田中 ", " 👩‍💻", "a\u{200B}", "\u{1680}x\u{202F}\u{205F}", "\u{200A}x\u{200C}"]
        for sample in samples {
            #expect(sample.trimmingSpaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.unicodeScalars.map(\.value))")
        }
    }

    @Test func decodesPercentEscapesAsFoundationSays() {
        for sample in ["CameronW%40contoso.com", "plain", "%E7%94%B0%E4%B8%AD", "100%", "%zz", "a+b", ""] {
            #expect(sample.percentDecoded == (sample.removingPercentEncoding ?? sample), "\(sample)")
        }
    }
}

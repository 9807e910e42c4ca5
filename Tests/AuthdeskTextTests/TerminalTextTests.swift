import AuthdeskText
import Testing

struct TerminalTextTests {
    @Test func escapeSequencesAreShownNotSent() {
        let hostile = "Eve\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J"
        let shown = TerminalText.visible(hostile)
        #expect(shown == "Eve\\e]52;c;ZXZpbA==\\u{7}\\e[2J")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test(arguments: [
        ("\u{202E}", "\\u{202E}"), ("\u{202A}", "\\u{202A}"), ("\u{2066}", "\\u{2066}"), ("\u{2069}", "\\u{2069}"),
        ("\u{200E}", "\\u{200E}"), ("\u{200F}", "\\u{200F}"), ("\u{061C}", "\\u{61C}"), ("\u{9B}", "\\u{9B}"),
        ("\u{7F}", "\\u{7F}"), ("\u{85}", "\\u{85}"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"), ("\u{0}", "\\u{0}"),
    ])
    func everyUnsafeScalarIsEscaped(_ input: String, _ expected: String) {
        #expect(TerminalText.visible("a" + input + "b") == "a" + expected + "b")
    }

    @Test func ordinaryTextIsKept() {
        for text in ["Cameron White", "山田 太郎", "Zoe\u{0308}", "עברית", "\u{1F468}\u{200D}\u{1F469}", "a\u{200B}b", ""] {
            #expect(TerminalText.visible(text) == text)
        }
    }
}

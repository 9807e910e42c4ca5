@testable import AuthdeskText
import Testing

struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("山", 2), ("김", 2), ("é", 1), ("e\u{0301}", 1), ("\u{1F600}", 2), ("Ａ", 2),
    ])
    func oneCharacter(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test func stringsAddUp() {
        #expect(DisplayWidth.of("山田 太郎") == 9)
        #expect(DisplayWidth.of("Zoe\u{0308}") == 3)
        #expect(DisplayWidth.of("José Álvarez") == 12)
    }

    @Test func combiningMarksStayWithTheirBase() throws {
        let glyph = try #require(DisplayWidth.glyph(for: Character("e\u{0301}"), asciiOnly: false))
        #expect(glyph.text == "e\u{0301}")
        #expect(glyph.width == 1)
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        let hostile = "Eve\u{1B}[2J\u{07}"
        let glyphs = hostile.compactMap { DisplayWidth.glyph(for: $0, asciiOnly: false)?.text }
        #expect(!glyphs.joined().unicodeScalars.contains { $0.value < 0x20 })
        #expect(glyphs.contains("\u{FFFD}"))
        let ascii = hostile.compactMap { DisplayWidth.glyph(for: $0, asciiOnly: true)?.text }
        #expect(ascii.joined() == "Eve?[2J?")
    }

    @Test func asciiOnlyStripsAccentsAndMarksTheRest() {
        let shown = "José 山".compactMap { DisplayWidth.glyph(for: $0, asciiOnly: true)?.text }.joined()
        #expect(shown == "Jose ?")
    }

    @Test func truncationCountsColumnsNotCharacters() {
        #expect(DisplayWidth.truncate("山田太郎", to: 5) == "山田…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("山田太郎", to: 5)) == 5)
        #expect(DisplayWidth.truncate("山田太郎", to: 6) == "山田…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.fit("山田", to: 6) == "山田  ")
        #expect(DisplayWidth.fit("Zoe\u{0308}y", to: 3, ellipsis: "~") == "Zo~")
    }

    // The command line's table cases (they were AuthdeskOutput's own function's).

    @Test func widthsOfScripts() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("山田") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("Zoë") == 3)
        #expect(DisplayWidth.of("Zoe\u{0308}") == 3)
        #expect(DisplayWidth.of("Ελένη") == 5)
        #expect(DisplayWidth.of("Алексей") == 7)
    }

    @Test func padFillsToColumnsAndNeverCuts() {
        #expect(DisplayWidth.pad("山田", to: 6) == "山田  ")
        #expect(DisplayWidth.pad("Zoe\u{0308}", to: 5) == "Zoe\u{0308}  ")
        #expect(DisplayWidth.pad("Cameron White", to: 5) == "Cameron White")
    }

    @Test func zeroWidthAndEmojiSequencesCountAsDrawn() {
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{1F44D}\u{1F3FD}") == 2)
        #expect(DisplayWidth.of("\u{1F1EF}\u{1F1F5}") == 2)
        #expect(DisplayWidth.of("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}") == 2)
        #expect(DisplayWidth.of("a\u{07}b") == 3)
    }

    /// Where no UTF-8 locale exists: marks and format characters none, East Asian wide and
    /// emoji-presentation characters two, controls unprintable.
    @Test func theFallbackKeepsTheWideAndZeroRules() {
        let widths: [(Unicode.Scalar, Int)] = [
            ("a", 1), ("山", 2), ("한", 2), ("\u{0301}", 0), ("\u{200B}", 0), ("\u{1F600}", 2), ("\u{1F44D}", 2),
            ("\u{1F321}", 1), ("Ａ", 2), ("\u{85}", -1), ("é", 1),
        ]
        for (scalar, width) in widths {
            #expect(DisplayWidth.fallback(scalar) == width, "U+\(String(scalar.value, radix: 16))")
        }
    }
}

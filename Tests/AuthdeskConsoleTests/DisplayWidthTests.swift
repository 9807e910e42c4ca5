import AuthdeskConsole
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
}

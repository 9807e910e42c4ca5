import AuthdeskConsole
import AuthdeskViewModels
import Testing

/// What a terminal sends unasked is consumed whole and never becomes a key; the keys around it
/// still arrive, and a lone escape is still the escape key.
struct InputDecoderTests {
    /// The keys `bytes` make when read in one batch (as curses hands them over, one code each).
    private func keys(_ text: String, decoder: inout InputDecoder) -> [Key] {
        var keys: [Key] = []
        for scalar in text.unicodeScalars { keys += decoder.feed(code: scalar.value, isKeyCode: false) }
        return keys + decoder.endOfBatch()
    }

    private func keys(_ text: String) -> [Key] {
        var decoder = InputDecoder()
        return keys(text, decoder: &decoder)
    }

    private func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func plainTypingPassesThrough() {
        #expect(keys("olga") == typed("olga"))
        #expect(keys("\t\r") == [.tab, .enter])
    }

    @Test func aLoneEscapeIsTheEscapeKey() {
        #expect(keys("\u{1B}") == [.escape])
        // Escape then a key in the same batch (Alt+key): both, as before.
        #expect(keys("\u{1B}j") == [.escape, .character("j")])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
    }

    @Test func deviceAttributesAnswersAreIgnored() {
        // DA1 answers (VT220 level 2, VT100 with AVO), DA2, and DECID's VT52-era answer shape.
        #expect(keys("\u{1B}[?62;c") == [])
        #expect(keys("\u{1B}[?1;2c") == [])
        #expect(keys("\u{1B}[>41;380;0c") == [])
        #expect(keys("ol\u{1B}[?62;1;6;22cga") == typed("olga"))
    }

    @Test func focusEventsAreIgnored() {
        #expect(keys("\u{1B}[I") == [])
        #expect(keys("\u{1B}[O") == [])
        #expect(keys("a\u{1B}[Ob\u{1B}[Ic") == typed("abc"))
    }

    @Test func bracketedPasteMarkersAreIgnoredAndThePasteTyped() {
        #expect(keys("\u{1B}[200~olga\u{1B}[201~") == typed("olga"))
    }

    @Test func unknownControlSequencesAreIgnored() {
        #expect(keys("\u{1B}[12;40R") == [])  // cursor position report
        #expect(keys("\u{1B}[0n") == [])  // device status
        #expect(keys("\u{1B}[<0;12;5M") == [])  // an SGR mouse report
        #expect(keys("\u{1B}[2 q") == [])  // intermediate byte
        #expect(keys("\u{1B}[2~") == [])  // insert: no use
        #expect(keys("\u{1B}Ox") == [])  // unknown SS3
        #expect(keys("\u{9B}?62;c") == [])  // 8-bit CSI
        #expect(keys("\u{85}") == [])  // a stray C1 control
    }

    @Test func controlStringsAreIgnoredToTheirTerminator() {
        #expect(keys("\u{1B}]11;rgb:0000/0000/0000\u{07}") == [])  // OSC answer, BEL
        #expect(keys("\u{1B}]10;rgb:ffff/ffff/ffff\u{1B}\\x") == typed("x"))  // OSC, ST
        #expect(keys("\u{1B}P1$r0m\u{1B}\\") == [])  // DCS (DECRQSS answer)
        #expect(keys("\u{1B}_answerback\u{1B}\\") == [])  // APC
        #expect(keys("\u{1B}^pm\u{1B}\\") == [])  // PM
        #expect(keys("\u{9D}0;title\u{9C}ok") == typed("ok"))  // 8-bit OSC and ST
    }

    @Test func keysTheTerminalSendsAsSequencesStillWork() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}OA\u{1B}OB") == [.up, .down])
        #expect(keys("\u{1B}[1;5A") == [.up])
        #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[3~") == [.pageUp, .pageDown, .delete])
        #expect(keys("\u{1B}[H\u{1B}[F\u{1B}[Z") == [.home, .end, .backTab])
        #expect(keys("\u{1B}OP") == [.function(1)])
    }

    @Test func aSequenceSplitAcrossReadsIsFollowed() {
        var decoder = InputDecoder()
        #expect(keys("x\u{1B}[?6", decoder: &decoder) == typed("x"))
        #expect(decoder.isPending)
        #expect(keys("2;cy", decoder: &decoder) == typed("y"))
        #expect(!decoder.isPending)
    }

    @Test func aBrokenSequenceGivesUpAndAnEscapeStartsAfresh() {
        #expect(keys("\u{1B}[12\u{1B}[A") == [.up])
        let long = "\u{1B}[" + String(repeating: "1", count: 100) + "x"
        #expect(keys(long + "ok") == typed("ok"))
    }

    @Test func keysCursesDecodedPassThrough() {
        var decoder = InputDecoder()
        // KEY_DOWN after a pending escape: the escape was a key of its own.
        #expect(decoder.feed(code: 27, isKeyCode: false) == [])
        #expect(decoder.feed(code: 0o402, isKeyCode: true) == [.escape, .down])
        #expect(decoder.endOfBatch() == [])
    }
}

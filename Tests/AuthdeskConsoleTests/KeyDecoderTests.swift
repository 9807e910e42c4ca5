import AuthdeskConsole
import AuthdeskViewModels
import Testing

struct KeyDecoderTests {
    @Test func characters() {
        #expect(KeyDecoder.key(code: 0x6A, isKeyCode: false) == .character("j"))
        #expect(KeyDecoder.key(code: 0x5C71, isKeyCode: false) == .character("山"))
        #expect(KeyDecoder.key(code: 9, isKeyCode: false) == .tab)
        #expect(KeyDecoder.key(code: 13, isKeyCode: false) == .enter)
        #expect(KeyDecoder.key(code: 10, isKeyCode: false) == .enter)
        #expect(KeyDecoder.key(code: 27, isKeyCode: false) == .escape)
        #expect(KeyDecoder.key(code: 127, isKeyCode: false) == .backspace)
        #expect(KeyDecoder.key(code: 21, isKeyCode: false) == .control("u"))
        #expect(KeyDecoder.key(code: 0, isKeyCode: false) == nil)
    }

    @Test func keypadCodes() {
        // The values of curses.h's KEY_DOWN, KEY_UP, KEY_NPAGE, KEY_PPAGE, KEY_HOME, KEY_END, KEY_RESIZE.
        #expect(KeyDecoder.key(code: 0o402, isKeyCode: true) == .down)
        #expect(KeyDecoder.key(code: 0o403, isKeyCode: true) == .up)
        #expect(KeyDecoder.key(code: 0o522, isKeyCode: true) == .pageDown)
        #expect(KeyDecoder.key(code: 0o523, isKeyCode: true) == .pageUp)
        #expect(KeyDecoder.key(code: 0o406, isKeyCode: true) == .home)
        #expect(KeyDecoder.key(code: 0o550, isKeyCode: true) == .end)
        #expect(KeyDecoder.key(code: 0o410 + 1, isKeyCode: true) == .function(1))
        #expect(KeyDecoder.key(code: 0o632, isKeyCode: true) == nil)
    }
}

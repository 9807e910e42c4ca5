@testable import AuthdeskViewModels
import Testing

struct HelpStateTests {
    @Test func scrollingStaysWithinTheLines() {
        var help = HelpState()
        help.open()
        let scrolled = help.scroll(.pageDown, lineCount: 15)
        #expect(scrolled)
        #expect(help.top == 10)
        let scrolled2 = help.scroll(.pageDown, lineCount: 15)
        #expect(scrolled2)
        #expect(help.top == 14)
        let scrolled3 = help.scroll(.top, lineCount: 15)
        #expect(scrolled3)
        #expect(help.top == 0)
        let scrolled4 = help.scroll(.quit, lineCount: 15)
        #expect(!scrolled4, "not a scrolling key")
    }
}

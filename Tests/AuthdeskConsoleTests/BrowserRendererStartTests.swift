import AuthdeskConsole
import Testing

/// The starting frame: drawn before the tenants are open, in the browser's own layout.
struct BrowserRendererStartTests {
    private static let expected80x24 = """
         authdesk
         /                                                                    starting…
        ┌─ Users ──────────────────────────┐┌─ Methods ────────────────────────────────┐
        │  Name           Principal name   ││                                          │
        │ Signing in to contoso…           ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  │└──────────────────────────────────────────┘
        │                                  │┌─ Details ────────────────────────────────┐
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        └──────────────────────────────────┘└──────────────────────────────────────────┘

         ctrl-c quit
        """

    @Test func theStartingFrameAt80x24() {
        let grid = BrowserRenderer.renderStart(phase: "Signing in to contoso", note: nil, width: 80, height: 24, options: RenderOptions())
        #expect(grid.text == Self.expected80x24)
    }

    @Test func aSignInPromptShowsOnTheFlashLineAsText() {
        let prompt = "To sign in, open https://microsoft.com/devicelogin and enter the code ABCD1234\u{1B}[2J"
        let grid = BrowserRenderer.renderStart(phase: "Signing in to contoso", note: prompt, width: 100, height: 24, options: RenderOptions())
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[22].contains("enter the code ABCD1234\\e[2J"))
        #expect(!grid.text.contains("\u{1B}"))
    }

    @Test func aTerminalTooSmallSaysSo() {
        let grid = BrowserRenderer.renderStart(phase: "Opening the tenants", note: nil, width: 40, height: 10, options: RenderOptions())
        #expect(grid.text.contains("authdesk needs at least 60x14"))
    }
}

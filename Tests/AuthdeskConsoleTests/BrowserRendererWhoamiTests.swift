import AuthdeskConsole
import AuthdeskViewModels
import Testing

struct BrowserRendererWhoamiTests {
    /// `:whoami` takes the help overlay: its lines in a box named for the tenant, service text
    /// escaped like everywhere else.
    @Test func theWhoamiOverlayShowsItsLines() {
        var state = Screens.browser()
        state.help.isShown = true
        state.whoami = WhoamiScreen(lines: [
            "Profile contoso: Microsoft Entra ID, signed in with device-code as helpdesk@contoso.com",
            "ACTION          ALLOWED  MISSING / NOTE", "password reset  no       a signed-in operator\u{1B}[2J",
        ])
        let text = Screens.render(state, width: 100, height: 24).text
        #expect(text.contains("Who am I: contoso"))
        #expect(text.contains("signed in with device-code as helpdesk@contoso.com"))
        #expect(text.contains("password reset  no       a signed-in operator\\e[2J"))
        #expect(!text.contains("Help: keys"))
    }
}

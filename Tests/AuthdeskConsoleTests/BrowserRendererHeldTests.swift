import AuthdeskConsole
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels
import Foundation
import Testing

struct BrowserRendererHeldTests {
    static let bob = UserLease.Holder(token: "t-bob", operatorName: "bob@jump-2", host: "jump-2", pid: 4101, ticket: "INC-1\u{1B}[2J")

    static func held(_ userID: String) -> BrowserState {
        var state = Screens.browser(width: 200)
        let since = Date(timeIntervalSince1970: 1_790_000_000)
        _ = state.apply(.leasesRead([
            UserLease(key: TenantUserKey(tenant: "contoso", userID: userID), holder: bob, since: since, expiresAt: since + 30)
        ]))
        return state
    }

    /// A user another operator holds gets the held glyph in the mark column; the selected one's
    /// methods pane says who holds them, the journal's text escaped like service text.
    @Test func aHeldUserIsMarkedAndTheMethodsTitleSaysWhoHoldsThem() {
        let grid = Screens.render(Self.held("u1"), width: 200, height: 24)
        let adele = grid.text.split(separator: "\n").first { $0.contains("Adele Vance") && $0.contains("AdeleV@") }
        #expect(adele?.contains("\u{25B8}\u{2298}Adele Vance") == true)
        #expect(grid.text.contains("held by bob@jump-2 on jump-2 since 14:13, ticket INC-1\\e[2J"))
        let ascii = Screens.render(Self.held("u1"), width: 200, height: 24, options: RenderOptions(asciiLines: true))
        #expect(ascii.text.contains(">!Adele Vance"))
    }

    @Test func anotherUserHeldLeavesTheSelectedOnesTitleAlone() {
        let grid = Screens.render(Self.held("u3"), width: 200, height: 24)
        #expect(!grid.text.contains("held by"))
        let jose = grid.text.split(separator: "\n").first { $0.contains("José Álvarez") }
        #expect(jose?.contains(" \u{2298}José Álvarez") == true)
        let plain = Screens.render(Screens.browser(width: 200), width: 200, height: 24)
        #expect(!plain.text.contains("\u{2298}"))
    }

    /// At 80 columns the methods pane is 44 wide: who holds the user is wrapped at the pane's
    /// top, whole, and the methods follow below it; the title keeps the user's name.
    @Test func atEightyColumnsWhoHoldsTheUserWrapsAboveTheMethods() throws {
        let grid = Screens.render(Self.held("u1"), width: 80, height: 24)
        let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[2].contains("Methods \u{00B7} Adele Vance") && !rows[2].contains("held"))
        // The methods pane's rows: what is between its borders (the users pane's border is first).
        let pane = rows[3..<11].map { row in
            let parts = row.split(separator: "\u{2502}", omittingEmptySubsequences: false)
            return parts.count > 3 ? String(parts[3]) : ""
        }
        let notice = pane.prefix(2).joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(!notice.contains("\u{2026}"))
        #expect(notice == "\u{2298} held by bob@jump-2 on jump-2 since 14:13, ticket INC-1\\e[2J")
        #expect(pane[2].contains("Password"))
    }
}

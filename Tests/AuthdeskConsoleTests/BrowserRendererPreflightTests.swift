import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// The pre-flight in a dialog, drawn at 80x24: "checking…", a refusal in the error style with its
/// confirm button saying so, a warning in the warning style, and who is signed in.
struct BrowserRendererPreflightTests {
    static let helpdesk = OperatorProfile(
        signIn: .user(principalName: "helpdesk@contoso.com", id: "op"), roles: [.authenticationAdministrator])
    static let refusal = PreflightVerdict.refused(
        "Adele Vance is a Global Administrator; an Authentication Administrator cannot change an administrator's methods: ask a Privileged Authentication Administrator")

    /// Adele's mobile phone's delete dialog, the operator known, then `verdict` (if any).
    func deleteDialog(_ verdict: PreflightVerdict?) throws -> BrowserState {
        var state = Screens.browser()
        _ = state.apply(.operatorAnswered(Self.helpdesk))
        _ = state.apply(.action(.nextPane))
        _ = state.apply(.action(.moveDown))
        _ = state.apply(.action(.deleteMethod))
        let id = try #require(state.dialog?.id)
        if let verdict { _ = state.apply(.preflightAnswered(dialogID: id, verdict)) }
        return state
    }

    @Test func checkingThenTheRefusalInTheErrorStyle() throws {
        let checking = Screens.render(try deleteDialog(nil)).text
        #expect(checking.contains("You: helpdesk@contoso.com · Authentication Administrator"))
        #expect(checking.contains("Pre-flight: checking…"))
        #expect(checking.contains("[ Cancel ]  [ Delete ]"))

        let grid = Screens.render(try deleteDialog(Self.refusal))
        let text = grid.text
        #expect(!text.contains("checking"))
        #expect(text.contains("Will be refused: Adele Vance is a Global Administrator"))
        #expect(text.contains("[ Cancel ]  [ Delete anyway (will be refused) ]"))
        let row = try #require((0..<grid.height).first { grid.row($0).contains("Will be refused") })
        let x = try #require(Array(grid.row(row)).firstIndex(of: "W"))
        let theme = Theme(options: RenderOptions(), tenantColor: .red)
        #expect(grid[x, row].style == theme.error)
    }

    @Test func aWarningInTheWarningStyleAndTheConfirmLabelUnchanged() throws {
        let grid = Screens.render(try deleteDialog(.warning("Adele Vance's directory roles could not be read")))
        #expect(grid.text.contains("Warning: Adele Vance's directory roles could not be read"))
        #expect(grid.text.contains("[ Cancel ]  [ Delete ]"))
        let row = try #require((0..<grid.height).first { grid.row($0).contains("Warning:") })
        let x = try #require(Array(grid.row(row)).firstIndex(of: "W"))
        #expect(grid[x, row].style == Theme(options: RenderOptions(), tenantColor: .red).warning)
    }

    @Test func theHelpScreenNamesTheOperator() {
        var state = Screens.browser()
        _ = state.apply(.operatorAnswered(Self.helpdesk))
        _ = state.apply(.action(.help))
        #expect(Screens.render(state).text.contains("signed in as helpdesk@contoso.com · Authentication Administrator"))
    }
}

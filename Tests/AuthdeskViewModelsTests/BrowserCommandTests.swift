import AuthdeskCore
@testable import AuthdeskViewModels
import Testing

struct BrowserCommandTests {
    private let contoso = TenantInfo(name: "contoso", provider: .graph, id: "t1", domain: "contoso.com")
    private let fabrikam = TenantInfo(name: "fabrikam", provider: .auth0, id: "t2", domain: "fabrikam.com")

    @Test func theTableListsEveryCommandOnceWithItsArgument() {
        #expect(BrowserCommand.all.map(\.usage) == [
            ":q, :quit", ":help", ":jobs", ":unmark", ":journal", ":whoami", ":activity", ":ticket REF", ":tenant NAME", ":tenant",
        ])
    }

    /// `:whoami` opens the overlay on the current tenant, asks for its sign-in, shows the answer
    /// while open, and closes like help.
    @Test func whoamiShowsTheSignInInTheOverlay() {
        var state = BrowserState(tenant: contoso)
        #expect(BrowserCommand.dispatch("whoami", on: &state) == [.loadWhoami(tenant: "contoso")])
        #expect(state.help.isShown && state.whoami?.lines == ["Reading who is signed in to contoso…"])
        _ = state.apply(.whoamiAnswered(["Profile contoso", "ACTION  ALLOWED", "tap create  yes"]))
        #expect(state.whoami?.lines.count == 3 && state.helpLineCount == 3)
        _ = state.apply(.action(.closeHelp))
        #expect(!state.help.isShown && state.whoami == nil)
        _ = state.apply(.whoamiAnswered(["late"]))
        #expect(state.whoami == nil, "an answer after closing shows nothing")
    }

    @Test func aliasesRunButAreNotListed() {
        var state = BrowserState(tenant: contoso)
        _ = BrowserCommand.dispatch("h", on: &state)
        #expect(state.help.isShown)
        _ = BrowserCommand.dispatch("q!", on: &state)
        #expect(state.quitRequested)
        #expect(!BrowserCommand.all.flatMap(\.names).contains("q!"))
    }

    @Test func theArgumentDecidesBetweenTheTwoTenantCommands() {
        var state = BrowserState(tenant: contoso, tenants: [contoso, fabrikam])
        #expect(BrowserCommand.dispatch("tenant", on: &state).isEmpty)
        #expect(state.tenancy.picker != nil)
        var other = BrowserState(tenant: contoso, tenants: [contoso, fabrikam])
        #expect(BrowserCommand.dispatch("tenant fabrikam", on: &other) == [.openTenant(name: "fabrikam", generation: 1)])
    }

    @Test func anUnknownCommandOrAStrayArgumentNamesTheValidOnes() {
        var state = BrowserState(tenant: contoso)
        for text in ["jobs now", "quit please", "nope"] {
            #expect(BrowserCommand.dispatch(text, on: &state).isEmpty)
            #expect(state.flash?.text == "Unknown command :\(text) (valid: "
                + BrowserCommand.all.map(\.usage).joined(separator: ", ") + ")")
        }
        #expect(!state.quitRequested)
    }
}

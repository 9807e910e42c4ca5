import AuthdeskCore
@testable import AuthdeskViewModels
import Testing

struct BrowserCommandTests {
    private let contoso = TenantInfo(name: "contoso", provider: .graph, id: "t1", domain: "contoso.com")
    private let fabrikam = TenantInfo(name: "fabrikam", provider: .auth0, id: "t2", domain: "fabrikam.com")

    @Test func theTableListsEveryCommandOnceWithItsArgument() {
        #expect(BrowserCommand.all.map(\.usage) == [
            ":q, :quit", ":help", ":jobs", ":unmark", ":journal", ":ticket REF", ":tenant NAME", ":tenant",
        ])
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

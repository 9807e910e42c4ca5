import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Testing

/// The tenant picker and the banner after a switch: each tenant's name, provider, domain,
/// read-only flag and sign-in, and the banner in the new tenant's colour.
struct BrowserRendererTenantPickerTests {
    static let fabrikam = TenantInfo(
        name: "fabrikam", provider: .graph, id: "tid-f", domain: "fabrikam.com", color: "magenta", readOnly: true)
    static let acme = TenantInfo(name: "acme", provider: .auth0, id: "acme.eu.auth0.com", domain: "acme.eu.auth0.com")

    private func state() -> BrowserState {
        var state = BrowserState(tenant: Screens.contoso, tenants: [Screens.contoso, Self.fabrikam, Self.acme])
        _ = state.apply(.start)
        _ = state.apply(.searchAnswered(generation: state.list.generation, .success(UserPage(users: Screens.users))))
        return state
    }

    /// Where `needle` starts on the grid's text, as (column, row).
    private func find(_ needle: String, in grid: CellGrid) -> (x: Int, y: Int)? {
        for (y, line) in grid.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }

    @Test func thePickerListsEveryTenant() throws {
        var state = state()
        _ = state.apply(.action(.chooseTenant))
        _ = state.apply(.action(.moveDown))
        let grid = Screens.render(state)
        let text = grid.text
        #expect(text.contains("Switch tenant"))
        let lines = text.split(separator: "\n").map(String.init)
        let contoso = try #require(lines.first { $0.contains("contoso ") && $0.contains("current") })
        #expect(contoso.contains("Microsoft Entra ID"))
        let fabrikam = try #require(lines.first { $0.contains("fabrikam ") })
        #expect(fabrikam.contains("fabrikam.com") && fabrikam.contains("read-only") && fabrikam.contains("not signed in"))
        let acme = try #require(lines.first { $0.contains("acme ") })
        #expect(acme.contains("Auth0") && !acme.contains("read-only") && acme.contains("not signed in"))
        // The hint line is the picker's.
        #expect(lines.last?.contains("enter switch") == true)
        #expect(lines.last?.contains("esc close") == true)
        // The selected row (fabrikam) is highlighted; the others show their name in its colour.
        let fabrikamAt = try #require(find("fabrikam  Microsoft", in: grid))
        #expect(grid[fabrikamAt.x, fabrikamAt.y].style.reverse || grid[fabrikamAt.x, fabrikamAt.y].style.background != nil)
        let contosoAt = try #require(find("contoso   Microsoft", in: grid))
        #expect(grid[contosoAt.x, contosoAt.y].style.foreground == .red)
    }

    @Test func theBannerShowsTheNewTenantInItsColour() throws {
        var state = state()
        _ = state.apply(.action(.chooseTenant))
        _ = state.apply(.action(.moveDown))
        let effects = state.apply(.action(.accept))
        #expect(effects == [.openTenant(name: "fabrikam", generation: state.tenancy.generation)])
        _ = state.apply(.tenantOpened(
            generation: state.tenancy.generation, .success(TenantOpening(tenant: Self.fabrikam, capabilities: ProviderAction.graph))))
        let grid = Screens.render(state)
        let banner = try #require(grid.text.split(separator: "\n").first)
        #expect(banner.hasPrefix(" fabrikam · Microsoft Entra ID · fabrikam.com"))
        #expect(banner.contains("READ-ONLY"))
        #expect(grid[1, 0].style.background == .magenta)

        let plain = Screens.render(state, options: RenderOptions(color: false))
        #expect(plain[1, 0].style.background == nil)
        #expect(plain.text.split(separator: "\n").first?.hasPrefix(" fabrikam") == true)
    }
}

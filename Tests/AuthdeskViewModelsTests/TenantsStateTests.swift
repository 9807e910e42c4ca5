import AuthdeskCore
@testable import AuthdeskViewModels
import Testing

struct TenantsStateTests {
    private let contoso = TenantInfo(name: "contoso", provider: .graph, id: "t1", domain: "contoso.com")
    private let fabrikam = TenantInfo(name: "fabrikam", provider: .auth0, id: "t2", domain: "fabrikam.com")

    @Test func thePickerOpensOnTheCurrentTenantAndReturnsTheOneChosen() {
        var tenants = TenantsState(current: contoso, all: [contoso, fabrikam])
        tenants.openPicker()
        #expect(tenants.picker == TenantPicker(selected: 0))
        let picked = tenants.pick(.moveDown)
        #expect(picked == nil)
        let picked2 = tenants.pick(.moveDown)
        #expect(picked2 == nil)
        #expect(tenants.picker == TenantPicker(selected: 1), "stops at the last")
        let picked3 = tenants.pick(.accept)
        #expect(picked3 == "fabrikam")
        #expect(tenants.picker == nil)
    }

    @Test func aSessionOfOneTenantListsIt() {
        let tenants = TenantsState(current: contoso, all: [])
        #expect(tenants.all == [contoso])
        #expect(tenants.isSignedIn("contoso"))
        #expect(!tenants.isSignedIn("fabrikam"))
    }
}

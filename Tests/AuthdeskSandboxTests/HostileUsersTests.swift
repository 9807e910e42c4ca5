import Testing
@testable import AuthdeskSandbox

@Suite struct HostileUsersTests {
    /// The hostile users come after every other user (nothing is renumbered), can be looked up,
    /// and keep their escapes, bidi override and formula as the service would send them.
    @Test func hostileUsersAreAddedLastAndKeepTheirText() throws {
        var tenants = try SeedLoader.entraTenants(usersPerTenant: 3, seed: 1)
        var auth0 = try SeedLoader.auth0Tenant(usersCount: 3, seed: 1)
        let before = (tenants.map(\.users.count), auth0.users.count, tenants[0].users.map(\.id))
        try SeedLoader.addHostileUsers(to: &tenants, auth0: &auth0)
        let contoso = try #require(tenants.first { $0.identity.name == "contoso" })
        #expect(Array(contoso.users.prefix(before.2.count)).map(\.id) == before.2)
        #expect(contoso.users.count == before.0[0] + 2)
        #expect(tenants.filter { $0.identity.name != "contoso" }.map(\.users.count) == Array(before.0.dropFirst()))
        #expect(auth0.users.count == before.1 + 2)
        let eve = try #require(contoso.user("eve.bidi@contoso.com"))
        #expect(eve.displayName.unicodeScalars.contains("\u{202E}"))
        #expect(contoso.user("formula@contoso.com")?.displayName == "=HYPERLINK(\"http://x\",\"y\")")
        #expect(auth0.users.last { $0.email == "mallory@example.com" }?.name.contains("\u{1B}]52;c;") == true)
    }
}

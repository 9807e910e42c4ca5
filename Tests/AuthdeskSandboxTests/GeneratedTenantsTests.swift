import Foundation
import Testing
@testable import AuthdeskSandbox

/// `sandbox serve --tenants N`: the seed's Entra tenants, then generated ones, each with its own
/// ids, secret, operator and generated users, the same for the same seed.
@Suite("Generated Entra tenants", .timeLimit(.minutes(1)))
struct GeneratedTenantsTests {
    @Test func fiveTenantsAreTheSeedsTwoAndThreeGeneratedOnesThatEachSignIn() async throws {
        var options = SandboxOptions(usersPerTenant: 4)
        options.entraTenants = 5
        let many = try await Sandbox.start(options)
        let names = many.info.tenants.map(\.name)
        #expect(names == ["contoso", "fabrikam", "tenant03", "tenant04", "tenant05"])
        #expect(Set(many.info.tenants.map(\.id)).count == 5)
        #expect(Set(many.info.tenants.map(\.clientSecret)).count == 5)
        let client = TestClient(many)
        let token = try await client.appToken("tenant05")
        let users = try await client.get("/v1.0/users", token: token, query: ["$top": "50"])
        #expect(users.status == 200)
        let principals = users.values.compactMap { $0["userPrincipalName"] as? String }
        #expect(principals.count == 5, "the operator and four generated users")
        #expect(principals.contains("helpdesk@tenant05.example.com"))
        #expect(principals.allSatisfy { $0.hasSuffix("@tenant05.example.com") })
        await many.stop()
    }

    @Test func theSameSeedGivesTheSameTenants() throws {
        let first = try SeedLoader.entraSeeds(count: 4, seed: 3).tenants
        let again = try SeedLoader.entraSeeds(count: 4, seed: 3).tenants
        let other = try SeedLoader.entraSeeds(count: 4, seed: 4).tenants
        #expect(first.map(\.text) == again.map(\.text))
        #expect(first[3]["id"]?.stringValue != other[3]["id"]?.stringValue)
        #expect(try SeedLoader.entraSeeds(count: 1, seed: 3).tenants.map { $0["name"]?.stringValue } == ["contoso"])
    }

    @Test func aCountOutsideOneToAHundredIsRefusedWithWhatIsValid() {
        var options = SandboxOptions()
        options.entraTenants = 0
        #expect(options.problem == "--tenants must be 1 to 100 Entra tenants, not 0")
        options.entraTenants = 101
        #expect(options.problem == "--tenants must be 1 to 100 Entra tenants, not 101")
        options.entraTenants = 20
        #expect(options.problem == nil)
    }
}

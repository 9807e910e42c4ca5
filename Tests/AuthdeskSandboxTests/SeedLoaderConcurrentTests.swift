import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Seed tenants built concurrently")
struct SeedLoaderConcurrentTests {
    @Test func theSameTenantsAsBuiltOneAfterTheOther() async throws {
        let concurrent = try await SeedLoader.allTenants(usersPerTenant: 60, seed: 9)
        let entra = try SeedLoader.entraTenants(usersPerTenant: 60, seed: 9)
        let auth0 = try SeedLoader.auth0Tenant(usersCount: 60, seed: 9)
        #expect(concurrent.entra.map(\.identity.name) == entra.map(\.identity.name))
        #expect(concurrent.entra.map(\.users) == entra.map(\.users))
        #expect(concurrent.entra.map(\.certificates.count) == entra.map(\.certificates.count))
        #expect(concurrent.auth0.users.map(\.userId) == auth0.users.map(\.userId))
        #expect(concurrent.auth0.users.map(\.createdAt) == auth0.users.map(\.createdAt))
    }

    @Test func guidsAreTheSameAsBefore() {
        // Worked out by hand from SplitMix64(seed: 1): the first 16 outputs' low bytes, with the
        // version and variant bits set.
        var rng = SplitMix64(seed: 1)
        #expect(rng.guid() == "c1675e0b-b980-4575-a896-61fec08aa83b")
    }

    @Test func wireTimestampsPadEveryPart() {
        #expect(Timestamps.wire(year: 4, month: 1, day: 9, hour: 0, minute: 5, second: 59) == "2004-01-09T00:05:59Z")
        #expect(Timestamps.wire(year: 24, month: 12, day: 28, hour: 23, minute: 10, second: 0) == "2024-12-28T23:10:00Z")
    }
}

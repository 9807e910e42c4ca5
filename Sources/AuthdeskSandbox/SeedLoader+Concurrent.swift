import Foundation

extension SeedLoader {
    /// Every tenant of the seed, each generated in its own task: the sandbox starts in the time
    /// of its largest tenant rather than of all of them one after the other (it is on the path
    /// to the console's first frame). The result is the same as building them in turn.
    static func allTenants(
        usersPerTenant: Int, seed: UInt64, entraTenants: Int = 2
    ) async throws -> (entra: [TenantRecord], auth0: Auth0Tenant) {
        let (seeds, names) = try entraSeeds(count: entraTenants, seed: seed)
        async let auth0 = auth0Tenant(usersCount: usersPerTenant, seed: seed)
        let entra = try await withThrowingTaskGroup(of: (Int, TenantRecord).self) { group in
            for (index, tenant) in seeds.enumerated() {
                group.addTask { (index, try entraTenant(tenant, names: names, usersPerTenant: usersPerTenant, seed: seed)) }
            }
            var records = [TenantRecord?](repeating: nil, count: seeds.count)
            for try await (index, record) in group { records[index] = record }
            return records.compactMap { $0 }
        }
        return (entra, try await auth0)
    }
}

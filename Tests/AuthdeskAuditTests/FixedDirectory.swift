import AuthdeskCore
import AuthdeskServices

/// A tenant directory of one provider, for the audited directory's test.
struct FixedDirectory: TenantDirectory {
    let provider: any IdentityProvider

    var tenants: [TenantInfo] { [provider.tenant] }

    func provider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        guard name == provider.tenant.name else { throw ServiceError(kind: .notFound, message: "no tenant \(name)") }
        return provider
    }
}

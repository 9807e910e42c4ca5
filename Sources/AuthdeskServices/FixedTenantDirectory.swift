import AuthdeskCore

/// A ``TenantDirectory`` over providers already signed in: one command's tenants, or tests.
public struct FixedTenantDirectory: TenantDirectory {
    private let providers: [any IdentityProvider]

    /// `providers`: one per tenant, in the order offered; names must be distinct.
    public init(_ providers: [any IdentityProvider]) {
        self.providers = providers
    }

    public var tenants: [TenantInfo] { providers.map(\.tenant) }

    public func provider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        guard let provider = providers.first(where: { $0.tenant.name == name }) else {
            let known = providers.map(\.tenant.name).joined(separator: ", ")
            throw ServiceError(kind: .notFound, message: "no tenant '\(name)'; tenants: \(known)")
        }
        return provider
    }
}

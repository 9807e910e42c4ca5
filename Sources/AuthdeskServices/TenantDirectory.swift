import AuthdeskCore

/// The tenants an operator may work in during one session, by profile name: the console's
/// `:tenant` switch and a bulk job across tenants both get their providers here.
///
/// Implementations sign in to a tenant on first use and keep the provider for the session.
public protocol TenantDirectory: Sendable {
    /// Every tenant the operator may open, in the order the configuration lists them.
    var tenants: [TenantInfo] { get }

    /// The provider of tenant `name` (a profile name), signing in first when needed.
    /// Throws `notFound` for a name not in ``tenants``.
    func provider(for name: String) async throws(ServiceError) -> any IdentityProvider
}

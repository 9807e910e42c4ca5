import Foundation

/// A bearer token the sandbox issued and remembers: whose it is, what it may do, until when.
struct TokenRecord: Sendable {
    enum Audience: Sendable, Equatable {
        /// Graph, for an Entra tenant (by tenant id).
        case graph(tenantId: String)
        /// Auth0's Management API.
        case auth0
    }

    var audience: Audience
    var clientId: String
    /// The signed-in user (delegated token), nil for an application token.
    var userId: String?
    /// Delegated scopes (`scp`) or application permissions (`roles`) or Auth0 scopes.
    var permissions: Set<String>
    var expiresAt: Date

    func allows(_ permission: String) -> Bool {
        permissions.contains(permission)
    }
}

import Foundation

/// A user as the bulk commands take it: `USER`, or `TENANT:USER` where TENANT is a profile name,
/// so that one job can reset users of several tenants.
public struct UserReference: Sendable, Hashable {
    /// The profile name, or nil for the default tenant.
    public var tenant: String?
    /// An object id or principal name (Graph), a user id or e-mail (Auth0).
    public var user: String

    /// Reads `USER` or `TENANT:USER`; the first colon separates the tenant (principal names,
    /// object ids and Auth0 ids hold no colon).
    public init(parsing text: String) throws(UsageError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let colon = trimmed.firstIndex(of: ":") {
            let tenant = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
            let user = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            guard !tenant.isEmpty, !user.isEmpty else {
                throw UsageError("'\(text)' is not a user; write USER or TENANT:USER (TENANT is a profile name)")
            }
            self.tenant = tenant
            self.user = user
        } else {
            guard !trimmed.isEmpty else { throw UsageError("an empty user was given; write USER or TENANT:USER") }
            tenant = nil
            user = trimmed
        }
    }
}

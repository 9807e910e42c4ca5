import AuthdeskCore

/// A user to put in a reset job, and the tenant (profile name) the user is in.
public struct ResetTarget: Sendable, Hashable {
    /// A user by tenant and id: unique within a job.
    public typealias Key = TenantUserKey

    public var tenant: String
    public var user: DirectoryUser

    public init(tenant: String, user: DirectoryUser) {
        self.tenant = tenant
        self.user = user
    }

    public var key: Key { Key(tenant: tenant, userID: user.id) }
}

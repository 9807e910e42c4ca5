import AuthdeskCore

/// A user to put in a reset job, and the tenant (profile name) the user is in.
public struct ResetTarget: Sendable, Hashable {
    public var tenant: String
    public var user: DirectoryUser

    public init(tenant: String, user: DirectoryUser) {
        self.tenant = tenant
        self.user = user
    }
}

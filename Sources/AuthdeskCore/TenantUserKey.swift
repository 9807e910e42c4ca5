/// One user in one tenant (profile name and user id): what an operator marks, and what a lease
/// in the shared journal holds.
public struct TenantUserKey: Sendable, Hashable {
    public var tenant: String
    public var userID: String

    public init(tenant: String, userID: String) {
        self.tenant = tenant
        self.userID = userID
    }
}

/// One user's plan inside a job: which tenant, which user, and the ``ResetPlan``.
public struct UserResetPlan: Sendable, Hashable, Codable, Identifiable {
    /// The tenant's profile name (`contoso`).
    public var tenant: String
    /// The object id (Graph) or user id (Auth0) the requests address.
    public var userID: String
    public var displayName: String
    public var plan: ResetPlan

    /// Plans `policy` for `user` of `tenant` from the methods just listed.
    public init(
        tenant: String, user: DirectoryUser, methods: [AuthMethod], defaultMethodID: String? = nil,
        policy: ResetPolicy
    ) {
        self.tenant = tenant
        userID = user.id
        displayName = user.displayName
        plan = ResetPlan(methods: methods, defaultMethodID: defaultMethodID, policy: policy)
    }

    /// `tenant/userID`: unique within a job.
    public var id: String { "\(tenant)/\(userID)" }
}

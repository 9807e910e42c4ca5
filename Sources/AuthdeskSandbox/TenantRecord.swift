/// An Entra tenant of the sandbox: its identity and app registration (as ``SandboxInfo``
/// publishes them, and read through: `tenant.clientId`), its certificates and its users.
@dynamicMemberLookup
struct TenantRecord: Sendable {
    var identity: SandboxInfo.Tenant
    /// Whether password writeback to on-premises is configured (else resets of synced users fail).
    var passwordWriteback: Bool
    /// The tenant's Entra ID licence (`P1`, `P2` or `free`): the reports API and sign-in activity
    /// need P1 or P2.
    var licence = "free"
    var users: [UserRecord]
    /// Certificates registered for the app: client assertions must be signed with one of them.
    var certificates: [AppCertificate] = []
    /// Positions of users by lowercased id and lowercased UPN.
    private var index: [String: Int] = [:]

    init(identity: SandboxInfo.Tenant, passwordWriteback: Bool, users: [UserRecord]) {
        self.identity = identity
        self.passwordWriteback = passwordWriteback
        self.users = users
        reindex()
    }

    subscript<Value>(dynamicMember keyPath: KeyPath<SandboxInfo.Tenant, Value>) -> Value {
        identity[keyPath: keyPath]
    }

    /// The user principal name a device-code sign-in is approved as.
    var operatorUPN: String { identity.operator }

    mutating func reindex() {
        index = [:]
        for (position, user) in users.enumerated() {
            index[user.id.lowercased()] = position
            index[user.userPrincipalName.lowercased()] = position
        }
    }

    /// Whether `key` names this tenant (its id or its domain, any case).
    func matches(_ key: String) -> Bool {
        key.equalsIgnoringCase(identity.id) || key.equalsIgnoringCase(identity.domain)
    }

    /// The position of a user by object id or user principal name.
    func position(of key: String) -> Int? {
        index[key.lowercased()]
    }

    func user(_ key: String) -> UserRecord? {
        position(of: key).map { users[$0] }
    }

    var operatorUser: UserRecord? { user(operatorUPN) }

    /// Whether the tenant holds a P1 or P2 licence.
    var isPremium: Bool { licence.uppercased() == "P1" || licence.uppercased() == "P2" }
}

/// An Entra tenant of the sandbox: its identity, its app registration and its users.
struct TenantRecord: Sendable {
    var name: String
    var id: String
    var domain: String
    var clientId: String
    var clientSecret: String
    var operatorUPN: String
    /// Whether password writeback to on-premises is configured (else resets of synced users fail).
    var passwordWriteback: Bool
    var users: [UserRecord]
    /// Certificates registered for the app: client assertions must be signed with one of them.
    var certificates: [AppCertificate] = []
    /// Positions of users by lowercased id and lowercased UPN.
    private var index: [String: Int] = [:]

    init(name: String, id: String, domain: String, clientId: String, clientSecret: String,
         operatorUPN: String, passwordWriteback: Bool, users: [UserRecord]) {
        self.name = name
        self.id = id
        self.domain = domain
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.operatorUPN = operatorUPN
        self.passwordWriteback = passwordWriteback
        self.users = users
        reindex()
    }

    mutating func reindex() {
        index = [:]
        for (position, user) in users.enumerated() {
            index[user.id.lowercased()] = position
            index[user.userPrincipalName.lowercased()] = position
        }
    }

    /// Whether `key` names this tenant (its id or its domain, any case).
    func matches(_ key: String) -> Bool {
        key.lowercased() == id.lowercased() || key.lowercased() == domain.lowercased()
    }

    /// The position of a user by object id or user principal name.
    func position(of key: String) -> Int? {
        index[key.lowercased()]
    }

    func user(_ key: String) -> UserRecord? {
        position(of: key).map { users[$0] }
    }

    var operatorUser: UserRecord? { user(operatorUPN) }
}

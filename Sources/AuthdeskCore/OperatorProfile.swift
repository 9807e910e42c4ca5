/// The operator as the pre-flight sees them: who signs in, and their directory roles where the
/// service tells them (nil: not known, so the pre-flight warns and never blocks).
public struct OperatorProfile: Sendable, Hashable, Codable {
    public var signIn: OperatorSignIn
    /// The operator's directory roles; nil when the service does not tell them.
    public var roles: [AdminRole]?
    /// Why the roles are not known, in words for the banner ("unknown (application sign-in)").
    public var rolesNote: String?

    public init(signIn: OperatorSignIn, roles: [AdminRole]?, rolesNote: String? = nil) {
        self.signIn = signIn
        self.roles = roles
        self.rolesNote = rolesNote
    }

    /// An application's sign-in: its role assignments cannot be read through `/me`.
    public static let application = OperatorProfile(
        signIn: .application, roles: nil, rolesNote: "unknown (application sign-in)")

    /// A service that does not tell the operator's role.
    public static func notTold(by service: String) -> OperatorProfile {
        OperatorProfile(signIn: .notTold(service: service), roles: nil, rolesNote: "not told by \(service)")
    }

    /// Who acts, in a few words: `helpdesk@contoso.com`, `the application`.
    public var who: String {
        switch signIn {
        case .user(let name, _): name
        case .application: "the application"
        case .notTold(let service): "the \(service) application"
        }
    }

    /// The role part: `Authentication Administrator`, `no directory role`, `role unknown (...)`.
    public var roleText: String {
        guard let roles else { return "role \(rolesNote ?? "unknown")" }
        if roles.isEmpty { return "no directory role" }
        return roles.map(\.displayName).joined(separator: ", ")
    }

    /// `signed in as helpdesk@contoso.com · Authentication Administrator`.
    public var line: String {
        switch signIn {
        case .user(let name, _): "signed in as \(name) · \(roleText)"
        case .application: "application sign-in · \(roleText)"
        case .notTold(let service): "\(service) application · \(roleText)"
        }
    }

    /// The operator's object id, when a person is signed in.
    public var userID: String? {
        if case .user(_, let id) = signIn { return id }
        return nil
    }
}

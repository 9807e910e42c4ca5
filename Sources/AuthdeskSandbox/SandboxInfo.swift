/// Where a running sandbox listens and the credentials of its tenants: the first line that
/// `authdesk sandbox serve` prints (INTERFACES.md, "The sandbox's first line").
public struct SandboxInfo: Codable, Sendable, Equatable {
    /// One Entra tenant: its ids, the app registration's client credentials and its operator.
    public struct Tenant: Codable, Sendable, Equatable {
        public var name: String
        public var id: String
        public var domain: String
        public var clientId: String
        public var clientSecret: String
        /// The user principal name a device-code sign-in is approved as.
        public var `operator`: String
    }

    /// The Auth0 tenant: its domain, Management API base, token URL and M2M client credentials.
    public struct Auth0: Codable, Sendable, Equatable {
        public var domain: String
        public var baseURL: String
        public var tokenURL: String
        public var clientId: String
        public var clientSecret: String
    }

    /// `http://127.0.0.1:PORT`: the Entra authority (token and device-code endpoints).
    public var authority: String
    /// `http://127.0.0.1:PORT/v1.0`
    public var graph: String
    /// `http://127.0.0.1:PORT/beta`
    public var graphBeta: String
    public var tenants: [Tenant]
    public var auth0: Auth0

    /// The port the sandbox listens on.
    public var port: Int {
        Int(authority.split(separator: ":").last ?? "") ?? 0
    }

    /// The tenant of that name (`contoso`), if there is one.
    public func tenant(named name: String) -> Tenant? {
        tenants.first { $0.name == name }
    }
}

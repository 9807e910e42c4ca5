import AuthdeskConfig
import AuthdeskSandbox
import Foundation

/// The profiles of the embedded sandbox's tenants. Its Entra tenants (`contoso`, `fabrikam`) are
/// signed in as their operator (`helpdesk@contoso.com`, an Authentication Administrator) with the
/// device-code flow, as a real operator would be: a password reset needs a signed-in operator,
/// not the application. Its Auth0 tenant (`acme`) signs in with client credentials, as Auth0's
/// Management API wants.
public enum EmbeddedProfile {
    /// The Auth0 tenant's profile name.
    public static let auth0Name = "acme"

    /// The banner colour of each of the sandbox's tenants, distinct so a switch is seen at once.
    public static let colors = ["contoso": "cyan", "fabrikam": "magenta", auth0Name: "yellow"]

    /// The Entra tenant `name`, signed in as its operator, or as its application (client secret)
    /// with `asApplication`, as `reset-mfa` on the embedded sandbox does.
    public static func entra(_ name: String, of info: SandboxInfo, asApplication: Bool = false) throws -> Profile {
        guard let tenant = info.tenant(named: name), let authority = URL(string: info.authority),
            let graph = URL(string: info.graph)
        else { throw ConfigError("the embedded sandbox did not start with a \(name) tenant") }
        return Profile(
            name: tenant.name, provider: .graph, tenantID: tenant.id, domain: tenant.domain,
            clientID: tenant.clientId, signIn: asApplication ? .clientSecret : .deviceCode,
            clientSecret: asApplication ? .init(tenant.clientSecret) : nil, authorityURL: authority, graphURL: graph.deletingLastPathComponent(), color: colors[name])
    }

    /// The Auth0 tenant, signed in with its machine-to-machine client's credentials.
    public static func auth0(of info: SandboxInfo) throws -> Profile {
        let auth0 = info.auth0
        guard let root = URL(string: auth0.tokenURL.replacingOccurrences(of: "/oauth/token", with: "")) else {
            throw ConfigError("the embedded sandbox's Auth0 URLs do not parse")
        }
        return Profile(
            name: auth0Name, provider: .auth0, domain: auth0.domain, clientID: auth0.clientId,
            signIn: .clientSecret, clientSecret: .init(auth0.clientSecret), auth0URL: root, color: colors[auth0Name])
    }

    /// Every tenant of the sandbox: its Entra tenants (as their operator, or as their
    /// application with `asApplication`), then its Auth0 tenant.
    public static func all(of info: SandboxInfo, asApplication: Bool = false) throws -> [Profile] {
        try info.tenants.map { try entra($0.name, of: info, asApplication: asApplication) } + [auth0(of: info)]
    }
}

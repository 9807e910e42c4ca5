import AuthdeskConfig
import AuthdeskSandbox
import Foundation

/// The profile of the embedded sandbox's `contoso` tenant, signed in as its operator
/// (`helpdesk@contoso.com`, an Authentication Administrator) with the device-code flow, as a real
/// operator would be: a password reset needs a signed-in operator, not the application.
enum EmbeddedProfile {
    static func contoso(of info: SandboxInfo) throws -> Profile {
        guard let tenant = info.tenant(named: "contoso"), let authority = URL(string: info.authority),
            let graph = URL(string: info.graph)
        else { throw ConfigError("the embedded sandbox did not start with a contoso tenant") }
        return Profile(
            name: tenant.name, provider: .graph, tenantID: tenant.id, domain: tenant.domain,
            clientID: tenant.clientId, signIn: .deviceCode,
            authorityURL: authority, graphURL: graph.deletingLastPathComponent(), color: "cyan")
    }
}

import AuthdeskConfig
import AuthdeskSandbox
import Foundation

/// The profile of the embedded sandbox's `contoso` tenant, signed in as its application.
enum EmbeddedProfile {
    static func contoso(of info: SandboxInfo) throws -> Profile {
        guard let tenant = info.tenant(named: "contoso"), let authority = URL(string: info.authority),
            let graph = URL(string: info.graph)
        else { throw ConfigError("the embedded sandbox did not start with a contoso tenant") }
        return Profile(
            name: tenant.name, provider: .graph, tenantID: tenant.id, domain: tenant.domain,
            clientID: tenant.clientId, signIn: .clientSecret, clientSecret: .init(tenant.clientSecret),
            authorityURL: authority, graphURL: graph.deletingLastPathComponent(), color: "cyan")
    }
}

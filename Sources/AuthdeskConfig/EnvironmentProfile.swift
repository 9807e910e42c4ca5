import AuthdeskCore
import Foundation

/// The profile named `env` that the azure-identity and Auth0 variables make when there is no
/// configuration file.
enum EnvironmentProfile {
    static func load(environment: [String: String]) throws(ConfigError) -> Configuration {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        if value("AZURE_TENANT_ID") != nil || value("AZURE_CLIENT_ID") != nil {
            guard let tenant = value("AZURE_TENANT_ID"), let client = value("AZURE_CLIENT_ID") else {
                throw ConfigError("environment: AZURE_TENANT_ID and AZURE_CLIENT_ID must both be set")
            }
            let secret = value("AZURE_CLIENT_SECRET").map(Secret.init)
            let certificate = value("AZURE_CLIENT_CERTIFICATE_PATH")
            let signIn: SignInMethod = secret != nil ? .clientSecret : certificate != nil ? .certificate : .deviceCode
            let authority = try EndpointPolicy.checkedURL(
                value("AZURE_AUTHORITY_HOST"), source: "AZURE_AUTHORITY_HOST", or: Profile.defaultAuthority)
            let graph = try EndpointPolicy.checkedURL(
                value("AUTHDESK_GRAPH_URL"), source: "AUTHDESK_GRAPH_URL", or: Profile.defaultGraph)
            var profile = Profile(
                name: "env", provider: .graph, tenantID: tenant, clientID: client, signIn: signIn,
                clientSecret: secret, certificatePath: certificate, authorityURL: authority, graphURL: graph)
            profile.graphWriteBudget = try value("AUTHDESK_GRAPH_WRITE_BUDGET").map { text throws(ConfigError) in
                try GraphWriteBudget.parse(text, source: "AUTHDESK_GRAPH_WRITE_BUDGET")
            }
            return Configuration(profiles: [profile], defaultProfile: "env", source: "environment")
        }
        if let domain = value("AUTH0_DOMAIN") {
            guard let client = value("AUTH0_CLIENT_ID"), let secret = value("AUTH0_CLIENT_SECRET") else {
                throw ConfigError("environment: AUTH0_DOMAIN is set, so AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET must be too")
            }
            let root = try EndpointPolicy.auth0Root(domain: domain, source: "AUTH0_DOMAIN")
            let profile = Profile(
                name: "env", provider: .auth0, domain: domain, clientID: client, signIn: .clientSecret,
                clientSecret: Secret(secret), auth0URL: root)
            return Configuration(profiles: [profile], defaultProfile: "env", source: "environment")
        }
        return Configuration(profiles: [], source: "environment")
    }
}

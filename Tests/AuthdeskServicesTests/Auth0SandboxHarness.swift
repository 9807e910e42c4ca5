import AuthdeskCore
import AuthdeskSandbox
import Foundation
@testable import AuthdeskServices

/// Starts a sandbox and builds Auth0 providers against its Auth0 tenant over real HTTP.
struct Auth0SandboxHarness {
    let sandbox: Sandbox
    let root: URL

    /// The seeded users (Resources/Seed/auth0-tenant.json).
    static let exampleUser = "auth0|65f2a1b3c4d5e6f708192a3b"
    static let marta = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"
    static let noMfa = "auth0|65f2d1e2f3a4b5c6d7e8f9a0"

    static func start(_ options: SandboxOptions = SandboxOptions(usersPerTenant: 60)) async throws -> Auth0SandboxHarness {
        let sandbox = try await Sandbox.start(options)
        guard let root = URL(string: sandbox.info.auth0.tokenURL.replacingOccurrences(of: "/oauth/token", with: "")) else {
            await sandbox.stop()
            throw ServiceError(kind: .invalidResponse, message: "the sandbox's Auth0 URLs do not parse")
        }
        return Auth0SandboxHarness(sandbox: sandbox, root: root)
    }

    func credential(secret: String? = nil, transport: HTTPTransport = SandboxHarness.transport) -> Auth0ClientCredential {
        let auth0 = sandbox.info.auth0
        return Auth0ClientCredential(
            root: root, domain: auth0.domain, clientID: auth0.clientId, secret: secret ?? auth0.clientSecret, transport: transport)
    }

    func provider(
        readOnly: Bool = false, transport: HTTPTransport = SandboxHarness.transport, budget: WriteBudget? = nil
    ) -> Auth0Provider {
        let domain = sandbox.info.auth0.domain
        return Auth0Provider(
            tenant: TenantInfo(name: "acme", provider: .auth0, id: domain, domain: domain, readOnly: readOnly),
            root: root, tokens: credential(transport: transport), transport: transport, budget: budget)
    }
}

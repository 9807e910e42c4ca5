import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Synchronization
@testable import AuthdeskServices

/// Starts a sandbox on an ephemeral loopback port and builds Graph providers against it,
/// signed in the way a test asks.
struct SandboxHarness {
    let sandbox: Sandbox
    let endpoints: GraphEndpoints

    /// Retry waits are real but short: the sandbox's own `Retry-After` is honoured up to 50 ms.
    static let transport = HTTPTransport(
        retry: RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50)),
        sleep: { try await Task.sleep(for: min($0, .milliseconds(50))) })

    static func start(_ options: SandboxOptions = SandboxOptions(usersPerTenant: 40)) async throws -> SandboxHarness {
        let sandbox = try await Sandbox.start(options)
        guard let authority = URL(string: sandbox.info.authority), let graph = URL(string: sandbox.info.graph),
              let beta = URL(string: sandbox.info.graphBeta) else {
            await sandbox.stop()
            throw ServiceError(kind: .invalidResponse, message: "the sandbox's URLs do not parse")
        }
        return SandboxHarness(sandbox: sandbox, endpoints: GraphEndpoints(authority: authority, graph: graph, graphBeta: beta))
    }

    func tenant(_ name: String) throws -> SandboxInfo.Tenant {
        guard let tenant = sandbox.info.tenant(named: name) else {
            throw ServiceError(kind: .notFound, message: "no tenant \(name) in the sandbox")
        }
        return tenant
    }

    func signIn(_ name: String) throws -> EntraSignIn {
        let tenant = try tenant(name)
        return EntraSignIn(authority: endpoints.authority, tenantID: tenant.id, clientID: tenant.clientId)
    }

    /// Signed in as the application with the tenant's client secret (or `secret`).
    func appProvider(_ name: String = "contoso", secret: String? = nil, transport: HTTPTransport = SandboxHarness.transport) throws -> GraphProvider {
        let tenant = try tenant(name)
        let credential = ClientSecretCredential(signIn: try signIn(name), secret: secret ?? tenant.clientSecret, transport: transport)
        return provider(name, tokens: credential, transport: transport)
    }

    /// Signed in as the tenant's operator through the device-code flow.
    func operatorProvider(_ name: String = "contoso", prompts: PromptLog = PromptLog()) throws -> GraphProvider {
        let credential = DeviceCodeCredential(
            signIn: try signIn(name), transport: SandboxHarness.transport, prompt: prompts.prompt)
        return provider(name, tokens: credential, transport: SandboxHarness.transport)
    }

    func provider(_ name: String, tokens: any TokenProvider, transport: HTTPTransport) -> GraphProvider {
        let info = sandbox.info.tenant(named: name)
        return GraphProvider(
            tenant: TenantInfo(name: name, provider: .graph, id: info?.id ?? "", domain: info?.domain ?? ""),
            endpoints: endpoints, tokens: tokens, transport: transport)
    }

    /// The device-code messages shown.
    final class PromptLog: Sendable {
        let shown = Mutex<[DeviceCodePrompt]>([])
        var prompt: DeviceCodeCredential.Prompt { { p in self.shown.withLock { $0.append(p) } } }
    }
}

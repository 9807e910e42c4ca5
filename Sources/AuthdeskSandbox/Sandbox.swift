import AuthdeskResources
import Foundation
import Hummingbird
import Logging
import NIOCore

/// An emulator of Microsoft Graph, Entra sign-in and Auth0 over real HTTP on 127.0.0.1: the
/// console's embedded default and the test bed of every provider test.
///
/// Seeded people (Resources/Seed/entra-tenants.json, auth0-tenant.json), besides the generated ones:
/// - contoso: `helpdesk@contoso.com` (the operator, Authentication Administrator);
///   `CameronW@contoso.com` (password only); `avery.howard@contoso.com` (mobile and office
///   phones, default `sms`); `priya.raman@contoso.com` (Global Administrator: the operator may
///   not change her); `zoe.lindqvist@contoso.com` (one method of every kind, hardware OATH on
///   beta, default `push`); `soren.kjaergaard@contoso.com` (synced from on-premises, no
///   writeback: a password reset ends `failed`).
/// - fabrikam: `helpdesk@fabrikam.com` (operator), `kenji.tanaka@fabrikam.com` (田中 健二),
///   `olga.smirnova@fabrikam.com`, `fatima.alsayed@fabrikam.com` (Global Administrator).
/// - Auth0: `auth0|65f2a1b3c4d5e6f708192a3b` (user@example.com: totp, email), Marta Nowak
///   (phone, webauthn-roaming, recovery code), 伊藤 健太 (push, passkey), Noa Mfa (no methods).
public final class Sandbox: Sendable {
    /// Where it listens and the credentials of its tenants.
    public let info: SandboxInfo
    private let store: SandboxStore
    private let task: Task<Void, any Error>

    private init(info: SandboxInfo, store: SandboxStore, task: Task<Void, any Error>) {
        self.info = info
        self.store = store
        self.task = task
    }

    /// Seeds the tenants, binds 127.0.0.1 (`options.port`, 0 for an ephemeral port) and returns
    /// once the server accepts connections.
    public static func start(_ options: SandboxOptions) async throws -> Sandbox {
        guard (0...65535).contains(options.port) else {
            throw SandboxError(description: "port \(options.port) is not valid: use 0 (ephemeral) to 65535")
        }
        guard (0...1).contains(options.faultRate) else {
            throw SandboxError(description: "fault rate \(options.faultRate) is not valid: use a share from 0 to 1")
        }
        guard options.latencyMs >= 0, options.usersPerTenant >= 0 else {
            throw SandboxError(description: "latency and users per tenant must not be negative")
        }
        var tenants: [TenantRecord]
        var auth0: Auth0Tenant
        do {
            (tenants, auth0) = try await SeedLoader.allTenants(
                usersPerTenant: options.usersPerTenant, seed: options.seed, entraTenants: options.entraTenants)
            if options.hostileUsers { try SeedLoader.addHostileUsers(to: &tenants, auth0: &auth0) }
        } catch {
            throw SandboxError(description: "the sandbox's seed data could not be read: \(error)")
        }
        let store = SandboxStore(SandboxState(options: options, tenants: tenants, auth0: auth0))

        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "authdesk.sandbox")
        logger.logLevel = .critical
        let app = Application(
            responder: SandboxResponder(store: store),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: options.port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let task = Task { try await app.run() }
        let watcher = Task {
            _ = await task.result
            continuation.finish()
        }
        var bound: Int?
        for await port in ports {
            bound = port
            break
        }
        guard let port = bound, port > 0 else {
            watcher.cancel()
            task.cancel()
            if case .failure(let error) = await task.result {
                throw SandboxError(description: "the sandbox could not listen on 127.0.0.1:\(options.port): \(error)")
            }
            throw SandboxError(description: "the sandbox could not listen on 127.0.0.1:\(options.port)")
        }
        let base = "http://127.0.0.1:\(port)"
        store.withState { $0.baseURL = base }
        let info = store.withState { state in
            SandboxInfo(
                authority: base,
                graph: "\(base)/v1.0",
                graphBeta: "\(base)/beta",
                tenants: state.tenants.map(\.identity),
                auth0: SandboxInfo.Auth0(domain: "127.0.0.1:\(port)", baseURL: "\(base)/api/v2",
                                         tokenURL: "\(base)/oauth/token", clientId: state.auth0.clientId,
                                         clientSecret: state.auth0.clientSecret))
        }
        return Sandbox(info: info, store: store, task: task)
    }

    /// Stops listening and waits until the server has shut down.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Registers a certificate (PEM) for the app of the tenant named `tenant` (`contoso`): client
    /// assertions signed with its key and naming it by `x5t#S256` or `x5t` are then accepted.
    public func registerCertificate(_ pem: String, forTenant tenant: String) throws {
        guard let key = AppCertificate(certificatePEM: pem) else {
            throw SandboxError(description: "not a PEM certificate with an RSA key: give -----BEGIN CERTIFICATE----- text")
        }
        try store.withState { state in
            guard let index = state.tenants.firstIndex(where: { $0.name == tenant }) else {
                throw SandboxError(description: "no tenant named \(tenant): use one of \(state.tenants.map(\.name).joined(separator: ", "))")
            }
            state.tenants[index].certificates.append(key)
        }
    }

    /// The certificate registered for every tenant's app, with its private key (PEM, unencrypted
    /// PKCS #8), for certificate sign-in against the sandbox. A test key: it guards nothing real.
    public static func sampleCertificate() throws -> (certificatePEM: String, privateKeyPEM: String) {
        (String(decoding: try AuthdeskResources.seedFile("sandbox-app-cert.pem"), as: UTF8.self),
         String(decoding: try AuthdeskResources.seedFile("sandbox-app-key.pem"), as: UTF8.self))
    }

    /// Makes every access token issued so far expire now (to test re-authentication on 401).
    public func expireAllTokens() {
        store.withState { state in
            let past = Date().addingTimeInterval(-1)
            for key in state.tokens.keys { state.tokens[key]?.expiresAt = past }
        }
    }

    /// Makes the next `count` device-code sign-ins end in `authorization_declined`.
    public func declineNextDeviceCodeSignIns(_ count: Int = 1) {
        store.withState { $0.deviceCodeDeclines += max(0, count) }
    }

    /// Closes the connection of each of the next `count` requests instead of answering it, as a
    /// `--faults` drop does, but at a moment a test chooses (a kept-alive connection included).
    public func dropNextConnections(_ count: Int = 1) {
        store.withState { $0.connectionDrops += max(0, count) }
    }

    /// Changes the share of requests (0 to 1) that get an injected fault, from now on.
    public func setFaultRate(_ rate: Double) {
        store.withState { $0.options.faultRate = min(1, max(0, rate)) }
    }

    /// Changes the milliseconds added to every answer, from now on.
    public func setLatency(milliseconds: Int) {
        store.withState { $0.options.latencyMs = max(0, milliseconds) }
    }

    /// Requests answered so far, by status.
    public func stats() -> SandboxStats {
        store.withState { $0.stats }
    }
}

extension Sandbox {
    /// Reads or changes the state directly (tests with a controlled clock).
    func withState<T>(_ body: (inout SandboxState) throws -> T) rethrows -> T {
        try store.withState(body)
    }
}

import AuthdeskConfig
import AuthdeskCore
import AuthdeskServices
import Foundation

/// Builds the provider and its sign-in for a profile. Its transport's waits for the service's
/// limits are announced to ``ServiceWaits/shared`` (a bulk run shows them).
public enum ProviderFactory {
    /// - Parameters:
    ///   - prompt: where a device-code sign-in shows what the operator must do.
    ///   - client: the HTTP client that carries the requests (`AUTHDESK_HTTP_CLIENT`): its
    ///     process-wide pool, shared by every tenant.
    ///   - dryRun: when given, writes are recorded there instead of sent (reads still go).
    public static func make(
        _ profile: Profile, client: HTTPClientChoice = .asyncHTTPClient, dryRun: DryRunRecorder? = nil,
        prompt: @escaping @Sendable (DeviceCodePrompt) -> Void
    ) throws -> (any IdentityProvider, any TokenProvider) {
        let loader = RecordingLoader(base: client.loader, dryRun: dryRun)
        switch profile.provider {
        case .graph:
            guard let tenantID = profile.tenantID else { throw ConfigError("profile \(profile.name) has no tenant_id") }
            let sleep = ServiceWaits.shared.sleep(for: profile.name)
            let transport = HTTPTransport(loader: loader, sleep: sleep)
            let signIn = EntraSignIn(authority: profile.authorityURL, tenantID: tenantID, clientID: profile.clientID)
            let tokens: any TokenProvider
            switch profile.signIn {
            case .clientSecret:
                guard let secret = profile.clientSecret else {
                    throw ConfigError("profile \(profile.name) signs in with a client secret but has none")
                }
                tokens = ClientSecretCredential(signIn: signIn, secret: secret.reveal(), transport: transport)
            case .deviceCode:
                tokens = DeviceCodeCredential(signIn: signIn, transport: transport) { prompt($0) }
            case .certificate:
                guard let path = profile.certificatePath else {
                    throw ConfigError("profile \(profile.name) signs in with a certificate but has no certificate_path")
                }
                let certificate = try ClientCertificate(contentsOfFile: path)
                tokens = CertificateCredential(signIn: signIn, certificate: certificate, transport: transport)
            }
            let endpoints = GraphEndpoints(authority: profile.authorityURL, graphRoot: profile.graphURL)
            let budget = WriteBudget(
                limits: profile.graphWriteBudget.map { WriteBudget.graphLimits(writesPer150Seconds: $0) } ?? WriteBudget.graphLimits,
                sleep: sleep)
            let provider = GraphProvider(
                tenant: profile.tenant, endpoints: endpoints, tokens: tokens, transport: transport, budget: budget)
            return (provider, tokens)
        case .auth0:
            guard let root = profile.auth0URL, let domain = profile.domain else {
                throw ConfigError("profile \(profile.name) has no Auth0 domain")
            }
            guard let secret = profile.clientSecret else {
                throw ConfigError("profile \(profile.name) has no Auth0 client secret (client_secret_env or AUTH0_CLIENT_SECRET)")
            }
            let transport = HTTPTransport(loader: loader, sleep: ServiceWaits.shared.sleep(for: profile.name))
            let tokens = Auth0ClientCredential(
                root: root, domain: domain, clientID: profile.clientID, secret: secret.reveal(), transport: transport)
            let provider = Auth0Provider(tenant: profile.tenant, root: root, tokens: tokens, transport: transport)
            return (provider, tokens)
        }
    }
}

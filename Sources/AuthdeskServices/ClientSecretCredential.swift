import Foundation

/// Signs in as the application with its client secret (OAuth client credentials), caching the
/// token and asking for a new one a few minutes before it expires.
public final class ClientSecretCredential: TokenProvider {
    public let signIn: EntraSignIn
    private let cache: TokenCache

    public init(
        signIn: EntraSignIn, secret: String, transport: HTTPTransport,
        refreshMargin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signIn = signIn
        let fields = [
            ("client_id", signIn.clientID), ("scope", signIn.scope),
            ("grant_type", "client_credentials"), ("client_secret", secret),
        ]
        cache = TokenCache(refreshMargin: refreshMargin, now: now) { _ throws(ServiceError) in
            try await signIn.requestToken(fields, transport: transport, now: now())
        }
    }

    public func token() async throws(ServiceError) -> AccessToken { try await cache.token() }

    public func invalidate() async { await cache.invalidate() }
}

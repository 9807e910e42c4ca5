import Foundation

/// Signs in as the application with a certificate (OAuth client credentials with a signed
/// client assertion), caching the token and renewing it before it expires.
public final class CertificateCredential: TokenProvider {
    public let signIn: EntraSignIn
    private let cache: TokenCache

    public init(
        signIn: EntraSignIn, certificate: ClientCertificate, algorithm: ClientCertificate.Algorithm = .ps256,
        transport: HTTPTransport, refreshMargin: TimeInterval = 300,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signIn = signIn
        cache = TokenCache(refreshMargin: refreshMargin, now: now) { _ throws(ServiceError) in
            // A fresh assertion for each sign-in: it is valid for minutes only.
            let assertion = try certificate.assertion(
                clientID: signIn.clientID, audience: signIn.tokenURL.absoluteString, now: now(), algorithm: algorithm)
            let fields = [
                ("client_id", signIn.clientID), ("scope", signIn.scope), ("grant_type", "client_credentials"),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", assertion),
            ]
            return try await signIn.requestToken(fields, transport: transport, now: now())
        }
    }

    public func token() async throws(ServiceError) -> AccessToken { try await cache.token() }

    public func invalidate() async { await cache.invalidate() }
}

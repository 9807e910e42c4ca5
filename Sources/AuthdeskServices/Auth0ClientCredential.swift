import Foundation

/// Signs in to an Auth0 tenant's Management API as a machine-to-machine application (client
/// credentials), caching the token and asking for a new one a few minutes before it expires.
public final class Auth0ClientCredential: TokenProvider {
    /// The tenant's root: `https://acme.eu.auth0.com`, or the sandbox's `http://127.0.0.1:PORT`.
    public let root: URL
    public let clientID: String
    /// `https://{domain}/api/v2/`: the Management API, the only audience authdesk asks for.
    public let audience: String
    private let cache: TokenCache

    public init(
        root: URL, domain: String, clientID: String, secret: String, transport: HTTPTransport,
        refreshMargin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.root = root
        self.clientID = clientID
        let audience = Auth0ClientCredential.audience(domain: domain)
        self.audience = audience
        let request = HTTPRequest.form(url: Auth0ClientCredential.tokenURL(root), fields: [
            ("grant_type", "client_credentials"), ("client_id", clientID),
            ("client_secret", secret), ("audience", audience),
        ])
        cache = TokenCache(refreshMargin: refreshMargin, now: now, failurePrefix: "Auth0 sign-in failed") { _ throws(ServiceError) in
            try await Auth0ClientCredential.requestToken(request, transport: transport, now: now)
        }
    }

    /// The Management API's audience for `domain` (`acme.eu.auth0.com` or a URL).
    public static func audience(domain: String) -> String {
        var host = domain.trimmingCharacters(in: .whitespaces)
        if let range = host.range(of: "://") { host = String(host[range.upperBound...]) }
        while host.hasSuffix("/") { host.removeLast() }
        return "https://\(host)/api/v2/"
    }

    /// `{root}/oauth/token`.
    public var tokenURL: URL { Auth0ClientCredential.tokenURL(root) }

    static func tokenURL(_ root: URL) -> URL {
        root.appending(path: "oauth/token", directoryHint: .notDirectory)
    }

    public func token() async throws(ServiceError) -> AccessToken { try await cache.token() }

    public func invalidate() async { await cache.invalidate() }

    /// Sends the token request and reads `{access_token, expires_in}`, or Auth0's refusal as a
    /// `.signIn` error with its code (`access_denied`, `unauthorized_client`, ...).
    static func requestToken(_ request: HTTPRequest, transport: HTTPTransport, now: @Sendable () -> Date) async throws(ServiceError) -> AccessToken {
        let response = try await transport.response(for: request)
        guard response.isSuccess else {
            var error = Auth0Provider.error(from: response)
            if response.status < 500, response.status != 429 {
                error.kind = .signIn
                let description = ServiceErrorDecoder.oauthError(from: response)?.description ?? error.message
                let hint = response.status == 401 ? "; check the client id and secret" : ""
                error.message = "Auth0 refused the application's sign-in at \(request.url.host ?? "the tenant"): \(Redactor.text(description))\(hint)"
            }
            throw error
        }
        guard let json = JSONValue.parse(response.body), let value = json["access_token"]?.string, !value.isEmpty else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Auth0's token endpoint answered without an access_token",
                requestID: Auth0Provider.requestID(of: response))
        }
        let lifetime = json["expires_in"]?.double ?? 86400
        return AccessToken(value: value, expiresOn: now().addingTimeInterval(lifetime))
    }
}

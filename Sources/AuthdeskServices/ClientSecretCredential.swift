import Foundation

/// Signs in as the application with its client secret (OAuth client credentials), caching the
/// token and asking for a new one a few minutes before it expires.
public actor ClientSecretCredential: TokenProvider {
    public let signIn: EntraSignIn
    private let secret: String
    private let transport: HTTPTransport
    private let now: @Sendable () -> Date
    /// Renew this long before the token expires.
    private let refreshMargin: TimeInterval
    private var cached: AccessToken?
    private var pending: Task<AccessToken, any Error>?

    public init(
        signIn: EntraSignIn, secret: String, transport: HTTPTransport,
        refreshMargin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signIn = signIn
        self.secret = secret
        self.transport = transport
        self.refreshMargin = refreshMargin
        self.now = now
    }

    public func token() async throws(ServiceError) -> AccessToken {
        if let cached, cached.isValid(at: now(), margin: refreshMargin) { return cached }
        let task: Task<AccessToken, any Error>
        if let pending {
            task = pending
        } else {
            let fields = [
                ("client_id", signIn.clientID), ("scope", signIn.scope),
                ("grant_type", "client_credentials"), ("client_secret", secret),
            ]
            let signIn = signIn, transport = transport, now = now
            task = Task { try await signIn.requestToken(fields, transport: transport, now: now()) }
            pending = task
        }
        defer { if pending == task { pending = nil } }
        do {
            let token = try await task.value
            cached = token
            return token
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(kind: .signIn, message: "Sign-in failed: \(error)")
        }
    }

    public func invalidate() {
        cached = nil
    }
}

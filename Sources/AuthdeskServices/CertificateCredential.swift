import Foundation

/// Signs in as the application with a certificate (OAuth client credentials with a signed
/// client assertion), caching the token and renewing it before it expires.
public actor CertificateCredential: TokenProvider {
    public let signIn: EntraSignIn
    private let certificate: ClientCertificate
    private let algorithm: ClientCertificate.Algorithm
    private let transport: HTTPTransport
    private let now: @Sendable () -> Date
    private let refreshMargin: TimeInterval
    private var cached: AccessToken?
    private var pending: Task<AccessToken, any Error>?

    public init(
        signIn: EntraSignIn, certificate: ClientCertificate, algorithm: ClientCertificate.Algorithm = .ps256,
        transport: HTTPTransport, refreshMargin: TimeInterval = 300,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signIn = signIn
        self.certificate = certificate
        self.algorithm = algorithm
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
            let assertion = try certificate.assertion(
                clientID: signIn.clientID, audience: signIn.tokenURL.absoluteString, now: now(), algorithm: algorithm)
            let fields = [
                ("client_id", signIn.clientID), ("scope", signIn.scope), ("grant_type", "client_credentials"),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", assertion),
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

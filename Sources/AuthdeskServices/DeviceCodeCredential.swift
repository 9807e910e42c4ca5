import Foundation

/// Signs in an operator with the device-code flow (RFC 8628): shows the service's message
/// through the caller's callback, polls the token endpoint at the service's interval, and keeps
/// the token (and its refresh token) in memory, refreshing it before it expires.
public final class DeviceCodeCredential: TokenProvider {
    /// Called with the code to enter; the caller shows it to the operator.
    public typealias Prompt = @Sendable (DeviceCodePrompt) async -> Void

    /// The shortest wait between polls, whatever interval the service gives (a guard against 0).
    static let minimumPollInterval = 0.01

    public let signIn: EntraSignIn
    private let cache: TokenCache

    /// - Parameter signIn: its scope gets `offline_access` added so that a refresh token comes back.
    public init(
        signIn: EntraSignIn, transport: HTTPTransport, prompt: @escaping Prompt,
        refreshMargin: TimeInterval = 300,
        sleep: @escaping HTTPTransport.Sleep = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        var signIn = signIn
        if !signIn.scope.split(separator: " ").contains("offline_access") {
            signIn.scope += " offline_access"
        }
        self.signIn = signIn
        let flow = Flow(signIn: signIn, transport: transport, prompt: prompt, sleep: sleep, now: now)
        cache = TokenCache(refreshMargin: refreshMargin, now: now) { previous throws(ServiceError) in
            try await flow.run(refreshToken: previous?.refreshToken)
        }
    }

    public func token() async throws(ServiceError) -> AccessToken { try await cache.token() }

    public func invalidate() async { await cache.invalidate() }

    /// One sign-in: a refresh when a refresh token is at hand, else the whole device-code flow.
    private struct Flow: Sendable {
        let signIn: EntraSignIn
        let transport: HTTPTransport
        let prompt: Prompt
        let sleep: HTTPTransport.Sleep
        let now: @Sendable () -> Date

        func run(refreshToken: String?) async throws(ServiceError) -> AccessToken {
            if let refreshToken {
                let fields = [
                    ("client_id", signIn.clientID), ("scope", signIn.scope),
                    ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
                ]
                if let token = try? await signIn.requestToken(fields, transport: transport, now: now()) {
                    return token
                }
            }
            return try await deviceCode()
        }

        func deviceCode() async throws(ServiceError) -> AccessToken {
            let start = try await transport.response(for: .form(
                url: signIn.deviceCodeURL, fields: [("client_id", signIn.clientID), ("scope", signIn.scope)]))
            guard start.isSuccess else { throw EntraSignIn.signInError(from: start) }
            guard let json = JSONValue.parse(start.body),
                  let deviceCode = json["device_code"]?.string,
                  let userCode = json["user_code"]?.string else {
                throw ServiceError(
                    kind: .invalidResponse, status: start.status,
                    message: "The device-code endpoint answered without a device_code", requestID: start.requestID)
            }
            let verification = json["verification_uri"]?.string ?? json["verification_url"]?.string ?? ""
            let expiresOn = now().addingTimeInterval(json["expires_in"]?.double ?? 900)
            let message = json["message"]?.string
                ?? "To sign in, open \(verification) and enter the code \(userCode)."
            await prompt(DeviceCodePrompt(
                message: message, userCode: userCode, verificationURI: verification, expiresOn: expiresOn))

            // The service's interval, as given (RFC 8628: 5 s when absent); a floor of 10 ms only
            // guards against a zero or negative one. Entra gives whole seconds.
            var interval = max(json["interval"]?.double ?? 5, DeviceCodeCredential.minimumPollInterval)
            let fields = [
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("client_id", signIn.clientID), ("device_code", deviceCode),
            ]
            while true {
                do {
                    try await sleep(.seconds(interval))
                } catch {
                    throw ServiceError(kind: .signIn, code: "cancelled", message: "Sign-in was cancelled")
                }
                let answer = try await transport.response(for: .form(url: signIn.tokenURL, fields: fields))
                if answer.isSuccess { return try EntraSignIn.decodeToken(answer, now: now()) }
                let oauth = ServiceErrorDecoder.oauthError(from: answer)
                switch oauth?.error {
                case "authorization_pending":
                    break
                case "slow_down":
                    interval += 5
                case "authorization_declined", "access_denied":
                    throw failure(answer, oauth, "The sign-in was declined")
                case "expired_token", "code_expired":
                    throw failure(answer, oauth, "The sign-in code expired before it was used; sign in again")
                default:
                    throw EntraSignIn.signInError(from: answer)
                }
                if now() >= expiresOn {
                    throw ServiceError(
                        kind: .signIn, code: "expired_token",
                        message: "The sign-in code expired before it was used; sign in again",
                        requestID: answer.requestID)
                }
            }
        }

        private func failure(
            _ answer: HTTPResponse, _ oauth: ServiceErrorDecoder.OAuthError?, _ message: String
        ) -> ServiceError {
            ServiceError(
                kind: .signIn, status: answer.status, code: oauth?.aadstsCode ?? oauth?.error,
                message: message, requestID: answer.requestID)
        }
    }
}

import Foundation

/// Where and as whom to sign in to Microsoft Entra: the authority host, the tenant, the app
/// and the scope asked for.
public struct EntraSignIn: Sendable, Hashable {
    /// The Graph scope every authdesk token asks for.
    public static let graphScope = "https://graph.microsoft.com/.default"
    public static let defaultAuthority = URL(string: "https://login.microsoftonline.com")

    /// `https://login.microsoftonline.com` or the sandbox's `http://127.0.0.1:PORT`.
    public var authority: URL
    /// The tenant id (GUID) or a domain.
    public var tenantID: String
    public var clientID: String
    public var scope: String

    public init(authority: URL, tenantID: String, clientID: String, scope: String = EntraSignIn.graphScope) {
        self.authority = authority
        self.tenantID = tenantID
        self.clientID = clientID
        self.scope = scope
    }

    /// `{authority}/{tenant}/oauth2/v2.0/token`.
    public var tokenURL: URL { endpoint("token") }
    /// `{authority}/{tenant}/oauth2/v2.0/devicecode`.
    public var deviceCodeURL: URL { endpoint("devicecode") }

    private func endpoint(_ name: String) -> URL {
        authority.appending(path: HTTPRequest.formEncode(tenantID), directoryHint: .isDirectory)
            .appending(path: "oauth2/v2.0/\(name)", directoryHint: .notDirectory)
    }

    /// Posts a form to the token endpoint and reads the token, or the sign-in error.
    func requestToken(
        _ fields: [(String, String)], transport: HTTPTransport, now: Date
    ) async throws(ServiceError) -> AccessToken {
        let response = try await transport.response(for: .form(url: tokenURL, fields: fields))
        guard response.isSuccess else { throw EntraSignIn.signInError(from: response) }
        return try EntraSignIn.decodeToken(response, now: now)
    }

    /// The ``ServiceError`` of a failed token request: kind `.signIn` for every refusal.
    static func signInError(from response: HTTPResponse) -> ServiceError {
        var error = ServiceErrorDecoder.error(from: response)
        if response.status < 500, response.status != 429 { error.kind = .signIn }
        return error
    }

    /// Reads `{"access_token","expires_in","refresh_token"?}`.
    static func decodeToken(_ response: HTTPResponse, now: Date) throws(ServiceError) -> AccessToken {
        guard let json = JSONValue.parse(response.body),
              let value = json["access_token"]?.string, !value.isEmpty else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "The token endpoint answered without an access_token", requestID: response.requestID)
        }
        let lifetime = json["expires_in"]?.double ?? 3599
        return AccessToken(
            value: value, expiresOn: now.addingTimeInterval(lifetime),
            refreshToken: json["refresh_token"]?.string)
    }
}

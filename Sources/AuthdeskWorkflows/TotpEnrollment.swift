import AuthdeskCore
import AuthdeskServices

/// An authenticator app just enrolled for an Auth0 user: the method, and (when authdesk made the
/// secret) the secret and the `otpauth://` URI to show once, so the user's app can take them.
/// Neither is journalled; a typed secret is never shown back.
public struct TotpEnrollment: Sendable {
    public var user: DirectoryUser
    public var method: AuthMethod
    /// The secret authdesk generated, nil when the operator typed one.
    public var generatedSecret: Secret?
    /// The key URI of a generated secret, for the app to scan or paste.
    public var uri: Secret?

    public init(user: DirectoryUser, method: AuthMethod, generatedSecret: Secret?, uri: Secret?) {
        self.user = user
        self.method = method
        self.generatedSecret = generatedSecret
        self.uri = uri
    }
}

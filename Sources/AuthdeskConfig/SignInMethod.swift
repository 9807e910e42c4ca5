/// How a profile signs in to Entra ID: as an operator with a device code, or as an application
/// with a client secret or a certificate.
public enum SignInMethod: String, Sendable, Hashable, CaseIterable {
    case deviceCode = "device-code"
    case clientSecret = "client-secret"
    case certificate
}

/// The kind of an authentication method, flat across providers: what policies and key
/// bindings reason about.
public enum MethodKind: String, Sendable, Hashable, Codable, CaseIterable {
    case password
    case phone
    case email
    case fido2
    case microsoftAuthenticator
    case softwareOath
    case hardwareOath
    case temporaryAccessPass
    case windowsHelloForBusiness
    case platformCredential
    case auth0Phone
    case auth0Email
    case auth0Totp
    case auth0WebAuthnRoaming
    case auth0WebAuthnPlatform
    case auth0Passkey
    case auth0Push
    case auth0RecoveryCode
    case auth0Guardian
    case auth0EmailVerification
    case auth0Password
    case unknown

    /// The label operators see in the methods pane.
    public var displayName: String {
        switch self {
        case .password: "Password"
        case .phone: "Phone"
        case .email: "Email"
        case .fido2: "FIDO2 security key"
        case .microsoftAuthenticator: "Microsoft Authenticator"
        case .softwareOath: "Software OATH token"
        case .hardwareOath: "Hardware OATH token"
        case .temporaryAccessPass: "Temporary Access Pass"
        case .windowsHelloForBusiness: "Windows Hello for Business"
        case .platformCredential: "Platform credential"
        case .auth0Phone: "Phone"
        case .auth0Email: "Email"
        case .auth0Totp: "Authenticator app (TOTP)"
        case .auth0WebAuthnRoaming: "Security key (WebAuthn)"
        case .auth0WebAuthnPlatform: "Device biometrics (WebAuthn)"
        case .auth0Passkey: "Passkey"
        case .auth0Push: "Push (Guardian)"
        case .auth0RecoveryCode: "Recovery code"
        case .auth0Guardian: "Guardian"
        case .auth0EmailVerification: "Email verification"
        case .auth0Password: "Password"
        case .unknown: "Unknown method"
        }
    }
}

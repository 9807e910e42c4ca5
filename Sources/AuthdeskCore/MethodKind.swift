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
    case qrCodePin
    case externalAuthentication
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
        case .qrCodePin: "QR code + PIN"
        case .externalAuthentication: "External authentication method"
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

    /// Where a reset deletes a method of this kind among the user's methods: lower goes first
    /// (phones are ordered by slot in ``ResetPlan``; the default method goes last whatever it is).
    public var resetOrder: Int {
        switch self {
        case .hardwareOath: 10
        case .softwareOath, .auth0Totp: 20
        case .microsoftAuthenticator, .auth0Push: 30
        case .auth0Guardian: 31
        case .fido2, .auth0WebAuthnRoaming: 40
        case .auth0Passkey: 41
        case .windowsHelloForBusiness, .auth0WebAuthnPlatform: 50
        case .platformCredential: 60
        case .qrCodePin: 62
        case .externalAuthentication: 64
        case .temporaryAccessPass: 70
        case .email, .auth0Email: 80
        case .auth0EmailVerification: 81
        case .phone, .auth0Phone: 93
        case .auth0RecoveryCode: 100
        case .password, .auth0Password, .unknown: 200
        }
    }

    /// Whether the `portal` policy removes this kind, as the Entra portal's "Require re-register
    /// MFA" does (``ResetPolicy`` says why for each); `all` removes every kind but the password.
    public var isRemovedByPortal: Bool {
        switch self {
        case .phone, .microsoftAuthenticator, .softwareOath, .hardwareOath,
             .auth0Phone, .auth0Totp, .auth0Push, .auth0Guardian, .auth0RecoveryCode:
            true
        case .password, .email, .fido2, .temporaryAccessPass, .windowsHelloForBusiness, .platformCredential,
             .qrCodePin, .externalAuthentication,
             .auth0Email, .auth0EmailVerification, .auth0WebAuthnRoaming, .auth0WebAuthnPlatform, .auth0Passkey,
             .auth0Password, .unknown:
            false
        }
    }
}

import AuthdeskCore

/// Methods of every kind, for the reset tests, and a seeded generator of method sets.
enum MethodSamples {
    static let password = AuthMethod.password(PasswordMethod(id: "28c10230-6103-485e-b985-444c60001490"))
    static let mobile = AuthMethod.phone(PhoneMethod(
        id: PhoneType.mobile.methodID, phoneNumber: "+1 2065555555", phoneType: .mobile))
    static let alternateMobile = AuthMethod.phone(PhoneMethod(
        id: PhoneType.alternateMobile.methodID, phoneNumber: "+1 2065555556", phoneType: .alternateMobile))
    static let office = AuthMethod.phone(PhoneMethod(
        id: PhoneType.office.methodID, phoneNumber: "+1 2065555557", phoneType: .office))
    static let email = AuthMethod.email(EmailMethod(id: "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", emailAddress: "a@example.com"))
    static let fido2 = AuthMethod.fido2(Fido2Method(id: "fido-1", displayName: "YubiKey 5"))
    static let authenticator = AuthMethod.microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "ma-1", displayName: "iPhone"))
    static let authenticator2 = AuthMethod.microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "ma-2", displayName: "Pixel"))
    static let softwareOath = AuthMethod.softwareOath(SoftwareOathMethod(id: "so-1"))
    static let hardwareActive = AuthMethod.hardwareOath(HardwareOathMethod(id: "hw-1", serialNumber: "123", status: "activated"))
    static let hardwareAssigned = AuthMethod.hardwareOath(HardwareOathMethod(id: "hw-2", serialNumber: "456", status: "assigned"))
    static let hardwareNoStatus = AuthMethod.hardwareOath(HardwareOathMethod(id: "hw-3", serialNumber: "789"))
    static let tap = AuthMethod.temporaryAccessPass(TemporaryAccessPassMethod(id: "tap-1"))
    static let hello = AuthMethod.windowsHelloForBusiness(KeyCredentialMethod(id: "whfb-1", displayName: "LAPTOP-1"))
    static let platform = AuthMethod.platformCredential(KeyCredentialMethod(id: "pc-1", displayName: "Mac"))
    static let unknown = AuthMethod.unknown(UnknownMethod(id: "qr-1", typeName: "#microsoft.graph.qrCodePinAuthenticationMethod"))

    static let graphAll: [AuthMethod] = [
        password, mobile, alternateMobile, office, email, fido2, authenticator, authenticator2, softwareOath,
        hardwareActive, hardwareAssigned, hardwareNoStatus, tap, hello, platform, unknown,
    ]

    static func auth0(_ type: String, _ n: Int = 1) -> AuthMethod {
        .auth0(Auth0Method(id: "\(type)|dev_\(n)", type: type))
    }

    static let auth0All: [AuthMethod] = [
        "password", "phone", "email", "totp", "push", "guardian", "recovery-code", "webauthn-roaming",
        "webauthn-platform", "passkey", "email-verification", "something-new",
    ].map { auth0($0) } + [auth0("phone", 2)]

    /// The whole pool, from which generated sets are drawn.
    static let pool: [AuthMethod] = graphAll + auth0All

    /// A reproducible subset of the pool in a shuffled order, and sometimes a default method id
    /// (one of the set, or a stale one).
    static func generated(seed: UInt64) -> (methods: [AuthMethod], defaultMethodID: String?) {
        var rng = SplitMix64(seed: seed)
        var methods = pool.filter { _ in rng.next() % 2 == 0 }
        methods.shuffle(using: &rng)
        let defaultMethodID: String? = switch rng.next() % 4 {
        case 0: nil
        case 1: "stale-default"
        default: methods.isEmpty ? nil : methods[Int(rng.next() % UInt64(methods.count))].id
        }
        return (methods, defaultMethodID)
    }
}

/// A small deterministic random generator, so that property tests replay the same cases.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The kinds of Graph authentication methods the sandbox holds: their OData type names,
/// their URL segments under `/authentication/`, and where they exist (v1.0 or beta only).
enum GraphMethodType: String, CaseIterable, Sendable {
    case password
    case phone
    case email
    case fido2
    case microsoftAuthenticator
    case softwareOath
    case temporaryAccessPass
    case windowsHelloForBusiness
    case platformCredential
    case hardwareOath
    /// QR code + PIN: one per user, at the singular segment `qrCodePinMethod`.
    case qrCodePin
    case externalAuthentication

    /// `#microsoft.graph.phoneAuthenticationMethod`
    var odataType: String {
        self == .externalAuthentication ? "#microsoft.graph.externalAuthenticationMethod" : "#microsoft.graph.\(rawValue)AuthenticationMethod"
    }

    /// `phoneMethods`
    var segment: String {
        switch self {
        case .qrCodePin: "qrCodePinMethod"
        case .externalAuthentication: "externalAuthenticationMethods"
        default: "\(rawValue)Methods"
        }
    }

    /// Only on `/beta`.
    var betaOnly: Bool { self == .hardwareOath }

    /// Removed by a deletion on the typed segment (password cannot be deleted).
    var deletable: Bool { self != .password }

    /// Can be the user's default MFA method (signInPreferences).
    var canBeDefault: Bool {
        switch self {
        case .phone, .microsoftAuthenticator, .softwareOath, .hardwareOath: true
        default: false
        }
    }

    init?(odataType: String) {
        guard let type = Self.allCases.first(where: { $0.odataType == odataType }) else { return nil }
        self = type
    }

    /// The collection segments only (`qrCodePinMethod` has its own endpoints).
    init?(segment: String) {
        guard let type = Self.allCases.first(where: { $0.segment == segment && $0 != .qrCodePin }) else { return nil }
        self = type
    }
}

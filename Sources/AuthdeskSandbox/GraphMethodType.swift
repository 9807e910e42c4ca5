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

    /// `#microsoft.graph.phoneAuthenticationMethod`
    var odataType: String { "#microsoft.graph.\(rawValue)AuthenticationMethod" }

    /// `phoneMethods`
    var segment: String { "\(rawValue)Methods" }

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
        let prefix = "#microsoft.graph."
        let suffix = "AuthenticationMethod"
        guard odataType.hasPrefix(prefix), odataType.hasSuffix(suffix) else { return nil }
        self.init(rawValue: String(odataType.dropFirst(prefix.count).dropLast(suffix.count)))
    }

    init?(segment: String) {
        guard segment.hasSuffix("Methods") else { return nil }
        self.init(rawValue: String(segment.dropLast("Methods".count)))
    }
}

/// Whether a mobile phone can be used for SMS sign-in (Graph's read-only `smsSignInState`).
public enum SmsSignInState: Sendable, Hashable {
    case notSupported
    case notAllowedByPolicy
    case notEnabled
    case phoneNumberNotUnique
    case ready
    case notConfigured
    /// A value this version does not know, kept as the service sent it.
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "notSupported": self = .notSupported
        case "notAllowedByPolicy": self = .notAllowedByPolicy
        case "notEnabled": self = .notEnabled
        case "phoneNumberNotUnique": self = .phoneNumberNotUnique
        case "ready": self = .ready
        case "notConfigured": self = .notConfigured
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .notSupported: "notSupported"
        case .notAllowedByPolicy: "notAllowedByPolicy"
        case .notEnabled: "notEnabled"
        case .phoneNumberNotUnique: "phoneNumberNotUnique"
        case .ready: "ready"
        case .notConfigured: "notConfigured"
        case .other(let value): value
        }
    }
}

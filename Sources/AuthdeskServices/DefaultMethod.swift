/// The method a user is asked for first as a second factor (Graph beta
/// `userPreferredMethodForSecondaryAuthentication`).
public enum DefaultMethod: Sendable, Hashable, CaseIterable {
    case push
    case oath
    case voiceMobile
    case voiceAlternateMobile
    case voiceOffice
    case sms
    case none

    public static let allCases: [DefaultMethod] = [.push, .oath, .voiceMobile, .voiceAlternateMobile, .voiceOffice, .sms, .none]

    /// The value as Graph writes it.
    public var rawValue: String {
        switch self {
        case .push: "push"
        case .oath: "oath"
        case .voiceMobile: "voiceMobile"
        case .voiceAlternateMobile: "voiceAlternateMobile"
        case .voiceOffice: "voiceOffice"
        case .sms: "sms"
        case .none: "none"
        }
    }

    /// Nil for a value this version does not know.
    public init?(rawValue: String) {
        guard let match = DefaultMethod.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = match
    }

    /// The values an operator may set (all but `none`), for error messages.
    public static let settableNames = allCases.filter { $0 != .none }.map(\.rawValue).joined(separator: ", ")
}

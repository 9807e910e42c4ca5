/// The method a user is asked for first as a second factor (Graph beta
/// `userPreferredMethodForSecondaryAuthentication`). The raw value is the name Graph writes;
/// `init(rawValue:)` is nil for a value this version does not know.
public enum DefaultMethod: String, Sendable, Hashable, CaseIterable {
    case push
    case oath
    case voiceMobile
    case voiceAlternateMobile
    case voiceOffice
    case sms
    case none

    /// The values an operator may set (all but `none`), for error messages.
    public static let settableNames = allCases.filter { $0 != .none }.map(\.rawValue).joined(separator: ", ")
}

/// Why a reset leaves a method in place; ``unknownType`` is the one an operator must look at.
public enum KeepReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Passwords are never deleted, by any policy: they are the first factor, not MFA.
    case password
    /// The policy does not reset this kind (`portal` keeps FIDO2, Windows Hello, platform
    /// credentials, email and Temporary Access Passes).
    case keptByPolicy
    /// A hardware OATH token that is not activated: there is nothing to deactivate.
    case alreadyInactive
    /// A method type this version does not know: kept rather than deleted blindly, and flagged.
    case unknownType

    /// Whether an operator should review the method by hand.
    public var isFlagged: Bool { self == .unknownType }

    /// One line for the plan's "kept" list.
    public var explanation: String {
        switch self {
        case .password: "passwords are never deleted"
        case .keptByPolicy: "not reset by this policy"
        case .alreadyInactive: "hardware token not activated; nothing to deactivate"
        case .unknownType: "unknown method type: kept, review it by hand"
        }
    }
}

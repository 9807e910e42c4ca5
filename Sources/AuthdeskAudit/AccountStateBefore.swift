import AuthdeskCore
import AuthdeskJournal

/// The account state a block, an unblock or a per-user MFA change replaced, read just before
/// the change and kept in its journal entry (the entry's detail, `before: sign-in enabled`,
/// which the hash chain covers), so that `authdesk undo` can put it back.
public enum AccountStateBefore: Sendable, Equatable {
    /// Whether the user could sign in (Graph `accountEnabled`; Auth0 not `blocked`).
    case signIn(enabled: Bool)
    case perUserMfa(PerUserMfaState)

    static let signInPrefix = "before: sign-in "
    static let mfaPrefix = "before: per-user MFA "

    /// `before: sign-in enabled`, `before: sign-in blocked`, `before: per-user MFA enforced`.
    public var text: String {
        switch self {
        case .signIn(let enabled): Self.signInPrefix + (enabled ? "enabled" : "blocked")
        case .perUserMfa(let state): Self.mfaPrefix + state.rawValue
        }
    }

    /// The state `entry` kept, if it kept one (entries journalled before it was kept have none).
    public init?(_ entry: AuditEntry) {
        guard entry.outcome == .succeeded, let detail = entry.detail else { return nil }
        if detail.hasPrefix(Self.signInPrefix) {
            switch detail.dropFirst(Self.signInPrefix.count) {
            case "enabled": self = .signIn(enabled: true)
            case "blocked": self = .signIn(enabled: false)
            default: return nil
            }
        } else if detail.hasPrefix(Self.mfaPrefix),
            let state = PerUserMfaState(rawValue: String(detail.dropFirst(Self.mfaPrefix.count)))
        {
            self = .perUserMfa(state)
        } else {
            return nil
        }
    }
}

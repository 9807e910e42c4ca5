/// The kinds of change the pre-flight judges; each has its own rule in Entra's role model.
public enum PreflightAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Add, change or delete a phone, the e-mail method or another method; SMS sign-in.
    case changeMethods
    case temporaryAccessPass
    case revokeSessions
    case resetPassword
    /// "Reset all MFA" for the user (bulk or single).
    case resetAllMFA
    /// Block or unblock sign-in (`accountEnabled`, a sensitive property).
    case blockSignIn
    /// Set the legacy per-user MFA state.
    case perUserMfa

    /// What the operator cannot do to an administrator, for the refusal's sentence.
    var deed: String {
        switch self {
        case .changeMethods: "change an administrator's methods"
        case .temporaryAccessPass: "issue a Temporary Access Pass to an administrator"
        case .revokeSessions: "revoke an administrator's sessions"
        case .resetPassword: "reset an administrator's password"
        case .resetAllMFA: "reset an administrator's MFA methods"
        case .blockSignIn: "block or unblock an administrator's sign-in"
        case .perUserMfa: "change an administrator's per-user MFA state"
        }
    }

    /// The action, for "... needs ..." sentences.
    var noun: String {
        switch self {
        case .changeMethods: "changing authentication methods"
        case .temporaryAccessPass: "issuing a Temporary Access Pass"
        case .revokeSessions: "revoking sessions"
        case .resetPassword: "a password reset"
        case .resetAllMFA: "resetting MFA"
        case .blockSignIn: "blocking or unblocking sign-in"
        case .perUserMfa: "changing the per-user MFA state"
        }
    }
}

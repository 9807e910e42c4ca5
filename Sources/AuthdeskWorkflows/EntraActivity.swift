import AuthdeskJournal

/// The name of the matching entry in the service's own audit log, so that an evidence pack
/// says what to look for there: Entra's activity names (API-FACTS.md), or Auth0's log event
/// type for a Management API write.
public enum EntraActivity {
    /// The activity `entry` shows up as in the tenant's own audit log; nil when unknown.
    public static func name(of entry: AuditEntry) -> String? {
        if entry.sentRequests.contains(where: { $0.url.contains("/api/v2/") }) { return "Success API Operation (sapi)" }
        switch entry.action {
        case "add phone", "add e-mail", "create TAP": return "Admin registered security info"
        case "update phone", "update e-mail", "enable SMS sign-in", "disable SMS sign-in", "set default method":
            return "Admin updated security info"
        case "delete method", "deactivate hardware token": return "Admin deleted security info"
        case "reset password": return "Admin started password reset"
        case "password reset finished": return "Reset password (by admin)"
        case "revoke sessions": return "Invalidate all refresh tokens for user"
        case "block sign-in", "unblock sign-in", "set per-user MFA": return "Update user"
        default: return nil
        }
    }
}

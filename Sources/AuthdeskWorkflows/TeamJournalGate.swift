import AuthdeskConfig

/// The shared journal's URL as the commands that open the journal from the environment alone
/// see it: a malformed `AUTHDESK_JOURNAL_URL` is refused (exit 2, with what is valid) before
/// anything is opened. Jobs and the audit log stay in the local journal until the PostgreSQL
/// store is merged; leases already go to the shared database (``Workspace/leasing``).
enum TeamJournalGate {
    /// Checks `AUTHDESK_JOURNAL_URL` in `environment`, when set.
    static func validate(environment: [String: String]) throws(ConfigError) {
        guard let text = environment[TeamSettings.environmentVariable], !text.isEmpty else { return }
        _ = try TeamJournalURL(text, source: TeamSettings.environmentVariable)
    }
}

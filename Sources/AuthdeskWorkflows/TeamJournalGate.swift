import AuthdeskConfig

/// Team mode's shared PostgreSQL journal is configured but this build cannot use it yet: refuse,
/// rather than journal locally while the operator believes the team sees it.
enum TeamJournalGate {
    static func refuse(_ team: TeamSettings) throws(ConfigError) {
        guard let url = team.journalURL else { return }
        throw ConfigError(
            "team mode (journal_url or \(TeamSettings.environmentVariable) = \(url)) is not available in this version: "
                + "the shared PostgreSQL journal is not built yet; remove [team] journal_url and unset "
                + "\(TeamSettings.environmentVariable) to use the local journal")
    }

    /// The same refusal for the commands that open the journal from the environment alone.
    static func refuse(environment: [String: String]) throws(ConfigError) {
        guard let text = environment[TeamSettings.environmentVariable], !text.isEmpty else { return }
        try refuse(TeamSettings(journalURL: try TeamJournalURL(text, source: TeamSettings.environmentVariable)))
    }
}

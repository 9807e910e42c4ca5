import TOMLKit

extension TeamSettings {
    /// Reads the `[team]` table of the file at `path` (nil when the file has none).
    static func read(_ value: TOMLValueConvertible?, path: String) throws(ConfigError) -> TeamSettings {
        guard let value else { return TeamSettings() }
        let place = "\(path) [team]"
        guard let table = value.table else { throw ConfigError("\(path): team must be a table, written [team]") }
        for key in table.keys where !keys.contains(key) {
            throw ConfigError("\(place): unknown key '\(key)'; known keys: \(keys.sorted().joined(separator: ", "))")
        }
        var settings = TeamSettings()
        if let url = table["journal_url"] {
            guard let text = url.string else { throw ConfigError("\(place): journal_url must be a string") }
            settings.journalURL = try TeamJournalURL(text, source: "\(place) journal_url")
        }
        if let threshold = table["approval_threshold"] {
            guard let count = threshold.int, count >= 1 else {
                throw ConfigError("\(place): approval_threshold must be a whole number of users, 1 or more")
            }
            settings.approvalThreshold = count
        }
        return settings
    }

    /// The settings with `AUTHDESK_JOURNAL_URL` applied, checked as a whole.
    func applying(environment: [String: String], source: String) throws(ConfigError) -> TeamSettings {
        var settings = self
        if let text = environment[Self.environmentVariable], !text.isEmpty {
            settings.journalURL = try TeamJournalURL(text, source: Self.environmentVariable)
        }
        if settings.approvalThreshold != nil, settings.journalURL == nil {
            throw ConfigError(
                "\(source) [team]: approval_threshold needs journal_url (or \(Self.environmentVariable)): "
                    + "another operator approves through the shared journal")
        }
        return settings
    }
}

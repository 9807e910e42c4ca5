/// The `[team]` table: several operators on several jump hosts share one PostgreSQL journal, and
/// a bulk job of `approvalThreshold` users or more waits for a second operator.
///
/// `AUTHDESK_JOURNAL_URL` in the environment sets (or overrides) `journal_url`.
public struct TeamSettings: Sendable, Hashable {
    public static let keys: Set<String> = ["journal_url", "approval_threshold"]
    public static let environmentVariable = "AUTHDESK_JOURNAL_URL"

    /// The shared journal; nil keeps the local SQLite journal.
    public var journalURL: TeamJournalURL?
    /// Bulk jobs of this many users or more are created awaiting approval; nil: none wait.
    public var approvalThreshold: Int?

    public init(journalURL: TeamJournalURL? = nil, approvalThreshold: Int? = nil) {
        self.journalURL = journalURL
        self.approvalThreshold = approvalThreshold
    }

    /// Team mode is on when a shared journal is configured.
    public var isTeamMode: Bool { journalURL != nil }
}

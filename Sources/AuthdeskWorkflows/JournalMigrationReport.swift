import AuthdeskOutput
import AuthdeskTeamJournal

/// What `journal migrate` copied, from where to where, and the copied chain's check: one row
/// for table, CSV or JSON output, and the check's lines (as `journal verify` prints them).
public struct JournalMigrationReport: Sendable {
    /// The local journal's file.
    public var from: String
    /// The team journal's URL (never a password).
    public var to: String
    public var counts: TeamJournalImport.Counts
    /// `journal verify`'s lines on the team journal after the copy.
    public var chainLines: [String]
    public var chainIntact: Bool

    /// 0 when the copied chain is intact, else 1.
    public var status: ExitStatus { chainIntact ? .success : .someFailed }

    public func report() -> Report {
        var report = Report(columns: [
            .init("from", "From"), .init("to", "To"), .init("jobs", "Jobs"), .init("users", "Users"),
            .init("steps", "Steps"), .init("auditEntries", "Audit entries"), .init("checkpoints", "Checkpoints"),
            .init("chainIntact", "Chain intact"),
        ])
        report.append(cells: [
            .string(from), .string(to), .int(counts.jobs), .int(counts.users), .int(counts.steps), .int(counts.auditEntries),
            .int(counts.checkpoints), .bool(chainIntact),
        ])
        return report
    }
}

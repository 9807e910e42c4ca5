import Foundation

/// A whole journal as data, to copy it into another store (`journal migrate --to URL`): jobs
/// with their users, steps and kept methods (ids kept), and the audit log with its hashes,
/// signed checkpoints and where its chain starts, unchanged.
public struct JournalDump: Sendable {
    /// An audit entry as stored: the entry, and its time as the text the chain hashed.
    public struct Entry: Sendable {
        public var entry: AuditEntry
        public var atText: String

        public init(entry: AuditEntry, atText: String) {
            self.entry = entry
            self.atText = atText
        }
    }

    public var jobs: [JobSummary]
    /// Oldest first.
    public var audit: [Entry]
    public var checkpoints: [ChainCheckpoint]
    /// Entries up to this id predate the chain (journalled before it existed).
    public var legacyThrough: Int64
    /// When the chain started, if the journal says.
    public var chainStartedAt: Date?

    public init(jobs: [JobSummary], audit: [Entry], checkpoints: [ChainCheckpoint], legacyThrough: Int64, chainStartedAt: Date?) {
        self.jobs = jobs
        self.audit = audit
        self.checkpoints = checkpoints
        self.legacyThrough = legacyThrough
        self.chainStartedAt = chainStartedAt
    }
}

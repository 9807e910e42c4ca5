import AuthdeskBulkReset
import AuthdeskJournal

/// A job running (or resuming) under the engine: its events as they happen, and its controls.
public struct ResetRun: Sendable {
    public let jobID: JobID
    /// The job as it stood when this run began (the console's rows, the command line's names).
    public let before: JobSummary
    public let events: AsyncStream<BulkResetEvent>
    public let control: ResetRunControl
}

import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskWorkflows

/// Everything that changes the bulk screen: the operator's keys, and the answers of the
/// planner, the journal and the engine, each tagged with the screen's generation (answers for a
/// screen that was closed since are dropped). `at` is the view model's clock.
public enum BulkScreenEvent: Sendable, Equatable {
    case openReset([Marks.Entry])
    case openJobs
    case key(Key)
    case action(KeyAction)
    /// Rows of the screen's list area, as the console last laid it out.
    case viewport(rows: Int)
    /// The planner read the methods of `done` users of `total` (sent once with 0 as planning starts).
    case planProgress(generation: Int, done: Int, total: Int, at: Duration)
    case planned(generation: Int, ResetJobPlan, unplanned: [UnplannedUser])
    case jobsLoaded(generation: Int, [JobListing])
    /// Another operator's job was approved here.
    case approved(generation: Int, JobRecord)
    /// The confirmed job was journalled awaiting approval (team mode's threshold): not run.
    case heldForApproval(generation: Int, String)
    /// A job changed in the shared journal (team mode's live activity).
    case jobsChanged
    /// The job is journalled and the engine runs it: one row per user, from the journal.
    case runStarted(generation: Int, JobID, rows: [BulkRunRow], at: Duration)
    case engine(generation: Int, BulkResetEvent, at: Duration)
    /// The transport began or ended a wait for one of the run's tenants' limits.
    case serviceWait(generation: Int, ServiceWait.Event, at: Duration)
    case summaryLoaded(generation: Int, JobSummary)
    case exported(generation: Int, paths: [String])
    /// Something failed (the journal, a sign-in, the engine refused): said in the flash line.
    case failed(generation: Int, String)
    case flashExpired(id: Int)
    /// The requests of the plan's user `userID` (``UserResetPlan/id``) were built, or not.
    case userRequests(generation: Int, userID: String, RequestsPreview)
}

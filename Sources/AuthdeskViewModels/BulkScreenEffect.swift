import AuthdeskCore
import AuthdeskJournal

/// Work the bulk screen's state machine asks for; ``BulkScreenViewModel`` runs it and feeds the
/// answers back as ``BulkScreenEvent``s.
public enum BulkScreenEffect: Sendable, Equatable {
    /// Read the users' methods and plan `policy` for them.
    case plan([Marks.Entry], ResetPolicy, generation: Int)
    /// Journal the plan as a job, then run it.
    case startJob(ResetJobPlan, generation: Int)
    /// Journal the plan as a job with how the callers were verified (a tenant requires it), then run it.
    case startVerifiedJob(ResetJobPlan, CallerVerification, generation: Int)
    /// Build the requests `user`'s plan would send (recorded, not sent).
    case previewRequests(UserResetPlan, generation: Int)
    /// Run a journalled job that is not final (resume it); `retryFailed`: also its failed
    /// users (a finished job with failures too).
    case resumeJob(JobID, retryFailed: Bool, generation: Int)
    case pause
    case resume
    case cancel
    case loadJobs(generation: Int)
    /// Approve job `id` as this host's operator (``JobApproval``), then read the jobs again.
    case approveJob(JobID, generation: Int)
    case loadSummary(JobID, generation: Int)
    /// Write the summary as CSV and JSON files, with the users the pre-flight refused.
    case export(JobSummary, refused: [UserResetPlan], generation: Int)
    case expireFlash(id: Int)
    /// The screen closed; the browser gets back the users it reset completely.
    case close(done: [Marks.Key])
}

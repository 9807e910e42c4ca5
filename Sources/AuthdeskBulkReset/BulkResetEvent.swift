import AuthdeskJournal

/// Progress of a running job, as the engine's stream reports it to the console or the command
/// line, in the order things happened.
public enum BulkResetEvent: Sendable, Hashable {
    /// The run began: how many users and steps are left to do (after a resume, fewer).
    case started(job: JobID, users: Int, steps: Int)
    /// A step was journalled `sent` and its request is going out.
    case stepSent(tenant: String, userID: String, step: JobStepRecord)
    /// A step's answer was journalled (`done` or `failed`).
    case stepFinished(tenant: String, userID: String, step: JobStepRecord)
    /// The service throttled a step (429 after the transport's attempts): it and the steps after
    /// it in its chain (424, never run) are sent again after `wait`. Not a failure.
    case stepThrottled(tenant: String, userID: String, step: JobStepRecord, wait: Duration)
    /// A user's methods are being listed again to verify the reset.
    case verifying(tenant: String, userID: String)
    /// A user is done, or failed with a reason.
    case userFinished(JobUserRecord)
    /// A user's worker is waiting at the pause gate.
    case holding(tenant: String, userID: String)
    case paused
    case resumed
    /// The journal could not be written: the engine stopped sending (nothing unjournalled was sent).
    case journalFailed(String)
    /// The run ended: the job's final (or paused) state and its counts. Always the last event.
    case finished(state: JobState, counts: JobCounts)
}

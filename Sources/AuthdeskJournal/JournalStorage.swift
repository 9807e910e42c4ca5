import AuthdeskCore
import Foundation

/// The journal's operations, whatever stores them: jobs, their users and steps, and the audit
/// log with its hash chain. The SQLite ``Journal`` (one host's state folder) is one store; a
/// shared team journal is another. Front ends and workflows take `any JournalStorage`, so they
/// run unchanged against either.
///
/// The rules of each operation (a step committed `sent` before its request goes out, a `done`
/// step never sent again, one transaction per operation, the chain appended under a lock) are
/// those documented on ``Journal``; every store keeps them. Default arguments live in this
/// protocol's extension, which forwards with every argument given: a store implements every
/// requirement itself.
public protocol JournalStorage: AuditLogStorage {
    /// Records a new job from its plan, every user `waiting` and every step `pending`, at once,
    /// in `state` (`planned`, or `awaiting-approval` so that no other process can run it first).
    @discardableResult
    func createJob(
        _ plan: ResetJobPlan, operatorName: String?, ticket: String?, id: JobID?, at date: Date, verification: String?,
        state: JobState
    ) async throws(JournalError) -> JobRecord
    /// The job with `id`.
    func job(_ id: JobID) async throws(JournalError) -> JobRecord
    /// Moves a job to `state`, if its current state allows it.
    @discardableResult
    func setJobState(_ id: JobID, to state: JobState, at date: Date) async throws(JournalError) -> JobRecord
    /// Moves a `finished` job with failed users back to `running`, to retry them.
    @discardableResult
    func reopenToRetry(_ id: JobID, at date: Date) async throws(JournalError) -> JobRecord
    /// The job's users, in job order.
    func users(of id: JobID) async throws(JournalError) -> [JobUserRecord]
    /// A user's steps, in plan order.
    func steps(ofUser userRow: Int64) async throws(JournalError) -> [JobStepRecord]
    /// Moves a user to `state`, with why it failed or what is left over.
    @discardableResult
    func setUserState(
        _ userRow: Int64, to state: UserState, reason: String?, at date: Date
    ) async throws(JournalError) -> JobUserRecord
    /// Journals that a step's request is about to go out; call it BEFORE sending.
    @discardableResult
    func markSent(step stepRow: Int64, at date: Date) async throws(JournalError) -> JobStepRecord
    /// Journals a sent step's answer and audits it, at once; call it AFTER the answer.
    @discardableResult
    func recordAnswer(step stepRow: Int64, _ answer: StepAnswer, at date: Date) async throws(JournalError) -> JobStepRecord
    /// Journals that several steps' requests are about to go out (a chain sent in one round
    /// trip), each as ``markSent(step:at:)``; committed before it returns, so call it BEFORE
    /// sending. A store may commit them in one transaction (the default marks one by one).
    @discardableResult
    func markSent(steps stepRows: [Int64], at date: Date) async throws(JournalError) -> [JobStepRecord]
    /// Journals several sent steps' answers, in order, each as ``recordAnswer(step:_:at:)``; call
    /// it AFTER the answers. A store may commit them in one transaction (the default: one by one).
    @discardableResult
    func recordAnswers(
        _ answers: [(step: Int64, answer: StepAnswer)], at date: Date
    ) async throws(JournalError) -> [JobStepRecord]
    /// ``recordAnswers(_:at:)`` for a user's last steps and, when every answer succeeded, the
    /// user moved to `verifying` in the same commit (a bulk run's users each save one durable
    /// write). Returns the answered steps, and the user as moved (nil when a step failed: the
    /// user stays as it was). The default records, then moves, one after the other.
    func recordLastAnswers(
        _ answers: [(step: Int64, answer: StepAnswer)], verifying userRow: Int64, at date: Date
    ) async throws(JournalError) -> (steps: [JobStepRecord], user: JobUserRecord?)
    /// What is left to do for a job, user by user in job order.
    func remainingWork(of id: JobID, retryFailed: Bool) async throws(JournalError) -> [ResumableUser]
    /// Every job, newest first, with its counts.
    func jobs() async throws(JournalError) -> [JobListing]
    /// A job's outcome, user by user, read in one consistent snapshot.
    func summary(of id: JobID) async throws(JournalError) -> JobSummary
}

/// The audit log's operations, whatever stores them: appending a change (scrubbed, chained and
/// checkpointed), reading entries back, and checking the chain. Part of every ``JournalStorage``;
/// alone, what a store offers before its jobs do.
public protocol AuditLogStorage: Sendable {
    /// The host's own folder beside the journal: the audit signing key, exports.
    var localDirectory: URL { get }
    /// Signs the audit log's checkpoints with this host's key.
    var signer: AuditSigner { get }

    /// Appends a change to the audit log, cleared of `secrets` and of anything shaped like one.
    @discardableResult
    func appendAudit(_ entry: AuditEntry, scrubbing secrets: [Secret]) async throws(JournalError) -> AuditEntry
    /// Audit entries, oldest first, filtered; at most `limit`, the newest ones.
    func audit(
        since: Date?, user: String?, tenant: String?, job: JobID?, ticket: String?, limit: Int?
    ) async throws(JournalError) -> [AuditEntry]
    /// The audit entry with sequence number `id`, or nil.
    func auditEntry(_ id: Int64) async throws(JournalError) -> AuditEntry?
    /// The succeeded entry that undid entry `id`, if one did.
    func undoEntry(of id: Int64) async throws(JournalError) -> AuditEntry?
    /// Checks the audit log's chain and signed checkpoints (`authdesk journal verify`).
    func verifyChain() async throws(JournalError) -> ChainVerdict
}

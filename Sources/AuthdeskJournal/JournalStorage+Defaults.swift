import AuthdeskCore
import Foundation

/// The journal's default arguments (now, no ticket, no filter), for callers holding
/// `any JournalStorage`. Each forwards with every argument given, which calls the store's own
/// implementation of the requirement. The batched step operations have a default made of the
/// single ones, so that a store that has no batched form still conforms.
extension JournalStorage {
    @discardableResult
    public func createJob(
        _ plan: ResetJobPlan, operatorName: String? = nil, ticket: String? = nil, id: JobID? = nil,
        at date: Date = Date(), verification: String? = nil, state: JobState = .planned
    ) async throws(JournalError) -> JobRecord {
        try await createJob(
            plan, operatorName: operatorName, ticket: ticket, id: id, at: date, verification: verification, state: state)
    }

    @discardableResult
    public func setJobState(_ id: JobID, to state: JobState, at date: Date = Date()) async throws(JournalError) -> JobRecord {
        try await setJobState(id, to: state, at: date)
    }

    @discardableResult
    public func reopenToRetry(_ id: JobID, at date: Date = Date()) async throws(JournalError) -> JobRecord {
        try await reopenToRetry(id, at: date)
    }

    @discardableResult
    public func setUserState(
        _ userRow: Int64, to state: UserState, reason: String? = nil, at date: Date = Date()
    ) async throws(JournalError) -> JobUserRecord {
        try await setUserState(userRow, to: state, reason: reason, at: date)
    }

    @discardableResult
    public func markSent(step stepRow: Int64, at date: Date = Date()) async throws(JournalError) -> JobStepRecord {
        try await markSent(step: stepRow, at: date)
    }

    @discardableResult
    public func recordAnswer(
        step stepRow: Int64, _ answer: StepAnswer, at date: Date = Date()
    ) async throws(JournalError) -> JobStepRecord {
        try await recordAnswer(step: stepRow, answer, at: date)
    }

    /// Marks each step on its own, in order: for a store without a batched form of it.
    @discardableResult
    public func markSent(steps stepRows: [Int64], at date: Date) async throws(JournalError) -> [JobStepRecord] {
        var marked: [JobStepRecord] = []
        for stepRow in stepRows {
            marked.append(try await markSent(step: stepRow, at: date))
        }
        return marked
    }

    /// Records each answer on its own, in order: for a store without a batched form of it.
    @discardableResult
    public func recordAnswers(
        _ answers: [(step: Int64, answer: StepAnswer)], at date: Date
    ) async throws(JournalError) -> [JobStepRecord] {
        var recorded: [JobStepRecord] = []
        for (stepRow, answer) in answers {
            recorded.append(try await recordAnswer(step: stepRow, answer, at: date))
        }
        return recorded
    }

    /// Records the answers, then (all succeeded) moves the user: two writes, for a store
    /// without a combined form of them.
    public func recordLastAnswers(
        _ answers: [(step: Int64, answer: StepAnswer)], verifying userRow: Int64, at date: Date
    ) async throws(JournalError) -> (steps: [JobStepRecord], user: JobUserRecord?) {
        let steps = try await recordAnswers(answers, at: date)
        guard steps.allSatisfy({ $0.state == .done }) else { return (steps, nil) }
        return (steps, try await setUserState(userRow, to: .verifying, reason: nil, at: date))
    }

    public func remainingWork(of id: JobID, retryFailed: Bool = false) async throws(JournalError) -> [ResumableUser] {
        try await remainingWork(of: id, retryFailed: retryFailed)
    }
}

/// The audit log's default arguments (nothing to scrub but what looks like a secret, no filter).
extension AuditLogStorage {
    @discardableResult
    public func appendAudit(_ entry: AuditEntry, scrubbing secrets: [Secret] = []) async throws(JournalError) -> AuditEntry {
        try await appendAudit(entry, scrubbing: secrets)
    }

    public func audit(
        since: Date? = nil, user: String? = nil, tenant: String? = nil, job: JobID? = nil, ticket: String? = nil,
        limit: Int? = nil
    ) async throws(JournalError) -> [AuditEntry] {
        try await audit(since: since, user: user, tenant: tenant, job: job, ticket: ticket, limit: limit)
    }
}

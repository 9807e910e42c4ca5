import AuthdeskCore
import Foundation
import GRDB

extension Journal {
    /// Journals that a step's request is about to go out: `pending` (or `sent` again after a
    /// crash, or `failed` on a retry) becomes `sent`, its attempts count goes up, and its user
    /// becomes `running`. Committed before this returns; call it BEFORE sending. A `done` step is
    /// refused: nothing is done twice.
    @discardableResult
    public func markSent(step stepRow: Int64, at date: Date = Date()) async throws(JournalError) -> JobStepRecord {
        try await grouped { db in try Self.markSent(db, stepRow, at: date) }
    }

    /// ``markSent(step:at:)`` for each of `stepRows` (a chain that goes out in one round trip),
    /// all in one transaction: every mark or none, committed before this returns.
    @discardableResult
    public func markSent(steps stepRows: [Int64], at date: Date) async throws(JournalError) -> [JobStepRecord] {
        try await grouped { db in try stepRows.map { try Self.markSent(db, $0, at: date) } }
    }

    static func markSent(_ db: Database, _ stepRow: Int64, at date: Date) throws -> JobStepRecord {
        let step = try fetchStep(db, stepRow).sending(at: date)
        try db.executeCached(
            """
            UPDATE jobStep SET state = 'sent', attempts = ?, sentAt = ?, finishedAt = NULL,
                httpStatus = NULL, errorCode = NULL, errorMessage = NULL, requestID = NULL
            WHERE id = ?
            """,
            [step.attempts, date, stepRow])
        try db.executeCached(
            "UPDATE jobUser SET state = 'running', reason = NULL, updatedAt = ? WHERE id = ? AND state IN ('waiting', 'failed')",
            [date, step.jobUserID])
        return step
    }

    /// Journals a sent step's answer: `done` when it succeeded (a 2xx, or a 404 on a delete),
    /// `failed` otherwise, with the status, service error code, message and request id; and
    /// appends the change to the audit log in the same transaction. Call it AFTER the answer.
    @discardableResult
    public func recordAnswer(
        step stepRow: Int64, _ answer: StepAnswer, at date: Date = Date()
    ) async throws(JournalError) -> JobStepRecord {
        let signer = signer
        return try await grouped { db in
            var context: AnswerContext?
            return try Self.recordAnswer(db, stepRow, answer, at: date, signer: signer, context: &context)
        }
    }

    /// ``recordAnswer(step:_:at:)`` for each answer of a chain, in order, all in one transaction.
    @discardableResult
    public func recordAnswers(
        _ answers: [(step: Int64, answer: StepAnswer)], at date: Date
    ) async throws(JournalError) -> [JobStepRecord] {
        let signer = signer
        let answers = answers.map { StepAndAnswer(step: $0.step, answer: $0.answer) }
        return try await grouped { db in try Self.recordChain(db, answers, at: date, signer: signer) }
    }

    /// ``recordAnswers(_:at:)`` and, when every answer succeeded, the user moved to `verifying`,
    /// in one transaction (``JournalStorage/recordLastAnswers(_:verifying:at:)``).
    public func recordLastAnswers(
        _ answers: [(step: Int64, answer: StepAnswer)], verifying userRow: Int64, at date: Date
    ) async throws(JournalError) -> (steps: [JobStepRecord], user: JobUserRecord?) {
        let signer = signer
        let answers = answers.map { StepAndAnswer(step: $0.step, answer: $0.answer) }
        let outcome = try await grouped { db in
            let steps = try Self.recordChain(db, answers, at: date, signer: signer)
            guard steps.allSatisfy({ $0.state == .done }) else { return LastAnswers(steps: steps, user: nil) }
            return LastAnswers(steps: steps, user: try Self.setUserState(db, userRow, to: .verifying, reason: nil, at: date))
        }
        return (outcome.steps, outcome.user)
    }

    /// A chain's answers, in order, in the caller's transaction. They are one user's: its user
    /// and job rows are read once.
    private static func recordChain(
        _ db: Database, _ answers: [StepAndAnswer], at date: Date, signer: AuditSigner
    ) throws -> [JobStepRecord] {
        var context: AnswerContext?
        return try answers.map { try recordAnswer(db, $0.step, $0.answer, at: date, signer: signer, context: &context) }
    }

    /// The answered steps and the user moved, out of the group's transaction.
    private struct LastAnswers: Sendable {
        let steps: [JobStepRecord]
        let user: JobUserRecord?
    }

    /// The user and job an answer's audit entry names, read for a chain's first answer and kept
    /// for the next ones of the same user.
    struct AnswerContext {
        let user: JobUserRecord
        let job: JobRecord
    }

    /// A step's row and its answer (a tuple is not `Sendable` across the group's transaction).
    private struct StepAndAnswer: Sendable {
        let step: Int64
        let answer: StepAnswer
    }

    static func recordAnswer(
        _ db: Database, _ stepRow: Int64, _ answer: StepAnswer, at date: Date, signer: AuditSigner,
        context: inout AnswerContext?
    ) throws -> JobStepRecord {
        let scrubber = SecretScrubber()
        let message = answer.message.map { scrubber.scrub($0).text }
        let step = try fetchStep(db, stepRow).answered(answer, message: message, at: date)
        if context?.user.id != step.jobUserID {
            let user = try fetchUser(db, step.jobUserID)
            context = AnswerContext(user: user, job: try fetchJob(db, user.jobID))
        }
        guard let user = context?.user, let job = context?.job else { throw JournalError.noSuchUser(step.jobUserID) }
        try db.executeCached(
            """
            UPDATE jobStep SET state = ?, httpStatus = ?, errorCode = ?, errorMessage = ?, requestID = ?, finishedAt = ?
            WHERE id = ?
            """,
            [step.state.rawValue, answer.httpStatus, answer.errorCode, message, answer.requestID, date, stepRow])
        let entry = AuditEntry.step(step, answer: answer, of: user, in: job, at: date)
        _ = try insertAudit(db, entry.scrubbed(with: scrubber), signer: signer)
        return step
    }

    /// What is left to do for a job, user by user in job order: every user not `done` (nor
    /// `failed`, unless `retryFailed`), with its `pending` and `sent` steps (and `failed` ones if
    /// `retryFailed`) in plan order. A user with no step left is still listed while it is not
    /// final: it needs its verify. `done` steps are never listed.
    public func remainingWork(of id: JobID, retryFailed: Bool = false) async throws(JournalError) -> [ResumableUser] {
        try await read { db in
            _ = try Self.fetchJob(db, id)
            let users = try Self.fetchUsers(db, of: id)
            let stepStates = retryFailed ? "('pending', 'sent', 'failed')" : "('pending', 'sent')"
            // Every step left in one query (not one a user), grouped by user.
            let steps = Dictionary(grouping: try JobStepRecord.fetchAll(
                db, sql: """
                    SELECT jobStep.* FROM jobStep JOIN jobUser ON jobUser.id = jobStep.jobUserID
                    WHERE jobUser.jobID = ? AND jobStep.state IN \(stepStates) ORDER BY jobStep.jobUserID, jobStep.position
                    """,
                arguments: [id.rawValue]), by: \.jobUserID)
            return users.compactMap { user in
                if user.state == .done || (user.state == .failed && !retryFailed) { return nil }
                return ResumableUser(user: user, steps: steps[user.id] ?? [])
            }
        }
    }
}

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
        try db.execute(
            sql: """
                UPDATE jobStep SET state = 'sent', attempts = ?, sentAt = ?, finishedAt = NULL,
                    httpStatus = NULL, errorCode = NULL, errorMessage = NULL, requestID = NULL
                WHERE id = ?
                """,
            arguments: [step.attempts, date, stepRow])
        try db.execute(
            sql: "UPDATE jobUser SET state = 'running', reason = NULL, updatedAt = ? WHERE id = ? AND state IN ('waiting', 'failed')",
            arguments: [date, step.jobUserID])
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
        return try await grouped { db in try Self.recordAnswer(db, stepRow, answer, at: date, signer: signer) }
    }

    /// ``recordAnswer(step:_:at:)`` for each answer of a chain, in order, all in one transaction.
    @discardableResult
    public func recordAnswers(
        _ answers: [(step: Int64, answer: StepAnswer)], at date: Date
    ) async throws(JournalError) -> [JobStepRecord] {
        let signer = signer
        let answers = answers.map { StepAndAnswer(step: $0.step, answer: $0.answer) }
        return try await grouped { db in
            try answers.map { try Self.recordAnswer(db, $0.step, $0.answer, at: date, signer: signer) }
        }
    }

    /// A step's row and its answer (a tuple is not `Sendable` across the group's transaction).
    private struct StepAndAnswer: Sendable {
        let step: Int64
        let answer: StepAnswer
    }

    static func recordAnswer(
        _ db: Database, _ stepRow: Int64, _ answer: StepAnswer, at date: Date, signer: AuditSigner
    ) throws -> JobStepRecord {
        let scrubber = SecretScrubber()
        let message = answer.message.map { scrubber.scrub($0).text }
        let step = try fetchStep(db, stepRow).answered(answer, message: message, at: date)
        let user = try fetchUser(db, step.jobUserID)
        let job = try fetchJob(db, user.jobID)
        try db.execute(
            sql: """
                UPDATE jobStep SET state = ?, httpStatus = ?, errorCode = ?, errorMessage = ?, requestID = ?, finishedAt = ?
                WHERE id = ?
                """,
            arguments: [step.state.rawValue, answer.httpStatus, answer.errorCode, message, answer.requestID, date, stepRow])
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
            let users = try JobUserRecord.fetchAll(
                db, sql: "SELECT * FROM jobUser WHERE jobID = ? ORDER BY position", arguments: [id.rawValue])
            let stepStates = retryFailed ? "('pending', 'sent', 'failed')" : "('pending', 'sent')"
            var out: [ResumableUser] = []
            for user in users {
                if user.state == .done || (user.state == .failed && !retryFailed) { continue }
                let steps = try JobStepRecord.fetchAll(
                    db, sql: "SELECT * FROM jobStep WHERE jobUserID = ? AND state IN \(stepStates) ORDER BY position",
                    arguments: [user.id])
                out.append(ResumableUser(user: user, steps: steps))
            }
            return out
        }
    }
}

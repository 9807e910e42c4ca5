import AuthdeskCore
import AuthdeskJournal
import Foundation
import PostgresNIO

extension TeamJournal {
    /// Journals that a step's request is about to go out, in one statement (the step and its
    /// user move together); committed before this returns. A `done` step is refused.
    public func markSent(step stepRow: Int64, at date: Date) async throws(JournalError) -> JobStepRecord {
        try await database.transaction { connection in
            let step = try await Self.fetchStep(stepRow, on: connection, locking: true).sending(at: date)
            try await connection.query(
                """
                WITH step AS (
                    UPDATE job_step SET state = 'sent', attempts = \(step.attempts), sent_at = \(date), finished_at = NULL,
                        http_status = NULL, error_code = NULL, error_message = NULL, request_id = NULL
                    WHERE id = \(stepRow) RETURNING job_user_id
                )
                UPDATE job_user SET state = 'running', reason = NULL, updated_at = \(date)
                WHERE id = (SELECT job_user_id FROM step) AND state IN ('waiting', 'failed')
                """, logger: Self.logger)
            return step
        }
    }

    /// Journals a sent step's answer and appends its audit entry (chained and checkpointed) in
    /// the same transaction; call it AFTER the answer.
    public func recordAnswer(step stepRow: Int64, _ answer: StepAnswer, at date: Date) async throws(JournalError) -> JobStepRecord {
        let message = answer.message.map { SecretScrubber().scrub($0).text }
        let auditLog = auditLog
        let step = try await database.transaction { connection in
            let step = try await Self.fetchStep(stepRow, on: connection, locking: true)
                .answered(answer, message: message, at: date)
            let user = try await Self.fetchUser(step.jobUserID, on: connection)
            let job = try await Self.fetchJob(user.jobID, on: connection)
            try await connection.query(
                """
                UPDATE job_step SET state = \(step.state.rawValue), http_status = \(answer.httpStatus),
                    error_code = \(answer.errorCode), error_message = \(message), request_id = \(answer.requestID),
                    finished_at = \(date)
                WHERE id = \(stepRow)
                """, logger: Self.logger)
            let entry = try AuditEntry.step(step, answer: answer, of: user, in: job, at: date).preparedForAppend(scrubbing: [])
            _ = try await auditLog.append(entry, on: connection)
            return step
        }
        auditLog.keyRegistered()
        return step
    }

    /// What is left to do for a job, user by user in job order (as the SQLite journal says).
    public func remainingWork(of id: JobID, retryFailed: Bool) async throws(JournalError) -> [ResumableUser] {
        let stepStates = retryFailed ? ["pending", "sent", "failed"] : ["pending", "sent"]
        let userStates = retryFailed ? ["done"] : ["done", "failed"]
        return try await database.snapshot { connection in
            _ = try await Self.fetchJob(id, on: connection)
            let users = try await Self.users(of: id, on: connection).filter { !userStates.contains($0.state.rawValue) }
            let steps = try await TeamJournalRows.all(
                """
                SELECT \(unescaped: TeamJournalRows.qualified(TeamJournalRows.step, "job_step")) FROM job_step
                JOIN job_user ON job_user.id = job_step.job_user_id
                WHERE job_user.job_id = \(id.rawValue) AND job_step.state = ANY(\(stepStates)::text[])
                ORDER BY job_step.job_user_id, job_step.position
                """, on: connection, TeamJournalRows.step)
            let byUser = Dictionary(grouping: steps, by: \.jobUserID)
            return users.map { ResumableUser(user: $0, steps: byUser[$0.id] ?? []) }
        }
    }
}

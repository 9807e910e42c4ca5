import AuthdeskCore
import AuthdeskJournal
import Foundation
import PostgresNIO

extension TeamJournal {
    /// Every job of every operator and host, newest first, with its counts (counted by the server).
    public func jobs() async throws(JournalError) -> [JobListing] {
        try await database.snapshot { connection in
            let jobs = try await TeamJournalRows.all(
                "SELECT \(unescaped: TeamJournalRows.job) FROM job ORDER BY created_at DESC, id DESC",
                on: connection, TeamJournalRows.job)
            var counts: [JobID: JobCounts] = [:]
            for try await (id, state, count) in try await connection.query(
                "SELECT job_id, state, count(*) FROM job_user GROUP BY job_id, state", logger: Self.logger
            ).decode((String, String, Int64).self) {
                counts[JobID(id), default: JobCounts(users: [], steps: [])].add(user: state, count: Int(count))
            }
            for try await (id, state, count) in try await connection.query(
                """
                SELECT job_user.job_id, job_step.state, count(*) FROM job_step
                JOIN job_user ON job_user.id = job_step.job_user_id GROUP BY job_user.job_id, job_step.state
                """, logger: Self.logger
            ).decode((String, String, Int64).self) {
                counts[JobID(id), default: JobCounts(users: [], steps: [])].add(step: state, count: Int(count))
            }
            return jobs.map { JobListing(job: $0, counts: counts[$0.id] ?? JobCounts(users: [], steps: [])) }
        }
    }

    /// A job's outcome, user by user, read in one consistent snapshot.
    public func summary(of id: JobID) async throws(JournalError) -> JobSummary {
        try await database.snapshot { connection in
            let job = try await Self.fetchJob(id, on: connection)
            let users = try await Self.users(of: id, on: connection)
            let steps = try await TeamJournalRows.all(
                """
                SELECT \(unescaped: TeamJournalRows.qualified(TeamJournalRows.step, "job_step")) FROM job_step
                JOIN job_user ON job_user.id = job_step.job_user_id WHERE job_user.job_id = \(id.rawValue)
                ORDER BY job_step.job_user_id, job_step.position
                """, on: connection, TeamJournalRows.step)
            let kept = try await TeamJournalRows.all(
                """
                SELECT \(unescaped: TeamJournalRows.qualified(TeamJournalRows.kept, "kept_method")) FROM kept_method
                JOIN job_user ON job_user.id = kept_method.job_user_id WHERE job_user.job_id = \(id.rawValue)
                ORDER BY kept_method.job_user_id, kept_method.position
                """, on: connection, TeamJournalRows.kept)
            let stepsByUser = Dictionary(grouping: steps, by: \.jobUserID)
            let keptByUser = Dictionary(grouping: kept, by: \.jobUserID)
            return JobSummary(job: job, users: users.map {
                UserSummary(user: $0, steps: stepsByUser[$0.id] ?? [], kept: keptByUser[$0.id] ?? [])
            })
        }
    }
}

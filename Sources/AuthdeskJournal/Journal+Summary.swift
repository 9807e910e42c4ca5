import Foundation
import GRDB

extension Journal {
    /// Every job, newest first, with its counts.
    public func jobs() async throws(JournalError) -> [JobListing] {
        try await read { db in
            let jobs = try JobRecord.fetchAll(db, sql: "SELECT * FROM job ORDER BY createdAt DESC, id DESC")
            return try jobs.map { job in
                let users = try JobUserRecord.fetchAll(
                    db, sql: "SELECT * FROM jobUser WHERE jobID = ?", arguments: [job.id.rawValue])
                let steps = try JobStepRecord.fetchAll(
                    db, sql: "SELECT jobStep.* FROM jobStep JOIN jobUser ON jobUser.id = jobStep.jobUserID WHERE jobUser.jobID = ?",
                    arguments: [job.id.rawValue])
                return JobListing(job: job, counts: JobCounts(users: users, steps: steps))
            }
        }
    }

    /// A job's outcome, user by user, read in one consistent snapshot: four queries whatever the
    /// number of users (one for each user's steps and kept methods took seconds at 5,000 users).
    public func summary(of id: JobID) async throws(JournalError) -> JobSummary {
        try await read { db in
            let job = try Self.fetchJob(db, id)
            let users = try Self.fetchUsers(db, of: id)
            let steps = Dictionary(grouping: try JobStepRecord.fetchAll(
                db, sql: """
                    SELECT jobStep.* FROM jobStep JOIN jobUser ON jobUser.id = jobStep.jobUserID
                    WHERE jobUser.jobID = ? ORDER BY jobStep.jobUserID, jobStep.position
                    """,
                arguments: [id.rawValue]), by: \.jobUserID)
            let kept = Dictionary(grouping: try KeptMethodRecord.fetchAll(
                db, sql: """
                    SELECT keptMethod.* FROM keptMethod JOIN jobUser ON jobUser.id = keptMethod.jobUserID
                    WHERE jobUser.jobID = ? ORDER BY keptMethod.rowid
                    """,
                arguments: [id.rawValue]), by: \.jobUserID)
            let summaries = users.map { user in
                UserSummary(user: user, steps: steps[user.id] ?? [], kept: kept[user.id] ?? [])
            }
            return JobSummary(job: job, users: summaries)
        }
    }

    /// The users of job `id`, in job order.
    static func fetchUsers(_ db: Database, of id: JobID) throws -> [JobUserRecord] {
        try JobUserRecord.fetchAll(db, sql: "SELECT * FROM jobUser WHERE jobID = ? ORDER BY position", arguments: [id.rawValue])
    }
}

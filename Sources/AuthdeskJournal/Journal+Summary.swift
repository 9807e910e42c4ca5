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

    /// A job's outcome, user by user, read in one consistent snapshot.
    public func summary(of id: JobID) async throws(JournalError) -> JobSummary {
        try await read { db in
            let job = try Self.fetchJob(db, id)
            let users = try JobUserRecord.fetchAll(
                db, sql: "SELECT * FROM jobUser WHERE jobID = ? ORDER BY position", arguments: [id.rawValue])
            let summaries = try users.map { user in
                UserSummary(
                    user: user,
                    steps: try JobStepRecord.fetchAll(
                        db, sql: "SELECT * FROM jobStep WHERE jobUserID = ? ORDER BY position", arguments: [user.id]),
                    kept: try KeptMethodRecord.fetchAll(
                        db, sql: "SELECT * FROM keptMethod WHERE jobUserID = ? ORDER BY rowid", arguments: [user.id]))
            }
            return JobSummary(job: job, users: summaries)
        }
    }
}

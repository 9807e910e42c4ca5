import Foundation
import GRDB

extension Journal {
    /// Moves a `finished` job that has failed users back to `running`, to retry them (the
    /// engine's `retryFailed`). The one way out of `finished`: ``JobState/canMove(to:)`` does
    /// not allow it, so that nothing else reopens a finished job by mistake.
    @discardableResult
    public func reopenToRetry(_ id: JobID, at date: Date = Date()) async throws(JournalError) -> JobRecord {
        try await write { db in
            var job = try Self.fetchJob(db, id)
            let failed = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM jobUser WHERE jobID = ? AND state = 'failed'", arguments: [id.rawValue]) ?? 0
            guard job.state == .finished, failed > 0 else {
                throw JournalError.invalidTransition(
                    what: "job \(id) (retry of its failed users)", from: job.state.rawValue, to: JobState.running.rawValue)
            }
            try db.execute(
                sql: "UPDATE job SET state = ?, updatedAt = ? WHERE id = ?",
                arguments: [JobState.running.rawValue, date, id.rawValue])
            job.state = .running
            job.updatedAt = date
            return job
        }
    }
}

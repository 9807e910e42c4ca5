import AuthdeskCore
import Foundation
import GRDB

extension Journal {
    /// Appends a change to the audit log, after clearing it of `secrets` (the pass or password
    /// the change produced, when there is one) and of anything shaped like a secret in its free
    /// text. Returns the entry as stored, with its sequence number.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry, scrubbing secrets: [Secret] = []) async throws(JournalError) -> AuditEntry {
        let clean = try entry.preparedForAppend(scrubbing: secrets)
        let signer = signer
        return try await write { db in try Self.insertAudit(db, clean, signer: signer) }
    }

    /// Audit entries, oldest first: since `since` (inclusive), for `user` (user id, or the
    /// user's name as journalled), in `tenant`, for `job`, with `ticket` (exactly, in any letter
    /// case), at most `limit` (the newest ones).
    public func audit(
        since: Date? = nil, user: String? = nil, tenant: String? = nil, job: JobID? = nil, ticket: String? = nil,
        limit: Int? = nil
    ) async throws(JournalError) -> [AuditEntry] {
        if let limit, limit < 1 {
            throw .invalidInput(field: "limit", message: "give a positive number of entries")
        }
        return try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let since {
                conditions.append("at >= ?")
                arguments += [since]
            }
            if let user {
                conditions.append("(userID = ? OR userName = ?)")
                arguments += [user, user]
            }
            if let tenant {
                conditions.append("tenant = ?")
                arguments += [tenant]
            }
            if let job {
                conditions.append("jobID = ?")
                arguments += [job.rawValue]
            }
            if let ticket {
                conditions.append("ticket = ? COLLATE NOCASE")
                arguments += [ticket]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var sql = "SELECT * FROM audit \(whereClause) ORDER BY id DESC"
            if let limit { sql += " LIMIT \(limit)" }
            return try AuditEntry.fetchAll(db, sql: sql, arguments: arguments).reversed()
        }
    }
}

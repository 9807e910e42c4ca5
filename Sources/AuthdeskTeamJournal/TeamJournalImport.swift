import AuthdeskJournal
import Foundation
import PostgresNIO

/// Copies a whole journal (a ``JournalDump`` of the local SQLite journal) into an empty team
/// journal, in one transaction: jobs, users, steps and kept methods with their ids, and the audit
/// log with its ids, hashes, checkpoints and chain start unchanged, so that `journal verify`
/// checks the copied chain with the same signatures. The local journal's checkpoints were signed
/// by this host's key (`signer`): it is registered, as `host`, and named on each copied
/// checkpoint. A journal that holds anything is refused.
public enum TeamJournalImport {
    /// What was copied.
    public struct Counts: Sendable, Hashable {
        public var jobs = 0
        public var users = 0
        public var steps = 0
        public var auditEntries = 0
        public var checkpoints = 0
    }

    public static func copy(
        _ dump: JournalDump, into database: TeamJournalDatabase, signer: AuditSigner, host: String = OperatorName.host,
        operatorName: String? = OperatorName.current
    ) async throws(JournalError) -> Counts {
        let key = dump.checkpoints.isEmpty ? nil : try TeamAuditSigners.key(of: signer)
        return try await database.transaction { connection in
            let logger = TeamJournalDatabase.logger
            // Nobody appends while the copy runs: the chain's head row stays locked until commit.
            try await connection.query("SELECT head_id FROM audit_chain WHERE id = 1 FOR UPDATE", logger: logger)
            var held: Int64 = 0
            for try await count in try await connection.query(
                "SELECT (SELECT count(*) FROM job) + (SELECT count(*) FROM audit)", logger: logger
            ).decode(Int64.self) {
                held = count
            }
            guard held == 0 else {
                throw JournalError.invalidInput(
                    field: "--to", message: "the team journal at \(database.url) already holds jobs or audit entries; "
                        + "migrate into an empty database (a journal is copied once, before the team starts using it)")
            }
            var counts = Counts()
            for summary in dump.jobs {
                try await insert(summary, on: connection)
                counts.jobs += 1
                counts.users += summary.users.count
                counts.steps += summary.users.map(\.steps.count).reduce(0, +)
            }
            for stored in dump.audit {
                try await insert(stored, on: connection)
            }
            if let key {
                try await TeamAuditSigners.register(key, host: host, operatorName: operatorName, on: connection)
            }
            for checkpoint in dump.checkpoints {
                let at = dump.audit.first { $0.entry.id == checkpoint.entryID }?.entry.at ?? Date()
                try await connection.query(
                    """
                    INSERT INTO audit_checkpoint (entry_id, hash, signature, at, key_id)
                    VALUES (\(checkpoint.entryID), \(checkpoint.hash), \(checkpoint.signature), \(at), \(key?.keyID))
                    """, logger: logger)
            }
            let head = dump.audit.last { $0.entry.hash != nil }?.entry
            try await connection.query(
                """
                UPDATE audit_chain SET legacy_through = \(dump.legacyThrough), migrated_at = \(dump.chainStartedAt ?? Date()),
                    head_id = \(head?.id), head_hash = \(head?.hash) WHERE id = 1
                """, logger: logger)
            for table in ["job_user", "job_step", "audit"] {
                try await connection.query(
                    PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE((SELECT max(id) FROM \(table)), 0) + 1, false)
                        """), logger: logger)
            }
            counts.auditEntries = dump.audit.count
            counts.checkpoints = dump.checkpoints.count
            return counts
        }
    }

    private static func insert(_ summary: JobSummary, on connection: PostgresConnection) async throws {
        let logger = TeamJournalDatabase.logger
        let job = summary.job
        try await connection.query(
            """
            INSERT INTO job (id, created_at, operator_name, ticket, policy, state, updated_at, verification, host)
            VALUES (\(job.id.rawValue), \(job.createdAt), \(job.operatorName), \(job.ticket), \(job.policy.rawValue),
                \(job.state.rawValue), \(job.updatedAt), \(job.verification), \(job.host))
            """, logger: logger)
        for entry in summary.users {
            let user = entry.user
            try await connection.query(
                """
                INSERT INTO job_user (id, job_id, position, tenant, user_id, display_name, state, reason, updated_at)
                VALUES (\(user.id), \(user.jobID.rawValue), \(user.position), \(user.tenant), \(user.userID),
                    \(user.displayName), \(user.state.rawValue), \(user.reason), \(user.updatedAt))
                """, logger: logger)
            for step in entry.steps {
                try await connection.query(
                    """
                    INSERT INTO job_step (id, job_user_id, position, method_id, kind, action, title, is_default, state, attempts,
                        http_status, error_code, error_message, request_id, sent_at, finished_at)
                    VALUES (\(step.id), \(step.jobUserID), \(step.position), \(step.methodID), \(step.kind.rawValue),
                        \(step.action.rawValue), \(step.title), \(step.isDefault), \(step.state.rawValue), \(step.attempts),
                        \(step.httpStatus), \(step.errorCode), \(step.errorMessage), \(step.requestID), \(step.sentAt),
                        \(step.finishedAt))
                    """, logger: logger)
            }
            for (position, kept) in entry.kept.enumerated() {
                try await connection.query(
                    """
                    INSERT INTO kept_method (job_user_id, position, method_id, kind, title, reason)
                    VALUES (\(kept.jobUserID), \(position), \(kept.methodID), \(kept.kind.rawValue), \(kept.title),
                        \(kept.reason.rawValue))
                    """, logger: logger)
            }
        }
    }

    /// An entry with its id and hashes as stored; its time from the text the chain hashed.
    private static func insert(_ stored: JournalDump.Entry, on connection: PostgresConnection) async throws {
        let entry = stored.entry
        try await connection.query(
            """
            INSERT INTO audit (id, at, operator_name, tenant, user_id, user_name, action, target, outcome, detail, request_id,
                ticket, job_id, redacted, verification, requests, methods_before, methods_after, undo_of, prev_hash, hash)
            VALUES (\(entry.id), CAST(\(stored.atText) AS timestamp) AT TIME ZONE 'UTC', \(entry.operatorName),
                \(entry.tenant), \(entry.userID), \(entry.userName), \(entry.action), \(entry.target),
                \(entry.outcome.rawValue), \(entry.detail), \(entry.requestID), \(entry.ticket), \(entry.jobID?.rawValue),
                \(entry.redacted), \(entry.verification), \(entry.requests), \(entry.methodsBefore), \(entry.methodsAfter),
                \(entry.undoOf), \(entry.prevHash), \(entry.hash))
            """, logger: TeamJournalDatabase.logger)
    }
}

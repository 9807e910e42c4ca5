import AuthdeskCore
import AuthdeskJournal
import Foundation
import PostgresNIO

/// The whole journal in the team's PostgreSQL database: jobs, their users and steps, and the
/// audit log (``TeamAuditLog``), so that every host sees and can resume every job. The rules are
/// the SQLite ``Journal``'s: a step committed `sent` before its request goes out, a `done` step
/// never sent again, a step's answer and its audit entry in one transaction, job states moved
/// only as ``JobState/canMove(to:)`` allows. Rows are locked (`FOR UPDATE`) where two hosts
/// could otherwise both move the same job or step.
public final class TeamJournal: JournalStorage {
    public let database: TeamJournalDatabase
    /// The audit log in the same database, which the journal's audit operations go to.
    public let auditLog: TeamAuditLog
    /// This host's name, recorded on the jobs it creates or runs (``OperatorName/host``).
    public let host: String
    public var localDirectory: URL { auditLog.localDirectory }
    public var signer: AuditSigner { auditLog.signer }

    /// The journal in `database`; `localDirectory` is this host's state folder (its signing key).
    public init(database: TeamJournalDatabase, localDirectory: URL, host: String = OperatorName.host) {
        self.database = database
        self.host = host
        auditLog = TeamAuditLog(database: database, localDirectory: localDirectory, host: host)
    }

    static var logger: Logger { TeamJournalDatabase.logger }

    // MARK: Jobs

    public func createJob(
        _ plan: ResetJobPlan, operatorName: String?, ticket: String?, id: JobID?, at date: Date, verification: String?,
        state: JobState
    ) async throws(JournalError) -> JobRecord {
        let job = try JobRecord.planned(
            plan, operatorName: operatorName, ticket: ticket, id: id, at: date, verification: verification, host: host,
            state: state)
        let rows = TeamJobRows(plan)
        return try await database.transaction { connection in
            try await connection.query(
                """
                INSERT INTO job (id, created_at, operator_name, ticket, policy, state, updated_at, verification, host)
                VALUES (\(job.id.rawValue), \(date), \(job.operatorName), \(job.ticket), \(job.policy.rawValue),
                    \(job.state.rawValue), \(date), \(job.verification), \(job.host))
                """, logger: Self.logger)
            try await rows.insert(for: job.id, at: date, on: connection)
            return job
        }
    }

    public func job(_ id: JobID) async throws(JournalError) -> JobRecord {
        try await database.access { client in
            try await client.withConnection { connection in try await Self.fetchJob(id, on: connection) }
        }
    }

    public func setJobState(_ id: JobID, to state: JobState, at date: Date) async throws(JournalError) -> JobRecord {
        let host = host
        return try await database.transaction { connection in
            let job = try await Self.fetchJob(id, on: connection, locking: true).moved(to: state, at: date, by: host)
            try await connection.query(
                "UPDATE job SET state = \(state.rawValue), updated_at = \(date), host = \(job.host) WHERE id = \(id.rawValue)",
                logger: Self.logger)
            return job
        }
    }

    public func reopenToRetry(_ id: JobID, at date: Date) async throws(JournalError) -> JobRecord {
        let host = host
        return try await database.transaction { connection in
            var job = try await Self.fetchJob(id, on: connection, locking: true)
            var failed = 0
            for try await count in try await connection.query(
                "SELECT count(*) FROM job_user WHERE job_id = \(id.rawValue) AND state = 'failed'", logger: Self.logger
            ).decode(Int64.self) {
                failed = Int(count)
            }
            guard job.state == .finished, failed > 0 else {
                throw JournalError.invalidTransition(
                    what: "job \(id) (retry of its failed users)", from: job.state.rawValue, to: JobState.running.rawValue)
            }
            job.state = .running
            job.updatedAt = date
            job.host = host
            try await connection.query(
                "UPDATE job SET state = 'running', updated_at = \(date), host = \(host) WHERE id = \(id.rawValue)",
                logger: Self.logger)
            return job
        }
    }

    public func users(of id: JobID) async throws(JournalError) -> [JobUserRecord] {
        try await database.snapshot { connection in
            _ = try await Self.fetchJob(id, on: connection)
            return try await Self.users(of: id, on: connection)
        }
    }

    public func steps(ofUser userRow: Int64) async throws(JournalError) -> [JobStepRecord] {
        try await database.snapshot { connection in
            _ = try await Self.fetchUser(userRow, on: connection)
            return try await TeamJournalRows.all(
                "SELECT \(unescaped: TeamJournalRows.step) FROM job_step WHERE job_user_id = \(userRow) ORDER BY position",
                on: connection, TeamJournalRows.step)
        }
    }

    public func setUserState(
        _ userRow: Int64, to state: UserState, reason: String?, at date: Date
    ) async throws(JournalError) -> JobUserRecord {
        let updated = try await database.access { client in
            try await client.withConnection { connection in
                try await TeamJournalRows.all(
                    """
                    UPDATE job_user SET state = \(state.rawValue), reason = \(reason), updated_at = \(date) WHERE id = \(userRow)
                    RETURNING \(unescaped: TeamJournalRows.user)
                    """, on: connection, TeamJournalRows.user)
            }
        }
        guard let user = updated.first else { throw .noSuchUser(userRow) }
        return user
    }

    // MARK: Reading rows

    static func fetchJob(_ id: JobID, on connection: PostgresConnection, locking: Bool = false) async throws -> JobRecord {
        try await one(
            "SELECT \(unescaped: TeamJournalRows.job) FROM job WHERE id = \(id.rawValue)\(unescaped: locking ? " FOR UPDATE" : "")",
            on: connection, TeamJournalRows.job, orElse: .noSuchJob(id))
    }

    static func fetchUser(_ row: Int64, on connection: PostgresConnection) async throws -> JobUserRecord {
        try await one(
            "SELECT \(unescaped: TeamJournalRows.user) FROM job_user WHERE id = \(row)", on: connection, TeamJournalRows.user,
            orElse: .noSuchUser(row))
    }

    static func fetchStep(_ row: Int64, on connection: PostgresConnection, locking: Bool) async throws -> JobStepRecord {
        try await one(
            "SELECT \(unescaped: TeamJournalRows.step) FROM job_step WHERE id = \(row)\(unescaped: locking ? " FOR UPDATE" : "")",
            on: connection, TeamJournalRows.step, orElse: .noSuchStep(row))
    }

    /// The one row of `query`, decoded; `missing` when there is none.
    private static func one<T>(
        _ query: PostgresQuery, on connection: PostgresConnection, _ decode: (PostgresRow) throws -> T,
        orElse missing: JournalError
    ) async throws -> T {
        guard let row = try await TeamJournalRows.all(query, on: connection, decode).first else { throw missing }
        return row
    }

    static func users(of id: JobID, on connection: PostgresConnection) async throws -> [JobUserRecord] {
        try await TeamJournalRows.all(
            "SELECT \(unescaped: TeamJournalRows.user) FROM job_user WHERE job_id = \(id.rawValue) ORDER BY position",
            on: connection, TeamJournalRows.user)
    }
}

import AuthdeskCore
import Foundation
import GRDB

/// The bulk reset journal and the audit log, in one SQLite file (WAL mode, `synchronous=FULL`:
/// a commit is on disk before the call returns, so a job killed at any moment, even by SIGKILL,
/// resumes from exactly what was journalled).
///
/// The protocol for a step: ``markSent(step:at:)`` is committed before the request goes out,
/// ``recordAnswer(step:_:at:)`` after the answer. A step found in `sent` on resume has an
/// unknown outcome and is sent again; that is safe because deletes are idempotent (a 404 on a
/// delete counts as done) and deactivating a token twice leaves it deactivated. A step in `done`
/// is never sent again: the journal refuses to mark it sent.
public final class Journal: JournalStorage {
    let pool: DatabasePool
    /// The steps' and users' writes of a run, committed together when they come at once.
    let group: GroupCommit
    /// The database file.
    public let url: URL
    /// Signs the audit log's checkpoints (its key beside the database file).
    public let signer: AuditSigner
    /// The folder of the database file, which also holds the signing key.
    public var localDirectory: URL { url.deletingLastPathComponent() }
    /// This host's name, recorded on the jobs it creates or runs (``OperatorName/host``).
    public let host: String

    /// Opens (creating if needed) the journal at `url` and brings its tables up to date; `host`
    /// names this host on the jobs it creates or runs.
    public init(url: URL, host: String = OperatorName.host) throws(JournalError) {
        self.host = host
        var configuration = Configuration()
        configuration.label = "authdesk.journal"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        self.url = url
        signer = AuditSigner(directory: url.deletingLastPathComponent())
        do {
            pool = try DatabasePool(path: url.path, configuration: configuration)
            try JournalSchema.migrator.migrate(pool)
        } catch {
            throw .storage("cannot open \(url.path): \(error)")
        }
        group = GroupCommit(pool: pool)
    }

    /// Opens the journal in `directory` (`journal.sqlite`), creating the directory if needed.
    public convenience init(directory: StateDirectory) throws(JournalError) {
        do {
            try directory.create()
        } catch {
            throw .storage(error.description)
        }
        try self.init(url: directory.journalURL)
    }

    /// Runs `body` in one write transaction, committed durably before this returns.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JournalError) -> T {
        try await storage { try await pool.write(body) }
    }

    /// Runs `body` in the next group transaction (``GroupCommit``), committed durably before
    /// this returns: a run's hot path, where concurrent users' writes share one commit.
    func grouped<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JournalError) -> T {
        try await storage { try await group.write(body) }
    }

    /// Transactions the group commit has made so far (tests count them).
    var groupCommits: Int { group.commitCount }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JournalError) -> T {
        try await storage { try await pool.read(body) }
    }

    /// Runs a database access, passing a ``JournalError`` through and reporting any other error
    /// as `.storage`, with the journal's path.
    private func storage<T: Sendable>(_ access: () async throws -> T) async throws(JournalError) -> T {
        do {
            return try await access()
        } catch let error as JournalError {
            throw error
        } catch {
            throw .storage("\(url.path): \(error)")
        }
    }

    /// The SQLite journal mode in force (`wal`), for diagnostics and tests.
    public func journalMode() async throws(JournalError) -> String {
        try await read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    // MARK: Jobs

    /// Records a new job from its plan, every user `waiting` and every step `pending`, in one
    /// transaction, in `state` (`planned` or `awaiting-approval`). The operator and the ticket
    /// go to every audit entry of the job.
    @discardableResult
    public func createJob(
        _ plan: ResetJobPlan, operatorName: String? = nil, ticket: String? = nil, id: JobID? = nil,
        at date: Date = Date(), verification: String? = nil, state: JobState = .planned
    ) async throws(JournalError) -> JobRecord {
        let job = try JobRecord.planned(
            plan, operatorName: operatorName, ticket: ticket, id: id, at: date, verification: verification, host: host,
            state: state)
        return try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO job (id, createdAt, operatorName, ticket, policy, state, updatedAt, verification, host)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    job.id.rawValue, date, operatorName, job.ticket, plan.policy.rawValue, job.state.rawValue, date, verification,
                    job.host,
                ])
            for (position, user) in plan.users.enumerated() {
                try db.executeCached(
                    """
                    INSERT INTO jobUser (jobID, position, tenant, userID, displayName, state, updatedAt)
                    VALUES (?, ?, ?, ?, ?, 'waiting', ?)
                    """,
                    [job.id.rawValue, position, user.tenant, user.userID, user.displayName, date])
                let userRow = db.lastInsertedRowID
                for (index, step) in user.plan.steps.enumerated() {
                    try db.executeCached(
                        """
                        INSERT INTO jobStep (jobUserID, position, methodID, kind, action, title, isDefault, state)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')
                        """,
                        [userRow, index, step.methodID, step.kind.rawValue, step.action.rawValue, step.title, step.isDefault])
                }
                for kept in user.plan.kept {
                    try db.executeCached(
                        "INSERT INTO keptMethod (jobUserID, methodID, kind, title, reason) VALUES (?, ?, ?, ?, ?)",
                        [userRow, kept.methodID, kept.kind.rawValue, kept.title, kept.reason.rawValue])
                }
            }
            return job
        }
    }

    /// The job with `id`.
    public func job(_ id: JobID) async throws(JournalError) -> JobRecord {
        try await read { db in try Self.fetchJob(db, id) }
    }

    /// Moves a job to `state`, if its current state allows it.
    @discardableResult
    public func setJobState(_ id: JobID, to state: JobState, at date: Date = Date()) async throws(JournalError) -> JobRecord {
        try await write { db in
            let job = try Self.fetchJob(db, id).moved(to: state, at: date, by: self.host)
            try db.execute(
                sql: "UPDATE job SET state = ?, updatedAt = ?, host = ? WHERE id = ?",
                arguments: [state.rawValue, date, job.host, id.rawValue])
            return job
        }
    }

    /// The job's users, in job order.
    public func users(of id: JobID) async throws(JournalError) -> [JobUserRecord] {
        try await read { db in
            _ = try Self.fetchJob(db, id)
            return try JobUserRecord.fetchAll(
                db, sql: "SELECT * FROM jobUser WHERE jobID = ? ORDER BY position", arguments: [id.rawValue])
        }
    }

    /// A user's steps, in plan order.
    public func steps(ofUser userRow: Int64) async throws(JournalError) -> [JobStepRecord] {
        try await read { db in
            _ = try Self.fetchUser(db, userRow)
            return try JobStepRecord.fetchAll(
                db, sql: "SELECT * FROM jobStep WHERE jobUserID = ? ORDER BY position", arguments: [userRow])
        }
    }

    /// Moves a user to `state`; `reason` says why it failed, or what is left over. Reasons are
    /// written by the program (step, status, code, request id), so they are stored as given.
    @discardableResult
    public func setUserState(
        _ userRow: Int64, to state: UserState, reason: String? = nil, at date: Date = Date()
    ) async throws(JournalError) -> JobUserRecord {
        try await grouped { db in try Self.setUserState(db, userRow, to: state, reason: reason, at: date) }
    }

    static func setUserState(
        _ db: Database, _ userRow: Int64, to state: UserState, reason: String?, at date: Date
    ) throws -> JobUserRecord {
        var user = try fetchUser(db, userRow)
        try db.executeCached(
            "UPDATE jobUser SET state = ?, reason = ?, updatedAt = ? WHERE id = ?", [state.rawValue, reason, date, userRow])
        user.state = state
        user.reason = reason
        user.updatedAt = date
        return user
    }

    static func fetchJob(_ db: Database, _ id: JobID) throws -> JobRecord {
        guard let job = try db.fetchOneCached(JobRecord.self, "SELECT * FROM job WHERE id = ?", [id.rawValue]) else {
            throw JournalError.noSuchJob(id)
        }
        return job
    }

    static func fetchUser(_ db: Database, _ row: Int64) throws -> JobUserRecord {
        guard let user = try db.fetchOneCached(JobUserRecord.self, "SELECT * FROM jobUser WHERE id = ?", [row]) else {
            throw JournalError.noSuchUser(row)
        }
        return user
    }

    static func fetchStep(_ db: Database, _ row: Int64) throws -> JobStepRecord {
        guard let step = try db.fetchOneCached(JobStepRecord.self, "SELECT * FROM jobStep WHERE id = ?", [row]) else {
            throw JournalError.noSuchStep(row)
        }
        return step
    }
}

import AuthdeskCore
import AuthdeskJournal
import Foundation
import PostgresNIO
import Synchronization

/// The audit log in the shared journal (PostgreSQL): the same entries, scrubbing, filters, hash
/// chain and signed checkpoints as the SQLite journal's, so `journal verify` reads either. An
/// entry is chained under the lock of the chain's head row (`SELECT ... FOR UPDATE`), so two
/// hosts appending at once never chain two entries to one predecessor. The checkpoints are
/// signed with this host's key, in its own state folder, registered in the journal's signer
/// registry (``TeamAuditSigners``) with its first checkpoint, so every host verifies them all.
public final class TeamAuditLog: AuditLogStorage {
    public let database: TeamJournalDatabase
    public let localDirectory: URL
    public let signer: AuditSigner
    /// This host's name, recorded with its key in the signer registry.
    public let host: String
    /// Whether this process has registered its key (a committed append did).
    private let registered = Mutex(false)

    /// The log in `database`; `localDirectory` is this host's state folder (its signing key).
    public init(database: TeamJournalDatabase, localDirectory: URL, host: String = OperatorName.host) {
        self.database = database
        self.localDirectory = localDirectory
        self.host = host
        signer = AuditSigner(directory: localDirectory)
    }

    public func appendAudit(_ entry: AuditEntry, scrubbing secrets: [Secret]) async throws(JournalError) -> AuditEntry {
        let clean = try entry.preparedForAppend(scrubbing: secrets)
        let stored = try await access { [self] client in
            try await client.withTransaction(logger: TeamJournalDatabase.logger) { connection in
                try await append(clean, on: connection)
            }
        }
        keyRegistered()
        return stored
    }

    /// Chains `entry` in the caller's transaction, registering this host's key unless a committed
    /// append already did; the caller calls ``keyRegistered()`` once the transaction commits.
    func append(_ entry: AuditEntry, on connection: PostgresConnection) async throws -> AuditEntry {
        try await TeamAuditChain.append(entry, on: connection, signer: signer, host: host, registered: registered.withLock { $0 })
    }

    /// A transaction that appended has committed: this host's key is in the registry.
    func keyRegistered() {
        registered.withLock { $0 = true }
    }

    public func audit(
        since: Date?, user: String?, tenant: String?, job: JobID?, ticket: String?, limit: Int?
    ) async throws(JournalError) -> [AuditEntry] {
        if let limit, limit < 1 {
            throw .invalidInput(field: "limit", message: "give a positive number of entries")
        }
        let sinceText = since.map { AuditEntry.storedText(of: $0) }
        let jobID = job?.rawValue
        return try await entries(
            """
            SELECT \(unescaped: TeamAuditChain.columns) FROM audit
            WHERE (\(sinceText)::text IS NULL OR at >= CAST(\(sinceText) AS timestamp) AT TIME ZONE 'UTC')
              AND (\(user)::text IS NULL OR user_id = \(user) OR user_name = \(user))
              AND (\(tenant)::text IS NULL OR tenant = \(tenant))
              AND (\(jobID)::text IS NULL OR job_id = \(jobID))
              AND (\(ticket)::text IS NULL OR lower(ticket) = lower(\(ticket)))
            ORDER BY id DESC LIMIT \(limit)
            """
        ).map(\.entry).reversed()
    }

    public func auditEntry(_ id: Int64) async throws(JournalError) -> AuditEntry? {
        try await entries("SELECT \(unescaped: TeamAuditChain.columns) FROM audit WHERE id = \(id)").first?.entry
    }

    public func undoEntry(of id: Int64) async throws(JournalError) -> AuditEntry? {
        try await entries(
            """
            SELECT \(unescaped: TeamAuditChain.columns) FROM audit WHERE undo_of = \(id) AND outcome = 'succeeded'
            ORDER BY id LIMIT 1
            """
        ).first?.entry
    }

    public func verifyChain() async throws(JournalError) -> ChainVerdict {
        let records = try await entries("SELECT \(unescaped: TeamAuditChain.columns) FROM audit ORDER BY id").map(\.record)
        let (checkpoints, signers, legacyThrough, migratedAt) = try await access { client in
            var checkpoints: [ChainCheckpoint] = []
            let rows = try await client.query(
                "SELECT entry_id, hash, signature, key_id FROM audit_checkpoint ORDER BY entry_id",
                logger: TeamJournalDatabase.logger)
            for try await (entryID, hash, signature, keyID) in rows.decode((Int64, String, String, String?).self) {
                checkpoints.append(ChainCheckpoint(entryID: entryID, hash: hash, signature: signature, keyID: keyID))
            }
            let signers = try await TeamAuditSigners.registry(client)
            var start: (Int64, Date?) = (0, nil)
            let head = try await client.query(
                "SELECT legacy_through, migrated_at FROM audit_chain WHERE id = 1", logger: TeamJournalDatabase.logger)
            for try await (legacy, migrated) in head.decode((Int64, Date).self) {
                start = (legacy, migrated)
            }
            return (checkpoints, signers, start.0, start.1)
        }
        let verifier = ChainVerifier(
            records: records, checkpoints: checkpoints, legacyThrough: legacyThrough, migratedAt: migratedAt,
            publicKey: try signer.publicKey(), signers: signers)
        return verifier.verify()
    }

    private func entries(_ query: PostgresQuery) async throws(JournalError) -> [TeamAuditChain.Stored] {
        try await access { client in
            var stored: [TeamAuditChain.Stored] = []
            for try await row in try await client.query(query, logger: TeamJournalDatabase.logger) {
                stored.append(try TeamAuditChain.decode(row))
            }
            return stored
        }
    }

    private func access<T: Sendable>(_ body: @escaping @Sendable (PostgresClient) async throws -> T) async throws(JournalError) -> T {
        try await database.access(body)
    }
}

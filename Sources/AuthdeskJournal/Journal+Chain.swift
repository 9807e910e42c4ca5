import Foundation
import GRDB

/// The audit log's chain in SQLite: each entry is hashed with the previous one as it is
/// inserted, and a checkpoint of its hash is signed in the same transaction.
extension Journal {
    /// Inserts `entry` at the end of the chain and signs its checkpoint; returns it as stored.
    static func insertAudit(_ db: Database, _ entry: AuditEntry, signer: AuditSigner) throws -> AuditEntry {
        let previous = try String.fetchOne(
            db.cachedStatement(sql: "SELECT hash FROM audit WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1"))
            ?? AuditChain.genesis
        let values = entry.chainValues
        let hash = AuditChain.hash(previous: previous, fields: entry.chainFields)
        try db.executeCached(insertAuditSQL, StatementArguments(values + [previous, hash]))
        var stored = entry
        stored.id = db.lastInsertedRowID
        stored.prevHash = previous
        stored.hash = hash
        let signature = try signer.sign(AuditChain.checkpointMessage(entryID: db.lastInsertedRowID, hash: hash))
        try db.executeCached(
            "INSERT INTO auditCheckpoint (entryID, hash, signature, at) VALUES (?, ?, ?, ?)",
            [db.lastInsertedRowID, hash, signature, entry.at])
        return stored
    }

    /// The statement that appends an entry with its hashes (made once: it is cached by its text).
    private static let insertAuditSQL = """
        INSERT INTO audit (\(AuditChain.columns.joined(separator: ", ")), prevHash, hash)
        VALUES (\(Array(repeating: "?", count: AuditChain.columns.count + 2).joined(separator: ", ")))
        """

    /// A stored value as the chain hashes it: text as it is, a number as text, nil for NULL.
    static func chainText(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob(let data): data.base64EncodedString()
        }
    }

    /// Checks the audit log's chain and signed checkpoints (`authdesk journal verify`).
    public func verifyChain() async throws(JournalError) -> ChainVerdict {
        let (records, checkpoints, start) = try await read { db in
            let records = try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id").map { row in
                ChainRecord(
                    id: row["id"], fields: AuditChain.columns.map { Journal.chainText(row[$0] as DatabaseValue) },
                    prevHash: row["prevHash"], hash: row["hash"])
            }
            let checkpoints = try Row.fetchAll(db, sql: "SELECT entryID, hash, signature FROM auditCheckpoint ORDER BY entryID").map {
                ChainCheckpoint(entryID: $0["entryID"], hash: $0["hash"], signature: $0["signature"])
            }
            let start = try Row.fetchOne(db, sql: "SELECT legacyThrough, migratedAt FROM auditChain WHERE id = 1")
            let legacy: Int64 = start?["legacyThrough"] ?? 0
            let migratedAt: Date? = start?["migratedAt"]
            return (records, checkpoints, (legacy, migratedAt))
        }
        let verifier = ChainVerifier(
            records: records, checkpoints: checkpoints, legacyThrough: start.0, migratedAt: start.1,
            publicKey: try signer.publicKey())
        return verifier.verify()
    }
}

import AuthdeskJournal
import Foundation
import PostgresNIO

/// The audit chain's SQL in PostgreSQL: appending an entry under the head row's lock, and
/// reading entries back with their hashed fields in the SQLite journal's stored form (the time
/// as `yyyy-MM-dd HH:mm:ss.SSS` UTC text, a flag as 1 or 0), so hashes agree across stores.
enum TeamAuditChain {
    /// An entry read back, and the record the chain verifier checks.
    struct Stored: Sendable {
        var entry: AuditEntry
        var record: ChainRecord
    }

    /// The columns read, in the order ``decode(_:)`` expects.
    static let columns = """
        id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS at_text, operator_name, tenant, user_id, \
        user_name, action, target, outcome, detail, request_id, ticket, job_id, redacted, verification, requests, \
        methods_before, methods_after, undo_of, prev_hash, hash
        """

    /// Chains `entry` (already scrubbed) after the head, checkpoints it with the signer's key id,
    /// and moves the head; in the caller's transaction. Unless `registered`, the signer's key is
    /// registered first (as `host`). The time is stored from its hashed text, to the millisecond.
    static func append(
        _ entry: AuditEntry, on connection: PostgresConnection, signer: AuditSigner, host: String, registered: Bool
    ) async throws -> AuditEntry {
        let logger = TeamJournalDatabase.logger
        var previous = AuditChain.genesis
        let head = try await connection.query("SELECT head_hash FROM audit_chain WHERE id = 1 FOR UPDATE", logger: logger)
        for try await hash in head.decode(String?.self) {
            previous = hash ?? AuditChain.genesis
        }
        let hash = AuditChain.hash(previous: previous, fields: entry.chainFields)
        let atText = AuditEntry.storedText(of: entry.at)
        var id: Int64 = 0
        let inserted = try await connection.query(
            """
            INSERT INTO audit (at, operator_name, tenant, user_id, user_name, action, target, outcome, detail, request_id,
                ticket, job_id, redacted, verification, requests, methods_before, methods_after, undo_of, prev_hash, hash)
            VALUES (CAST(\(atText) AS timestamp) AT TIME ZONE 'UTC', \(entry.operatorName), \(entry.tenant), \(entry.userID),
                \(entry.userName), \(entry.action), \(entry.target), \(entry.outcome.rawValue), \(entry.detail),
                \(entry.requestID), \(entry.ticket), \(entry.jobID?.rawValue), \(entry.redacted), \(entry.verification),
                \(entry.requests), \(entry.methodsBefore), \(entry.methodsAfter), \(entry.undoOf), \(previous), \(hash))
            RETURNING id
            """, logger: logger)
        for try await row in inserted.decode(Int64.self) {
            id = row
        }
        let signature = try signer.sign(AuditChain.checkpointMessage(entryID: id, hash: hash))
        let key = try TeamAuditSigners.key(of: signer)
        if !registered {
            try await TeamAuditSigners.register(key, host: host, operatorName: entry.operatorName, on: connection)
        }
        try await connection.query(
            """
            INSERT INTO audit_checkpoint (entry_id, hash, signature, at, key_id)
            VALUES (\(id), \(hash), \(signature), \(entry.at), \(key.keyID))
            """, logger: logger)
        try await connection.query("UPDATE audit_chain SET head_id = \(id), head_hash = \(hash) WHERE id = 1", logger: logger)
        var stored = entry
        stored.id = id
        stored.prevHash = previous
        stored.hash = hash
        return stored
    }

    /// An entry from a row of ``columns``.
    static func decode(_ row: PostgresRow) throws -> Stored {
        let cells = row.makeRandomAccess()
        let id = try cells[0].decode(Int64.self)
        let atText = try cells[1].decode(String.self)
        let outcomeText = try cells[8].decode(String.self)
        guard let at = AuditEntry.storedDate(atText), let outcome = AuditOutcome(rawValue: outcomeText) else {
            throw JournalError.storage("audit entry \(id): unreadable time or outcome")
        }
        var entry = AuditEntry(
            at: at, operatorName: try cells[2].decode(String?.self), tenant: try cells[3].decode(String.self),
            userID: try cells[4].decode(String.self), userName: try cells[5].decode(String?.self),
            action: try cells[6].decode(String.self), target: try cells[7].decode(String?.self), outcome: outcome,
            detail: try cells[9].decode(String?.self), requestID: try cells[10].decode(String?.self),
            ticket: try cells[11].decode(String?.self), jobID: try cells[12].decode(String?.self).map { JobID($0) })
        entry.id = id
        entry.redacted = try cells[13].decode(Bool.self)
        entry.verification = try cells[14].decode(String?.self)
        entry.requests = try cells[15].decode(String?.self)
        entry.methodsBefore = try cells[16].decode(String?.self)
        entry.methodsAfter = try cells[17].decode(String?.self)
        entry.undoOf = try cells[18].decode(Int64?.self)
        entry.prevHash = try cells[19].decode(String?.self)
        entry.hash = try cells[20].decode(String?.self)
        // The time as stored, not as re-formatted from a Date: what the chain hashed.
        let fields = [atText] + entry.chainFields.dropFirst()
        return Stored(
            entry: entry, record: ChainRecord(id: id, fields: fields, prevHash: entry.prevHash, hash: entry.hash))
    }
}

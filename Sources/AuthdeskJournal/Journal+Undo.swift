import GRDB

extension Journal {
    /// The audit entry with sequence number `id`, or nil.
    public func auditEntry(_ id: Int64) async throws(JournalError) -> AuditEntry? {
        try await read { db in try AuditEntry.fetchOne(db, sql: "SELECT * FROM audit WHERE id = ?", arguments: [id]) }
    }

    /// The succeeded entry that undid entry `id`, if one did.
    public func undoEntry(of id: Int64) async throws(JournalError) -> AuditEntry? {
        try await read { db in
            try AuditEntry.fetchOne(
                db, sql: "SELECT * FROM audit WHERE undoOf = ? AND outcome = 'succeeded' ORDER BY id LIMIT 1", arguments: [id])
        }
    }
}

import AuthdeskCore
import AuthdeskJournal
import Foundation

/// The journal's audit operations go to ``TeamAuditLog`` in the same database (one chain code).
extension TeamJournal {
    public func appendAudit(_ entry: AuditEntry, scrubbing secrets: [Secret]) async throws(JournalError) -> AuditEntry {
        try await auditLog.appendAudit(entry, scrubbing: secrets)
    }

    public func audit(
        since: Date?, user: String?, tenant: String?, job: JobID?, ticket: String?, limit: Int?
    ) async throws(JournalError) -> [AuditEntry] {
        try await auditLog.audit(since: since, user: user, tenant: tenant, job: job, ticket: ticket, limit: limit)
    }

    public func auditEntry(_ id: Int64) async throws(JournalError) -> AuditEntry? {
        try await auditLog.auditEntry(id)
    }

    public func undoEntry(of id: Int64) async throws(JournalError) -> AuditEntry? {
        try await auditLog.undoEntry(of: id)
    }

    public func verifyChain() async throws(JournalError) -> ChainVerdict {
        try await auditLog.verifyChain()
    }
}

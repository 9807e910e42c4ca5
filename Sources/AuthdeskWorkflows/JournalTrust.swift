import AuthdeskJournal
import AuthdeskOutput
import Foundation

/// The audit journal's trust commands, for both front ends: check the hash chain and its
/// signed checkpoints (`journal verify`), and gather an evidence pack (`journal export`).
public enum JournalTrust {
    /// The chain's verdict as lines to print, and the exit status: 0 intact, 1 tampered.
    public static func verify(_ journal: any AuditLogStorage) async throws -> (lines: [String], status: ExitStatus) {
        let verdict = try await journal.verifyChain()
        var lines: [String] = []
        if let problem = verdict.problem {
            lines.append("TAMPERED: \(problem.description)")
            lines.append("\(verdict.intact) entr\(verdict.intact == 1 ? "y" : "ies") before it intact")
        } else {
            let signers = verdict.signers.map { " by \($0) signing host\($0 == 1 ? "" : "s")" } ?? ""
            lines.append("OK: \(verdict.intact) entr\(verdict.intact == 1 ? "y" : "ies") intact (hash chain and \(verdict.checkpoints) signed checkpoint\(verdict.checkpoints == 1 ? "" : "s")\(signers))")
        }
        if verdict.legacyThrough > 0 {
            let when = verdict.migratedAt.map { " on \(EvidencePack.time($0))" } ?? ""
            lines.append(
                "the chain starts at the migration\(when): entries 1 to \(verdict.legacyThrough) were journalled before it and are not covered")
        }
        if let key = try journal.signer.publicKey() {
            lines.append("signing key (Ed25519, public): \(key.rawRepresentation.base64EncodedString())")
            if verdict.signers != nil {
                lines.append("this host's key id in the team journal's signer registry: \(AuditSigner.keyID(of: key))")
            }
        } else {
            lines.append("signing key: none yet (created with the first entry, in \(journal.signer.url.path))")
        }
        return (lines, verdict.isIntact ? .success : .someFailed)
    }

    /// The entries of one ticket, one job, or since a time: exactly one of them must be given.
    public static func evidence(
        ticket: String?, job: String?, since: String?, in journal: any AuditLogStorage
    ) async throws -> EvidencePack {
        let given = [ticket, job, since].compactMap { $0 }
        guard given.count == 1 else {
            throw UsageError("give exactly one of --ticket REF, --job ID or --since ISO8601 to choose the changes to export")
        }
        let entries: [AuditEntry]
        if let ticket {
            entries = try await journal.audit(ticket: ticket)
        } else if let job {
            entries = try await journal.audit(job: JobID(job))
        } else {
            entries = try await journal.audit(since: try JournalQuery.parseDate(since ?? ""))
        }
        return EvidencePack(entries: entries)
    }

    /// `--format NAME` checked: json, csv or markdown.
    public static func format(_ name: String) throws(UsageError) -> EvidencePack.Format {
        guard let format = EvidencePack.Format(rawValue: name.lowercased()) else {
            throw UsageError("--format '\(name)': use json, csv or markdown")
        }
        return format
    }
}

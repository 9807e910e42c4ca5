import Foundation
import GRDB

extension Journal {
    /// Everything the journal holds, read in one snapshot, for `journal migrate`: every job with
    /// its users, steps and kept methods, and the audit log as stored (each entry with the text
    /// of its time that the chain hashed, and its hashes), its checkpoints and where the chain starts.
    public func dump() async throws(JournalError) -> JournalDump {
        try await read { db in
            let jobs = try JobRecord.fetchAll(db, sql: "SELECT * FROM job ORDER BY createdAt, id")
            let users = try JobUserRecord.fetchAll(db, sql: "SELECT * FROM jobUser ORDER BY id")
            let steps = try JobStepRecord.fetchAll(db, sql: "SELECT * FROM jobStep ORDER BY id")
            let kept = try KeptMethodRecord.fetchAll(db, sql: "SELECT * FROM keptMethod ORDER BY rowid")
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id").map { row in
                JournalDump.Entry(entry: try AuditEntry(row: row), atText: Journal.chainText(row["at"] as DatabaseValue) ?? "")
            }
            let checkpoints = try Row.fetchAll(db, sql: "SELECT entryID, hash, signature FROM auditCheckpoint ORDER BY entryID").map {
                ChainCheckpoint(entryID: $0["entryID"], hash: $0["hash"], signature: $0["signature"])
            }
            let start = try Row.fetchOne(db, sql: "SELECT legacyThrough, migratedAt FROM auditChain WHERE id = 1")
            let stepsByUser = Dictionary(grouping: steps, by: \.jobUserID)
            let keptByUser = Dictionary(grouping: kept, by: \.jobUserID)
            let usersByJob = Dictionary(grouping: users, by: \.jobID)
            return JournalDump(
                jobs: jobs.map { job in
                    JobSummary(job: job, users: (usersByJob[job.id] ?? []).map {
                        UserSummary(user: $0, steps: stepsByUser[$0.id] ?? [], kept: keptByUser[$0.id] ?? [])
                    })
                },
                audit: entries, checkpoints: checkpoints, legacyThrough: start?["legacyThrough"] ?? 0,
                chainStartedAt: start?["migratedAt"])
        }
    }
}

import AuthdeskJournalTesting
import Foundation
import GRDB
import Testing
@testable import AuthdeskJournal

/// The audit log's hash chain and signed checkpoints: a journal edited behind authdesk's back
/// (triggers dropped, rows changed with SQL) is caught, and the first entry touched is named.
struct AuditChainTests {
    typealias F = JournalFixture

    static func entry(_ user: String, at offset: TimeInterval) -> AuditEntry {
        AuditEntry(
            at: F.time(offset), operatorName: "helpdesk@contoso.com", tenant: "contoso", userID: user,
            userName: "Name of \(user)", action: "delete method", target: "Mobile phone +1 2065555555",
            outcome: .succeeded, requestID: "req-\(user)", ticket: "INC-1")
    }

    /// A journal of five entries, and a connection that may edit it (the triggers dropped).
    static func journal(_ fixture: F) async throws -> (Journal, DatabaseQueue) {
        let journal = try fixture.open()
        for index in 1...5 { try await journal.appendAudit(entry("u\(index)", at: Double(index))) }
        let queue = try DatabaseQueue(path: fixture.url.path)
        try await queue.write { db in
            for trigger in ["auditNoUpdate", "auditNoDelete", "auditCheckpointNoUpdate", "auditCheckpointNoDelete"] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
        }
        return (journal, queue)
    }

    @Test func anUntouchedJournalIsIntactAndSignedWithAPrivateKey() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, _) = try await Self.journal(fixture)
        let verdict = try await journal.verifyChain()
        #expect(verdict.isIntact)
        #expect(verdict.intact == 5 && verdict.checkpoints == 5 && verdict.legacyThrough == 0)
        let stored = try await journal.audit()
        #expect(stored.first?.prevHash == AuditChain.genesis)
        #expect(zip(stored.dropFirst(), stored).allSatisfy { $0.prevHash == $1.hash })
        let mode = try FileManager.default.attributesOfItem(atPath: journal.signer.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anEditedEntryIsNamed() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, queue) = try await Self.journal(fixture)
        try await queue.write { try $0.execute(sql: "UPDATE audit SET target = 'Mobile phone +1 4255550000' WHERE id = 3") }
        let verdict = try await journal.verifyChain()
        #expect(verdict.problem == .edited(entry: 3))
        #expect(verdict.intact == 2)
    }

    @Test func anEditRehashedDownTheChainIsCaughtByTheSignedCheckpoint() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, queue) = try await Self.journal(fixture)
        try await queue.write { db in
            try db.execute(sql: "UPDATE audit SET outcome = 'failed' WHERE id = 2")
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = 1") ?? ""
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE id >= 2 ORDER BY id") {
                let hash = AuditChain.hash(previous: previous, fields: AuditChain.columns.map { Journal.chainText(row[$0] as DatabaseValue) })
                try db.execute(sql: "UPDATE audit SET prevHash = ?, hash = ? WHERE id = ?", arguments: [previous, hash, row["id"] as Int64])
                previous = hash
            }
        }
        #expect(try await journal.verifyChain().problem == .edited(entry: 2))
    }

    @Test func aRemovedEntryIsNamed() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, queue) = try await Self.journal(fixture)
        try await queue.write { try $0.execute(sql: "DELETE FROM audit WHERE id = 4") }
        #expect(try await journal.verifyChain().problem == .removed(entry: 4))
    }

    @Test func theLastEntryRemovedIsCaughtByItsCheckpoint() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, queue) = try await Self.journal(fixture)
        try await queue.write { try $0.execute(sql: "DELETE FROM audit WHERE id = 5") }
        #expect(try await journal.verifyChain().problem == .removed(entry: 5))
    }

    @Test func anInsertedEntryIsNamedEvenWithAValidHash() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, queue) = try await Self.journal(fixture)
        try await queue.write { db in
            let last = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = 5") ?? ""
            let fields: [String?] = ["2026-01-01 00:00:00.000", "intruder", "contoso", "u9", nil, "add phone", nil, "succeeded",
                                     nil, nil, nil, nil, "0", nil, nil, nil, nil, nil]
            let values: [DatabaseValueConvertible?] = fields.enumerated().map { index, field in
                index == 12 ? 0 : field
            }
            try db.execute(
                sql: "INSERT INTO audit (\(AuditChain.columns.joined(separator: ", ")), prevHash, hash) VALUES (\(Array(repeating: "?", count: 20).joined(separator: ", ")))",
                arguments: StatementArguments(values + [last, AuditChain.hash(previous: last, fields: fields)]))
        }
        let verdict = try await journal.verifyChain()
        #expect(verdict.problem == .inserted(entry: 6))
        #expect(verdict.intact == 5)
    }

    @Test func aMovedEntryIsNamedAsReordered() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, queue) = try await Self.journal(fixture)
        try await queue.write { db in
            try db.execute(sql: "UPDATE audit SET id = 100 WHERE id = 2")
            try db.execute(sql: "UPDATE audit SET id = 2 WHERE id = 3")
            try db.execute(sql: "UPDATE audit SET id = 3 WHERE id = 100")
        }
        #expect(try await journal.verifyChain().problem == .reordered(entry: 2))
    }

    @Test func aForgedCheckpointSignatureIsCaught() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let (journal, queue) = try await Self.journal(fixture)
        try await queue.write { try $0.execute(sql: "UPDATE auditCheckpoint SET signature = ? WHERE entryID = 2", arguments: [Data(repeating: 1, count: 64).base64EncodedString()]) }
        #expect(try await journal.verifyChain().problem == .badSignature(entry: 2))
    }

    @Test func anOlderJournalStartsTheChainAtTheMigration() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        do {
            let queue = try DatabaseQueue(path: fixture.url.path)
            try JournalSchema.migrator.migrate(queue, upTo: "v2: audit outcomes refused and accepted, ticket index")
            try await queue.write { db in
                for user in ["old1", "old2"] {
                    try db.execute(sql: """
                        INSERT INTO audit (at, operatorName, tenant, userID, action, outcome, redacted)
                        VALUES (?, 'op', 'contoso', ?, 'delete method', 'succeeded', 0)
                        """, arguments: [F.time(0), user])
                }
            }
        }
        let journal = try fixture.open()
        try await journal.appendAudit(Self.entry("new", at: 10))
        let verdict = try await journal.verifyChain()
        #expect(verdict.isIntact)
        #expect(verdict.legacyThrough == 2 && verdict.intact == 1 && verdict.migratedAt != nil)
    }
}

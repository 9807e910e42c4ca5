import AuthdeskJournalTesting
import Foundation
import GRDB
import Testing
@testable import AuthdeskJournal

/// A journal made by the first schema is brought up to date when opened: its audit rows and
/// their ids kept, the new outcomes accepted, the log still append-only.
struct JournalSchemaTests {
    @Test func aVersionOneJournalKeepsItsAuditAndTakesTheNewOutcomes() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        do {
            let queue = try DatabaseQueue(path: fixture.url.path)
            try JournalSchema.migrator.migrate(queue, upTo: "v1: jobs, users, steps, kept methods, audit")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO audit (at, operatorName, tenant, userID, action, outcome, requestID, redacted)
                    VALUES (?, 'op', 'contoso', 'u-old', 'delete method', 'failed', 'req-old', 0)
                    """, arguments: [JournalFixture.time(0)])
                #expect(throws: DatabaseError.self) {
                    try db.execute(sql: """
                        INSERT INTO audit (at, tenant, userID, action, outcome, redacted)
                        VALUES (?, 'contoso', 'u', 'x', 'refused', 0)
                        """, arguments: [JournalFixture.time(1)])
                }
            }
        }
        let journal = try fixture.open()
        try await journal.appendAudit(AuditEntry(
            at: JournalFixture.time(2), operatorName: "op", tenant: "contoso", userID: "u-new", action: "add phone",
            outcome: .refused, requestID: "req-new"))
        let entries = try await journal.audit()
        #expect(entries.map(\.userID) == ["u-old", "u-new"])
        #expect(entries.map(\.outcome) == [.failed, .refused])
        #expect(entries.first?.id == 1)
        #expect(entries.first?.requestID == "req-old")
        await #expect(throws: JournalError.self) {
            try await journal.write { db in try db.execute(sql: "DELETE FROM audit") }
        }
    }
}

import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import GRDB
import Testing

@Suite struct AuditLogTests {
    typealias F = JournalFixture

    static func entry(_ user: String, at offset: TimeInterval, action: String = "add phone", detail: String? = nil, ticket: String? = nil) -> AuditEntry {
        AuditEntry(
            at: F.time(offset), operatorName: "helpdesk@contoso.com", tenant: "contoso", userID: user,
            userName: "Name of \(user)", action: action, target: "mobile", outcome: .succeeded, detail: detail,
            requestID: "req-\(user)-\(Int(offset))", ticket: ticket)
    }

    @Test func entriesAreQueriedBySinceAndUserOldestFirst() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        for (user, offset) in [("u1", 0.0), ("u2", 10), ("u1", 20), ("u3", 30), ("u1", 40)] {
            try await journal.appendAudit(Self.entry(user, at: offset))
        }
        let all = try await journal.audit()
        #expect(all.map(\.at) == [0, 10, 20, 30, 40].map(F.time))
        #expect(all.compactMap(\.id) == all.compactMap(\.id).sorted())
        #expect(try await journal.audit(since: F.time(20)).map(\.userID) == ["u1", "u3", "u1"])
        #expect(try await journal.audit(user: "u1").map(\.at) == [0, 20, 40].map(F.time))
        #expect(try await journal.audit(since: F.time(10), user: "u1").map(\.at) == [20, 40].map(F.time))
        #expect(try await journal.audit(user: "Name of u3").map(\.userID) == ["u3"])
        #expect(try await journal.audit(limit: 2).map(\.at) == [30, 40].map(F.time))
        #expect(try await journal.audit(tenant: "fabrikam").isEmpty)
        await #expect(throws: JournalError.self) { try await journal.audit(limit: 0) }
    }

    @Test func everyOutcomeIsStoredAndTicketsFilterInAnyLetterCase() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        for (offset, outcome) in AuditOutcome.allCases.enumerated() {
            var entry = Self.entry("u\(offset)", at: Double(offset), ticket: offset % 2 == 0 ? "INC-7" : "CHG-1")
            entry.outcome = outcome
            try await journal.appendAudit(entry)
        }
        #expect(try await journal.audit().map(\.outcome) == AuditOutcome.allCases)
        #expect(try await journal.audit(ticket: "inc-7").map(\.userID) == ["u0", "u2"])
        #expect(try await journal.audit(tenant: "contoso", ticket: "CHG-1").map(\.userID) == ["u1", "u3"])
        #expect(try await journal.audit(ticket: "INC-8").isEmpty)
    }

    @Test func theLogIsAppendOnly() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        try await journal.appendAudit(Self.entry("u1", at: 0))
        let pool = try DatabasePool(path: fixture.url.path)
        #expect(throws: DatabaseError.self) { try pool.write { try $0.execute(sql: "UPDATE audit SET outcome = 'failed'") } }
        #expect(throws: DatabaseError.self) { try pool.write { try $0.execute(sql: "DELETE FROM audit") } }
        #expect(try await journal.audit().count == 1)
    }

    @Test func aPasswordTypedIntoFreeTextIsRedactedAndMarked() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let stored = try await journal.appendAudit(Self.entry(
            "u1", at: 0, action: "reset password", detail: "told user: password: Hunter2!xyz, call back",
            ticket: "INC-7 pass=Spring2026!"))
        #expect(stored.redacted)
        #expect(stored.detail == "told user: password: <redacted> call back")
        #expect(stored.ticket == "INC-7 pass=<redacted>")
        let read = try await journal.audit()
        #expect(read.first?.detail == stored.detail && read.first?.ticket == stored.ticket && read.first?.redacted == true)
        let raw = try String(decoding: Data(contentsOf: fixture.url), as: UTF8.self)
            + String(decoding: Data(contentsOf: URL(fileURLWithPath: fixture.url.path + "-wal")), as: UTF8.self)
        #expect(!raw.contains("Hunter2!xyz"))
        #expect(!raw.contains("Spring2026!"))
    }

    @Test func aKnownSecretIsRemovedFromEveryField() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let pass = Secret("Q7#mk2Lp")
        let stored = try await journal.appendAudit(
            Self.entry("u1", at: 0, action: "create TAP", detail: "gave Q7#mk2Lp to the user by phone", ticket: "INC-8 Q7#mk2Lp"),
            scrubbing: [pass])
        #expect(stored.redacted)
        #expect(stored.detail == "gave <redacted> to the user by phone")
        #expect(stored.ticket == "INC-8 <redacted>")
        let plain = try await journal.appendAudit(Self.entry("u2", at: 1, action: "create TAP", detail: "pass issued, expires in 60 minutes"))
        #expect(!plain.redacted)
        #expect(plain.detail == "pass issued, expires in 60 minutes")
    }

    @Test func aMultiLineTicketIsRefused() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let error = await #expect(throws: JournalError.self) {
            try await journal.appendAudit(Self.entry("u1", at: 0, ticket: "INC-1\nsecond line"))
        }
        #expect(error?.description.contains("one line") == true)
        #expect(try await journal.audit().isEmpty)
    }

    @Test func theLogExportsAsCSVAndJSON() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        try await journal.appendAudit(Self.entry("u1", at: 0, detail: "number, with comma"))
        let report = AuditEntry.report(try await journal.audit())
        let csv = report.render(.csv)
        #expect(csv.hasPrefix("at,operator,tenant,user,userName,action,target,outcome,detail,requestId,ticket,job,redacted,id,verification,undoOf\r\n"))
        #expect(csv.contains("\"number, with comma\""))
        #expect(report.render(.json).contains("\"requestId\" : \"req-u1-0\""))
    }
}

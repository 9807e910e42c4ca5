import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import Testing

/// The audit log's rules, run against both stores: the SQLite journal, and PostgreSQL (team mode).
@Suite(.serialized) struct AuditLogTests {
    typealias F = JournalFixture

    static func entry(_ user: String, at offset: TimeInterval, action: String = "add phone", detail: String? = nil, ticket: String? = nil) -> AuditEntry {
        AuditEntry(
            at: F.time(offset), operatorName: "helpdesk@contoso.com", tenant: "contoso", userID: user,
            userName: "Name of \(user)", action: action, target: "mobile", outcome: .succeeded, detail: detail,
            requestID: "req-\(user)-\(Int(offset))", ticket: ticket)
    }

    @Test(arguments: AuditStore.allCases) func entriesAreQueriedBySinceAndUserOldestFirst(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
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
    }

    @Test(arguments: AuditStore.allCases) func everyOutcomeIsStoredAndTicketsFilterInAnyLetterCase(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
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
    }

    @Test(arguments: AuditStore.allCases) func theLogIsAppendOnly(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            try await journal.appendAudit(Self.entry("u1", at: 0))
            await #expect(throws: (any Error).self) { try await opened.sql("UPDATE audit SET outcome = 'failed'") }
            await #expect(throws: (any Error).self) { try await opened.sql("DELETE FROM audit") }
            #expect(try await journal.audit().map(\.outcome) == [.succeeded])
        }
    }

    @Test(arguments: AuditStore.allCases) func aPasswordTypedIntoFreeTextIsRedactedAndMarked(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            let stored = try await journal.appendAudit(Self.entry(
                "u1", at: 0, action: "reset password", detail: "told user: password: Hunter2!xyz, call back",
                ticket: "INC-7 pass=Spring2026!"))
            #expect(stored.redacted)
            #expect(stored.detail == "told user: password: <redacted> call back")
            #expect(stored.ticket == "INC-7 pass=<redacted>")
            let read = try await journal.audit()
            #expect(read.first?.detail == stored.detail && read.first?.ticket == stored.ticket && read.first?.redacted == true)
            let raw = try await opened.text()
            #expect(raw.contains("call back"))
            #expect(!raw.contains("Hunter2!xyz"))
            #expect(!raw.contains("Spring2026!"))
        }
    }

    @Test(arguments: AuditStore.allCases) func aKnownSecretIsRemovedFromEveryField(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
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
            #expect(try await journal.auditEntry(try #require(plain.id)) == plain)
        }
    }

    @Test(arguments: AuditStore.allCases) func aMultiLineTicketIsRefused(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            let error = await #expect(throws: JournalError.self) {
                try await journal.appendAudit(Self.entry("u1", at: 0, ticket: "INC-1\nsecond line"))
            }
            #expect(error?.description.contains("one line") == true)
            let stored = try await journal.audit()
            #expect(stored.isEmpty)
        }
    }

    @Test(arguments: AuditStore.allCases) func theLogExportsAsCSVAndJSON(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            try await journal.appendAudit(Self.entry("u1", at: 0, detail: "number, with comma"))
            let report = AuditEntry.report(try await journal.audit())
            let csv = report.render(.csv)
            #expect(csv.hasPrefix("at,operator,tenant,user,userName,action,target,outcome,detail,requestId,ticket,job,redacted,id,verification,undoOf\r\n"))
            #expect(csv.contains("\"number, with comma\""))
            #expect(report.render(.json).contains("\"requestId\" : \"req-u1-0\""))
        }
    }
}

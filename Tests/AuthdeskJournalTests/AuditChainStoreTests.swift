import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import Testing

/// The audit chain in both stores: entries appended at once never fork it, an edit made behind
/// the log's back is named, and the same entries hash alike in SQLite and PostgreSQL (so a
/// journal copied from one to the other keeps its chain).
@Suite(.serialized) struct AuditChainStoreTests {
    typealias F = JournalFixture

    /// Entries with every hashed field used: times with fractions of a millisecond, a job, a
    /// flag, JSON, an undo.
    static func entries() -> [AuditEntry] {
        (1...5).map { index in
            var entry = AuditEntry(
                at: F.time(Double(index) + 0.1234567 * Double(index)), operatorName: index == 2 ? nil : "helpdesk@contoso.com",
                tenant: "contoso", userID: "u\(index)", userName: "Name of u\(index)", action: "delete method",
                target: "Mobile phone +1 2065555555", outcome: index == 4 ? .failed : .succeeded,
                detail: index == 4 ? "HTTP 429 TooManyRequests" : nil, requestID: "req-\(index)", ticket: "INC-1",
                jobID: index == 3 ? "20261203-181500-ab12" : nil)
            entry.redacted = index == 5
            entry.verification = "callback: rang the number on file"
            entry.requests = AuditEntry.encode([AuditRequest(method: "DELETE", url: "https://graph.microsoft.com/x/\(index)", body: nil, requestID: "req-\(index)")])
            entry.undoOf = index == 5 ? 1 : nil
            return entry
        }
    }

    @Test(arguments: AuditStore.allCases) func anUntouchedLogIsIntactAndAnEditedEntryIsNamed(store: AuditStore) async throws {
        try await store.withLog { opened in
            for entry in Self.entries() { try await opened.log.appendAudit(entry) }
            let verdict = try await opened.log.verifyChain()
            #expect(verdict.isIntact && verdict.intact == 5 && verdict.checkpoints == 5)
            let stored = try await opened.log.audit()
            #expect(stored.first?.prevHash == AuditChain.genesis)
            #expect(zip(stored.dropFirst(), stored).allSatisfy { $0.prevHash == $1.hash })
            #expect(try await opened.log.undoEntry(of: 1)?.userID == "u5")
            for statement in store.dropTriggers { try await opened.sql(statement) }
            try await opened.sql("UPDATE audit SET target = 'Mobile phone +1 4255550000' WHERE id = 3")
            let tampered = try await opened.log.verifyChain()
            #expect(tampered.problem == .edited(entry: 3))
            #expect(tampered.intact == 2)
        }
    }

    @Test(arguments: AuditStore.allCases) func entriesAppendedAtOnceNeverForkTheChain(store: AuditStore) async throws {
        try await store.withLog { opened in
            let log = opened.log
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        _ = try await log.appendAudit(AuditEntry(
                            at: F.time(Double(index)), operatorName: "op\(index % 3)", tenant: "contoso", userID: "u\(index)",
                            action: "add phone", outcome: .succeeded))
                    }
                }
                try await group.waitForAll()
            }
            let verdict = try await log.verifyChain()
            #expect(verdict.isIntact && verdict.intact == 24)
            let predecessors = try await log.audit().compactMap(\.prevHash)
            #expect(Set(predecessors).count == 24)
        }
    }

    @Test func theSameEntriesHashAlikeInBothStores() async throws {
        var hashes: [AuditStore: [String?]] = [:]
        for store in AuditStore.allCases {
            try await store.withLog { opened in
                for entry in Self.entries() { try await opened.log.appendAudit(entry) }
                hashes[store] = try await opened.log.audit().map(\.hash)
            }
        }
        #expect(hashes[.sqlite]?.count == 5)
        #expect(hashes[.sqlite] == hashes[.postgres])
    }
}

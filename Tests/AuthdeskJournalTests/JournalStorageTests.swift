import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import Testing

/// The journal through its interface, `any JournalStorage`, as workflows hold it: the default
/// arguments reach the store's own operations, with their rules.
@Suite(.serialized) struct JournalStorageTests {
    typealias F = JournalFixture

    @Test(arguments: AuditStore.allCases) func aStepRunsThroughTheInterfaceWithDefaultArguments(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal: any JournalStorage = opened.log
            let job = try await journal.createJob(F.plan(), operatorName: "helpdesk@contoso.com", ticket: "INC-7")
            try await journal.setJobState(job.id, to: .running)
            let user = try #require(try await journal.users(of: job.id).first)
            let step = try #require(try await journal.steps(ofUser: user.id).first)
            #expect(try await journal.markSent(step: step.id).state == .sent)
            let answered = try await journal.recordAnswer(step: step.id, StepAnswer(httpStatus: 204, requestID: "req-1"))
            #expect(answered.state == .done)
            await #expect(throws: JournalError.self) { try await journal.markSent(step: step.id) }
            let remaining = try await journal.remainingWork(of: job.id)
            #expect(remaining.first?.steps.contains { $0.id == step.id } == false)
            let entries = try await journal.audit()
            #expect(entries.map(\.requestID) == ["req-1"])
            #expect(entries.first?.ticket == "INC-7")
            #expect(try await journal.audit(ticket: "inc-7", limit: 1).count == 1)
            #expect(try await journal.verifyChain().isIntact)
            #expect(FileManager.default.fileExists(atPath: journal.localDirectory.appendingPathComponent("audit-signing.key").path))
        }
    }

    @Test(arguments: AuditStore.allCases) func anAuditAppendedThroughTheInterfaceIsScrubbedAndChained(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal: any JournalStorage = opened.log
            let first = try await journal.appendAudit(
                AuditEntry(at: F.time(0), operatorName: "helpdesk@contoso.com", tenant: "contoso", userID: "u-adele", action: "reset password", outcome: .succeeded,
                           detail: "new password Tr0ub4dor&3", ticket: "INC-8"),
                scrubbing: [Secret("Tr0ub4dor&3")])
            let second = try await journal.appendAudit(
                AuditEntry(at: F.time(1), operatorName: "helpdesk@contoso.com", tenant: "contoso", userID: "u-adele", action: "delete method", outcome: .succeeded))
            #expect(first.detail?.contains("Tr0ub4dor&3") == false)
            #expect(second.prevHash == first.hash)
            #expect(try await journal.auditEntry(try #require(second.id)) == second)
            #expect(try await journal.undoEntry(of: try #require(first.id)) == nil)
            #expect(try await journal.verifyChain().intact == 2)
        }
    }

    @Test(arguments: AuditStore.allCases) func aJobIsCreatedAwaitingApprovalInOneWrite(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal: any JournalStorage = opened.log
            let job = try await journal.createJob(
                F.plan(), operatorName: "alice", ticket: "INC-9", at: F.time(0), state: .awaitingApproval)
            #expect(job.state == .awaitingApproval)
            let other = try await opened.reopen("jump-2")
            let seen = try await other.job(job.id)
            #expect(seen.state == .awaitingApproval)
            #expect(seen.updatedAt == seen.createdAt)
            await #expect(throws: JournalError.self) { try await other.setJobState(job.id, to: .running) }
            #expect(try await other.users(of: job.id).count == F.plan().users.count)
            #expect(try await journal.setJobState(job.id, to: .planned).state == .planned)
            let planned = try await journal.createJob(F.plan(), operatorName: "alice")
            #expect(planned.state == .planned)
        }
    }

    @Test(arguments: AuditStore.allCases) func aJobIsNeverCreatedRunningOrFinished(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal: any JournalStorage = opened.log
            for state in JobState.allCases where !JobState.initial.contains(state) {
                await #expect(throws: JournalError.self, "created \(state)") {
                    try await journal.createJob(F.plan(), operatorName: "alice", state: state)
                }
            }
            let jobs = try await journal.jobs()
            #expect(jobs.isEmpty)
        }
    }
}

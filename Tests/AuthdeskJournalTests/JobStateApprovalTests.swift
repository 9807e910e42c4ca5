import AuthdeskCore
import AuthdeskJournalTesting
import Foundation
import GRDB
import Testing
@testable import AuthdeskJournal

/// Jobs awaiting approval: the state's moves (never straight to running), and a journal made
/// before the state existed is rebuilt to take it with its jobs, users and steps kept.
struct JobStateApprovalTests {
    @Test func aJobAwaitingApprovalMovesOnlyToPlannedOrCancelled() {
        #expect(JobState(rawValue: "awaiting-approval") == .awaitingApproval)
        #expect(JobState.planned.canMove(to: .awaitingApproval))
        #expect(JobState.awaitingApproval.canMove(to: .planned))
        #expect(JobState.awaitingApproval.canMove(to: .cancelled))
        for next in [JobState.running, .paused, .finished, .awaitingApproval] {
            #expect(!JobState.awaitingApproval.canMove(to: next), "awaiting-approval -> \(next)")
        }
        for state in [JobState.running, .paused, .cancelled, .finished] {
            #expect(!state.canMove(to: .awaitingApproval), "\(state) -> awaiting-approval")
        }
        #expect(!JobState.awaitingApproval.isFinal)
    }

    @Test func aVersionFourJournalIsRebuiltToHoldJobsAwaitingApproval() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        do {
            let queue = try DatabaseQueue(path: fixture.url.path)
            try JournalSchema.migrator.migrate(queue, upTo: "v4: how a bulk job's callers were verified")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO job (id, createdAt, operatorName, ticket, policy, state, updatedAt, verification)
                    VALUES ('job-old', ?, 'op', 'INC-1', 'portal', 'paused', ?, 'callback: on file');
                    INSERT INTO jobUser (jobID, position, tenant, userID, displayName, state, updatedAt)
                    VALUES ('job-old', 0, 'contoso', 'u-adele', 'Adele Vance', 'waiting', ?);
                    """, arguments: [JournalFixture.time(0), JournalFixture.time(0), JournalFixture.time(0)])
                #expect(throws: DatabaseError.self) {
                    try db.execute(sql: "UPDATE job SET state = 'awaiting-approval' WHERE id = 'job-old'")
                }
            }
        }
        let journal = try fixture.open()
        let old = try await journal.job(JobID("job-old"))
        #expect(old.state == .paused)
        #expect(old.verification == "callback: on file")
        #expect(try await journal.users(of: old.id).map(\.userID) == ["u-adele"])
        let job = try await journal.createJob(try JournalFixture.plan(), operatorName: "op", at: JournalFixture.time(1))
        let held = try await journal.setJobState(job.id, to: .awaitingApproval, at: JournalFixture.time(2))
        #expect(held.state == .awaitingApproval)
        #expect(try await journal.job(job.id).state == .awaitingApproval)
        await #expect(throws: JournalError.self) { try await journal.setJobState(job.id, to: .running) }
        #expect(try await journal.jobs().first { $0.job.id == job.id }?.job.state == .awaitingApproval)
        let foreignKeys = try await journal.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
        #expect(foreignKeys == 0)
    }
}

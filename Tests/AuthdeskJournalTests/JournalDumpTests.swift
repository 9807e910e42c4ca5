import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// `journal migrate`'s two halves: the SQLite journal dumped whole, and copied into an empty team
/// journal with ids, hashes and checkpoints unchanged (its chain verifies there); a journal that
/// holds anything is refused.
@Suite(.serialized) struct JournalDumpTests {
    typealias F = JournalFixture

    @Test func aLocalJournalIsCopiedWholeAndItsChainVerifiesInTheTeamJournal() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let local = try fixture.open()
        try await local.createJob(F.plan(), operatorName: "op@contoso.com", ticket: "INC-9", id: "job-1", at: F.time(0))
        try await local.setJobState("job-1", to: .running, at: F.time(1))
        let adele = try await local.users(of: "job-1")[0]
        let steps = try await local.steps(ofUser: adele.id)
        try await local.markSent(step: steps[0].id, at: F.time(2))
        try await local.recordAnswer(step: steps[0].id, StepAnswer(httpStatus: 204, requestID: "r-1"), at: F.time(2))
        try await local.markSent(step: steps[1].id, at: F.time(3))
        try await local.appendAudit(AuditEntry(
            at: F.time(4.5), operatorName: "op@contoso.com", tenant: "contoso", userID: "u-ben", action: "block sign-in",
            outcome: .succeeded, ticket: "INC-9"))
        let dump = try await local.dump()
        #expect(dump.jobs.map(\.job.id) == ["job-1"] && dump.audit.count == 2 && dump.checkpoints.count == 2)

        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let database = try await TeamJournalDatabase.open(
            try TeamJournalURL(cluster.url(), source: "test"), environment: ["PGPASSWORD": cluster.password])
        let counts = try await TeamJournalImport.copy(dump, into: database, signer: local.signer, host: "host-a")
        #expect(counts.jobs == 1 && counts.users == 3 && counts.steps == 4 && counts.auditEntries == 2 && counts.checkpoints == 2)
        let team = TeamJournal(database: database, localDirectory: fixture.directory, host: "host-b")
        #expect(try await team.verifyChain().intact == local.verifyChain().intact)
        #expect(try await team.verifyChain().isIntact)
        // The copied checkpoints name the migrating host's key, registered: another host verifies them.
        let other = try F()
        defer { other.remove() }
        let hostC = TeamJournal(database: database, localDirectory: other.directory, host: "host-c")
        let verdict = try await hostC.verifyChain()
        #expect(verdict.isIntact && verdict.signers == 1)
        #expect(try await team.audit() == local.audit())
        #expect(try await team.summary(of: "job-1") == local.summary(of: "job-1"))
        #expect(try await team.jobs() == local.jobs())
        // The copy goes on where the local journal stopped: the step left sent, new rows after the copied ids.
        #expect(try await team.remainingWork(of: "job-1").first?.unknownOutcome.map(\.id) == [steps[1].id])
        _ = try await team.recordAnswer(step: try await team.markSent(step: steps[1].id, at: F.time(5)).id, StepAnswer(httpStatus: 204), at: F.time(6))
        let next = try await team.createJob(F.plan(), id: "job-2", at: F.time(7))
        #expect(try await team.users(of: next.id).map(\.id).min() ?? 0 > dump.jobs[0].users.map(\.user.id).max() ?? 0)
        #expect(try await team.verifyChain().intact == 3)

        await #expect(throws: JournalError.self) { try await TeamJournalImport.copy(dump, into: database, signer: local.signer) }
        #expect(try await team.audit().count == 3)
        await database.close()
    }
}

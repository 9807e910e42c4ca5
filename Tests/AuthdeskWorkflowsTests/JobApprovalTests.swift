import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskServices
import AuthdeskWorkflows
import Testing

/// Four eyes on the SQLite journal, with two operators (alice and bob, on two jump hosts): a job
/// at the threshold is held and nothing runs it; its own operator cannot approve it from any
/// host; another operator's approval is audited in the chain and lets it be resumed.
@Suite struct JobApprovalTests {
    let fixture: JournalFixture
    let journal: Journal

    init() throws {
        fixture = try JournalFixture()
        journal = try fixture.open()
    }

    func workflow(threshold: Int?) -> ResetMfaWorkflow {
        let tenants = ResetTenants(remover: { name throws(ServiceError) in
            throw ServiceError(kind: .notFound, message: "no \(name)")
        })
        let journal = journal
        return ResetMfaWorkflow(
            tenants: tenants, journal: { journal }, approvalThreshold: threshold, requester: "alice@jump-1")
    }

    /// Creates the fixture's three-user job under `threshold`; the job held for approval, if any.
    func held(threshold: Int = 3) async throws -> JobID {
        do {
            _ = try await workflow(threshold: threshold).createJob(try JournalFixture.plan(), operatorName: "helpdesk@contoso.com", ticket: "INC-7")
        } catch let failure as WorkflowFailure {
            #expect(failure.status == .awaitingApproval)
            #expect(failure.message.contains("at or above the team's approval threshold of \(threshold)"))
            #expect(failure.message.contains("an operator other than alice"))
            let listing = try #require(try await journal.jobs().first)
            #expect(failure.message.contains("authdesk jobs approve \(listing.job.id)"))
            return listing.job.id
        }
        Issue.record("the job was not held for approval")
        throw UsageError("not held")
    }

    @Test func aJobBelowTheThresholdIsPlannedAndNothingIsAudited() async throws {
        defer { fixture.remove() }
        let job = try await workflow(threshold: 4).createJob(try JournalFixture.plan(), operatorName: "op", ticket: nil)
        #expect(job.state == .planned)
        #expect(try await journal.audit().isEmpty)
        let none = try await workflow(threshold: nil).createJob(try JournalFixture.plan(), operatorName: "op", ticket: nil)
        #expect(none.state == .planned)
    }

    @Test func aJobAtTheThresholdIsHeldAuditedAndNeverRun() async throws {
        defer { fixture.remove() }
        let id = try await held()
        let stored = try await journal.job(id)
        #expect(stored.state == .awaitingApproval)
        #expect(stored.updatedAt == stored.createdAt, "created awaiting approval, not moved there by a second write")
        let asked = try await journal.audit(job: id)
        #expect(asked.map(\.action) == [JobApproval.requestAction])
        #expect(asked.first?.operatorName == "alice@jump-1")
        #expect(asked.first?.ticket == "INC-7")
        #expect(asked.first?.tenant == "contoso,fabrikam")
        await #expect {
            _ = try await ResetMfaWorkflow.tenantsToResume(id, retryFailed: false, in: journal)
        } throws: { error in
            let failure = error as? WorkflowFailure
            return failure?.status == .refused && failure?.message.contains("awaits approval") == true
                && failure?.message.contains("other than alice (who asked, as alice@jump-1)") == true
        }
        let engine = try BulkResetEngine(journal: journal, removers: [:])
        await #expect(throws: BulkResetError.awaitingApproval(id)) { _ = try await engine.run(id) }
        #expect(ExitStatus.of(BulkResetError.awaitingApproval(id)) == .refused)
        #expect(try await journal.summary(of: id).users.allSatisfy { $0.steps.allSatisfy { $0.state == .pending } })
    }

    @Test func theOperatorWhoAskedCannotApproveFromAnyHost() async throws {
        defer { fixture.remove() }
        let id = try await held()
        let approval = JobApproval(journal: journal)
        for name in ["alice@jump-1", "alice@jump-2", "ALICE@jump-3"] {
            await #expect {
                try await approval.approve(id, by: name)
            } throws: { error in
                let failure = error as? WorkflowFailure
                return failure?.status == .refused && failure?.message == JobApproval.ownJobRefusal(id, requester: "alice@jump-1")
            }
        }
        #expect(try await journal.job(id).state == .awaitingApproval)
        let refused = try await journal.audit(job: id).filter { $0.action == JobApproval.approveAction }
        #expect(refused.count == 3 && refused.allSatisfy { $0.outcome == .refused })
    }

    @Test func anotherOperatorApprovesOnceAuditedInTheChain() async throws {
        defer { fixture.remove() }
        let id = try await held()
        let approval = JobApproval(journal: journal)
        #expect(try await approval.check(id, by: "bob@jump-2").state == .awaitingApproval)
        let approved = try await approval.approve(id, by: "bob@jump-2")
        #expect(approved.state == .planned)
        let entry = try #require(try await journal.audit(job: id).last)
        #expect(entry.action == JobApproval.approveAction)
        #expect(entry.operatorName == "bob@jump-2")
        #expect(entry.outcome == .succeeded)
        #expect(entry.ticket == "INC-7")
        #expect(entry.target == "job \(id)")
        #expect(entry.hash != nil && entry.prevHash != nil)
        let verdict = try await journal.verifyChain()
        #expect(verdict.isIntact)
        #expect(verdict.intact == 2)
        #expect(try await ResetMfaWorkflow.tenantsToResume(id, retryFailed: false, in: journal) == ["contoso", "fabrikam"])
        await #expect {
            try await approval.approve(id, by: "carol@jump-3")
        } throws: { error in
            error is UsageError && "\(error)".contains("job \(id) is planned, not awaiting approval")
        }
        await #expect(throws: JournalError.noSuchJob(JobID("no-such-job"))) { try await approval.check(JobID("no-such-job"), by: "bob@jump-2") }
    }

    @Test func operatorsAreToldApartByTheirAccount() {
        #expect(JobApproval.sameOperator("alice@jump-1", "alice@jump-2"))
        #expect(JobApproval.sameOperator("alice", "Alice@jump-2"))
        #expect(!JobApproval.sameOperator("alice@jump-1", "bob@jump-1"))
        #expect(!JobApproval.isRequired(users: 500, threshold: nil))
        #expect(JobApproval.isRequired(users: 25, threshold: 25))
        #expect(!JobApproval.isRequired(users: 24, threshold: 25))
    }
}

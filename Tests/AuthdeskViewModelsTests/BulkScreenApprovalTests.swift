import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskViewModels
import Testing

/// Four eyes on the `:jobs` screen, as a pure state: `a` on a job awaiting approval asks, enter
/// approves it (the view model's effect), esc does not; any other job is not approvable, a job
/// awaiting approval does not run on enter, and read-only drops the key.
struct BulkScreenApprovalTests {
    /// Two journalled jobs, newest first: `held` (three users, awaiting approval), then `done` (finished).
    private func jobs(readOnly: Bool = false) async throws -> (BulkScreenState, held: JobRecord) {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let plan = try JournalFixture.plan()
        let done = try await journal.createJob(plan, operatorName: "op", ticket: nil, id: JobID("job-done"), at: JournalFixture.time(0))
        try await journal.setJobState(done.id, to: .running)
        try await journal.setJobState(done.id, to: .finished)
        let created = try await journal.createJob(
            plan, operatorName: "helpdesk@contoso.com", ticket: "INC-1", id: JobID("job-held"), at: JournalFixture.time(10))
        let held = try await journal.setJobState(created.id, to: .awaitingApproval)
        var state = BulkScreenState(readOnly: readOnly)
        _ = state.apply(.openJobs)
        _ = state.apply(.jobsLoaded(generation: state.generation, try await journal.jobs()))
        return (state, held)
    }

    @Test func aAsksThenEnterApprovesAndEscDoesNot() async throws {
        var (state, held) = try await jobs()
        #expect(state.apply(.key(.character("a"))) == [])
        #expect(state.approvalQuestion?.hasPrefix("Approve job job-held of 3 users, signed in as helpdesk@contoso.com") == true)
        _ = state.apply(.key(.escape))
        #expect(state.approvalQuestion == nil && state.phase == .jobs, "esc leaves the question, not the screen")
        #expect(state.flash?.text == "Job job-held was not approved")
        _ = state.apply(.key(.character("a")))
        #expect(state.apply(.key(.enter)) == [.approveJob(JobID("job-held"), generation: state.generation)])
        #expect(state.approvalQuestion == nil)
        var approved = held
        approved.state = .planned
        let effects = state.apply(.approved(generation: state.generation, approved))
        #expect(effects.contains(.loadJobs(generation: state.generation)))
        #expect(state.flash?.text.hasPrefix("Approved job job-held: it is planned") == true)
    }

    @Test func onlyAJobAwaitingApprovalIsApprovedAndItDoesNotRunOnEnter() async throws {
        var (state, _) = try await jobs()
        #expect(state.apply(.key(.enter)) == [] && state.phase == .jobs)
        #expect(state.flash?.text == "Job job-held awaits approval by another operator (a approves it); nothing was sent")
        _ = state.apply(.key(.character("j")))
        _ = state.apply(.key(.character("a")))
        #expect(state.approvalQuestion == nil)
        #expect(state.flash?.text == "Job job-done is finished, not awaiting approval: nothing to approve")
    }

    @Test func readOnlyHasNoApproval() async throws {
        var (state, _) = try await jobs(readOnly: true)
        #expect(state.apply(.key(.character("a"))) == [])
        #expect(state.approvalQuestion == nil)
        #expect(state.keyMap.key(for: .approveJob, in: [.bulkJobs]) == nil)
        #expect(BulkScreenState().keyMap.key(for: .approveJob, in: [.bulkJobs]) == .character("a"))
    }

    @Test func aConfirmedJobHeldForApprovalLandsOnTheJobs() {
        var state = BulkScreenState()
        _ = state.apply(.openJobs)
        state.phase = .running
        let effects = state.apply(.heldForApproval(generation: state.generation, "Job j has 30 users: it awaits approval"))
        #expect(state.phase == .jobs)
        #expect(effects.contains(.loadJobs(generation: state.generation)))
        #expect(state.flash?.text == "Job j has 30 users: it awaits approval")
        #expect(state.apply(.jobsChanged) == [.loadJobs(generation: state.generation)], "a job changed elsewhere: read again")
        _ = state.apply(.key(.escape))
        #expect(state.phase == .closed && state.apply(.jobsChanged) == [], "nothing to refresh when :jobs is not shown")
    }
}

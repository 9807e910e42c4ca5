import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
import Synchronization
import Testing

/// Reset all MFA through the workflow both front ends use, against the embedded sandbox:
/// resolve, plan with the pre-flight, create the job, run, verify, resume.
@Suite(.timeLimit(.minutes(2))) struct ResetMfaWorkflowTests {
    static let references = ["avery.howard@contoso.com", "priya.raman@contoso.com", "nobody@contoso.com", "avery.howard@contoso.com"]

    @Test func aPlanResolvesUsersMarksRefusalsAndReportsTheUnreadable() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await Workspace.with(harness.options()) { workspace in
            let workflow = ResetMfaWorkflow(workspace: workspace, perTenantLimit: 4)
            let references = try Self.references.map { text throws(UsageError) in try UserReference(parsing: text) }
            let planned = try await workflow.plan(references, policy: .portal, in: workspace)
            #expect(planned.resolved.targets.map(\.user.principalName) == ["avery.howard@contoso.com", "priya.raman@contoso.com"])
            #expect(planned.unreadable.map(\.user) == ["nobody@contoso.com"])
            #expect(planned.unreadable.first?.failure.httpStatus == 404)
            let priya = try #require(planned.result.plan.users.first { $0.displayName.hasPrefix("Priya") })
            #expect(priya.plan.isRefused)
            let runnable = try ResetMfaWorkflow.runnable(planned.result.plan)
            #expect(runnable.users.map(\.displayName) == ["Avery Howard"])
            #expect(planned.report.render(.table).contains("[WILL BE REFUSED]"))
        }
    }

    @Test func aJobRunsToTheEndAndEveryStepIsReported() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await Workspace.with(harness.options(asApplication: true)) { workspace in
            let workflow = ResetMfaWorkflow(workspace: workspace, perTenantLimit: 2)
            let planned = try await workflow.plan(
                [try UserReference(parsing: "avery.howard@contoso.com")], policy: .portal, in: workspace)
            let runnable = try ResetMfaWorkflow.runnable(planned.result.plan)
            let job = try await workflow.createJob(planned, runnable: runnable, in: workspace, ticket: "INC-7")
            let run = try await workflow.run(job)
            #expect(run.before.users.map(\.user.displayName) == ["Avery Howard (avery.howard@contoso.com)"])
            var events: [BulkResetEvent] = []
            var lines: [String] = []
            let outcome = try await workflow.finish(run, progress: { lines.append($0) }, report: { events.append($0) })
            let steps = runnable.totals.steps
            #expect(lines.first?.hasSuffix("1 user, \(steps) steps to do") == true)
            #expect(lines.contains { $0.contains("contoso Avery Howard (avery.howard@contoso.com): Delete Mobile phone: done") })
            let last = try #require(lines.last)
            #expect(last.hasPrefix("[users 1 done, 0 failed, 0 running of 1; steps \(steps)/\(steps), "))
            #expect(last.hasSuffix("] job finished"))
            #expect(outcome.status == .success)
            #expect(outcome.summary.job.ticket == "INC-7")
            #expect(events.filter { if case .stepFinished = $0 { true } else { false } }.count == runnable.totals.steps)
            guard case .finished(.finished, _)? = events.last else {
                Issue.record("the run did not end with .finished: \(String(describing: events.last))")
                return
            }
            let avery = try await workspace.provider(for: "contoso").user("avery.howard@contoso.com")
            let left = try await workspace.provider(for: "contoso").methods(of: avery.id)
            #expect(left.map(\.kind) == [.password])
            await #expect(throws: UsageError.self) {
                _ = try await ResetMfaWorkflow.tenantsToResume(job, retryFailed: false, in: try workflow.journal())
            }
        }
    }

    @Test func aPlanOfOnlyRefusedUsersSendsNothing() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await Workspace.with(harness.options()) { workspace in
            let workflow = ResetMfaWorkflow(workspace: workspace, perTenantLimit: 4)
            let planned = try await workflow.plan(
                [try UserReference(parsing: "contoso:priya.raman@contoso.com")], policy: .all, in: workspace)
            #expect {
                try ResetMfaWorkflow.runnable(planned.result.plan)
            } throws: { error in
                (error as? WorkflowFailure)?.status == .refused
            }
            #expect {
                try ResetMfaWorkflow.runnable(try ResetJobPlan(policy: .all, users: []))
            } throws: { error in
                (error as? WorkflowFailure)?.status == .someFailed
            }
        }
    }

    @Test func aTenantThatCannotBeOpenedLeavesItsUsersOutOfThePlan() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let journal = try await JournalStore.open(environment: harness.environment)
        let workflow = ResetMfaWorkflow(
            tenants: ResetTenants { name throws(ServiceError) in
                throw ServiceError(kind: .signIn, status: 400, code: "AADSTS7000215", message: "bad secret for \(name)")
            },
            journal: { journal })
        let reads = Mutex<[Int]>([])
        let user = DirectoryUser(id: "u-1", displayName: "One", principalName: "one@contoso.com")
        let result = try await workflow.plan([ResetTarget(tenant: "contoso", user: user)], policy: .portal) { done, _ in
            reads.withLock { $0.append(done) }
        }
        #expect(result.plan.users.isEmpty)
        #expect(result.unplanned.map(\.failure.code) == ["AADSTS7000215"])
        #expect(result.unplanned.first?.failure.message == "no connection to contoso: bad secret for contoso")
        #expect(reads.withLock { $0 } == [1])
    }
}

import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels
import Foundation
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BulkScreenViewModelTests {
    private func harness(readOnly: Bool = false) throws -> BulkHarness {
        try BulkHarness(removers: ["contoso": BulkFixtures.contoso(), "fabrikam": BulkFixtures.fabrikam()], readOnly: readOnly)
    }

    /// Plans, confirms with the right phrase and waits for the summary.
    private func runToSummary(_ h: BulkHarness, _ entries: [Marks.Entry] = BulkFixtures.entries) async -> BulkScreenState {
        let planned = await h.plan(entries)
        #expect(h.model.perform(.accept))
        h.model.type(planned.plan?.confirmationPhrase ?? "")
        #expect(h.model.perform(.accept))
        return await h.wait { $0.phase == .summary }
    }

    @Test func thePlanListsEachUsersStepsInOrderAndTheUnreadableUsers() async throws {
        let h = try harness()
        h.removers["fabrikam"]?.unreadable(
            BulkFixtures.dana.id,
            ServiceFailure(httpStatus: 403, code: "accessDenied", message: "Insufficient privileges", requestID: "req-403"))
        #expect(h.state.phase == .closed)
        h.model.openReset(BulkFixtures.entries + [Marks.Entry(tenant: "fabrikam", user: BulkFixtures.dana)])
        #expect(h.state.phase == .policy)
        #expect(h.state.policy == .portal)
        let state = await h.plan(BulkFixtures.entries + [Marks.Entry(tenant: "fabrikam", user: BulkFixtures.dana)])
        let plan = try #require(state.plan)
        #expect(plan.users.map(\.displayName) == ["Avery Howard", "Cameron White"])
        #expect(plan.users[0].plan.steps.map(\.methodID) == [BulkFixtures.office, BulkFixtures.alternate, BulkFixtures.mobile])
        #expect(plan.users[0].plan.kept.map(\.title).contains("Email"))
        #expect(state.unplanned.map(\.target.user.id) == [BulkFixtures.dana.id])
        #expect(state.unplanned.first?.failure.description.contains("accessDenied") == true)
        #expect(state.unplanned.first?.failure.description.contains("req-403") == true)
        #expect(state.planningDone == 3 && state.planningTotal == 3)
        #expect(state.confirmationPhrase == "RESET 2")
        #expect(h.performed.isEmpty)
    }

    @Test func theAllPolicyIsAToggle() async throws {
        let h = try harness()
        let state = await h.plan(BulkFixtures.entries, policy: .all)
        #expect(state.plan?.policy == .all)
        #expect(state.plan?.users[0].plan.steps.contains { $0.methodID == "em-avery" } == true)
    }

    @Test func aWrongPhraseIsRefusedWithNothingSentAndTheRightOneRuns() async throws {
        let h = try harness()
        await h.plan(BulkFixtures.entries)
        #expect(h.model.perform(.accept))
        #expect(h.state.phase == .confirm)
        h.model.type("reset 2")
        #expect(h.model.perform(.accept))
        #expect(h.state.phase == .confirm)
        #expect(h.state.phraseProblem?.contains("nothing was sent") == true)
        #expect(h.state.phraseProblem?.contains("RESET 2") == true)
        h.model.type("RESET 3")
        h.model.perform(.accept)
        #expect(h.state.phase == .confirm)
        #expect(try await h.journal.jobs().isEmpty)
        #expect(h.performed.isEmpty)

        h.model.type("RESET 2")
        #expect(h.model.perform(.accept))
        let state = await h.wait { $0.phase == .summary }
        #expect(state.run?.rows.map(\.status) == [.done, .done])
        #expect(state.summary?.counts.usersDone == 2)
        #expect(h.removers["contoso"]?.performed == [
            "u-avery/\(BulkFixtures.office)", "u-avery/\(BulkFixtures.alternate)", "u-avery/\(BulkFixtures.mobile)",
            "u-cameron/\(BulkFixtures.mobile)",
        ])
        let jobs = try await h.journal.jobs()
        #expect(jobs.map(\.job.state) == [.finished])
        #expect(jobs.first?.job.operatorName == "tester@host")
    }

    /// In the console the job is journalled as the operator signed in to its first tenant, with
    /// the session's ticket, as single changes are.
    @Test func theJobIsTheSignedInOperatorsWithTheSessionsTicket() async throws {
        let asked = Mutex<[String]>([])
        let h = try BulkHarness(removers: ["contoso": BulkFixtures.contoso()]) { tenant in
            asked.withLock { $0.append(tenant) }
            return ("helpdesk@contoso.com", "INC-7")
        }
        _ = await runToSummary(h)
        let job = try #require(try await h.journal.jobs().first?.job)
        #expect(job.operatorName == "helpdesk@contoso.com")
        #expect(job.ticket == "INC-7")
        #expect(asked.withLock { $0 } == ["contoso"])
    }

    @Test func escOnThePlanIsADryRun() async throws {
        let h = try harness()
        await h.plan(BulkFixtures.entries)
        #expect(h.model.perform(.back))
        #expect(h.state.phase == .closed)
        #expect(h.closed.all == [[]])
        #expect(h.performed.isEmpty)
        #expect(try await h.journal.jobs().isEmpty)
    }

    @Test func readOnlyShowsThePlanButWillNotRunIt() async throws {
        let h = try harness(readOnly: true)
        await h.plan(BulkFixtures.entries)
        h.model.perform(.accept)
        #expect(h.state.phase == .plan)
        #expect(h.state.flash?.text.contains("Read-only") == true)
    }

    @Test func pauseHoldsNewStepsAndResumeFinishes() async throws {
        let h = try harness()
        let contoso = try #require(h.removers["contoso"])
        contoso.hold()
        await h.plan(BulkFixtures.entries)
        h.model.perform(.accept)
        h.model.type("RESET 2")
        h.model.perform(.accept)
        await contoso.waitForSteps(1)
        await h.wait { $0.run?.rows.first?.status == .running(step: "Delete Office phone") }
        #expect(h.model.perform(.pause))
        #expect(h.state.run?.isPausing == true)
        await h.wait { $0.run?.isPaused == true }
        contoso.release(1)
        await h.wait { $0.run?.rows.first?.stepsDone == 1 }
        #expect(contoso.performed.count == 1)
        #expect(try await h.journal.jobs().first?.job.state == .paused)

        contoso.release(10)
        #expect(h.model.perform(.pause))
        let state = await h.wait { $0.phase == .summary }
        #expect(state.run?.ended == .finished)
        #expect(state.summary?.counts.usersDone == 2)
        #expect(contoso.performed.count == 4)
    }

    @Test func cancelFinishesTheStepInFlightAndStops() async throws {
        let h = try harness()
        let contoso = try #require(h.removers["contoso"])
        contoso.hold()
        await h.plan(BulkFixtures.entries)
        h.model.perform(.accept)
        h.model.type("RESET 2")
        h.model.perform(.accept)
        await contoso.waitForSteps(1)
        #expect(h.model.perform(.back))
        #expect(h.state.phase == .running)
        #expect(h.state.flash?.text.contains("c cancels") == true)
        #expect(h.model.perform(.cancelRun))
        #expect(h.state.run?.isCancelling == true)
        #expect(h.state.flash?.text.contains("steps in flight finish") == true)
        contoso.release(1)
        let state = await h.wait { $0.phase == .summary }
        #expect(state.run?.ended == .cancelled)
        #expect(contoso.performed == ["u-avery/\(BulkFixtures.office)"])
        #expect(state.summary?.counts.stepsDone == 1)
        #expect(state.summary?.counts.usersDone == 0)
        #expect(state.summary?.counts.stepsPending == 3)
    }

    @Test func aFailedUserShowsTheStatusCodeAndRequestID() async throws {
        let h = try harness()
        h.removers["contoso"]?.fail(
            BulkFixtures.office,
            with: StepAnswer(httpStatus: 403, errorCode: "accessDenied", message: "Admins are protected", requestID: "req-denied"))
        let state = await runToSummary(h)
        let rows = try #require(state.run?.rows)
        guard case .failed(let reason) = rows[0].status else {
            Issue.record("Avery should have failed: \(rows[0].status)")
            return
        }
        #expect(reason.contains("HTTP 403"))
        #expect(reason.contains("accessDenied"))
        #expect(reason.contains("req-denied"))
        #expect(rows[1].status == .done)
        #expect(state.summary?.counts.usersFailed == 1)
        #expect(h.model.perform(.back))
        #expect(h.closed.all == [[Marks.Key(tenant: "contoso", userID: BulkFixtures.cameron.id)]])
    }

    @Test func throughputAndTimeLeftComeFromTheClock() async throws {
        let h = try harness()
        let contoso = try #require(h.removers["contoso"])
        contoso.hold()
        await h.plan(BulkFixtures.entries)
        h.model.perform(.accept)
        h.model.type("RESET 2")
        h.model.perform(.accept)
        await contoso.waitForSteps(1)
        await h.wait { $0.run != nil }
        #expect(h.state.run?.rateText.contains("measuring") == true)
        h.clock.advance(by: .seconds(10))
        contoso.release(1)
        let state = await h.wait { $0.run?.stepsAnswered == 1 }
        let run = try #require(state.run)
        #expect(run.stepsPerSecond == 0.1)
        #expect(run.secondsLeft == 30)
        #expect(run.rateText.contains("0.1 steps/s"))
        #expect(run.rateText.contains("0:30 left"))
        contoso.release(10)
        await h.wait { $0.phase == .summary }
    }

    @Test func exportWritesTheSummaryAsCSVAndJSON() async throws {
        let h = try harness()
        h.removers["contoso"]?.fail(
            BulkFixtures.mobile,
            with: StepAnswer(httpStatus: 400, errorCode: "badRequest", message: "Cannot delete default method", requestID: "req-400"))
        let state = await runToSummary(h)
        let id = try #require(state.summary?.job.id)
        #expect(h.model.perform(.export))
        let exported = await h.wait { !$0.exported.isEmpty }
        let csvPath = h.directory.appendingPathComponent("exports/authdesk-job-\(id).csv").path
        let jsonPath = h.directory.appendingPathComponent("exports/authdesk-job-\(id).json").path
        #expect(exported.exported == [csvPath, jsonPath])
        #expect(exported.flash?.text.contains(csvPath) == true)
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "tenant,user,name,state,done,failed,untouched,kept,reason")
        #expect(lines.contains { $0.hasPrefix("contoso,u-avery,Avery Howard,failed,2,1,0,2,") && $0.contains("req-400") })
        #expect(lines.contains { $0.hasPrefix("contoso,u-cameron,Cameron White,failed,0,1,0,1,") })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [[String: Any]]
        let rows = try #require(json)
        #expect(rows.map { $0["user"] as? String } == ["u-avery", "u-cameron"])
        #expect((rows[0]["reason"] as? String)?.contains("badRequest") == true)
    }

    @Test func jobsListsTheJournalAndResumesAnUnfinishedJob() async throws {
        let h = try harness()
        let plan = try ResetJobPlan(policy: .portal, users: [
            UserResetPlan(tenant: "contoso", user: BulkFixtures.cameron, methods: BulkFixtures.cameronMethods, policy: .portal),
        ])
        let job = try await h.journal.createJob(plan, operatorName: "someone@else")
        h.model.openJobs()
        let listed = await h.wait { !$0.jobs.isEmpty }
        #expect(listed.phase == .jobs)
        #expect(listed.jobs.map(\.job.id) == [job.id])
        #expect(h.model.perform(.accept))
        let state = await h.wait { $0.phase == .summary }
        #expect(state.summary?.job.id == job.id)
        #expect(state.summary?.counts.usersDone == 1)
        #expect(h.removers["contoso"]?.performed == ["u-cameron/\(BulkFixtures.mobile)"])

        h.model.perform(.back)
        h.model.openJobs()
        await h.wait { $0.jobs.first?.job.state == .finished }
        #expect(h.model.perform(.accept))
        let shown = await h.wait { $0.phase == .summary }
        #expect(shown.summary?.job.id == job.id)
        #expect(h.removers["contoso"]?.performed.count == 1)
    }
}

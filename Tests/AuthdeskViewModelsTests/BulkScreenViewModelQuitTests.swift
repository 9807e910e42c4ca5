import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels
import Foundation
import Testing

/// Quitting while a job runs: `q` asks first, the second `q` asks the console to quit, and
/// ``BulkScreenViewModel/suspendForQuit()`` lets the step in flight finish, journals it and
/// leaves the job paused; a later run of the job finishes it with nothing sent twice.
@Suite(.timeLimit(.minutes(1)))
struct BulkScreenViewModelQuitTests {
    @Test func qAsksFirstThenTheJobIsPausedAndResumableWithNothingDoneTwice() async throws {
        let h = try BulkHarness(removers: ["contoso": BulkFixtures.contoso()])
        let contoso = try #require(h.removers["contoso"])
        contoso.hold()
        await h.plan(BulkFixtures.entries)
        h.model.perform(.accept)
        h.model.type("RESET 2")
        h.model.perform(.accept)
        await contoso.waitForSteps(1)
        await h.wait { $0.run != nil }
        #expect(h.model.isRunningJob)

        h.model.press(.character("q"))
        #expect(h.state.flash?.text == "A job is running: q again to pause it and quit")
        #expect(!h.state.quitRequested)
        h.model.press(.character("j"))
        h.model.press(.character("q"))
        #expect(!h.state.quitRequested, "another key in between asks again")
        h.model.press(.character("q"))
        #expect(h.state.quitRequested)

        let suspended = Task { await h.model.suspendForQuit() }
        // The step in flight (Avery's office phone) is answered only now: it finishes and is journalled.
        contoso.release(1)
        await suspended.value
        #expect(contoso.performed == ["u-avery/\(BulkFixtures.office)"])
        let job = try #require(try await h.journal.jobs().first?.job)
        #expect(job.state == .paused)
        let paused = try await h.journal.summary(of: job.id)
        #expect(paused.counts.stepsDone == 1 && paused.counts.stepsSent == 0 && paused.counts.stepsPending == 3)

        contoso.release(10)
        let engine = try BulkResetEngine(journal: h.journal, removers: ["contoso": contoso])
        for await _ in try await engine.run(job.id) {}
        let finished = try await h.journal.summary(of: job.id)
        #expect(finished.job.state == .finished)
        #expect(finished.counts.usersDone == 2)
        #expect(contoso.performed.count == 4 && Set(contoso.performed).count == 4, "nothing sent twice: \(contoso.performed)")
    }

    @Test func qDoesNothingWhenNoJobRuns() async throws {
        let h = try BulkHarness(removers: ["contoso": BulkFixtures.contoso()])
        await h.plan(BulkFixtures.entries)
        h.model.press(.character("q"))
        h.model.press(.character("q"))
        #expect(!h.state.quitRequested)
        #expect(!h.model.isRunningJob)
        await h.model.suspendForQuit()
        #expect(try await h.journal.jobs().isEmpty)
    }
}

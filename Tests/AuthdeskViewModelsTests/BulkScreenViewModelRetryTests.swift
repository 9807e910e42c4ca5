import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels
import Foundation
import Testing

/// `t` retries a job's failed users, from its summary or from `:jobs`: the failed step is sent
/// again, the steps done are not, and the job ends finished with nobody failed.
@Suite(.timeLimit(.minutes(1)))
struct BulkScreenViewModelRetryTests {
    static let refusal = StepAnswer(httpStatus: 503, errorCode: "serviceUnavailable", message: "Try later", requestID: "req-503")

    /// Runs Avery and Cameron with Avery's office phone refused: Avery failed, Cameron done.
    private func failedRun() async throws -> (BulkHarness, FakeRemover) {
        let h = try BulkHarness(removers: ["contoso": BulkFixtures.contoso()])
        let contoso = try #require(h.removers["contoso"])
        contoso.fail(BulkFixtures.office, with: Self.refusal)
        await h.plan(BulkFixtures.entries)
        h.model.perform(.accept)
        h.model.type("RESET 2")
        h.model.perform(.accept)
        let state = await h.wait { $0.phase == .summary }
        #expect(state.summary?.job.state == .finished)
        #expect(state.summary?.counts.usersFailed == 1)
        contoso.succeed(BulkFixtures.office)
        return (h, contoso)
    }

    private func expectRetried(_ h: BulkHarness, _ contoso: FakeRemover) async throws {
        let state = await h.wait { $0.phase == .summary && $0.summary?.counts.usersDone == 2 }
        #expect(state.summary?.job.state == .finished)
        #expect(state.summary?.counts.usersFailed == 0)
        #expect(state.run?.rows.map(\.status) == [.done, .done])
        #expect(contoso.performed == [
            "u-avery/\(BulkFixtures.office)", "u-cameron/\(BulkFixtures.mobile)",
            "u-avery/\(BulkFixtures.office)", "u-avery/\(BulkFixtures.alternate)", "u-avery/\(BulkFixtures.mobile)",
        ])
    }

    @Test func tOnTheSummaryRetriesTheFailedUsers() async throws {
        let (h, contoso) = try await failedRun()
        #expect(h.model.perform(.retryFailed))
        #expect(h.state.phase == .running)
        try await expectRetried(h, contoso)
    }

    @Test func tInJobsRetriesAFinishedJobWithFailures() async throws {
        let (h, contoso) = try await failedRun()
        #expect(h.model.perform(.back))
        h.model.openJobs()
        await h.wait { $0.phase == .jobs && !$0.jobs.isEmpty }
        #expect(h.model.perform(.retryFailed))
        try await expectRetried(h, contoso)
    }

    @Test func aJobWithoutFailuresHasNothingToRetry() async throws {
        let h = try BulkHarness(removers: ["contoso": BulkFixtures.contoso()])
        await h.plan(BulkFixtures.entries)
        h.model.perform(.accept)
        h.model.type("RESET 2")
        h.model.perform(.accept)
        await h.wait { $0.phase == .summary }
        #expect(h.model.perform(.retryFailed))
        #expect(h.state.phase == .summary)
        #expect(h.state.flash?.text.contains("no failed user to retry") == true)
    }
}

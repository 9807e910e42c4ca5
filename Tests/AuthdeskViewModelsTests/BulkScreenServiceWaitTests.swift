import AuthdeskViewModels
import AuthdeskWorkflows
import Testing

/// The run screen says when the run waits for a tenant's limits: the transport's waits for the
/// run's tenants reach the screen's progress as they begin and end.
@Suite(.timeLimit(.minutes(1)))
struct BulkScreenServiceWaitTests {
    /// A transport's sleep for `tenant`, announced as the providers' are, that lasts until the
    /// returned continuation finishes.
    private func waitingSleep(for tenant: String, _ duration: Duration) -> (Task<Void, any Error>, AsyncStream<Void>.Continuation) {
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let sleep = ServiceWaits.shared.sleep(for: tenant) { _ in
            for await _ in gate {}
        }
        return (Task { try await sleep(duration) }, open)
    }

    @Test func aWaitForARunsTenantShowsWhileItLastsAndNotAnotherTenants() async throws {
        let h = try BulkHarness(removers: ["contoso": BulkFixtures.contoso(), "fabrikam": BulkFixtures.fabrikam()])
        h.removers["contoso"]?.hold()
        let planned = await h.plan(BulkFixtures.entries)
        #expect(h.model.perform(.accept))
        h.model.type(planned.plan?.confirmationPhrase ?? "")
        #expect(h.model.perform(.accept))
        await h.removers["contoso"]?.waitForSteps(1)
        #expect(h.state.run?.waitText == nil)

        let (elsewhere, elsewhereEnds) = waitingSleep(for: "not-in-this-run", .seconds(9))
        let (waiting, waitEnds) = waitingSleep(for: "contoso", .seconds(4))
        var state = await h.wait { $0.run?.waitText != nil }
        #expect(state.run?.waitText == "waiting for limits: 4 s, contoso")

        waitEnds.finish()
        try await waiting.value
        state = await h.wait { $0.run?.waitText == nil }
        #expect(state.phase == .running)

        h.removers["contoso"]?.release(100)
        state = await h.wait { $0.phase == .summary }
        #expect(state.run?.waitText == nil)
        elsewhereEnds.finish()
        try await elsewhere.value
    }
}

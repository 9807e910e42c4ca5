import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Testing

/// The bulk screen's trust steps, as a pure state: `r` on the plan asks for the first shown
/// user's requests and shows them in place of the plan (j/k: the next or previous user's); a job in a tenant that requires caller
/// verification is not started before the way the callers were verified is given.
struct BulkScreenTrustTests {
    private func planned(verifying: Set<String>) throws -> BulkScreenState {
        var state = BulkScreenState(verifying: verifying)
        _ = state.apply(.openReset(BulkFixtures.entries))
        _ = state.apply(.key(.enter))
        let users = [
            UserResetPlan(tenant: "contoso", user: BulkFixtures.avery, methods: BulkFixtures.averyMethods, policy: .portal),
            UserResetPlan(tenant: "contoso", user: BulkFixtures.cameron, methods: BulkFixtures.cameronMethods, policy: .portal),
        ]
        _ = state.apply(.planned(generation: state.generation, try ResetJobPlan(policy: .portal, users: users), unplanned: []))
        return state
    }

    @Test func rShowsTheRequestsOfTheFirstUserShownAndHidesThem() throws {
        var state = try planned(verifying: [])
        let first = try #require(state.plan?.users.first)
        #expect(state.apply(.key(.character("r"))) == [.previewRequests(first, generation: state.generation)])
        #expect(state.userRequests?.preview == .building)
        let request = PlannedRequest(method: "DELETE", url: "https://graph.example/v1.0/users/u-avery/authentication/phoneMethods/x")
        _ = state.apply(.userRequests(generation: state.generation, userID: first.id, .built([request])))
        #expect(state.userRequests?.preview.lines.last == "1. \(request.line)")
        _ = state.apply(.key(.escape))
        #expect(state.userRequests == nil && state.phase == .plan, "esc hides the requests, not the plan")

        _ = state.apply(.key(.character("r")))
        let second = try #require(state.plan?.users.last)
        #expect(state.apply(.key(.character("j"))) == [.previewRequests(second, generation: state.generation)], "j: the next user's")
        #expect(state.userRequests?.id == second.id)
        #expect(state.apply(.key(.character("j"))) == [], "no user after the last")
        _ = state.apply(.key(.character("r")))
        #expect(state.userRequests == nil)
        state.top = 2 + first.plan.steps.count + first.plan.kept.count + first.plan.notes.count
        #expect(state.userAtTop?.userID == BulkFixtures.cameron.id)
    }

    @Test func aVerifyingTenantsJobWaitsForTheWayTheCallersWereVerified() throws {
        var state = try planned(verifying: ["contoso"])
        #expect(state.needsVerification)
        _ = state.apply(.key(.enter))
        #expect(state.phase == .confirm && state.verificationFocused)
        _ = state.apply(.key(.tab))
        _ = state.apply(.key(.tab))
        for character in "RESET 2" { _ = state.apply(.key(.character(character))) }
        #expect(state.apply(.key(.enter)) == [], "nothing is sent without the verification")
        #expect(state.phraseProblem?.contains("Say how the caller was verified") == true)
        #expect(state.phase == .confirm && state.verificationFocused)

        _ = state.apply(.key(.right))
        _ = state.apply(.key(.right))
        _ = state.apply(.key(.tab))
        for character in "badge seen" { _ = state.apply(.key(.character(character))) }
        _ = state.apply(.key(.tab))
        #expect(state.phrase == "RESET 2", "the phrase typed before is kept")
        let effects = state.apply(.key(.enter))
        let verification = try CallerVerification(method: .manager, note: "badge seen")
        let plan = try #require(state.plan)
        #expect(effects == [.startVerifiedJob(plan, verification, generation: state.generation)])
    }

    @Test func aJobWithoutAVerifyingTenantAsksNothing() throws {
        var state = try planned(verifying: ["fabrikam"])
        #expect(!state.needsVerification)
        _ = state.apply(.key(.enter))
        for character in "RESET 2" { _ = state.apply(.key(.character(character))) }
        let plan = try #require(state.plan)
        #expect(state.apply(.key(.enter)) == [.startJob(plan, generation: state.generation)])
    }
}

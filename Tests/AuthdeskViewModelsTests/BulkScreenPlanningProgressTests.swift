import AuthdeskBulkReset
import AuthdeskCore
import Testing
@testable import AuthdeskViewModels

/// The bulk screen while it plans many marked users: users planned of the total, the rate and
/// the time left, all from the screen's clock (a manual one here).
@Suite struct BulkScreenPlanningProgressTests {
    static let users = (0..<30).map {
        DirectoryUser(id: "u-\($0)", displayName: "User \($0)", principalName: "u\($0)@contoso.com")
    }

    @Test func planningShowsUsersPlannedTheRateAndTheTimeLeft() async throws {
        let remover = FakeRemover(methods: Dictionary(uniqueKeysWithValues: Self.users.map {
            ($0.id, [AuthMethod.password(PasswordMethod())])
        }))
        remover.holdReads()
        let h = try BulkHarness(removers: ["contoso": remover])
        h.model.openReset(Self.users.map { Marks.Entry(tenant: "contoso", user: $0) })
        #expect(h.model.perform(.accept))
        var state = await h.wait { $0.planning != nil }
        #expect(state.phase == .planning)
        #expect(state.planningDone == 0 && state.planningTotal == 30)
        #expect(state.planning?.text == "0/30 users planned · - users/s · time left: measuring")

        h.clock.advance(by: .seconds(5))
        remover.releaseReads(10)
        state = await h.wait { $0.planningDone == 10 }
        let progress = try #require(state.planning)
        #expect(progress.usersPerSecond == 2)
        #expect(progress.secondsLeft == 10)
        #expect(progress.text == "10/30 users planned · 2.0 users/s · 0:10 left")

        remover.releaseReads(20)
        state = await h.wait { $0.phase == .plan }
        #expect(state.plan?.users.count == 30)
        #expect(state.planning?.done == 30)
    }

    @Test func progressForAnEarlierScreenIsDropped() {
        var state = BulkScreenState()
        _ = state.apply(.openReset(Self.users.prefix(2).map { Marks.Entry(tenant: "contoso", user: $0) }))
        _ = state.apply(.action(.accept))
        _ = state.apply(.planProgress(generation: state.generation - 1, done: 1, total: 2, at: .seconds(1)))
        #expect(state.planning == nil)
        #expect(state.planningTotal == 2)
        _ = state.apply(.planProgress(generation: state.generation, done: 1, total: 2, at: .seconds(1)))
        #expect(state.planning?.done == 1)
        _ = state.apply(.action(.back))
        _ = state.apply(.openReset(Self.users.prefix(3).map { Marks.Entry(tenant: "contoso", user: $0) }))
        _ = state.apply(.action(.accept))
        #expect(state.planning == nil, "a new plan starts its own count")
        #expect(state.planningTotal == 3)
    }
}

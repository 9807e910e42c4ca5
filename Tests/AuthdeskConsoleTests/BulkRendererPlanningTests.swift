import AuthdeskConsole
import AuthdeskCore
import AuthdeskViewModels
import Testing

/// The planning screen of a bulk reset: the bar, users planned of the total, the rate and the
/// time left.
struct BulkRendererPlanningTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func planningShowsTheBarUsersPlannedRateAndTimeLeft(width: Int, height: Int) {
        let users = (0..<5000).map { DirectoryUser(id: "u-\($0)", displayName: "User \($0)", principalName: "u\($0)@contoso.com") }
        var state = BulkScreenState()
        _ = state.apply(.openReset(users.map { Marks.Entry(tenant: "contoso", user: $0) }))
        _ = state.apply(.action(.accept))
        var lines = BulkRendererTests.lines(BulkRendererTests.render(state, width: width, height: height))
        #expect(lines[1].contains("reading the methods of 5000 users"))
        #expect(lines[2].contains("0% 0/5000 planned"))
        #expect(lines[3].contains("0/5000 users planned · - users/s · time left: measuring"))

        _ = state.apply(.planProgress(generation: state.generation, done: 0, total: 5000, at: .seconds(1)))
        _ = state.apply(.planProgress(generation: state.generation, done: 1200, total: 5000, at: .seconds(4)))
        lines = BulkRendererTests.lines(BulkRendererTests.render(state, width: width, height: height))
        #expect(lines[0].contains("reading methods"))
        #expect(lines[2].contains("24% 1200/5000 planned"))
        #expect(lines[3].contains("1200/5000 users planned · 400 users/s · 0:10 left"))
    }
}

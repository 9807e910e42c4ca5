import Testing
@testable import AuthdeskWorkflows

@Suite struct PlanningProgressTests {
    @Test func rateAndTimeLeftComeFromTheReportsTimes() {
        var progress = PlanningProgress(total: 5000, at: .seconds(100))
        #expect(progress.usersPerSecond == nil)
        #expect(progress.secondsLeft == nil)
        #expect(progress.fraction == 0)
        progress.update(done: 1000, total: 5000, at: .seconds(102))
        #expect(progress.elapsedSeconds == 2)
        #expect(progress.usersPerSecond == 500)
        #expect(progress.secondsLeft == 8)
        #expect(progress.fraction == 0.2)
        #expect(progress.text == "1000/5000 users planned · 500 users/s · 0:08 left")
        progress.update(done: 5000, total: 5000, at: .seconds(110))
        #expect(progress.secondsLeft == 0)
        #expect(progress.text.hasSuffix("0:00 left"))
    }

    @Test func aReportAtTheStartHasNoRateYet() {
        var progress = PlanningProgress(total: 10, at: .seconds(3))
        progress.update(done: 4, total: 10, at: .seconds(3))
        #expect(progress.usersPerSecond == nil)
        #expect(progress.text == "4/10 users planned · - users/s · time left: measuring")
        progress.update(done: 4, total: 10, at: .seconds(1))
        #expect(progress.elapsedSeconds == 0, "a report stamped before the start does not run the clock backwards")
    }

    @Test func nothingToPlanIsComplete() {
        let progress = PlanningProgress(total: 0, at: .zero)
        #expect(progress.fraction == 1)
        #expect(progress.secondsLeft == 0)
    }
}

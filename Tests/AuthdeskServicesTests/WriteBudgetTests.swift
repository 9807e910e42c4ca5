import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct WriteBudgetTests {
    @Test func burstsUpToCapacityThenQueues() async throws {
        let clock = ManualClock()
        let sleeper = SleepRecorder()
        let budget = WriteBudget(capacity: 3, refillPerSecond: 2, now: clock.now, sleep: sleeper.sleep)
        for _ in 1...5 { try await budget.take() }
        #expect(sleeper.recorded == [.seconds(0.5), .seconds(1)])
    }

    @Test func refillsWithTimeUpToCapacity() async throws {
        let clock = ManualClock()
        let sleeper = SleepRecorder()
        let budget = WriteBudget(capacity: 2, refillPerSecond: 1, now: clock.now, sleep: sleeper.sleep)
        try await budget.take()
        try await budget.take()
        clock.advance(by: 100)  // refills to 2, not 100
        try await budget.take()
        try await budget.take()
        try await budget.take()
        #expect(sleeper.recorded == [.seconds(1)])
    }
}

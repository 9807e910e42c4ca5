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

@Suite struct WriteBudgetDefaultTests {
    @Test func theDefaultFollowsGraphsLimitsSlightlyUnder() async {
        let budget = WriteBudget()
        let limits = await budget.limits
        #expect(limits.count == 2)
        let appTenant = limits[0], tenant = limits[1]
        // 3,000 writes per 150 s per app and tenant; 18,000 per 300 s per tenant.
        #expect(appTenant.capacity < 3_000 && appTenant.capacity >= 2_700)
        #expect(appTenant.refillPerSecond < 20 && appTenant.refillPerSecond >= 18)
        #expect(tenant.capacity < 18_000 && tenant.capacity >= 16_200)
        #expect(tenant.refillPerSecond < 60 && tenant.refillPerSecond >= 54)
    }

    @Test func aStatedBudgetIsKeptAtItsRateWithItsBurstAHundredthShort() async throws {
        let limits = WriteBudget.graphLimits(writesPer150Seconds: 300)
        #expect(limits == [
            WriteBudget.Limit(capacity: 297, refillPerSecond: 2), WriteBudget.Limit(capacity: 1_782, refillPerSecond: 6),
        ])
        #expect(WriteBudget.graphLimits(writesPer150Seconds: 12_000)[0].capacity == 11_880)
        #expect(WriteBudget.graphLimits(writesPer150Seconds: 1)[0].capacity == 1, "never below one write")
        let clock = ManualClock()
        let sleeper = SleepRecorder()
        let budget = WriteBudget(limits: limits, now: clock.now, sleep: sleeper.sleep)
        for _ in 0..<297 { try await budget.take() }
        #expect(sleeper.recorded.isEmpty)
        try await budget.take()
        #expect(sleeper.recorded == [.seconds(0.5)], "past the burst, one write each half second: 300 per 150 s")
    }

    @Test func aThousandUserJobIsNotHeldBack() async throws {
        let clock = ManualClock()
        let sleeper = SleepRecorder()
        let budget = WriteBudget(now: clock.now, sleep: sleeper.sleep)
        for _ in 1...1_700 { try await budget.take() }  // about 1.7 writes a user under the portal policy
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func pastTheBurstWritesWaitForTheAppAndTenantRate() async throws {
        let clock = ManualClock()
        let sleeper = SleepRecorder()
        let budget = WriteBudget(now: clock.now, sleep: sleeper.sleep)
        let burst = Int(await budget.capacity)
        for _ in 0..<burst { try await budget.take() }
        #expect(sleeper.recorded.isEmpty)
        try await budget.take()
        let rate = await budget.refillPerSecond
        #expect(sleeper.recorded.count == 1)
        let waited = (sleeper.recorded.first ?? .zero) / .seconds(1)
        #expect(abs(waited - (1 - (await budget.capacity - Double(burst))) / rate) < 1e-6)
    }

    @Test func everyLimitIsTakenFromAndTheTightestDecides() async throws {
        let clock = ManualClock()
        let sleeper = SleepRecorder()
        let budget = WriteBudget(
            limits: [.init(capacity: 10, refillPerSecond: 10), .init(capacity: 2, refillPerSecond: 1)],
            now: clock.now, sleep: sleeper.sleep)
        try await budget.take()
        try await budget.take()
        try await budget.take()  // the second bucket is empty: one second, not a tenth
        #expect(sleeper.recorded == [.seconds(1)])
    }
}

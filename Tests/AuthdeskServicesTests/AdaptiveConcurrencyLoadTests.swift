import AuthdeskServices
import Foundation
import Synchronization
import Testing

/// The adaptive limit fed by a provider's ``LoadObservers`` (every answer), on a manual clock.
@Suite struct AdaptiveConcurrencyLoadTests {
    static func load(
        _ milliseconds: Int, status: Int = 200, attempts: Int = 1, limitUsed: Double? = nil, throttledAttempts: Int = 0
    ) -> ServiceLoad {
        ServiceLoad(
            latency: .milliseconds(milliseconds), attempts: attempts, status: status, limitUsed: limitUsed,
            throttledAttempts: throttledAttempts)
    }

    @Test func answersReportedDuringTheRunAreRecordedInOrderAndNoneAfter() async {
        let clock = AdaptiveConcurrencyTests.ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 16, initial: 4, now: clock.now)
        let observers = LoadObservers()
        await limiter.adapting(to: observers) {
            #expect(observers.isObserved)
            for _ in 0..<4 { observers.report(Self.load(100)) }
        }
        #expect(await limiter.limit == 6, "four fast answers at a limit of 4 grow it by half")
        #expect(!observers.isObserved, "the observer is removed when the run ends")
        observers.report(Self.load(100, status: 429))
        #expect(await limiter.limit == 6)
        #expect(await limiter.backOffs == 0)
    }

    @Test func aThrottledAnswerOrOneRetriedAfter429sHalvesTheLimit() async {
        let clock = AdaptiveConcurrencyTests.ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 16, now: clock.now)
        let observers = LoadObservers()
        await limiter.adapting(to: observers) { observers.report(Self.load(300, status: 429)) }
        #expect(await limiter.limit == 8)
        await limiter.adapting(to: observers) { observers.report(Self.load(300, attempts: 3)) }
        #expect(await limiter.limit == 8, "retries after 503s or dropped connections are not throttling")
        clock.advance(2.5)
        await limiter.adapting(to: observers) { observers.report(Self.load(300, attempts: 3, throttledAttempts: 2)) }
        #expect(await limiter.limit == 4, "an answer that got through only after 429s is")
    }

    @Test func latencyRisingBacksOffAndAFastServiceLetsItGrowAfterTheCooldown() async {
        let clock = AdaptiveConcurrencyTests.ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 8, cooldown: 2, now: clock.now)
        let observers = LoadObservers()
        await limiter.adapting(to: observers) {
            for _ in 0..<8 { observers.report(Self.load(40)) }
            for _ in 0..<3 { observers.report(Self.load(900)) }
        }
        #expect(await limiter.peak == 12)
        #expect(await limiter.limit == 11, "three answers 860 ms slower than the fastest, at once, take one off")
        #expect(await limiter.backOffs == 3)
        await limiter.adapting(to: observers) { for _ in 0..<20 { observers.report(Self.load(40)) } }
        #expect(await limiter.limit == 11, "no growth within the cooldown")
        clock.advance(2.5)
        await limiter.adapting(to: observers) { for _ in 0..<11 { observers.report(Self.load(40)) } }
        #expect(await limiter.limit == 12, "after a back-off it grows by one a round")
    }

    @Test func theThrottleHeaderNearTheLimitStopsGrowthAndAtTheLimitTakesOneOff() async {
        let clock = AdaptiveConcurrencyTests.ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 4, now: clock.now)
        let observers = LoadObservers()
        await limiter.adapting(to: observers) {
            for _ in 0..<40 { observers.report(Self.load(40, limitUsed: 0.85)) }
        }
        #expect(await limiter.limit == 4)
        #expect(await limiter.peak == 4)
        await limiter.adapting(to: observers) { observers.report(Self.load(40, limitUsed: 1.2)) }
        #expect(await limiter.limit == 3)
    }

    @Test func aLimitNearHoldsGrowthForTheCooldownWhateverOtherAnswersSay() async {
        let clock = AdaptiveConcurrencyTests.ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 4, cooldown: 2, now: clock.now)
        let observers = LoadObservers()
        await limiter.adapting(to: observers) {
            observers.report(Self.load(40, limitUsed: 0.9))
            for _ in 0..<20 { observers.report(Self.load(40)) }
        }
        #expect(await limiter.limit == 4, "reads far from their limit do not grow it while writes are near theirs")
        #expect(await limiter.backOffs == 0)
        clock.advance(2.5)
        await limiter.adapting(to: observers) { for _ in 0..<4 { observers.report(Self.load(40)) } }
        #expect(await limiter.limit == 6)
    }

    @Test func withoutObserversTheBodyRunsAndNothingIsRecorded() async {
        let limiter = AdaptiveConcurrency(ceiling: 8, initial: 2)
        let value = await limiter.adapting(to: nil) { 7 }
        #expect(value == 7)
        #expect(await limiter.limit == 2)
    }

    @Test func everyObserverHearsEachAnswerUntilRemoved() {
        let observers = LoadObservers()
        let heard = Mutex(0)
        let first = observers.add { _ in heard.withLock { $0 += 1 } }
        observers.add { _ in heard.withLock { $0 += 1 } }
        observers.report(Self.load(10))
        #expect(heard.withLock { $0 } == 2)
        observers.remove(first)
        observers.report(Self.load(10))
        #expect(heard.withLock { $0 } == 3)
    }
}

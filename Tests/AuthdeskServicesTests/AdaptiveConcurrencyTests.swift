import AuthdeskServices
import Foundation
import Synchronization
import Testing

/// The adaptive limit of users at a time, driven by answers and a manual clock.
@Suite struct AdaptiveConcurrencyTests {
    /// A clock that moves only when told.
    final class ManualNow: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: @Sendable () -> Date { { self.current.withLock { $0 } } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
    }

    static let fast = AdaptiveConcurrency.Signal(latency: .milliseconds(200))

    /// Records `count` fast answers.
    static func answer(_ limiter: AdaptiveConcurrency, _ count: Int, _ signal: AdaptiveConcurrency.Signal = fast) async {
        for _ in 0..<count { await limiter.record(signal) }
    }

    @Test func growsByHalfItselfPerRoundOfFastAnswersUpToTheCeiling() async {
        let clock = ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 20, initial: 4, now: clock.now)
        await Self.answer(limiter, 3)
        #expect(await limiter.limit == 4)
        await Self.answer(limiter, 1)
        #expect(await limiter.limit == 6)
        await Self.answer(limiter, 6)
        #expect(await limiter.limit == 9)
        await Self.answer(limiter, 200)
        #expect(await limiter.limit == 20)
        #expect(await limiter.backOffs == 0)
    }

    @Test func aThrottledAnswerHalvesTheLimitAndHoldsGrowthForTheCooldown() async {
        let clock = ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 16, cooldown: 2, now: clock.now)
        await limiter.record(.init(latency: .milliseconds(900), throttled: true))
        #expect(await limiter.limit == 8)
        await Self.answer(limiter, 50)
        #expect(await limiter.limit == 8)  // held: the cooldown has not passed
        clock.advance(2.5)
        await Self.answer(limiter, 8)
        #expect(await limiter.limit == 9)  // after a back-off, one more per round only
        await limiter.record(.init(latency: .milliseconds(200), throttled: true))
        await limiter.record(.init(latency: .milliseconds(200), throttled: true))
        #expect(await limiter.limit == 4, "the answers of one burst of 429s halve the limit once")
        for _ in 0..<5 {
            clock.advance(2.5)
            await limiter.record(.init(latency: .milliseconds(200), throttled: true))
        }
        #expect(await limiter.limit == 1)  // never below one
        #expect(await limiter.backOffs == 8)
    }

    @Test func theLimitComesDownOncePerCooldownHoweverManyAnswersSaySo() async {
        let clock = ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 32, cooldown: 2, now: clock.now)
        // 32 users in flight when the budget ran out: each of their answers is a 429.
        for _ in 0..<32 { await limiter.record(.init(latency: .milliseconds(40), throttled: true)) }
        #expect(await limiter.limit == 16)
        #expect(await limiter.backOffs == 32)
        clock.advance(1.5)
        await limiter.record(.init(latency: .milliseconds(40), limitUsed: 1.3))
        #expect(await limiter.limit == 16, "still within the cooldown of the last cut")
        clock.advance(0.6)
        await limiter.record(.init(latency: .milliseconds(40), limitUsed: 1.3))
        #expect(await limiter.limit == 15, "the service still past its limit after the cooldown: one more off")
    }

    @Test func nearTheServiceLimitItStopsGrowingAndAtTheLimitItComesDown() async {
        let clock = ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 4, now: clock.now)
        await Self.answer(limiter, 40, .init(latency: .milliseconds(200), limitUsed: 0.85))
        #expect(await limiter.limit == 4)
        await limiter.record(.init(latency: .milliseconds(200), limitUsed: 0.97))
        #expect(await limiter.limit == 4, "at the limit, not past it: a client pacing itself keeps it there")
        await limiter.record(.init(latency: .milliseconds(200), limitUsed: 1.2))
        #expect(await limiter.limit == 3)
        await Self.answer(limiter, 10, .init(latency: .milliseconds(200), limitUsed: 0.5))
        #expect(await limiter.limit == 3)  // held for the cooldown
        clock.advance(3)
        await Self.answer(limiter, 3, .init(latency: .milliseconds(200), limitUsed: 0.5))
        #expect(await limiter.limit == 4)
    }

    @Test func nearTheLimitButFallingItGrowsAgain() async {
        let clock = ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 4, now: clock.now)
        let used = { (share: Double) in AdaptiveConcurrency.Signal(latency: .milliseconds(200), limitUsed: share) }
        await Self.answer(limiter, 10, used(0.95))
        clock.advance(0.6)
        await Self.answer(limiter, 10, used(0.97))
        #expect(await limiter.limit == 4, "near the limit and rising: held")
        clock.advance(0.6)
        await Self.answer(limiter, 4, used(0.9))
        #expect(await limiter.limit == 6, "near the limit but falling: the budget refills faster than it is spent")
        clock.advance(0.6)
        await Self.answer(limiter, 12, used(0.92))
        #expect(await limiter.limit == 6, "rising again: held")
        clock.advance(0.3)
        await Self.answer(limiter, 12, used(0.85))
        #expect(await limiter.limit == 6, "within half a second of the last comparison: the verdict stands")
        #expect(await limiter.backOffs == 0)
    }

    @Test func answersMuchSlowerThanTheFastestTakeOneOff() async {
        let clock = ManualNow()
        let limiter = AdaptiveConcurrency(ceiling: 32, initial: 10, now: clock.now)
        await limiter.record(.init(latency: .milliseconds(100)))
        await limiter.record(.init(latency: .milliseconds(250)))
        #expect(await limiter.limit == 10)  // slower, not three times slower
        await limiter.record(.init(latency: .milliseconds(550)))
        #expect(await limiter.limit == 10)  // three times slower, but within half a second: jitter
        await limiter.record(.init(latency: .milliseconds(700)))
        #expect(await limiter.limit == 9)
        #expect(await limiter.backOffs == 1)
    }

    @Test func theInitialLimitComesFromTheWriteBudgetsBurst() {
        // Graph's 3,000 writes at once: the ceiling.
        #expect(AdaptiveConcurrency.initial(ceiling: 32, burst: 2_850) == 32)
        // Auth0's client budget of 10 at once, 2 writes a user: 5.
        #expect(AdaptiveConcurrency.initial(ceiling: 32, burst: 10) == 5)
        // A tiny budget: at least two.
        #expect(AdaptiveConcurrency.initial(ceiling: 32, burst: 1) == 2)
        #expect(AdaptiveConcurrency.initial(ceiling: 1, burst: 1) == 1)
    }

    @Test func noMoreThanTheLimitRunAtOnceAndAReleaseLetsTheNextIn() async {
        let limiter = AdaptiveConcurrency(ceiling: 4, initial: 2)
        await limiter.acquire()
        await limiter.acquire()
        let third = Task { await limiter.acquire() }
        while await limiter.waiting == 0 { await Task.yield() }
        #expect(await limiter.inFlight == 2)
        await limiter.release()
        await third.value
        #expect(await limiter.inFlight == 2)
        #expect(await limiter.waiting == 0)
    }

    @Test func forEachNeverRunsMoreThanTheLimitAtOnce() async {
        let limiter = AdaptiveConcurrency(ceiling: 3, initial: 3)
        let running = Mutex((now: 0, most: 0, done: 0))
        await limiter.forEach(Array(0..<30)) { _ in
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            await Task.yield()
            running.withLock { $0.now -= 1; $0.done += 1 }
        }
        let seen = running.withLock { $0 }
        #expect(seen.done == 30)
        #expect(seen.most <= 3)
    }
}

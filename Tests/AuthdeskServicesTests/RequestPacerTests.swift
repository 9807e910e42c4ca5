@testable import AuthdeskServices
import Foundation
import Testing

/// The client's copy of a service's stated rate limit, on a manual clock.
@Suite struct RequestPacerTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func nothingWaitsUntilAnAnswerStatesALimit() async {
        let pacer = RequestPacer()
        for _ in 0..<100 { #expect(await pacer.reserve(at: Self.start) == nil) }
        await pacer.learn(limit: nil, remaining: nil, at: Self.start)  // Graph states none
        #expect(await pacer.reserve(at: Self.start) == nil)
    }

    @Test func aProbingPacerSendsTheFirstAloneUntilAnAnswer() async {
        let pacer = RequestPacer(probes: true)
        await pacer.admit()  // the probe
        let second = Task { await pacer.admit() }
        while await pacer.queued == 0 { await Task.yield() }
        #expect(await pacer.queued == 1, "the second waits for the probe's answer")
        await pacer.unanswered()  // no answer: the second probes in its place
        await second.value
        let third = Task { await pacer.admit() }
        while await pacer.queued == 0 { await Task.yield() }
        await pacer.learn(limit: 2, remaining: 1, at: Self.start)
        await third.value
        #expect(await pacer.queued == 0)
        await pacer.admit()  // the limit is known: admitted at once, paced by tokens
        #expect(await pacer.reserve(at: Self.start) == nil)
        #expect(await pacer.reserve(at: Self.start) == .seconds(0.5))
    }

    @Test func aFreePlansTwoASecondSpacesRequestsHalfASecondApart() async {
        let pacer = RequestPacer()
        await pacer.learn(limit: 2, remaining: 1, at: Self.start)
        #expect(await pacer.reserve(at: Self.start) == nil)  // the one left
        #expect(await pacer.reserve(at: Self.start) == .seconds(0.5))
        #expect(await pacer.reserve(at: Self.start) == .seconds(1))
        // A second later the two reserved meanwhile are paid for; the bucket is empty again.
        #expect(await pacer.reserve(at: Self.start.addingTimeInterval(1)) == .seconds(0.5))
        // Long idle: a full bucket of two, no more.
        let later = Self.start.addingTimeInterval(60)
        #expect(await pacer.reserve(at: later) == nil)
        #expect(await pacer.reserve(at: later) == nil)
        #expect(await pacer.reserve(at: later) == .seconds(0.5))
    }

    @Test func theServicesRemainingCountLowersTheClientsButNeverRaisesIt() async {
        let pacer = RequestPacer()
        await pacer.learn(limit: 10, remaining: 10, at: Self.start)
        await pacer.learn(limit: 10, remaining: 1, at: Self.start)  // another client spent the rest
        #expect(await pacer.reserve(at: Self.start) == nil)
        #expect(await pacer.reserve(at: Self.start) == .seconds(0.1))
        await pacer.learn(limit: 10, remaining: 9, at: Self.start)  // an older answer: not trusted upwards
        #expect(await pacer.reserve(at: Self.start) == .seconds(0.2))
    }
}

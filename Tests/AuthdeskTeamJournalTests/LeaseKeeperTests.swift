import AuthdeskConfig
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// A keeper renews its leases each third of their length while the work goes on, so another
/// host stays refused; a killed holder's lease lapses and another host takes the user over; a
/// lease taken over is reported lost. The renewals are stepped by hand (``ManualPause``), so
/// the test does not depend on how fast a loaded machine wakes a sleeping task.
@Suite(.serialized) struct LeaseKeeperTests {
    let adele = UserLease.Key(tenant: "contoso", userID: "u-adele")
    let hostA = UserLease.Holder(token: "token-a", operatorName: "alice@jump-1", host: "jump-1", pid: 4101, ticket: "INC-1")
    let hostB = UserLease.Holder(token: "token-b", operatorName: "bob@jump-2", host: "jump-2", pid: 5202, ticket: nil)

    func isGranted(_ outcome: UserLeaseOutcome) -> Bool {
        if case .granted = outcome { return true }
        return false
    }

    @Test func renewsEachThirdOfItsLengthWhileWorking() async throws {
        try await TwoTeamHosts.run { one, two in
            let pause = ManualPause()
            let keeper = LeaseKeeper(leases: TeamLeases(database: one), holder: hostA, length: .seconds(30), pause: pause.pause)
            let other = TeamLeases(database: two)
            var asked = pause.asked.makeAsyncIterator()

            #expect(isGranted(try await keeper.hold(adele)))
            let first = try #require(try await other.lease(on: adele))
            #expect(await asked.next() == .seconds(10), "the renewal waits a third of the length")
            // One renewal: the keeper asks to wait again only after it has renewed.
            pause.proceed()
            #expect(await asked.next() == .seconds(10))
            let renewed = try #require(try await other.lease(on: adele))
            #expect(renewed.expiresAt > first.expiresAt)
            #expect(renewed.since == first.since && renewed.holder == hostA)
            guard case .heldByAnother(let lease) = try await other.acquire(adele, as: hostB, for: .seconds(60)) else {
                Issue.record("the renewed lease was taken")
                return
            }
            #expect(lease.holder == hostA)
            try await keeper.releaseAll()
            #expect(try await other.lease(on: adele) == nil)
        }
    }

    @Test func lapsesWhenTheHolderDiesAndIsThenReportedLost() async throws {
        try await TwoTeamHosts.run { one, two in
            let pause = ManualPause()
            let keeper = LeaseKeeper(leases: TeamLeases(database: one), holder: hostA, length: .seconds(1), pause: pause.pause)
            let other = TeamLeases(database: two)

            #expect(isGranted(try await keeper.hold(adele)))
            // A dies: nobody renews; once its length has passed (the server's clock) B gets the user.
            await keeper.abandon()
            let start = ContinuousClock.now
            var taken = false
            while !taken, ContinuousClock.now - start < .seconds(20) {
                taken = isGranted(try await other.acquire(adele, as: hostB, for: .seconds(60)))
                if !taken { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(taken)

            // A, back, finds it lost and sends nothing more for Adele.
            try await keeper.renewAll()
            #expect(await keeper.lost == [adele])
            #expect(await keeper.holding.isEmpty)
        }
    }

    @Test func releaseAllFreesTheUsersAtOnce() async throws {
        try await TwoTeamHosts.run { database, _ in
            let leases = TeamLeases(database: database)
            let keeper = LeaseKeeper(leases: leases, holder: hostA, length: .seconds(60))
            let ben = UserLease.Key(tenant: "fabrikam", userID: "u-ben")
            #expect(isGranted(try await keeper.hold(adele)))
            #expect(isGranted(try await keeper.hold(ben)))
            #expect(try await leases.active().count == 2)
            try await keeper.releaseAll()
            #expect(try await leases.active().isEmpty)
            #expect(isGranted(try await leases.acquire(ben, as: hostB, for: .seconds(60))))
        }
    }
}

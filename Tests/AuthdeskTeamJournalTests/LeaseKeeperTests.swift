import AuthdeskConfig
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// A keeper renews its leases while the work goes on, so another host stays refused past the
/// lease's length; a killed holder's lease lapses and another host takes the user over; a lease
/// taken over is reported lost. Real time, short leases (a second).
@Suite(.serialized) struct LeaseKeeperTests {
    let adele = UserLease.Key(tenant: "contoso", userID: "u-adele")
    let hostA = UserLease.Holder(token: "token-a", operatorName: "alice@jump-1", host: "jump-1", pid: 4101, ticket: "INC-1")
    let hostB = UserLease.Holder(token: "token-b", operatorName: "bob@jump-2", host: "jump-2", pid: 5202, ticket: nil)

    func isGranted(_ outcome: UserLeaseOutcome) -> Bool {
        if case .granted = outcome { return true }
        return false
    }

    @Test func renewsWhileWorkingAndLapsesWhenTheHolderDies() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let url = try TeamJournalURL(cluster.url(), source: "test")
        let one = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        let two = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        let keeper = LeaseKeeper(leases: TeamLeases(database: one), holder: hostA, length: .seconds(1))
        let other = TeamLeases(database: two)

        #expect(isGranted(try await keeper.hold(adele)))
        // Two and a half lengths later the lease is still A's: the keeper renewed it.
        try await Task.sleep(for: .milliseconds(2500))
        guard case .heldByAnother(let lease) = try await other.acquire(adele, as: hostB, for: .seconds(60)) else {
            Issue.record("the renewed lease was taken")
            return
        }
        #expect(lease.holder == hostA)

        // A dies: nobody renews; within a few lengths B gets the user.
        await keeper.abandon()
        let start = ContinuousClock.now
        var taken = false
        while !taken, ContinuousClock.now - start < .seconds(10) {
            taken = isGranted(try await other.acquire(adele, as: hostB, for: .seconds(60)))
            if !taken { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(taken)
        #expect(ContinuousClock.now - start < .seconds(3))

        // A, back, finds it lost and sends nothing more for Adele.
        try await keeper.renewAll()
        #expect(await keeper.lost == [adele])
        #expect(await keeper.holding.isEmpty)
        await one.close()
        await two.close()
    }

    @Test func releaseAllFreesTheUsersAtOnce() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let url = try TeamJournalURL(cluster.url(), source: "test")
        let database = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        let leases = TeamLeases(database: database)
        let keeper = LeaseKeeper(leases: leases, holder: hostA, length: .seconds(60))
        let ben = UserLease.Key(tenant: "fabrikam", userID: "u-ben")
        #expect(isGranted(try await keeper.hold(adele)))
        #expect(isGranted(try await keeper.hold(ben)))
        #expect(try await leases.active().count == 2)
        try await keeper.releaseAll()
        #expect(try await leases.active().isEmpty)
        #expect(isGranted(try await leases.acquire(ben, as: hostB, for: .seconds(60))))
        await database.close()
    }
}

import AuthdeskCore
import AuthdeskJournal
import AuthdeskTeamJournal
import AuthdeskViewModels
import Foundation
import Testing

/// The users pane's held marks: the leases in force read when the list loads (this process's own
/// left out), read again on each lease taken or released that the activity feed announces, and
/// the sentence naming who holds a user.
struct HeldUsersTests {
    static let at = Date(timeIntervalSince1970: 1_790_000_000)

    static func lease(_ userID: String, by holder: UserLease.Holder) -> UserLease {
        UserLease(key: TenantUserKey(tenant: "contoso", userID: userID), holder: holder, since: at, expiresAt: at + 30)
    }

    static let bob = UserLease.Holder(token: "t-bob", operatorName: "bob@jump-2", host: "jump-2", pid: 4101, ticket: "INC-1")
    static var own: UserLease.Holder { .thisProcess(operatorName: "me", ticket: nil) }

    static func harness(_ leasing: ScriptedLeases, activity: BrowserViewModel.ActivitySource? = nil) -> Harness {
        let provider = FakeIdentityProvider(users: [Fixtures.alice, Fixtures.bob])
        return Harness(provider: provider, activity: activity, directory: LeasingTenantDirectory(provider: provider, leasing: leasing))
    }

    @Test func leasesAreReadWhenTheListLoadsLeavingThisProcesssOwnOut() async {
        let leasing = ScriptedLeases()
        leasing.set([Self.lease("u-alice", by: Self.bob), Self.lease("u-bob", by: Self.own)])
        let h = Self.harness(leasing)
        h.model.start()
        let state = await h.wait { !$0.held.leases.isEmpty }
        #expect(state.held.lease(tenant: "contoso", userID: "u-alice")?.holder == Self.bob)
        #expect(state.held.lease(tenant: "contoso", userID: "u-bob") == nil)
        #expect(state.held.lease(tenant: "fabrikam", userID: "u-alice") == nil)
        await h.settle()
        #expect(leasing.reads == 1)
    }

    @Test func aLeaseTakenOrReleasedElsewhereIsMarkedAndUnmarked() async {
        let leasing = ScriptedLeases()
        let (events, sink) = AsyncStream.makeStream(of: TeamActivityEvent.self)
        let h = Self.harness(leasing, activity: { events })
        h.model.start()
        await h.settle()
        leasing.set([Self.lease("u-bob", by: Self.bob)])
        sink.yield(TeamActivityEvent(kind: .leaseTaken, tenant: "contoso", user: "u-bob", operator: "bob@jump-2", host: "jump-2", at: Self.at))
        let taken = await h.wait { $0.held.lease(tenant: "contoso", userID: "u-bob") != nil }
        #expect(taken.held.lease(tenant: "contoso", userID: "u-bob").map(HeldUsers.label) == "held by bob@jump-2 on jump-2 since 14:13, ticket INC-1")
        leasing.set([])
        sink.yield(TeamActivityEvent(kind: .leaseReleased, tenant: "contoso", user: "u-bob", operator: "bob@jump-2", host: "jump-2", at: Self.at + 60))
        let released = await h.wait { $0.held.leases.isEmpty }
        #expect(released.held.leases.isEmpty)
        sink.finish()
    }

    @Test func onlyALeaseEventReadsTheLeasesAgain() {
        var state = BrowserState(tenant: FakeIdentityProvider(users: []).tenant)
        let job = TeamActivityEvent(kind: .job, operator: "bob@jump-2", job: "job-1", state: "running", at: Self.at)
        #expect(state.apply(.activityArrived(job)) == [.jobsChanged])
        for kind in [TeamActivityEvent.Kind.leaseTaken, .leaseReleased] {
            let event = TeamActivityEvent(kind: kind, tenant: "contoso", user: "u-bob", operator: "bob@jump-2", host: "jump-2", at: Self.at)
            #expect(state.apply(.activityArrived(event)) == [.readLeases], "\(kind)")
        }
        let audit = TeamActivityEvent(kind: .audit, tenant: "contoso", user: "u-bob", action: "delete method", outcome: "succeeded", at: Self.at)
        #expect(state.apply(.activityArrived(audit)).isEmpty)
    }

    @Test func theLabelSaysWhoWhereSinceWhenAndTheTicketIfAny() {
        #expect(HeldUsers.label(Self.lease("u-alice", by: Self.bob)) == "held by bob@jump-2 on jump-2 since 14:13, ticket INC-1")
        var noTicket = Self.bob
        noTicket.ticket = nil
        #expect(HeldUsers.label(Self.lease("u-alice", by: noTicket)) == "held by bob@jump-2 on jump-2 since 14:13")
    }
}

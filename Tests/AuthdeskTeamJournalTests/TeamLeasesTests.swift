import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// Leases on users against a real PostgreSQL server, with two "hosts" (two pools, as two
/// authdesk processes would have): one holder at a time, the others told who holds it.
@Suite(.serialized) struct TeamLeasesTests {
    let adele = UserLease.Key(tenant: "contoso", userID: "u-adele")
    let hostA = UserLease.Holder(token: "token-a", operatorName: "alice@jump-1", host: "jump-1", pid: 4101, ticket: "INC-1")
    let hostB = UserLease.Holder(token: "token-b", operatorName: "bob@jump-2", host: "jump-2", pid: 5202, ticket: "INC-2")

    func withTwoHosts(_ body: (TeamLeases, TeamLeases) async throws -> Void) async throws {
        try await TwoTeamHosts.run { one, two in try await body(TeamLeases(database: one), TeamLeases(database: two)) }
    }

    func granted(_ outcome: UserLeaseOutcome) throws -> UserLease {
        guard case .granted(let lease) = outcome else { throw TeamJournalError("expected a grant, got \(outcome)") }
        return lease
    }

    func held(_ outcome: UserLeaseOutcome) throws -> UserLease {
        guard case .heldByAnother(let lease) = outcome else { throw TeamJournalError("expected a refusal, got \(outcome)") }
        return lease
    }

    @Test func theSecondOperatorIsToldWhoHoldsTheUser() async throws {
        try await withTwoHosts { a, b in
            let lease = try granted(try await a.acquire(adele, as: hostA, for: .seconds(60)))
            #expect(lease.holder == hostA)
            #expect(lease.expiresAt.timeIntervalSince(lease.since) > 59)
            let refusal = try held(try await b.acquire(adele, as: hostB, for: .seconds(60)))
            #expect(refusal.holder == hostA)
            #expect(refusal.since == lease.since)
            // The other host's release does not free it; the holder's does.
            try await b.release(adele, as: hostB)
            _ = try held(try await b.acquire(adele, as: hostB, for: .seconds(60)))
            try await a.release(adele, as: hostA)
            #expect(try await a.lease(on: adele) == nil)
            #expect(try granted(try await b.acquire(adele, as: hostB, for: .seconds(60))).holder == hostB)
        }
    }

    @Test func theHolderRenewsKeepingSinceAndLosesALapsedLeaseTakenByAnother() async throws {
        try await withTwoHosts { a, b in
            let first = try granted(try await a.acquire(adele, as: hostA, for: .seconds(5)))
            let again = try granted(try await a.acquire(adele, as: hostA, for: .seconds(120)))
            #expect(again.since == first.since)
            #expect(again.expiresAt > first.expiresAt)
            #expect(try await a.renew(adele, as: hostA, for: .seconds(60)))
            // A crashed holder: its lease lapses (zero length: already over by the next statement).
            _ = try granted(try await a.acquire(adele, as: hostA, for: .zero))
            #expect(try await b.lease(on: adele) == nil)
            let taken = try granted(try await b.acquire(adele, as: hostB, for: .seconds(60)))
            #expect(taken.holder == hostB)
            #expect(taken.since > first.since)
            #expect(try await a.renew(adele, as: hostA, for: .seconds(60)) == false)
            #expect(try held(try await a.acquire(adele, as: hostA, for: .seconds(60))).holder == hostB)
        }
    }

    @Test func manyAskingAtOnceGiveExactlyOneHolder() async throws {
        try await withTwoHosts { a, b in
            let outcomes = try await withThrowingTaskGroup(of: UserLeaseOutcome.self) { group in
                for index in 0..<20 {
                    let holder = UserLease.Holder(
                        token: "token-\(index)", operatorName: "op\(index)", host: index.isMultiple(of: 2) ? "jump-1" : "jump-2",
                        pid: Int32(index), ticket: nil)
                    let leases = index.isMultiple(of: 2) ? a : b
                    group.addTask { try await leases.acquire(adele, as: holder, for: .seconds(60)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { outcome -> UserLease? in
                if case .granted(let lease) = outcome { return lease }
                return nil
            }
            #expect(winners.count == 1)
            let winner = try #require(winners.first)
            for outcome in outcomes where outcome != .granted(winner) {
                #expect(try held(outcome).holder == winner.holder)
            }
        }
    }

    @Test func activeListsTheLeasesInForceOnly() async throws {
        try await withTwoHosts { a, b in
            let ben = UserLease.Key(tenant: "fabrikam", userID: "u-ben")
            let cameron = UserLease.Key(tenant: "contoso", userID: "u-cameron")
            _ = try granted(try await a.acquire(adele, as: hostA, for: .seconds(60)))
            _ = try granted(try await b.acquire(ben, as: hostB, for: .seconds(60)))
            _ = try granted(try await b.acquire(cameron, as: hostB, for: .zero))
            let active = try await a.active()
            #expect(active.map(\.key) == [adele, ben])
            #expect(active.map(\.holder.host) == ["jump-1", "jump-2"])
        }
    }
}

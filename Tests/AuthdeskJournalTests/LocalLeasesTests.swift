import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import Synchronization
import Testing

/// Leases in the state folder (one host, no team journal): two processes (two handles on one
/// file) never both hold a user; a refusal names the holder; a lease not renewed lapses on this
/// host's clock (a manual one here) and is then taken over.
@Suite struct LocalLeasesTests {
    let adele = UserLease.Key(tenant: "contoso", userID: "u-adele")
    let first = UserLease.Holder(token: "token-1", operatorName: "alice@jump-1", host: "jump-1", pid: 4101, ticket: "INC-1")
    let second = UserLease.Holder(token: "token-2", operatorName: "alice@jump-1", host: "jump-1", pid: 4102, ticket: nil)

    @Test func oneHolderAtATimeAndTheOtherIsToldWho() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let clock = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
        let url = fixture.directory.appendingPathComponent("leases.sqlite")
        let one = try LocalLeases(url: url, now: { clock.withLock { $0 } })
        let two = try LocalLeases(url: url, now: { clock.withLock { $0 } })

        guard case .granted(let lease) = try await one.acquire(adele, as: first, for: .seconds(30)) else {
            Issue.record("a free user was refused")
            return
        }
        #expect(lease.holder == first && lease.expiresAt == Date(timeIntervalSince1970: 1_790_000_030))
        guard case .heldByAnother(let held) = try await two.acquire(adele, as: second, for: .seconds(30)) else {
            Issue.record("a held user was granted to a second process")
            return
        }
        #expect(held.holder == first)
        #expect(held.heldSentence(user: "Adele Vance") ==
            "Adele Vance is being changed by alice@jump-1 on jump-1 (process 4101) since 2026-09-21 14:13:20 UTC, ticket INC-1")
        // Renewed by its holder, it stays; the other cannot renew or release what is not theirs.
        clock.withLock { $0 += 20 }
        #expect(try await one.renew(adele, as: first, for: .seconds(30)))
        #expect(try await !two.renew(adele, as: second, for: .seconds(30)))
        try await two.release(adele, as: second)
        clock.withLock { $0 += 20 }
        #expect(try await two.lease(on: adele)?.holder == first)
        #expect(try await two.active().map(\.key) == [adele])
        try await one.release(adele, as: first)
        #expect(try await two.lease(on: adele) == nil)
        guard case .granted = try await two.acquire(adele, as: second, for: .seconds(30)) else {
            Issue.record("a released user was refused")
            return
        }
    }

    @Test func aLeaseNotRenewedLapsesAndIsTakenOver() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let clock = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
        let leases = try LocalLeases(url: fixture.directory.appendingPathComponent("leases.sqlite"), now: { clock.withLock { $0 } })
        guard case .granted = try await leases.acquire(adele, as: first, for: .seconds(30)) else {
            Issue.record("a free user was refused")
            return
        }
        clock.withLock { $0 += 29 }
        guard case .heldByAnother = try await leases.acquire(adele, as: second, for: .seconds(30)) else {
            Issue.record("a lease was taken before it lapsed")
            return
        }
        clock.withLock { $0 += 1 }
        #expect(try await leases.lease(on: adele) == nil)
        guard case .granted(let taken) = try await leases.acquire(adele, as: second, for: .seconds(30)) else {
            Issue.record("a lapsed lease was not taken over")
            return
        }
        #expect(taken.since == Date(timeIntervalSince1970: 1_790_000_030), "a new holder's lease starts now")
        #expect(try await !leases.renew(adele, as: first, for: .seconds(30)), "the first holder has lost it")
    }

    @Test func twentyConcurrentAskersHaveExactlyOneWinner() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let url = fixture.directory.appendingPathComponent("leases.sqlite")
        let handles = try (0..<4).map { _ in try LocalLeases(url: url) }
        let winners = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                let holder = UserLease.Holder(token: "token-\(index)", operatorName: "op\(index)@h", host: "h", pid: Int32(index), ticket: nil)
                group.addTask {
                    if case .granted = try? await handles[index % 4].acquire(adele, as: holder, for: .seconds(30)) { return true }
                    return false
                }
            }
            var count = 0
            for await won in group where won { count += 1 }
            return count
        }
        #expect(winners == 1)
    }
}

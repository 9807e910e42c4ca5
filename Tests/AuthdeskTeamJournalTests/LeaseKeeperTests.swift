import AuthdeskConfig
import AuthdeskJournal
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Synchronization
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
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let url = try TeamJournalURL(cluster.url(), source: "test")
        let one = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        let two = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
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
        await one.close()
        await two.close()
    }

    @Test func lapsesWhenTheHolderDiesAndIsThenReportedLost() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let url = try TeamJournalURL(cluster.url(), source: "test")
        let one = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        let two = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        let pause = ManualPause()
        let keeper = LeaseKeeper(leases: TeamLeases(database: one), holder: hostA, length: .seconds(1), pause: pause.pause)
        let other = TeamLeases(database: two)

        #expect(isGranted(try await keeper.hold(adele)))
        #expect(!isGranted(try await other.acquire(adele, as: hostB, for: .seconds(60))))
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

/// The keeper's wait between renewals, stepped by the test: each wait is announced on
/// ``asked`` (with its length) and ends when the test calls ``proceed()``.
final class ManualPause: Sendable {
    let asked: AsyncStream<Duration>
    private let ask: AsyncStream<Duration>.Continuation
    private let state = Mutex<(permits: Int, waiting: [CheckedContinuation<Void, Never>])>((0, []))

    init() {
        (asked, ask) = AsyncStream.makeStream(of: Duration.self)
    }

    var pause: LeaseKeeper.Pause {
        { [self] interval in
            ask.yield(interval)
            await withCheckedContinuation { continuation in
                let go = state.withLock { state in
                    guard state.permits > 0 else {
                        state.waiting.append(continuation)
                        return false
                    }
                    state.permits -= 1
                    return true
                }
                if go { continuation.resume() }
            }
        }
    }

    /// Ends the current wait (or the next one, if none is waiting yet).
    func proceed() {
        let woken = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.permits += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        woken?.resume()
    }
}

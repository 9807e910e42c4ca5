import AuthdeskBulkReset
import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// The engine holds each user's lease in the team's PostgreSQL while the user runs: a user
/// another host holds is deferred, and failed naming the holder if still held at the end, with
/// nothing sent for them; once free, it runs, sending only what is still there.
@Suite(.serialized, .timeLimit(.minutes(5))) struct BulkResetEngineLeaseTests {
    typealias F = JournalFixture
    typealias Setup = BulkResetEngineTests.Setup

    let adele = UserLease.Key(tenant: "contoso", userID: "u-adele")
    let otherHost = UserLease.Holder(token: "token-b", operatorName: "bob@jump-2", host: "jump-2", pid: 5202, ticket: "INC-9")

    /// A fresh PostgreSQL with two handles: the engine's host and another host.
    func withTeam(_ body: (TeamLeases, TeamLeases) async throws -> Void) async throws {
        try await TwoTeamHosts.run { one, two in try await body(TeamLeases(database: one), TeamLeases(database: two)) }
    }

    /// The other host takes Adele first.
    func otherTakesAdele(_ other: TeamLeases) async throws {
        let taken = if case .granted = try await other.acquire(adele, as: otherHost, for: .seconds(60)) { true } else { false }
        try #require(taken, "the other host could not take Adele")
    }

    @Test func aUserHeldByAnotherHostIsFailedNamingTheHolderAndNothingIsSentForThem() async throws {
        try await withTeam { mine, other in
            let setup = try await Setup()
            defer { setup.fixture.remove() }
            try await otherTakesAdele(other)
            let leases = BulkLeases(leasing: mine, recheckEveryUser: true, deferralWait: .zero)
            let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers, leases: leases)
            _ = await BulkResetEngineTests.collect(try await engine.run("job-1"))

            #expect(await setup.contoso.log.allSatisfy { !$0.hasPrefix("u-adele") }, "nothing sent for Adele")
            #expect(await setup.fabrikam.log == ["u-ben hw-1 deactivate"])
            let summary = try await setup.journal.summary(of: "job-1")
            let byID = Dictionary(uniqueKeysWithValues: summary.users.map { ($0.user.userID, $0.user) })
            #expect(byID["u-adele"]?.state == .failed)
            let reason = byID["u-adele"]?.reason ?? ""
            #expect(reason.contains("Adele Vance is being changed by bob@jump-2 on jump-2 (process 5202) since "))
            #expect(reason.contains("ticket INC-9") && reason.contains("nothing was sent"))
            #expect(byID["u-ben"]?.state == .done && byID["u-cameron"]?.state == .done)
            // The run gave up its own leases; the other host's stays.
            #expect(try await mine.active().map(\.holder) == [otherHost])
        }
    }

    @Test func aHeldUserIsAskedForEachIntervalUntilTheDeferralWaitPassesOnTheEnginesClock() async throws {
        try await withTeam { mine, other in
            let setup = try await Setup()
            defer { setup.fixture.remove() }
            try await otherTakesAdele(other)
            let waits = ThrottledResendTests.EngineWaits()
            let leases = BulkLeases(
                leasing: mine, recheckEveryUser: true, deferralWait: .seconds(30), retryInterval: .seconds(2))
            let engine = try BulkResetEngine(
                journal: setup.journal, removers: setup.removers, now: waits.now, leases: leases, sleep: waits.sleep)
            _ = await BulkResetEngineTests.collect(try await engine.run("job-1"))

            #expect(waits.asked == Array(repeating: .seconds(2), count: 15), "30 s of the manual clock, 2 s apart")
            let adele = try #require(try await setup.journal.summary(of: "job-1").users.first { $0.user.userID == "u-adele" })
            #expect(adele.user.state == .failed && adele.user.reason?.contains("bob@jump-2") == true)
            #expect(await setup.contoso.log.allSatisfy { !$0.hasPrefix("u-adele") }, "nothing sent for Adele")
        }
    }

    @Test func whileAUserRunsItsLeaseIsTheJobsAndItIsGivenUpAfter() async throws {
        try await withTeam { mine, other in
            let gate = Gate()
            let setup = try await Setup(gate: gate)
            defer { setup.fixture.remove() }
            let engine = try BulkResetEngine(
                journal: setup.journal, removers: setup.removers, leases: BulkLeases(leasing: mine, recheckEveryUser: false))
            let events = try await engine.run("job-1")
            var arrivals = gate.arrivals.makeAsyncIterator()
            var arrived: Set<String> = []
            while !arrived.contains(where: { $0.hasPrefix("u-adele") }), let next = await arrivals.next() { arrived.insert(next) }
            // Adele's first step is in flight: another host is refused, told the job's operator and ticket.
            guard case .heldByAnother(let lease) = try await other.acquire(adele, as: otherHost, for: .seconds(60)) else {
                Issue.record("another host took a user the job is running")
                await gate.open()
                return
            }
            #expect(lease.holder.operatorName == "op@contoso.com" && lease.holder.ticket == "INC-5")
            #expect(lease.holder.pid == ProcessInfo.processInfo.processIdentifier)
            await gate.open()
            _ = await BulkResetEngineTests.collect(events)
            #expect(try await setup.journal.summary(of: "job-1").counts.usersDone == 3)
            #expect(try await mine.active().isEmpty)
        }
    }

    @Test func aDeferredUserRunsOnceFreedSendingOnlyWhatIsStillThere() async throws {
        try await withTeam { mine, other in
            let setup = try await Setup()
            defer { setup.fixture.remove() }
            try await otherTakesAdele(other)
            let leases = BulkLeases(
                leasing: mine, recheckEveryUser: false, deferralWait: .seconds(60), retryInterval: .milliseconds(20))
            let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers, leases: leases)
            let events = try await engine.run("job-1")
            var finished = 0
            var collected: [BulkResetEvent] = []
            for await event in events {
                collected.append(event)
                guard case .userFinished = event else { continue }
                finished += 1
                if finished == 2 {
                    // The other host's job removed Adele's alternate phone, then let her go.
                    await setup.contoso.remove(PhoneType.alternateMobile.methodID, of: "u-adele")
                    try await other.release(adele, as: otherHost)
                }
            }
            #expect(await setup.contoso.log == [
                "u-adele \(PhoneType.mobile.methodID) delete", "u-adele ma-1 delete",
            ], "the alternate phone, gone already, is not sent again")
            let summary = try await setup.journal.summary(of: "job-1")
            #expect(summary.users.allSatisfy { $0.user.state == .done })
            #expect(summary.counts.stepsDone == summary.counts.steps, "the step not sent is journalled done")
            let gone = try #require(summary.users.first { $0.user.userID == "u-adele" }?.steps.first {
                $0.methodID == PhoneType.alternateMobile.methodID
            })
            #expect(gone.state == .done && gone.httpStatus == nil && gone.errorCode == StepAnswer.alreadyRemovedCode)
            let audited = try await setup.journal.audit(job: "job-1").filter { $0.target?.contains(PhoneType.alternateMobile.methodID) == true }
            #expect(audited.map(\.detail) == [StepAnswer.alreadyRemoved.message], "audited as not sent")
            #expect(try await mine.active().isEmpty)
        }
    }

    @Test func aUserWhoseMethodsAreAllGoneIsDoneWithoutARequest() async throws {
        try await withTeam { mine, _ in
            let setup = try await Setup()
            defer { setup.fixture.remove() }
            for method in [PhoneType.alternateMobile.methodID, PhoneType.mobile.methodID, "ma-1"] {
                await setup.contoso.remove(method, of: "u-adele")
            }
            let engine = try BulkResetEngine(
                journal: setup.journal, removers: setup.removers, leases: BulkLeases(leasing: mine, recheckEveryUser: true))
            _ = await BulkResetEngineTests.collect(try await engine.run("job-1"))
            #expect(await setup.contoso.log.isEmpty)
            let adele = try #require(try await setup.journal.summary(of: "job-1").users.first { $0.user.userID == "u-adele" })
            #expect(adele.user.state == .done)
            #expect(adele.user.reason?.contains("removed before this job held the user") == true)
            #expect(adele.steps.allSatisfy { $0.state == .done && $0.httpStatus == nil }, "journalled done, nothing sent")
        }
    }
    @Test func aLeaseTakenOverWhileTheUserRunsStopsTheirRemainingSteps() async throws {
        try await withTeam { mine, other in
            let gate = Gate()
            let setup = try await Setup(gate: gate)
            defer { setup.fixture.remove() }
            let pause = ManualPause()
            let leases = BulkLeases(leasing: mine, length: .seconds(1), recheckEveryUser: false, pause: pause.pause)
            let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers, leases: leases)
            let events = try await engine.run("job-1")
            var arrivals = gate.arrivals.makeAsyncIterator()
            var arrived: Set<String> = []
            while !arrived.contains(where: { $0.hasPrefix("u-adele") }), let next = await arrivals.next() { arrived.insert(next) }
            // Adele's first step is in flight and nothing renews her lease: it lapses (the
            // server's clock) and the other host takes her.
            var taken = false
            let start = ContinuousClock.now
            while !taken, ContinuousClock.now - start < .seconds(20) {
                taken = if case .granted = try await other.acquire(adele, as: otherHost, for: .seconds(60)) { true } else { false }
                if !taken { try await Task.sleep(for: .milliseconds(100)) }
            }
            try #require(taken)
            // The run's next renewal finds the lease lost; then the step in flight ends.
            var asked = pause.asked.makeAsyncIterator()
            _ = await asked.next()
            pause.proceed()
            _ = await asked.next()
            await gate.open()
            _ = await BulkResetEngineTests.collect(events)

            #expect(await setup.contoso.log.filter { $0.hasPrefix("u-adele") }.count == 1, "no step sent after the loss")
            let row = try #require(try await setup.journal.summary(of: "job-1").users.first { $0.user.userID == "u-adele" })
            #expect(row.user.state == .failed)
            #expect(row.user.reason?.contains("lease: lost while the user ran") == true)
            #expect(try await mine.lease(on: adele)?.holder == otherHost)
        }
    }
}

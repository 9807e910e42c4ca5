import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct BulkResetEngineTests {
    typealias F = JournalFixture

    /// The fixture's users as two fake tenants, and the job planned from them in the journal.
    struct Setup {
        let fixture: F
        let journal: Journal
        let contoso: FakeDirectory
        let fabrikam: FakeDirectory
        var removers: [String: any MethodRemover] { ["contoso": contoso, "fabrikam": fabrikam] }

        init(gate: Gate? = nil) async throws {
            fixture = try F()
            journal = try fixture.open()
            contoso = FakeDirectory(
                methods: ["u-adele": [F.password, F.mobile, F.alternate, F.authenticator], "u-cameron": [F.password]],
                defaults: ["u-adele": "ma-1"], gate: gate)
            fabrikam = FakeDirectory(methods: ["u-ben": [F.password, F.token, F.fido2]], gate: gate)
            try await journal.createJob(F.plan(), operatorName: "op@contoso.com", ticket: "INC-5", id: "job-1", at: F.time(0))
        }
    }

    static func collect(_ stream: AsyncStream<BulkResetEvent>) async -> [BulkResetEvent] {
        var events: [BulkResetEvent] = []
        for await event in stream { events.append(event) }
        return events
    }

    @Test func aJobRunsEveryStepInPlanOrderAndVerifiesEachUser() async throws {
        let setup = try await Setup()
        defer { setup.fixture.remove() }
        let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers, now: { F.time(100) })
        let events = await Self.collect(try await engine.run("job-1"))

        #expect(await setup.contoso.log == [
            "u-adele \(PhoneType.alternateMobile.methodID) delete", "u-adele \(PhoneType.mobile.methodID) delete", "u-adele ma-1 delete",
        ])
        #expect(await setup.fabrikam.log == ["u-ben hw-1 deactivate"])
        #expect(await setup.contoso.methodsByUser["u-adele"] == [F.password])
        #expect(await setup.contoso.reads.sorted() == ["u-adele", "u-cameron"], "each user verified once")
        guard case .started(_, let users, let steps) = events.first, case .finished(let state, let counts) = events.last else {
            Issue.record("the stream starts with started and ends with finished: \(events)")
            return
        }
        #expect(users == 3 && steps == 4)
        #expect(state == .finished)
        #expect(counts.usersDone == 3 && counts.stepsDone == 4)
        #expect(try await setup.journal.job("job-1").state == .finished)
        try await setup.journal.createJob(F.plan(), id: "job-again")
        await #expect(throws: BulkResetError.alreadyStarted) { _ = try await engine.run("job-again") }
        let finishedUsers = events.compactMap { if case .userFinished(let user) = $0 { user.userID } else { nil } }
        #expect(Set(finishedUsers) == ["u-adele", "u-ben", "u-cameron"])
        let audit = try await setup.journal.audit(job: "job-1")
        #expect(audit.count == 4 && audit.allSatisfy { $0.outcome == .succeeded && $0.ticket == "INC-5" })
    }

    @Test func aFailedStepStopsThatUserOnlyAndKeepsTheServiceFacts() async throws {
        let setup = try await Setup()
        defer { setup.fixture.remove() }
        await setup.contoso.script(
            PhoneType.alternateMobile.methodID,
            StepAnswer(httpStatus: 403, errorCode: "accessDenied", message: "Request Authorization failed", requestID: "r-403"))
        await setup.fabrikam.script("hw-1", StepAnswer(httpStatus: 400, errorCode: "badRequest", message: "Token busy", requestID: "r-400"))
        let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers)
        _ = await Self.collect(try await engine.run("job-1"))

        #expect(await setup.contoso.log.filter { $0.hasPrefix("u-adele") }.count == 1)
        let summary = try await setup.journal.summary(of: "job-1")
        let adele = summary.users[0]
        #expect(adele.user.state == .failed)
        #expect(adele.user.reason?.contains("HTTP 403 accessDenied") == true)
        #expect(adele.user.reason?.contains("request id r-403") == true)
        #expect(adele.stepsFailed == 1 && adele.stepsUntouched == 2)
        #expect(summary.users[1].user.reason == "Deactivate Hardware OATH token: HTTP 400 badRequest: Token busy (request id r-400)")
        #expect(summary.users[2].user.state == .done)
        #expect(summary.job.state == .finished)
    }

    @Test func verifyFailsAUserWhoseMethodIsStillThere() async throws {
        let setup = try await Setup()
        defer { setup.fixture.remove() }
        await setup.contoso.makeSticky("ma-1")
        let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers)
        _ = await Self.collect(try await engine.run("job-1"))
        let adele = try await setup.journal.users(of: "job-1")[0]
        #expect(adele.state == .failed)
        #expect(adele.reason?.contains("still there") == true && adele.reason?.contains("ma-1") == true)
    }

    @Test func resumeAfterACrashResendsTheSentStepAndNothingDone() async throws {
        let setup = try await Setup()
        defer { setup.fixture.remove() }
        // Before the crash: the first step was answered, the second was sent (and reached the
        // service), then the process died.
        try await setup.journal.setJobState("job-1", to: .running)
        let adele = try await setup.journal.users(of: "job-1")[0]
        let steps = try await setup.journal.steps(ofUser: adele.id)
        try await setup.journal.markSent(step: steps[0].id)
        try await setup.journal.recordAnswer(step: steps[0].id, StepAnswer(httpStatus: 204))
        await setup.contoso.remove(steps[0].methodID, of: "u-adele")
        try await setup.journal.markSent(step: steps[1].id)
        await setup.contoso.remove(steps[1].methodID, of: "u-adele")

        let afterRestart = try setup.fixture.open()
        let engine = try BulkResetEngine(journal: afterRestart, removers: setup.removers)
        let events = await Self.collect(try await engine.run("job-1"))
        guard case .started(_, _, let stepCount) = events.first else {
            Issue.record("no started event")
            return
        }
        #expect(stepCount == 3)
        #expect(await setup.contoso.log == ["u-adele \(steps[1].methodID) delete", "u-adele ma-1 delete"])
        let after = try await afterRestart.steps(ofUser: adele.id)
        #expect(after.map(\.state) == [.done, .done, .done])
        #expect(after.map(\.attempts) == [1, 2, 1])
        #expect(after[1].httpStatus == 404)
        #expect(try await afterRestart.job("job-1").state == .finished)
    }

    @Test func atMostTheLimitPerTenantAndTenantsInParallel() async throws {
        let contosoGate = Gate()
        let fabrikamGate = Gate()
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        var methods: [String: [AuthMethod]] = [:]
        var users: [UserResetPlan] = []
        for n in 1...5 {
            methods["u\(n)"] = [F.mobile]
            users.append(UserResetPlan(
                tenant: "contoso", user: DirectoryUser(id: "u\(n)", displayName: "U\(n)", principalName: "u\(n)@c"),
                methods: [F.mobile], policy: .all))
        }
        users.append(UserResetPlan(
            tenant: "fabrikam", user: DirectoryUser(id: "f1", displayName: "F1", principalName: "f1@f"), methods: [F.mobile], policy: .all))
        let contoso = FakeDirectory(methods: methods, gate: contosoGate)
        let fabrikam = FakeDirectory(methods: ["f1": [F.mobile]], gate: fabrikamGate)
        try await journal.createJob(ResetJobPlan(policy: .all, users: users), id: "job-2")
        let engine = try BulkResetEngine(journal: journal, removers: ["contoso": contoso, "fabrikam": fabrikam], perTenantLimit: 2)
        let stream = try await engine.run("job-2")
        var contosoArrivals = contosoGate.arrivals.makeAsyncIterator()
        var fabrikamArrivals = fabrikamGate.arrivals.makeAsyncIterator()
        var seen: [String] = []
        for _ in 0..<2 { seen.append(await contosoArrivals.next() ?? "") }
        #expect(await fabrikamArrivals.next() == "f1 \(PhoneType.mobile.methodID)", "the other tenant runs alongside")
        #expect(await contoso.inFlight == 2)
        await fabrikamGate.open()
        for _ in 0..<3 {
            await contosoGate.release()
            seen.append(await contosoArrivals.next() ?? "")
        }
        await contosoGate.open()
        let events = await Self.collect(stream)
        #expect(await contoso.maxInFlight == 2)
        #expect(Set(seen).count == 5)
        guard case .finished(_, let counts) = events.last else {
            Issue.record("no finished event")
            return
        }
        #expect(counts.usersDone == 6)
    }

    @Test func pauseHoldsBeforeTheNextStepAndResumeGoesOn() async throws {
        let gate = Gate()
        let setup = try await Setup(gate: gate)
        defer { setup.fixture.remove() }
        let engine = try BulkResetEngine(journal: setup.journal, removers: ["contoso": setup.contoso, "fabrikam": setup.fabrikam])
        var events = try await engine.run("job-1").makeAsyncIterator()
        var arrivals = gate.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        _ = await arrivals.next()
        try await engine.pause()
        #expect(try await setup.journal.job("job-1").state == .paused)
        await gate.release(2)
        var finishedWhilePaused = 0
        var holding: Set<String> = []
        while holding.count < 2, let event = await events.next() {
            if case .stepFinished = event { finishedWhilePaused += 1 }
            if case .holding(_, let user) = event { holding.insert(user) }
        }
        #expect(finishedWhilePaused == 2, "the steps in flight finish and are journalled")
        #expect(holding == ["u-adele", "u-ben"])
        #expect(await setup.contoso.log.count + setup.fabrikam.log.count == 2, "nothing new starts while paused")
        try await engine.resume()
        #expect(try await setup.journal.job("job-1").state == .running)
        await gate.open()
        var last: BulkResetEvent?
        while let event = await events.next() { last = event }
        #expect(last == .finished(state: .finished, counts: try await setup.journal.summary(of: "job-1").counts))
        #expect(await setup.contoso.log.count == 3)
    }

    @Test func cancelFinishesTheStepInFlightAndLeavesTheRestPending() async throws {
        let gate = Gate()
        let setup = try await Setup(gate: gate)
        defer { setup.fixture.remove() }
        let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers, perTenantLimit: 1)
        let stream = try await engine.run("job-1")
        var arrivals = gate.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        _ = await arrivals.next()
        await engine.cancel()
        await gate.open()
        let events = await Self.collect(stream)
        guard case .finished(let state, let counts) = events.last else {
            Issue.record("no finished event")
            return
        }
        #expect(state == .cancelled)
        #expect(counts.stepsDone == 2 && counts.stepsPending == 2 && counts.stepsSent == 0)
        #expect(try await setup.journal.job("job-1").state == .cancelled)
        await #expect(throws: BulkResetError.self) {
            _ = try await BulkResetEngine(journal: setup.journal, removers: setup.removers).run("job-1")
        }
    }

    @Test func suspendFinishesTheStepInFlightAndLeavesTheJobPausedToResume() async throws {
        let gate = Gate()
        let setup = try await Setup(gate: gate)
        defer { setup.fixture.remove() }
        let engine = try BulkResetEngine(journal: setup.journal, removers: setup.removers, perTenantLimit: 1)
        let stream = try await engine.run("job-1")
        var arrivals = gate.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        _ = await arrivals.next()
        await engine.suspend()
        await gate.open()
        let events = await Self.collect(stream)
        guard case .finished(let state, let counts) = events.last else {
            Issue.record("no finished event")
            return
        }
        #expect(state == .paused)
        #expect(counts.stepsDone == 2 && counts.stepsPending == 2 && counts.stepsSent == 0)
        #expect(try await setup.journal.job("job-1").state == .paused)
        let before = await setup.contoso.log + setup.fabrikam.log

        let again = try BulkResetEngine(journal: setup.journal, removers: setup.removers)
        let rest = await Self.collect(try await again.run("job-1"))
        guard case .finished(.finished, let final)? = rest.last else {
            Issue.record("the resumed job did not finish: \(rest)")
            return
        }
        #expect(final.stepsDone == 4 && final.usersDone == 3)
        let after = await setup.contoso.log + setup.fabrikam.log
        #expect(after.count == 4, "nothing sent twice: \(after)")
        #expect(Set(after).count == 4 && Set(before).isSubset(of: Set(after)))
    }

    @Test func aJobWithATenantWithoutConnectionIsRefusedBeforeSending() async throws {
        let setup = try await Setup()
        defer { setup.fixture.remove() }
        let engine = try BulkResetEngine(journal: setup.journal, removers: ["contoso": setup.contoso])
        await #expect(throws: BulkResetError.noConnection(tenants: ["fabrikam"])) { _ = try await engine.run("job-1") }
        #expect(await setup.contoso.log.isEmpty)
        #expect(await setup.contoso.reads.isEmpty)
        #expect(try await setup.journal.job("job-1").state == .planned)
        #expect(throws: BulkResetError.invalidLimit(0)) { _ = try BulkResetEngine(journal: setup.journal, removers: [:], perTenantLimit: 0) }
    }
}

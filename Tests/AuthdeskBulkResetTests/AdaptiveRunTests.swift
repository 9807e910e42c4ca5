import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskSandbox
import AuthdeskServices
import Foundation
import Testing

/// A run's users at a time adapt to every answer of the sandbox, over real HTTP: latency that
/// rises backs the run off; a write budget near its end (`x-ms-throttle-limit-percentage` from
/// 80 %) keeps it from growing, where the same run on a fresh budget grows.
@Suite(.timeLimit(.minutes(2))) struct AdaptiveRunTests {
    /// ``ProviderRemover`` starting from a given number of users at a time.
    struct StartingAt: MethodRemover {
        let base: ProviderRemover
        let start: Int

        func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod] { try await base.methods(of: userID) }
        func defaultMethodID(of userID: String, among methods: [AuthMethod]) async throws(ServiceFailure) -> String? {
            try await base.defaultMethodID(of: userID, among: methods)
        }
        var readBatchSize: Int { base.readBatchSize }
        func readMethods(of userIDs: [String]) async -> [String: Result<UserMethods, ServiceFailure>] {
            await base.readMethods(of: userIDs)
        }
        func perform(_ step: PlanStep, of userID: String) async -> StepAnswer { await base.perform(step, of: userID) }
        func startingConcurrency(ceiling: Int) async -> Int { min(start, ceiling) }
        var loadObservers: LoadObservers? { base.loadObservers }
    }

    /// Plans the `.all` policy for the first `count` generated users of contoso and creates the job.
    static func job(
        _ count: Int, provider: GraphProvider, remover: any MethodRemover, journal: Journal
    ) async throws -> Int {
        let users = try await provider.searchUsers("", pageSize: 200).users
            .filter { !["helpdesk@contoso.com", "avery.howard@contoso.com"].contains($0.principalName) }
        let targets = users.suffix(count).map { ResetTarget(tenant: "contoso", user: $0) }
        let planned = try await BulkResetPlanner(removers: ["contoso": remover]).plan(targets, policy: .all)
        #expect(planned.unplanned.isEmpty)
        try await journal.createJob(planned.plan, operatorName: "helpdesk@contoso.com", id: "adaptive")
        return planned.plan.totals.steps
    }

    @Test func aRunWhoseLatencyRisesBacksOff() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 60))
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let provider = try ProviderRemoverTests.graph(sandbox, tenant: "contoso")
        let remover = ProviderRemover(provider: provider)
        let journal = try fixture.open()
        _ = try await Self.job(40, provider: provider, remover: remover, journal: journal)
        let engine = try BulkResetEngine(journal: journal, removers: ["contoso": remover], perTenantLimit: 8)
        var finished = 0
        var slowedAt: Int?
        var backOffsBefore = 0
        var backedOffTo: Int?
        for await event in try await engine.run("adaptive") {
            guard case .userFinished = event else { continue }
            finished += 1
            let concurrency = try #require(engine.concurrency(of: "contoso"))
            if finished == 8 {
                // A busy machine may already have slowed an answer or two: count from here.
                slowedAt = await concurrency.limit
                backOffsBefore = await concurrency.backOffs
                sandbox.setLatency(milliseconds: 900)
            } else if backedOffTo == nil, slowedAt != nil, await concurrency.backOffs >= backOffsBefore + 2 {
                backedOffTo = await concurrency.limit
                sandbox.setLatency(milliseconds: 0)
            }
        }
        let summary = try await journal.summary(of: "adaptive")
        #expect(summary.users.allSatisfy { $0.user.state == .done })
        let before = try #require(slowedAt)
        try #require(before > 1, "the test needs room to back off")
        let after = try #require(backedOffTo, "answers 900 ms slower than the fastest back the run off")
        #expect(after < before)
        await sandbox.stop()
    }

    /// Runs 8 users from 2 at a time (ceiling 16) on a sandbox whose write budget is 1,000, of
    /// which `spent` writes were spent just before; returns the run's concurrency. The sandbox's
    /// clock stands still, so its budget does not refill however long a loaded machine takes to
    /// spend it (the run would then no longer be near the limit).
    static func runNearTheBudget(spent: Int) async throws -> AdaptiveConcurrency {
        var options = SandboxOptions(usersPerTenant: 20, graphWriteBudget: 1000)
        let frozen = Date()
        options.now = { frozen }
        let sandbox = try await Sandbox.start(options)
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let provider = try ProviderRemoverTests.graph(sandbox, tenant: "contoso")
        let remover = StartingAt(base: ProviderRemover(provider: provider), start: 2)
        let journal = try fixture.open()
        let steps = try await Self.job(8, provider: provider, remover: remover, journal: journal)
        #expect(steps <= 40, "the run stays within the budget left: no 429")
        let spender = try ProviderRemoverTests.graph(sandbox, tenant: "contoso")
        let someone = try await provider.user("avery.howard@contoso.com")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for part in 0..<8 {
                group.addTask {
                    for _ in stride(from: part, to: spent, by: 8) { try await spender.setDefaultMethod(of: someone.id, to: .sms) }
                }
            }
            try await group.waitForAll()
        }
        let engine = try BulkResetEngine(journal: journal, removers: ["contoso": remover], perTenantLimit: 16)
        for await _ in try await engine.run("adaptive") {}
        let summary = try await journal.summary(of: "adaptive")
        #expect(summary.users.allSatisfy { $0.user.state == .done })
        #expect(sandbox.stats().byStatus[429, default: 0] == 0)
        await sandbox.stop()
        return try #require(engine.concurrency(of: "contoso"))
    }

    @Test func aRunWithTheThrottleHeaderNearTheLimitDoesNotGrow() async throws {
        let near = try await Self.runNearTheBudget(spent: 960)
        #expect(await near.peak == 2, "answers at 96 % of the write budget and more hold it at 2")
        let fresh = try await Self.runNearTheBudget(spent: 0)
        #expect(await fresh.peak > 2, "the same run on a fresh budget grows")
    }
}
